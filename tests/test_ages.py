"""qa/ages.py: whose an age is, and which "how old …?" it answers (sentences written for
these tests, read as index time reads them)."""

from __future__ import annotations

from tests.helpers import answered, hit_of


def ages(question: str, text: str, tmp_path) -> list[str]:
    from tests.helpers import extracted

    return answered(question, hit_of(*extracted(text, tmp_path)))


def test_a_witness_age_is_not_the_victims(word_model, tmp_path):
    witness = "Tom Hale, 65, a neighbour, said he saw the man fall after the shot."
    assert ages("How old was the man who was shot?", witness, tmp_path) == []
    assert ages("How old is Tom Hale?", witness, tmp_path) == ["65"]


def test_a_named_age_answers_the_act_it_tells_of(word_model, tmp_path):
    victim = "Ana Ruiz, 37, was killed when the van struck her on Monday."
    assert ages("How old was the woman who was killed?", victim, tmp_path) == ["37"]


def test_an_age_given_to_a_description_answers_as_before(word_model, tmp_path):
    driver = "The death of the 37-year-old driver shocked the town."
    assert ages("How old was the driver?", driver, tmp_path) == ["37-year-old"]


def test_the_holder_of_an_age():
    from qa.ages import holder
    from tests.helpers import value, value_in

    s = value("sentence", "Ana Ruiz, 65, and the 40-year-old Tom de Vries left.", "x")
    assert holder(value_in(s, "number", "65", "65..65", head="year-old"), s) == "Ana Ruiz"
    forty = value_in(s, "number", "40-year-old", "40..40", head="year-old")
    assert holder(forty, s) == "Tom de Vries"
    s2 = value("sentence", "The 40-year-old former chief resigned.", "x")
    assert holder(value_in(s2, "number", "40-year-old", "40..40", head="year-old"), s2) is None
