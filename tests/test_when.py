"""qa/when.py: which dates and durations answer a question, on sentences written for these
tests."""

from __future__ import annotations

import pytest

from qa.question import analyze
from qa.when import date_score, duration_answers, near_unit
from tests.helpers import value, value_in


def test_a_date_of_another_act_does_not_answer_when(word_model):
    q = analyze("When did the trial begin?")
    jailed = value("date", "August", "2023-08", "jail")
    assert date_score(q, jailed, 0.9, []) is None  # however many words its sentence shares
    began = value("date", "October 3", "2023-10-03", "begin")
    assert date_score(q, began, 0.2, []) is not None
    undated_act = value("date", "last year", "2022", None)
    assert date_score(q, undated_act, 0.9, []) is not None  # no act: the sentence decides


def test_a_date_of_the_act_done_to_someone_else_does_not_answer(word_model):
    q = analyze("When was Omar Hale convicted?")
    text = "The case recalls that of Ana Ruiz, who was convicted of fraud in early 2022."
    sentence = value("sentence", text, "case recall ana ruiz convict fraud early 2022")
    ruiz = value_in(sentence, "person", "Ana Ruiz", "ruiz")
    convicted = value_in(sentence, "agent", "Ana Ruiz", "ruiz", head="convict")
    date = value_in(sentence, "date", "early 2022", "2022", head="convict")
    assert date_score(q, date, 0.3, [sentence, ruiz, convicted, date]) is None
    hale = [v.model_copy(update={"text": "Omar Hale"}) for v in (ruiz, convicted)]
    assert date_score(q, date, 0.3, [sentence, *hale, date]) is not None


def test_a_date_of_the_same_doers_other_act_answers(word_model):
    q = analyze("When did the officer shoot the woman?")
    wednesday = value("date", "Wednesday", "2026-01-07", "kill", start=40)
    officer_shot = value("agent", "An officer", "officer", "shoot")
    officer_killed = value("agent", "An officer", "officer", "kill")
    assert date_score(q, wednesday, 0.3, [officer_shot, officer_killed]) is not None
    crowd_gathered = value("agent", "A crowd", "crowd", "kill", start=60)
    assert date_score(q, wednesday, 0.3, [officer_shot, crowd_gathered]) is None


def test_a_date_of_the_event_noun_asked_answers_whatever_its_verb(word_model):
    # "the council declared a week of mourning on Tuesday": the date hangs from a speech
    # verb, but dates the mourning the question asks about
    q = analyze("When did the town hold its week of mourning?")
    tuesday = value("date", "Tuesday", "2026-03-03", "declare", act="mourning")
    assert date_score(q, tuesday, 0.3, []) is not None
    statement = value("date", "Tuesday", "2026-03-03", "declare", act=None)
    assert date_score(q, statement, 0.3, []) is None  # a date of declaring alone does not


def test_when_did_it_happen_takes_the_events_date(word_model):
    q = analyze("When did the crash happen?")
    friday = value("date", "Friday", "2023-06-02", "derail")
    assert date_score(q, friday, 0.5, []) is not None


def test_how_long_takes_a_duration_of_the_act_asked_about(word_model):

    talks = value("duration", "just over six hours", "6 hour", "talk", lo=6, hi=6.5)
    strike = value("duration", "a week-long", "1 week", "strike", lo=84, hi=252)
    negotiated = value("duration", "three days", "3 day", "negotiate", lo=60, hi=84)
    said = value("sentence", "Pilots and managers talked again.", "pilot manager talk")
    assert duration_answers(analyze("How long did the strike last?"), strike, said)
    assert not duration_answers(analyze("How long did the pilots negotiate?"), strike, said)
    assert duration_answers(analyze("How long did the pilots negotiate?"), negotiated, said)
    assert duration_answers(analyze("How long were the talks?"), talks, said)
    # "how many days?" is answered in a unit near days, not in years
    years = value("duration", "20 years", "20 year", "negotiate", lo=175_000, hi=176_000)
    assert not duration_answers(analyze("For how many days did the pilots negotiate?"), years, said)
    assert duration_answers(
        analyze("For how many days did the pilots negotiate?"), negotiated, said
    )


def test_a_state_takes_a_duration_of_the_act_it_means(word_model):

    q = analyze("For how many days were the nurses on the picket line?")
    said = value("sentence", "The nurses picketed for two days.", "nurse picket day")
    picketed = value("duration", "two days", "2 day", "picket", lo=36, hi=60)
    waited = value("duration", "two days", "2 day", "wait", lo=36, hi=60)
    assert duration_answers(q, picketed, said)  # "on the picket line" ~ "picket" (0.84)
    assert not duration_answers(q, waited, said)


def test_a_measure_noun_takes_a_duration_of_what_it_measures(word_model):

    q = analyze("What is the longest jail term the captain could get?")
    years = value("duration", "up to 20 years", "20 year", "face", lo=87_660, hi=175_320)
    jail = value("sentence", "He faces up to 20 years in jail.", "face 20 year jail")
    fined = value("sentence", "The firm was fined for 20 years of leaks.", "firm fine 20 year leak")
    assert duration_answers(q, years, jail)  # "faces", not "could get": the jail term
    assert not duration_answers(q, years, fined)


@pytest.mark.parametrize(
    "question, text, day, verb, matching, other",
    [
        # an object: "made its decision" ~ "reach its decision"; not "made its payment"
        ("On what date did the panel reach its decision?",
         "The panel made its decision on Tuesday.", "Tuesday", "make",
         ("decision", "make"), ("payment", "make")),
        # a prepositional object: "sheltered for the night" ~ "spend the night"; not "in tents"
        ("On which day did the families spend the night outdoors?",
         "The families sheltered for the night in tents on Sunday.", "Sunday", "shelter",
         ("night", "shelter:for"), ("tent", "shelter:in")),
    ],
)  # fmt: skip
def test_an_act_named_with_its_object_matches_by_the_phrase(
    word_model, question, text, day, verb, matching, other
):
    q = analyze(question)
    sentence = value("sentence", text, "x", None)
    date = value_in(sentence, "date", day, "2024-05-07", head=verb)
    for (norm, head), answers in ((matching, True), (other, False)):
        obj = value("object", norm, norm, head=head, start=sentence.start + text.index(day) - 1)
        assert (date_score(q, date, 0.2, [sentence, date, obj]) is not None) is answers


def test_a_date_of_the_asked_act_named_as_a_noun_answers(word_model):
    q = analyze("When did the bank collapse?")
    noun = value("date", "March 2021", "2021-03", "lose", act="collapse")
    assert date_score(q, noun, 0.2, []) is not None  # "before the collapse … in March 2021"
    other = value("date", "Thursday", "2021-03-04", "render", act="verdict")
    assert date_score(analyze("When did the trial begin?"), other, 0.2, []) is None


def test_when_a_figure_was_given_is_the_date_it_was_said(word_model):
    q = analyze("When did officials put the death toll above 300?")
    said = value("sentence", "Officials said on Monday that 312 people had died.", "x")
    monday = value_in(said, "date", "Monday", "weekday:monday", head="say")
    count = value_in(said, "number", "312 people", "312..312", head="people", lo=312, hi=312)
    assert date_score(q, monday, 0.3, [said, monday, count]) is not None
    # a figure the question's does not hold: another update of the toll
    lower = value_in(said, "number", "312 people", "212..212", head="people", lo=212, hi=212)
    assert date_score(q, monday, 0.3, [said, monday, lower]) is None
    # without a figure the date of saying still dates the statement, not the deaths
    assert date_score(analyze("When did the people die?"), monday, 0.3, [said, count]) is None


def test_the_time_since_an_event_is_a_span_reaching_back_in_a_sentence_about_it():

    q = analyze("How many years had passed since the valley saw a flood this bad?")
    worst = value("sentence", "It was the worst flood in the valley in more than 80 years.", "x")
    worst = worst.model_copy(update={"norm": "bad flood valley 80 year"})
    span = value_in(worst, "duration", "more than 80 years", "80 year", lo=80 * 8766.0,
                    hi=120 * 8766.0, head="be")  # fmt: skip
    assert duration_answers(q, span, worst)
    worked = value("sentence", "Rescuers have worked in the valley for 80 years.", "x")
    worked = worked.model_copy(update={"norm": "rescuer work valley 80 year"})
    lasted = value_in(worked, "duration", "80 years", "80 year", lo=80 * 8766.0,
                      hi=80 * 8766.0, head="work")  # fmt: skip
    assert not duration_answers(q, lasted, worked)  # a length, not a span reaching back
    bridge = value("sentence", "The bridge was rebuilt in 80 years.", "x")
    bridge = bridge.model_copy(update={"norm": "bridge rebuild 80 year"})
    rebuilt = value_in(bridge, "duration", "80 years", "80 year", lo=80 * 8766.0,
                       hi=80 * 8766.0, head="rebuild")  # fmt: skip
    assert not duration_answers(q, rebuilt, bridge)  # not about the event
    assert near_unit(120, "year") and near_unit(3, "day")
    assert not near_unit(40 * 365, "day") and not near_unit(0.01, "year")


def test_a_date_of_a_light_verb_answers_only_in_a_sentence_of_the_act(word_model):
    began = analyze("When did the hearing begin?")
    text = "The court has until May 2 to set a date for the hearing."
    sentence = value("sentence", text, "court may set date hearing")
    may = value_in(sentence, "date", "May 2", "2024-05-02", head="have")
    assert date_score(began, may, 0.5, [sentence, may]) is None
