"""qa/claims.py: which value of a sentence fills the slot a question asks about."""

from __future__ import annotations

from index.models import Value
from qa.claims import _date_score
from qa.question import analyze


def v(kind: str, text: str, norm: str, head: str | None = None, start: int = 0) -> Value:
    return Value(kind=kind, start=start, end=start + len(text), text=text, norm=norm, head=head)


def test_a_date_of_another_act_does_not_answer_when(word_model):
    q = analyze("When did the trial begin?")
    jailed = v("date", "August", "2023-08", "jail")
    assert _date_score(q, jailed, 0.9, []) is None  # however many words its sentence shares
    began = v("date", "October 3", "2023-10-03", "begin")
    assert _date_score(q, began, 0.2, []) is not None
    undated_act = v("date", "last year", "2022", None)
    assert _date_score(q, undated_act, 0.9, []) is not None  # no act: the sentence decides


def test_a_date_of_the_same_doers_other_act_answers(word_model):
    q = analyze("When did the officer shoot the woman?")
    wednesday = v("date", "Wednesday", "2026-01-07", "kill", start=40)
    officer_shot = v("agent", "An officer", "officer", "shoot")
    officer_killed = v("agent", "An officer", "officer", "kill")
    assert _date_score(q, wednesday, 0.3, [officer_shot, officer_killed]) is not None
    crowd_gathered = v("agent", "A crowd", "crowd", "kill", start=60)
    assert _date_score(q, wednesday, 0.3, [officer_shot, crowd_gathered]) is None


def test_when_did_it_happen_takes_the_events_date(word_model):
    q = analyze("When did the crash happen?")
    friday = v("date", "Friday", "2023-06-02", "derail")
    assert _date_score(q, friday, 0.5, []) is not None


def num(sentence: Value, text: str, head: str, act: str | None = None) -> Value:
    at = sentence.text.index(text)
    return Value(
        kind="number", start=at, end=at + len(text), text=text, norm="n", head=head, act=act
    )


def test_a_measure_question_takes_a_number_in_its_unit():
    from qa.claims import measures

    sentence = v("sentence", "The train ran at 128 km/h, 40 km from the station.", "x")
    rate, away = num(sentence, "128 km", "km", "run"), num(sentence, "40 km", "km", "station")
    assert measures("measure:fast", rate, sentence)  # km followed by /h is a speed
    assert not measures("measure:fast", away, sentence)  # a distance is not
    assert measures("measure:far", away, sentence)


def test_a_depth_is_not_a_distance():
    from qa.claims import measures

    sentence = v("sentence", "It struck at a depth of 18 km, 72 km from Marrakesh.", "x")
    depth, away = num(sentence, "18 km", "km", "depth"), num(sentence, "72 km", "km", "strike")
    assert measures("measure:deep", depth, sentence)
    assert not measures("measure:deep", away, sentence)
    assert measures("measure:far", away, sentence)
    assert not measures("measure:far", depth, sentence)
    people = num(sentence, "18", "people")
    assert not measures("measure:far", people, sentence)  # not a unit of length at all


def test_measure_questions_are_typed():
    for text, kind in [
        ("How fast was the train going?", "fast"),
        ("How deep was the earthquake?", "deep"),
        ("How long did the jury deliberate?", "long"),
    ]:
        q = analyze(text)
        assert q.focus == f"measure:{kind}" and q.qtype == "how_many"
    assert analyze("How did the fire start?").focus is None  # "how" + a verb asks for a way


def test_an_age_answers_how_old_whatever_its_sentence_is_about():
    from qa.claims import _value_score

    q = analyze("How old was the driver?")
    sentence = v("sentence", "The death of this 37-year-old driver shocked the city.", "x")
    age = num(sentence, "37-year-old", "year-old", "death")  # its act is an outcome
    assert _value_score(q, age, sentence) is not None
    count = num(sentence, "37", "people", "death")
    assert _value_score(q, count, sentence) is None


def test_how_close_asks_for_a_distance():
    q = analyze("How close was the shooting to the station?")
    assert q.focus == "measure:close"


def test_which_places_are_places_of_the_act_asked_about(word_model):
    from qa.claims import _value_score

    q = analyze("Which countries sent rescue teams?")
    assert q.places
    sentence = v(
        "sentence", "Spain sent rescue teams to the area on Sunday.", "spain send rescue team"
    )
    spain = v("place", "Spain", "spain", start=0)
    sent = v("agent", "Spain", "spain", "send")
    assert _value_score(q, spain, sentence, [spain, sent]) is not None
    other = v("sentence", "Rescue teams worked in Spain.", "rescue team work spain")
    worked = v("agent", "Rescue teams", "team", "work")
    assert _value_score(q, spain, other, [spain, worked]) is None  # another act: no answer
