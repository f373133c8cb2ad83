"""qa/slots.py: which kinds of value answer a question, read from the question alone."""

from __future__ import annotations

import pytest

from qa.question import analyze
from qa.slots import (
    asks_destination,
    asks_employer,
    asks_for_party,
    asks_speaker,
    typed_kinds,
)


@pytest.mark.parametrize(
    "question, kinds",
    [
        ("When did the bridge close?", ("date",)),
        ("At what time did the train leave?", ("time",)),
        ("How many people were hurt?", ("number",)),
        ("For how many days did the strike last?", ("duration",)),
        ("How long did the jury deliberate?", ("duration", "number")),
        ("How deep was the earthquake?", ("number",)),
        ("Who fired the shots?", ("agent",)),
        ("Who was arrested?", ("object",)),  # the one the act was done to
        ("Who is the mayor of Springfield?", ("person", "organization")),
        ("Who said the bridge was unsafe?", ("agent", "person", "organization")),
        ("Which company did the pilot work for?", ("organization",)),
        ("Where did the fire start?", ("place", "object")),
        ("What did the van crash into?", ("object",)),
        ("What did the mayor say about the fire?", ()),  # the answering sentence
    ],
)
def test_each_question_asks_for_its_kinds_of_value(question, kinds):
    assert typed_kinds(analyze(question)) == kinds


def test_parties_speakers_and_employers_are_asked_for_by_the_question():
    assert asks_speaker(analyze("Who told reporters the bridge was unsafe?"))
    assert not asks_speaker(analyze("Who closed the bridge?"))
    assert asks_for_party(analyze("Which judge heard the case?"))  # a role: a named person
    assert asks_employer(analyze("Who does the pilot work for?"))
    assert not asks_employer(analyze("Who worked on the bridge?"))  # no "for": not employment


@pytest.mark.parametrize(
    ("question", "where_to"),
    [
        ("Where was the train heading?", True),
        ("Where were the injured rushed?", True),
        ("Where did the ferry sail?", True),
        ("Where did the bus crash?", False),  # where it happened
        ("Where did the shooting take place?", False),
        ("Where did the ferry sail from?", False),  # where from
    ],
)
def test_a_verb_of_going_asks_where_to(question, where_to):
    assert asks_destination(analyze(question)) is where_to


def test_a_since_question_names_the_event_it_counts_from():
    from qa.slots import since_clause

    words = since_clause(
        analyze("How many years had passed since the valley saw a flood this bad?")
    )
    assert words is not None and {"valley", "flood"} <= set(words) and "year" not in words
    assert since_clause(analyze("How long did the strike last?")) is None


def test_a_change_of_a_figure_in_no_direction_is_each_directed_change_asked(word_model):
    from qa.slots import asks_act, tells_change

    lowered = analyze("Why was the death toll lowered?")
    assert asks_act(lowered, "revise") and tells_change(lowered, ["toll", "revise"])
    assert not asks_act(lowered, "raise")  # a change in the other direction
    assert not tells_change(analyze("Why was the bridge closed?"), ["revise"])
