"""Times of day in news English ("11:11 pm", "around 7.20pm", "just before midnight",
"2200 GMT", "midway through the evening") as intervals of minutes after midnight, with the
clock they are read on.

A time given to the minute is that minute; to the hour ("7 pm"), the half hour either side
(reporters round); "around"/"about" widens it by half an hour more; "just after"/"just
before" opens it half an hour on one side. A time with a zone ("2200 GMT") is on that clock,
any other on the local one; a zone time in brackets right after a local one restates it and
is not a second answer. A part of the day is its span (morning 6-12, afternoon 12-18,
evening 18-21), and "early", "mid" or "late" a third of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

DAY = 24 * 60
ROUNDING = 30  # minutes either side of a time given to the hour
NEAR = 30  # "around 7 pm": that much more either side
JUST = 30  # "just after 11 pm": up to that much after
ZONES = r"GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|IST"
QUALIFIER = (
    r"(?P<qual>(?:at\s+)?(?:around|about|approximately|roughly|nearly|some|"
    r"just\s+after|shortly\s+after|soon\s+after|just\s+before|shortly\s+before)\s+)?"
)
CLOCK = re.compile(
    QUALIFIER + r"(?<![\d.,:])(?P<h>[01]?\d)(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>[ap])(?:\.\s?m\.|m\b)"
    r"|" + QUALIFIER.replace("qual", "qual2") + r"\b(?P<word>midnight|noon|midday)\b"
    r"|(?P<open>\(\s*)?(?<![\d.,:])(?P<hh>[01]\d|2[0-3]):?(?P<mm>[0-5]\d)\s*(?:hrs?\s*)?(?P<zone>"
    + ZONES
    + r")\b",
    re.IGNORECASE,
)
LOCAL = "local"
PARTS = {"morning": (360, 720), "afternoon": (720, 1080), "evening": (1080, 1260)}
PART = re.compile(
    r"\b(?:(?P<third>early|late|mid-?|(?:mid-?|half)way through the|in the middle of the)"
    r"[\s-]*)?"
    r"(?P<part>(?-i:morning|afternoon|evening))\b",  # not "Good Morning America"
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TimeOfDay:
    start: int  # character offsets in the text searched
    end: int
    text: str
    minute: int  # the minute stated, after midnight (24:00 is 1440)
    lo: int
    hi: int
    zone: str  # "local", or the zone named ("gmt")
    restates: bool = False  # "(2211 GMT)" right after "11:11 pm": the same time again

    @property
    def norm(self) -> str:
        clock = f"{self.minute // 60 % 24:02d}:{self.minute % 60:02d}"
        return clock if self.zone == LOCAL else f"{clock} {self.zone}"


def find_times(text: str) -> list[TimeOfDay]:
    """Every time of day in a text, in order; a restatement in another zone is marked."""
    found: list[TimeOfDay] = []
    for m in CLOCK.finditer(text):
        t = _time_of(m)
        if t is None:
            continue
        if m.group("open") and found and _restates(text, found[-1], m.start()):
            t = replace(t, restates=True)  # "11:11 pm (2211 GMT)": one time, told twice
        found.append(t)
    return sorted(found + _parts_of_day(text), key=lambda t: t.start)


def _parts_of_day(text: str) -> list[TimeOfDay]:
    """ "on Friday afternoon", "late morning", "halfway through the evening": a part of the
    day, or a third of it."""
    out = []
    for m in PART.finditer(text):
        lo, hi = PARTS[m.group("part")]  # matched in lower case
        third = (hi - lo) // 3
        which = (m.group("third") or "").lower()
        if which == "early":
            hi = lo + third
        elif which == "late":
            lo = hi - third
        elif which:
            lo, hi = lo + third, hi - third
        out.append(TimeOfDay(m.start(), m.end(), m.group(), (lo + hi) // 2, lo, hi, LOCAL))
    return out


def _restates(text: str, prev: TimeOfDay, at: int) -> bool:
    return prev.zone == LOCAL and not prev.restates and not text[prev.end : at].strip()


def _time_of(m: re.Match[str]) -> TimeOfDay | None:
    if m.group("zone"):
        minute = int(m.group("hh")) * 60 + int(m.group("mm"))
        start = m.start("hh")
        return TimeOfDay(start, m.end(), m.string[start : m.end()], minute, minute, minute,
                         m.group("zone").lower())  # fmt: skip
    qual = _qualifier(m.group("qual") or m.group("qual2"))
    if m.group("word"):
        word = m.group("word").lower()
        minute = DAY if word == "midnight" and qual != "after" else 0 if word == "midnight" else 720
        exact = True
    else:
        hour = int(m.group("h"))
        if not 1 <= hour <= 12:
            return None
        minute = (hour % 12 + (12 if m.group("ap").lower() == "p" else 0)) * 60
        exact = m.group("m") is not None
        minute += int(m.group("m") or 0)
    lo, hi = _bounds(minute, exact, qual)
    start = m.start()
    return TimeOfDay(start, m.end(), m.group().strip(), minute, lo, hi, LOCAL)


def _qualifier(q: str | None) -> str | None:
    """'near', 'after', 'before' or None (the time as stated)."""
    if not q:
        return None
    q = q.lower()
    if "after" in q:
        return "after"
    if "before" in q:
        return "before"
    return "near"


def _bounds(minute: int, exact: bool, qual: str | None) -> tuple[int, int]:
    spread = 0 if exact else ROUNDING
    if qual == "after":
        return minute, minute + JUST + spread
    if qual == "before":
        return minute - JUST - spread, minute
    if qual == "near":
        spread += NEAR
    return minute - spread, minute + spread


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two intervals of the day meet, the day wrapping at midnight."""
    return any(a[0] <= b[1] + s and b[0] + s <= a[1] for s in (-DAY, 0, DAY))
