"""Which act a date or time is of, on sentences written for these tests."""

import pytest

from tests.helpers import extracted


def heads(text: str, tmp_path, kind: str) -> list[str | None]:
    return [v.head for v in extracted(text, tmp_path) if v.kind == kind]


@pytest.mark.parametrize(
    "text, kind, head",
    [
        # between the reported clause and its speaker: the clause's date
        ("The storm hit the coast at 9:15 pm (0115 GMT) Tuesday, the weather service said.",
         "date", "hit"),
        ("The storm hit the coast at 9:15 pm (0115 GMT) Tuesday, the weather service said.",
         "time", "hit"),
        ("A gunman opened fire at a school on Monday morning, officials said.", "date", "open"),
        # the attribution's own date: after its verb, or before its subject
        ("The man fled, police said on Friday.", "date", "say"),
        ("On Friday, police said the man fled.", "date", "say"),
        ("Police on Sunday said that the toll had been revised.", "date", "say"),
    ],
)  # fmt: skip
def test_a_date_before_the_speaker_dates_the_reported_clause(text, kind, head, tmp_path):
    assert heads(text, tmp_path, kind) == [head]


@pytest.mark.parametrize(
    "text, noun",
    [
        ("Depositors queued for days after the collapse of two banks in March 2021.", "collapse"),
        ("The mayor spoke after his arrest on Monday.", "arrest"),
        ("The council met again on Tuesday.", None),  # no noun phrase around the date
    ],
)
def test_a_date_inside_a_noun_phrase_names_the_noun(text, noun, tmp_path):
    dates = [v for v in extracted(text, tmp_path) if v.kind == "date"]
    assert [v.act for v in dates] == [noun]


@pytest.mark.parametrize(
    "text, act",
    [
        ("Her sentencing has been set for 12 May next year.", "sentencing"),
        ("The vote was postponed to Monday, officials said.", "vote"),
        ("The hearing is scheduled for June 4.", "hearing"),
        # a verb that schedules nothing dates no subject
        ("The council met on Monday.", None),
    ],
)
def test_a_scheduling_verb_dates_the_event_it_schedules(text, act, tmp_path):
    dates = [v for v in extracted(text, tmp_path) if v.kind == "date"]
    assert [v.act for v in dates] == [act]
