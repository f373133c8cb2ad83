"""qa/stance.py: hedges and the basis of an answer."""

from __future__ import annotations

import pytest

from qa.stance import basis, hedge_cue, only_claimed


@pytest.mark.parametrize(
    "sentence, cue",
    [
        ("It was not clear whether the driver had tried to flee.", "not clear"),
        ("The man allegedly fired two rounds.", "allegedly"),
        ("The bridge reportedly collapsed at dawn.", "reportedly"),
        ("The officer appeared to step back as the car moved.", "appeared to"),
        ("The cause of the fire remains unclear.", "unclear"),
    ],
)
def test_a_hedged_sentence_names_its_cue(sentence, cue):
    assert hedge_cue(sentence) == cue


@pytest.mark.parametrize(
    "sentence",
    [
        "The officer fired three shots at the car.",
        "Clear skies were forecast for the weekend.",  # "clear" alone hedges nothing
        "The council voted 7-2 to approve the plan.",
    ],
)
def test_a_plain_statement_is_not_hedged(sentence):
    assert hedge_cue(sentence) is None


def test_basis():
    assert basis([]) == "none"
    assert basis([("DHS", False), (None, False)]) == "independent"
    assert basis([("DHS", False), ("the police", False)]) == "attributed"
    assert basis([(None, True)]) == "attributed"  # hedged in its own voice confirms nothing


@pytest.mark.parametrize(
    "party, verb",
    [("DHS", "says"), ("Federal officials", "say"), ("Reuters", "says"), ("Mayor Jones", "says")],
)
def test_only_claimed_agrees_with_its_party(party, verb):
    assert only_claimed([party], 0).startswith(f"Only {party} {verb} so;")
