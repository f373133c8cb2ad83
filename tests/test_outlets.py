"""qa/outlets.py: each outlet's stance as the response lists it."""

from __future__ import annotations

from qa.outlets import ordered, sides
from tests.helpers import count_claim as claim


def test_the_consensus_supports_and_the_others_conflict():
    a, b, c = claim("A", 1, "12"), claim("B", 2, "12"), claim("C", 3, "40")
    out = sides([a, b], [c], split=False)
    assert {o: s.stance for o, s in out.items()} == {
        "A": "supports",
        "B": "supports",
        "C": "conflicts",
    }
    assert not any(s.disputed for s in out.values())


def test_with_no_majority_every_side_is_unclear_and_disputed():
    a, c = claim("A", 1, "12"), claim("C", 3, "40")
    out = sides([a], [c], split=True)
    assert {(o, s.stance, s.disputed) for o, s in out.items()} == {
        ("A", "unclear", True),
        ("C", "unclear", True),
    }
    assert out["C"].notes == ["one side, no majority"] and out["C"].value == "40"


def test_every_outlet_is_listed_once_conflicts_and_sides_first():
    a, c = claim("A", 1, "12"), claim("C", 3, "40")
    listed = ordered(sides([a], [c], split=True), {"A": ["a_1"], "B": ["b_2"], "C": ["c_3"]})
    assert [(s.outlet, s.stance) for s in listed] == [
        ("A", "unclear"),
        ("C", "unclear"),
        ("B", "silent"),
    ]
