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
