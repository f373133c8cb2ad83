"""qa/contact.py: a thing reached by motion answers a question of contact, when the mover is
the thing asked about."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.models import Value
from qa.contact import asks_contact, reached
from qa.question import analyze
from tests.helpers import extracted


def _objects(text: str, tmp_path: Path) -> tuple[list[Value], list[Value]]:
    values = extracted(text, tmp_path)
    return [v for v in values if v.kind == "object"], values


def _reached(question: str, text: str, tmp_path: Path) -> list[str]:
    objects, values = _objects(text, tmp_path)
    q = analyze(question)
    return [o.text for o in objects if reached(q, o, values)]


@pytest.mark.parametrize(
    ("question", "contact"),
    [
        ("What did the van hit?", True),
        ("What did the lorry strike?", True),
        ("What did the bus crash into?", True),
        ("What did the mayor announce?", False),
        ("What did the ferry sail from?", False),
    ],
)
def test_questions_of_contact(question: str, contact: bool, word_model) -> None:
    assert asks_contact(analyze(question)) is contact


def test_motion_into_a_thing_answers_what_was_hit(tmp_path: Path, word_model) -> None:
    text = "The van skidded and slammed into a bakery window."
    assert _reached("What did the van hit?", text, tmp_path) == ["a bakery window"]


def test_a_thing_told_before_or_a_like_noun_is_the_mover(tmp_path: Path, word_model) -> None:
    told = "The lorry left the road and the vehicle ploughed into a fence."
    assert _reached("What did the Hartwell Transport lorry hit?", told, tmp_path)
    like = "The car reversed before it crashed into a lamp post."
    assert _reached("What did the sedan hit?", like, tmp_path)


def test_another_partys_motion_answers_nothing(tmp_path: Path, word_model) -> None:
    text = "The Transport Board has ordered a police probe into the tram accident."
    assert _reached("What did the tram run into?", text, tmp_path) == []
    rescuers = "Rescuers ran into the burning depot."
    assert _reached("What did the tram crash into?", rescuers, tmp_path) == []


def test_a_verb_of_contact_answers_a_question_of_motion(tmp_path: Path, word_model) -> None:
    text = "The tram collided with a delivery truck near the depot."
    assert _reached("What did the tram crash into?", text, tmp_path) == ["a delivery truck"]
    # a motion that is no contact ("moved to a side street") answers no question of contact
    moved = "The tram moved to a side street."
    assert _reached("What did the tram crash into?", moved, tmp_path) == []


def _relation(claim: str, text: str, tmp_path: Path) -> str | None:
    from index.words import stems
    from qa.contact import contact_relation

    claimed = [v for v in extracted(claim, tmp_path) if v.kind in {"agent", "object"}]
    said = extracted(text, tmp_path / "said")
    sentence = next(v for v in said if v.kind == "sentence")
    inside = [v for v in said if v.kind != "sentence"]
    return contact_relation(claimed, inside, set(stems(sentence.norm)))


def test_a_claim_of_what_was_run_into_is_read_by_meaning(tmp_path: Path, word_model) -> None:
    claim = "The van crashed into a lamp post."
    assert _relation(claim, "The van skidded and slammed into a post.", tmp_path) == "same"
    other = "The vehicle ploughed into two parked cars."
    assert _relation(claim, other, tmp_path) == "conflict"  # "a post" is not "parked cars"
    assert _relation(claim, "The van stopped outside the bakery.", tmp_path) is None


def test_a_thing_run_into_says_nothing_of_a_person_hit(tmp_path: Path, word_model) -> None:
    claim = "The van hit a cyclist."
    assert _relation(claim, "The van slammed into a parked car.", tmp_path) is None


def test_an_object_sent_into_something_is_no_contact(tmp_path: Path, word_model) -> None:
    # the tram pushed the car into the canal: the car went in, the tram ran into nothing
    text = "The tram pushed a delivery van into the canal."
    claim = "The tram crashed into a bus."
    assert _relation(claim, text, tmp_path) is None
