"""Rules of qa/fill.py: which values fill the slot a question asks."""

from __future__ import annotations

from qa.fill import fill_score
from qa.question import analyze
from tests.helpers import value, value_in


def test_an_age_answers_how_old_whatever_its_sentence_is_about():
    q = analyze("How old was the driver?")
    sentence = value("sentence", "The death of this 37-year-old driver shocked the city.", "x")
    age = value_in(
        sentence, "number", "37-year-old", "n", head="year-old", act="death"
    )  # its act is an outcome
    assert fill_score(q, age, sentence) is not None
    count = value_in(sentence, "number", "37", "n", head="people", act="death")
    assert fill_score(q, count, sentence) is None


def test_which_places_are_places_of_the_act_asked_about(word_model):
    q = analyze("Which countries sent rescue teams?")
    assert q.places
    sentence = value(
        "sentence", "Spain sent rescue teams to the area on Sunday.", "spain send rescue team"
    )
    spain = value("place", "Spain", "spain", start=0)
    sent = value("agent", "Spain", "spain", "send")
    assert fill_score(q, spain, sentence, [spain, sent]) is not None
    other = value("sentence", "Rescue teams worked in Spain.", "rescue team work spain")
    worked = value("agent", "Rescue teams", "team", "work")
    assert fill_score(q, spain, other, [spain, worked]) is None  # another act: no answer


def test_a_place_off_the_act_does_not_answer(word_model):
    q = analyze("Where were the jurors seated during the hearing?")
    text = "The jurors live with their families in Springfield, near the hearing room."
    sentence = value("sentence", text, "juror live family springfield hearing room")
    town = value_in(sentence, "place", "Springfield", "springfield")
    lives = value_in(sentence, "agent", "The jurors", "juror", head="live")
    assert fill_score(q, town, sentence, [sentence, town, lives]) is None
    seated = value_in(sentence, "agent", "The jurors", "juror", head="seat")
    assert fill_score(q, town, sentence, [sentence, town, seated]) is not None


def test_how_many_people_counts_any_kind_of_person(word_model):
    q = analyze("How many people died in the attack?")
    sentence = value("sentence", "A gunman killed a teacher and 3 cars burned.", "x")
    teacher = value_in(sentence, "number", "a teacher", "1..1", head="teacher", act="kill")
    cars = value_in(sentence, "number", "3 cars", "3..3", head="car", act="burn")
    assert fill_score(q, teacher, sentence, [sentence, teacher]) is not None
    assert fill_score(q, cars, sentence, [sentence, cars]) is None


def test_who_gave_a_figure_is_the_party_the_count_is_attributed_to(word_model):
    q = analyze("Who put the death toll at 40?")
    said = value(
        "sentence", "So far 40 people have died, said police chief Ann Cole.",
        "far 40 people die say police chief ann cole", attributed_to="police chief Ann Cole",
    )  # fmt: skip
    cole = value_in(said, "person", "Ann Cole", "cole", attributed_to="police chief Ann Cole")
    count = value_in(
        said, "number", "40 people", "40..40", head="people", lo=40, hi=40,
        attributed_to="police chief Ann Cole",
    )  # fmt: skip
    assert fill_score(q, cole, said, [said, cole, count]) is not None
    other = count.model_copy(update={"lo": 41, "hi": 41, "norm": "41..41"})
    assert fill_score(q, cole, said, [said, cole, other]) is None  # another figure
    # the doer of another act in a sentence with the figure did not give it
    went = value("sentence", "The toll rose to 40 after a bus went off the road.",
                 "toll rise 40 bus go road")  # fmt: skip
    bus = value_in(went, "agent", "a bus", "bus", head="go")
    toll = value_in(went, "number", "40", "40..40", head="people", lo=40, hi=40)
    assert fill_score(q, bus, went, [went, bus, toll]) is None


def test_of_two_counts_the_one_that_names_the_thing_asked_answers(word_model):
    q = analyze("How many SWAT teams were sent to the plant?")
    assert q.qualifiers == ["SWAT"]
    text = "Police sent four teams of the Riot Unit, two teams of SWAT and 9 fire crews, 2 SWAT."
    sentence = value("sentence", text, "x")
    riot = value_in(sentence, "number", "four teams", "4..4", head="team", act="send", lo=4, hi=4)
    swat = value_in(sentence, "number", "two teams", "2..2", head="team", act="send", lo=2, hi=2)
    short = value_in(sentence, "number", "2 SWAT", "2..2", head="swat", act="send", lo=2, hi=2)
    crews = value_in(sentence, "number", "9 fire crews", "9..9", head="crew", act="send")
    scores = {v.text: fill_score(q, v, sentence, [sentence, v]) for v in (riot, swat, short, crews)}
    assert scores["two teams"] > scores["four teams"]  # "of SWAT" names it
    assert scores["2 SWAT"] == scores["two teams"]  # a count of the name itself
    assert scores["9 fire crews"] is None


def test_who_said_asks_for_the_speaker_not_a_party_of_what_was_said(word_model):
    q = analyze("Who said Harlow thought he was above the rules?")
    text = "The minister issued a statement, saying: “Jo Harlow thought he was above the rules.”"
    norm = "minister issue statement say jo harlow think rule"
    sentence = value("sentence", text, norm, attributed_to="The minister")
    thinker = value_in(sentence, "agent", "Jo Harlow", "harlow", head="think")
    named = value_in(sentence, "person", "Jo Harlow", "harlow")
    minister = value_in(sentence, "agent", "The minister", "minister", head="say")
    values = [sentence, thinker, named, minister]
    assert fill_score(q, thinker, sentence, values) is None  # he thought; he did not say
    assert fill_score(q, named, sentence, values) is None  # the question names him
    assert fill_score(q, minister, sentence, values) is not None


def test_where_was_a_named_party_is_answered_where_the_party_is_named(word_model):
    q = analyze("Where was Dana Holt when the storm hit?")
    text = "Governor Dana Holt, who was in Ohio at the time, spoke."
    named = value("sentence", text, "governor dana holt ohio time speak")
    ohio = value_in(named, "place", "Ohio", "ohio")
    assert fill_score(q, ohio, named, [named, ohio]) is not None
    text = "The storm hit Ohio on Monday, flooding the governor's town."
    other = value("sentence", text, "storm hit ohio monday flood governor town")
    ohio_too = value_in(other, "place", "Ohio", "ohio")
    assert fill_score(q, ohio_too, other, [other, ohio_too]) is None  # where the storm was


def test_an_employer_is_the_organisation_named_with_the_person(word_model):
    from qa.slots import typed_kinds

    def score(question: str, text: str, kind: str, phrase: str, head: str) -> float | None:
        sentence = value("sentence", text, text.lower())
        org = value_in(sentence, "organization", "Border Patrol", "border patrol")
        party = value_in(sentence, kind, phrase, phrase.split()[-1], head=head)
        return fill_score(analyze(question), org, sentence, [sentence, org, party])

    assert typed_kinds(analyze("Which agency did the officer work for?")) == ("organization",)
    officer = "A Border Patrol officer fired at the car."
    assert score("Which agency did the officer work for?", officer, "agent",
                 "A Border Patrol officer", "fire")  # fmt: skip
    # the one who did the act the question names the person by ("shooter": who shot)
    shot = "A Border Patrol agent shot the driver."
    assert score("Which agency did the shooter work for?", shot, "agent",
                 "A Border Patrol agent", "shoot")  # fmt: skip
    arrived = "A Border Patrol agent arrived later."
    assert score("Which agency did the shooter work for?", arrived, "agent",
                 "A Border Patrol agent", "arrive") is None  # fmt: skip
    # an organisation that qualifies a thing, not the person
    car = "The officer fired at a Border Patrol car."
    assert score("Which agency did the officer work for?", car, "object",
                 "a Border Patrol car", "fire:at") is None  # fmt: skip
