"""qa/acts.py: whether a value's act is the one asked about, on sentences written for these
tests."""

from qa.acts import act_in, asks_act_of, shares_doer
from qa.question import analyze
from tests.helpers import value, value_in


def test_an_act_asked_with_its_object_matches_the_phrase(word_model):
    q = analyze("When did the panel reach its decision?")
    s = value("sentence", "The panel made its decision on Tuesday.", "x")
    tuesday = value_in(s, "date", "Tuesday", "2024-05-07", head="make")
    decision = value_in(s, "object", "its decision", "decision", head="make")
    payment = decision.model_copy(update={"key_head": "payment", "norm": "payment"})
    assert asks_act_of(q, tuesday, [s, tuesday, decision])
    assert not asks_act_of(q, tuesday, [s, tuesday, payment])


def test_an_act_a_sentence_states(word_model):
    q = analyze("Why was the mayor arrested?")
    s = value("sentence", "Police arrested the mayor at his office.", "x")
    arrested = value_in(s, "object", "the mayor", "mayor", head="arrest")
    assert act_in(q, s, [s, arrested])
    spoke = value_in(s, "agent", "Police", "police", head="speak")
    assert not act_in(q, s, [s, spoke])


def test_one_doer_of_two_acts():
    shot = value("agent", "An officer", "officer", "shoot")
    killed = value("agent", "An officer", "officer", "kill")
    crowd = value("agent", "A crowd", "crowd", "gather", start=40)
    assert shares_doer("kill", [shot, killed], lambda act: act == "shoot")
    assert not shares_doer("gather", [shot, crowd], lambda act: act == "shoot")
