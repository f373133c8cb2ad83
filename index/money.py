"""Amounts of money ("$4 billion", "about $6bn", "₹20 lakh", "50,000 rupees") as counts in
one currency: an interval with the head `money:<currency>`, and the act it is an amount of
("embezzled $4 billion": embezzle), so that "how much money …?" is answered and compared like any
count, and amounts in two currencies are never compared."""

from __future__ import annotations

import math
import re

from spacy.tokens import Span

from index.counts import count_act
from index.models import Value
from index.normalize import interval_norm, modifier_before, number_interval

MONEY = "money"
AMOUNT = re.compile(
    r"(?P<sym>us\$|a\$|c\$|\$|€|£|₹|rs\.?|inr|usd|eur|gbp)?\s*"
    r"(?P<num>\d[\d,]*(?:\.\d+)?)\s*"
    r"(?P<mult>thousand|million|billion|trillion|lakh|crore|bn|mn|m|k)?\b\s*"
    r"(?P<word>dollars?|euros?|pounds?|rupees?)?",
    re.IGNORECASE,
)
SYMBOLS = {
    "$": "usd", "us$": "usd", "usd": "usd", "dollar": "usd", "dollars": "usd",
    "a$": "aud", "c$": "cad",
    "€": "eur", "eur": "eur", "euro": "eur", "euros": "eur",
    "£": "gbp", "gbp": "gbp", "pound": "gbp", "pounds": "gbp",
    "₹": "inr", "rs": "inr", "rs.": "inr", "inr": "inr", "rupee": "inr", "rupees": "inr",
}  # fmt: skip
MULTIPLIERS = {
    "thousand": 1e3, "k": 1e3, "lakh": 1e5, "million": 1e6, "mn": 1e6, "m": 1e6,
    "crore": 1e7, "billion": 1e9, "bn": 1e9, "trillion": 1e12,
}  # fmt: skip


def amount(text: str) -> tuple[float, str] | None:
    """ "$4 billion" -> (4e9, "usd"); None without a number or a currency."""
    m = AMOUNT.search(text)
    return None if m is None else _amount_of(m)


def _amount_of(m: re.Match[str]) -> tuple[float, str] | None:
    unit = (m.group("sym") or m.group("word") or "").lower()
    currency = SYMBOLS.get(unit)
    if currency is None:
        return None
    value = float(m.group("num").replace(",", ""))
    return value * MULTIPLIERS.get((m.group("mult") or "").lower(), 1.0), currency


def money_values(sent: Span, offset: int, speaker: str | None) -> list[Value]:
    """Every amount of money in a sentence, read from its words (the small model misses
    "$45bn" and "₹20 lakh"), with the modifier before it ("about $6 billion" is read as the
    rounding it is; "more than $5m" is open above)."""
    out: list[Value] = []
    doc = sent.doc
    for m in AMOUNT.finditer(sent.text):
        found = _amount_of(m)
        begin = m.start("sym") if m.group("sym") else m.start("num")
        span = sent.char_span(begin, m.start() + len(m.group(0).rstrip()), "expand")
        if found is None or span is None:
            continue
        value, currency = found
        before = [t.lower_ for t in doc[max(sent.start, span.start - 3) : span.start]]
        modifier = modifier_before(before)
        first = span.start - len(modifier.split()) if modifier else span.start
        lo, hi = number_interval(value, modifier)
        out.append(
            Value(
                kind="number",
                start=offset + doc[first].idx,
                end=offset + span.end_char,
                text=doc[first : span.end].text,
                norm=interval_norm(lo, hi),
                lo=lo,
                hi=None if math.isinf(hi) else hi,
                head=f"{MONEY}:{currency}",
                act=count_act(span.root, None),
                attributed_to=speaker,
            )
        )
    return out
