"""index/money.py: amounts of money in sentences written for these tests."""

from __future__ import annotations

import pytest

from index.money import amount
from tests.helpers import extracted


@pytest.mark.parametrize(
    "text, value",
    [
        ("$4 billion", (4e9, "usd")),
        ("$45bn", (45e9, "usd")),
        ("£12bn", (12e9, "gbp")),
        ("₹20 lakh", (2e6, "inr")),
        ("Rs 2 crore", (2e7, "inr")),
        ("50,000 rupees", (5e4, "inr")),
        ("€1.5 million", (1.5e6, "eur")),
        ("8 billion", None),  # no currency: a count, not an amount
    ],
)
def test_an_amount_in_its_currency(text, value):
    assert amount(text) == value


@pytest.mark.parametrize(
    "text, found",
    [
        (
            "Prosecutors said he embezzled $4 billion from clients.",
            ("$4 billion", "4000000000..4000000000", "embezzle"),
        ),
        # "about" reads a round amount as the rounding it is
        (
            "He was accused of taking about $6 billion.",
            ("about $6 billion", "5100000000..6900000000", "take"),
        ),
        ("The firm raised more than $5m last year.", ("more than $5m", "5000001..inf", "raise")),
    ],
)
def test_an_amount_is_a_count_of_money_of_its_act(text, found, tmp_path):
    money = [v for v in extracted(text, tmp_path) if (v.head or "").startswith("money:")]
    assert [(v.text, v.norm, v.act) for v in money] == [found]


def test_an_amount_is_not_also_a_count_of_its_currency_word(tmp_path):
    found = [
        v for v in extracted("A fine of 50,000 rupees was imposed.", tmp_path) if v.kind == "number"
    ]
    assert [(v.text, v.head) for v in found] == [("50,000 rupees", "money:inr")]
