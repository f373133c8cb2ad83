"""qa/match.py: words matched by meaning (the embedding model) and by form (lemma, stem)."""

from __future__ import annotations

import pytest

from qa import match


def test_same_word_is_lemma_or_stem():
    assert match.same_word("deploy", "deployment")
    assert match.same_word("Killed", "killed")
    assert match.same_word("people", "person") and match.same_word("women", "woman")
    assert not match.same_word("kill", "injure")
    assert not match.same_word(None, "kill")


@pytest.mark.parametrize("a, b", [("fire", "shoot"), ("die", "kill"), ("hit", "strike")])
def test_acts_of_one_meaning_match(word_model, a, b):
    assert match.same_act(a, b)


@pytest.mark.parametrize(
    "a, b", [("kill", "injure"), ("shoot", "say"), ("dead", "injured"), ("arrest", "deploy")]
)
def test_different_acts_do_not(word_model, a, b):
    assert not match.same_act(a, b)


def test_an_act_firmly_the_same_is_one_by_word_or_well_clear_of_the_cut_off(word_model):
    assert match.firmly_same_act("convicted", "convict") and match.firmly_same_act("die", "kill")
    assert match.same_act("convict", "arrest")  # near the cut-off: enough to answer…
    assert not match.firmly_same_act("convict", "arrest")  # …not to contradict


@pytest.mark.parametrize("a, b", [("vehicle", "car"), ("earthquake", "quake")])
def test_things_of_one_kind_match(word_model, a, b):
    assert match.same_thing(a, b)


@pytest.mark.parametrize("a, b", [("car", "people"), ("pole", "car"), ("gmt", "people")])
def test_different_things_do_not(word_model, a, b):
    assert not match.same_thing(a, b)


def test_multi_word_values_match_on_any_word(word_model):
    assert match.same_act("death toll", "die")
    assert match.same_act("time:shoot", "fire")


def test_without_a_model_only_form_matches(no_word_model):
    assert match.same_act("deploy", "deployment")
    assert not match.same_act("fire", "shoot")


def test_antonyms_are_a_closed_class():
    assert frozenset({"confirm", "deny"}) in match.antonym_pairs()


def test_an_idiom_matches_the_verb_it_means(word_model):
    from qa.match import phrase_act

    assert phrase_act("pull the trigger", "shoot")
    assert phrase_act("lose their lives", "die")
    assert not phrase_act("lose their lives", "injure")
    assert not phrase_act("pull the trigger", "block")
    assert not phrase_act(None, "shoot")


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("spokeswoman", "spokesperson", True),
        ("chairman", "chairwoman", True),
        ("spokesman", "spokesmen", True),
        ("woman", "man", False),  # no compound: two words
        ("policeman", "police", False),
    ],
)
def test_a_role_is_one_whatever_the_gender_its_compound_names(a, b, same):
    assert match.same_role(a, b) is same


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("lawyer", "attorney", True),
        ("doctor", "physician", True),
        ("prosecutor", "judge", False),  # close in meaning, never one role
        ("mayor", "governor", False),
        ("doctor", "surgeon", False),
    ],
)
def test_synonyms_name_one_role_by_meaning(word_model, a, b, same):
    assert match.same_role(a, b) is same


@pytest.mark.parametrize("noun", ["street", "village", "neighbourhood", "station"])
def test_places_are_known_by_meaning(word_model, noun):
    assert match.is_place(noun)


@pytest.mark.parametrize("noun", ["verdict", "car", "officer", "crash"])
def test_other_things_are_not_places(word_model, noun):
    assert not match.is_place(noun)


@pytest.mark.parametrize(
    "word, outcome",
    [("killed", True), ("deaths", True), ("injuries", True), ("hospitalised", True),
     ("hospital", False), ("body", False), ("lie", False)],
)  # fmt: skip
def test_an_outcome_is_a_listed_word_or_its_inflection(word, outcome):
    # "hospital" shares its stem with "hospitalise": a place where bodies lay is no outcome
    assert match.is_outcome(word) is outcome


def test_opposite_acts_are_never_one_act_however_near_in_meaning(word_model):
    from qa.match import same_act, similarity

    assert (similarity("open", "close") or 0.0) >= 0.62  # the model puts them that near
    assert not same_act("open", "close")
    assert not same_act("lower", "raise")
    assert same_act("shoot", "fire")


def test_an_act_reports_another_one_way_only():
    from qa.match import reported_by

    assert reported_by("damage", ["collapse", "say"])
    assert not reported_by("collapse", ["damage"])
    assert not reported_by("damage", ["repair", None])
