"""Durations in news English ("just over four hours", "a month-long trial", "five-week",
"three days") as intervals of hours.

A count of a unit is read as the rounding it is, half a unit either side ("four hours" is
3.5-4.5 h; "a month" 0.5-1.5 months: outlets that write "a month-long trial" and "a five-week
trial" agree); "just over" adds up to half a unit, "more than" up to half the count again,
"less than" down to half of it, "about" a fifth either side; "a few" is 2-5, "several" 3-9.
An age ("37-year-old") and a time ago ("a year ago") are not durations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

HOURS = {"minute": 1 / 60, "hour": 1.0, "day": 24.0, "week": 168.0, "month": 730.0, "year": 8766.0}
WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}  # fmt: skip
VAGUE = {"a few": (2, 5), "a couple of": (2, 2), "several": (3, 9)}
QUALIFIERS = {
    "over": r"just over|a little over|slightly over|just more than|a little more than",
    "more": r"more than|over|at least|upwards of",
    "less": r"less than|under|fewer than|up to|no more than",
    "near": r"about|around|roughly|some|nearly|almost|approximately|close to",
}
_QUAL = "|".join(f"(?P<{k}>{v})" for k, v in QUALIFIERS.items())
_COUNT = (
    r"(?P<vague>a few|a couple of|several)|(?P<num>\d{1,3}(?:\.\d+)?)|(?P<word>"
    + "|".join(sorted(WORDS, key=len, reverse=True))
    + ")"
)
DURATION = re.compile(
    rf"(?<![\w-])(?:(?:{_QUAL})\s+)?(?:{_COUNT})[\s-]+"
    r"(?P<unit>minute|min|hour|hr|day|week|month|year)s?(?P<long>-?long)?\b"
    r"(?!-old|\s+old\b|\s+ago\b|\s+earlier\b|\s+later\b|\s+from now\b)",
    re.IGNORECASE,
)
UNIT_OF = {"min": "minute", "hr": "hour"}


@dataclass(frozen=True)
class Duration:
    start: int  # character offsets in the text searched
    end: int
    text: str
    norm: str  # "4 hour", "1 month", "2..5 hour"
    lo: float  # hours
    hi: float


def find_durations(text: str) -> list[Duration]:
    """Every duration in a text, in order."""
    return [d for m in DURATION.finditer(text) if (d := _duration_of(m)) is not None]


@lru_cache(maxsize=1 << 12)
def is_loose(text: str) -> bool:
    """A duration told loosely: one unit ("a month"), a vague count ("a few weeks") or a
    qualified one ("more than 40 years", "about four hours"); not "95 years"."""
    m = DURATION.search(text)
    if m is None:
        return True
    qualified = any(m.group(k) for k in QUALIFIERS)
    return qualified or m.group("vague") is not None or _count(m) == (1, 1)


def _duration_of(m: re.Match[str]) -> Duration | None:
    unit = m.group("unit").lower()
    unit = UNIT_OF.get(unit, unit)
    stated_lo, stated_hi = _count(m)
    if stated_hi <= 0:
        return None
    vague = m.group("vague") is not None
    qual = next((k for k in QUALIFIERS if m.group(k)), None)
    lo, hi = _bounds(stated_lo, stated_hi, qual, vague)
    count = f"{stated_lo:g}" if stated_lo == stated_hi else f"{stated_lo:g}..{stated_hi:g}"
    scale = HOURS[unit]
    return Duration(m.start(), m.end(), m.group(), f"{count} {unit}", lo * scale, hi * scale)


def _count(m: re.Match[str]) -> tuple[float, float]:
    if m.group("vague"):
        return VAGUE[m.group("vague").lower()]
    if m.group("num"):
        n = float(m.group("num"))
        return n, n
    n = WORDS[m.group("word").lower()]
    return n, n


def _bounds(lo: float, hi: float, qual: str | None, vague: bool) -> tuple[float, float]:
    """The interval, in the unit stated, that a qualified count of it reports."""
    if vague:
        return lo, hi
    n = lo
    if qual == "over":
        return n, n + 0.5
    if qual == "more":
        return n, n * 1.5 + 0.5
    if qual == "less":
        return n * 0.5, n
    if qual == "near":
        return n * 0.8, n * 1.2
    return max(n - 0.5, n / 2), n + 0.5
