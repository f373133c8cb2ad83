"""Rules of qa/measures.py: a number in the unit of the measure asked."""

from __future__ import annotations

from qa.measures import measures
from qa.question import analyze
from tests.helpers import value, value_in


def test_a_measure_question_takes_a_number_in_its_unit():
    sentence = value("sentence", "The train ran at 128 km/h, 40 km from the station.", "x")
    rate, away = (
        value_in(sentence, "number", "128 km", "n", head="km", act="run"),
        value_in(sentence, "number", "40 km", "n", head="km", act="station"),
    )
    assert measures("measure:fast", rate, sentence)  # km followed by /h is a speed
    assert not measures("measure:fast", away, sentence)  # a distance is not
    assert measures("measure:far", away, sentence)


def test_a_depth_is_not_a_distance():
    sentence = value("sentence", "It struck at a depth of 18 km, 64 km from Springfield.", "x")
    depth, away = (
        value_in(sentence, "number", "18 km", "n", head="km", act="depth"),
        value_in(sentence, "number", "64 km", "n", head="km", act="strike"),
    )
    assert measures("measure:deep", depth, sentence)
    assert not measures("measure:deep", away, sentence)
    assert measures("measure:far", away, sentence)
    assert not measures("measure:far", depth, sentence)
    people = value_in(sentence, "number", "18", "n", head="people")
    assert not measures("measure:far", people, sentence)  # not a unit of length at all


def test_a_unit_asked_by_name_takes_a_number_named_in_it():
    from qa.slots import typed_kinds

    q = analyze("What magnitude was the tremor?")
    assert q.focus == "measure:magnitude" and typed_kinds(q) == ("number",)
    assert analyze("Which year did the bridge open?").focus is None  # a year asks for a date
    text = "A magnitude of 5.9 was recorded, and a 6.1-magnitude tremor hit 40 towns."
    sentence = value("sentence", text, "x")
    of, compound, towns = (
        value_in(sentence, "number", "5.9", "n", head=None),
        value_in(sentence, "number", "6.1-magnitude tremor", "n", head="tremor"),
        value_in(sentence, "number", "40 towns", "n", head="town"),
    )
    assert measures(q.focus, of, sentence) and measures(q.focus, compound, sentence)
    assert not measures(q.focus, towns, sentence)
    put = value("sentence", "The survey put the magnitude at 5.9 and counted 12 aftershocks.", "x")
    at, shocks = value_in(put, "number", "5.9", "n"), value_in(put, "number", "12", "n")
    assert measures(q.focus, at, put) and not measures(q.focus, shocks, put)
