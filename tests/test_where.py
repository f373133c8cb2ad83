"""qa/where.py: which place answers a where-question."""

from __future__ import annotations

from qa.question import analyze
from tests.helpers import answered, hit_of, value, value_in


def test_where_takes_a_place_the_act_happened_in(word_model):
    from qa.slots import typed_kinds
    from qa.where import locates_act

    q = analyze("In what part of town did the robbery take place?")
    assert q.qtype == "where" and "object" in typed_kinds(q)
    text = "Thieves robbed the shop in a quiet district, in front of a station, in a van."
    sentence = value("sentence", text, "x")
    district, front, van = (
        value_in(sentence, "object", "a quiet district", "district", head="rob:in"),
        value_in(sentence, "object", "front of a station", "front", head="rob:in"),
        value_in(sentence, "object", "a van", "van", head="rob:in"),
    )
    assert locates_act(q, district, [sentence, district])
    assert locates_act(q, front, [sentence, front])  # "in front of": the place follows
    assert not locates_act(q, van, [sentence, van])  # a thing, not a place
    parked = value_in(sentence, "object", "a quiet district", "district", head="park:in")
    assert not locates_act(q, parked, [sentence, parked])  # another act's place


def test_a_place_after_the_source_is_not_a_source():
    from qa.where import a_source

    sentence = value("sentence", "Rescuers from Spain arrived in Rabat on Sunday.", "x")
    assert a_source(value_in(sentence, "place", "Spain", "spain"), sentence)
    assert not a_source(value_in(sentence, "place", "Rabat", "rabat"), sentence)


def test_where_it_was_heading_is_the_place_it_went_to(word_model):
    from qa.where import a_destination
    from tests.helpers import places_hit

    text = "The coach, on its way from Ruse to the port city of Varna, overturned near Burgas."
    norm = "coach way ruse port city varna overturn burgas"
    hit = places_hit(text, norm, ["Ruse", "Varna", "Burgas"], "The coach", "overturn")
    # no act of heading is named: the phrase of direction says it
    assert answered("Where was the coach heading?", hit) == ["Varna"]
    bound = value("sentence", "It was bound for Varna's old town.", "x")
    assert not a_destination(value_in(bound, "place", "Varna", "varna"), bound)  # whose town


def test_a_part_of_a_place_locates_the_act(word_model):
    from qa.where import locates_act

    q = analyze("Where were the witnesses seated?")
    sentence = value("sentence", "The witnesses sat in the back row of the hall.", "x")
    row = value_in(sentence, "object", "the back row of the hall", "row", head="sit:in")
    assert locates_act(q, row, [sentence, row])
    chairs = value("sentence", "The witnesses sat in the back row of chairs.", "x")
    pen = value_in(chairs, "object", "the back row of chairs", "row", head="sit:in")
    assert not locates_act(q, pen, [chairs, pen])  # a row of things, not in a place


def test_the_thing_heading_somewhere_is_named_by_a_whole_word(word_model):
    from qa.where import goes_to

    q = analyze("Where was the bus heading?")
    text = "A business, on its way to Varna, was hit by a truck."
    sentence = value("sentence", text, "business way varna hit truck")
    varna = value_in(sentence, "place", "Varna", "varna", head="GPE")
    assert not goes_to(q, varna, sentence, [sentence, varna])  # "bus" is not "business"
    buses = value("sentence", "Two buses, on their way to Varna, were hit by a truck.", "x")
    to = value_in(buses, "place", "Varna", "varna", head="GPE")
    assert goes_to(q, to, buses, [buses, to])


def test_a_place_told_from_the_thing_asked_is_not_its_place():
    from qa.where import lies_near_it

    q = analyze("Where was the epicentre?")
    sentence = value("sentence", "Rescuers reached Amberley, near the epicentre, at dawn.", "x")
    amberley = value_in(sentence, "place", "Amberley", "amberley")
    assert lies_near_it(q, amberley, sentence)
    own = value("sentence", "The epicentre was in Amberley, the agency said.", "x")
    assert not lies_near_it(q, value_in(own, "place", "Amberley", "amberley"), own)
    whose = value("sentence", "Ruritania's interior ministry put the epicentre inland.", "x")
    assert lies_near_it(q, value_in(whose, "place", "Ruritania", "ruritania"), whose)


def test_a_place_told_from_another_is_a_place_of_its_own():
    from qa.where import anchor_of, relative_place

    text = "The tremor's epicentre lay some 60 km (37 miles) north-east of Varna, officials said."
    sentence = value("sentence", text, "x")
    varna = value_in(sentence, "organization", "Varna", "varna")  # a town the tagger missed
    told = relative_place(varna, sentence)
    assert told is not None and told.kind == "place"
    assert (told.text, told.norm) == (
        "some 60 km (37 miles) north-east of Varna",
        "northeast of varna",
    )
    other = value("sentence", "It struck 12 kms from Ruse.", "x")
    ruse = value_in(other, "place", "Ruse", "ruse")
    assert relative_place(ruse, other).norm == "from ruse"  # type: ignore[union-attr]
    rescuers = value("sentence", "Rescuers from Ruse arrived.", "x")
    assert relative_place(value_in(rescuers, "place", "Ruse", "ruse"), rescuers) is None
    # an object the tagger named no place in: its name at the end is the anchor
    struck = value("sentence", "It struck the area southwest of port city Varna.", "x")
    area = value_in(struck, "object", "southwest of port city Varna", "southwest")
    anchor = anchor_of(area)
    assert anchor is not None and anchor.text == "Varna"
    assert relative_place(anchor, struck).text == "southwest of port city Varna"  # type: ignore[union-attr]


def test_where_is_answered_by_the_place_told_not_the_one_it_is_told_from(word_model):
    from qa.claims import answers

    q = analyze("Where was the epicentre?")
    text = "The survey put the epicentre some 60 km north-east of Varna."
    sentence = value("sentence", text, "survey put epicentre 60 km northeast varna")
    varna = value_in(sentence, "place", "Varna", "varna", head="GPE")
    found = answers(q, hit_of(sentence, varna))
    assert [(v.text, v.norm) for v, _, _ in found] == [
        ("some 60 km north-east of Varna", "northeast of varna")
    ]


def test_a_route_name_answers_where_its_service_was_heading_or_came_from(word_model, tmp_path):
    from tests.helpers import extracted

    text = "Three coaches of the Leeds-York Flyer Express came off the rails near Selby."
    hit = hit_of(*extracted(text, tmp_path))
    assert answered("Where was the Flyer Express heading?", hit) == ["York"]
    assert answered("Where did the Flyer Express come from?", hit) == ["Leeds"]
    other = hit_of(*extracted("The Leeds-York Flyer Express hit the Night Express.", tmp_path))
    assert "York" not in answered("Where was the Night Express heading?", other)
    assert "York" not in answered("Where did the crash happen?", hit)  # no act's place
