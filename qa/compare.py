"""Comparing two outlets' answers to one question: the same, in conflict, or not comparable."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import Literal

from index.durations import is_loose
from index.lexicon import lexicon
from index.models import Value
from index.money import MONEY
from index.normalize import WEEKDAY, canonical_org
from index.times import JUST, overlap
from index.words import stems
from qa.lexicon import is_institution
from qa.match import (
    antonym_pairs,
    is_outcome,
    is_person,
    is_place,
    same_act,
    same_thing,
    stem,
)
from qa.models import QType
from qa.question import Question
from qa.reasons import reason_of
from qa.where import TOLD_FROM

Relation = Literal["same", "conflict", "unclear"]
# kinds of value compared as intervals (counts, days, times of day, durations)
INTERVAL_KINDS = frozenset({"number", "date", "time", "duration"})
SENTENCE_SUPPORT_JACCARD = 0.2
SAME_STATEMENT_JACCARD = 0.5
ROUND_SHARE = 0.05
OPEN_FROM = 10  # "at least two shots" stays open: small counts are bounds, not estimates
OPEN_SHARE = 0.5
# durations apart by less than half the shorter are vagueness ("about a month", "six weeks")
DURATION_SLACK = 1.5
FIGURE_SLACK = 15  # minutes between two clock figures of one time ("7 pm", "7.10 pm")
DAY = 24 * 60
SENTENCE_SUPPORT_SHARED = 4  # content lemmas two answering sentences share


def interval(v: Value) -> tuple[float, float] | None:
    """A value's interval; an exact round count ("2,000 agents") is read as the rounding it
    is, within ROUND_SHARE of itself: outlets that write "2,000" and "more than 2,000" agree."""
    if v.lo is None:
        return None
    lo, hi = v.lo, v.hi if v.hi is not None else math.inf
    if v.kind == "number" and lo == hi and lo >= 100 and lo % 100 == 0:
        return lo * (1 - ROUND_SHARE), hi * (1 + ROUND_SHARE)
    if v.kind == "number" and math.isinf(hi) and lo >= OPEN_FROM:
        # "at least 380 dead" reports a toll near 380, not any toll above it: read that way,
        # "at least 380" and "more than 2,000" are two tolls, as they are in the news
        return lo, lo * (1 + OPEN_SHARE)
    return lo, hi


def _weekday_of(v: Value) -> str | None:
    if v.norm.startswith(WEEKDAY):
        return v.norm.removeprefix(WEEKDAY)
    if v.lo is not None and v.lo == v.hi:
        return dt.date.fromordinal(int(v.lo)).strftime("%A").lower()
    return None


def _content(s: Value) -> set[str]:
    return {w for w in s.norm.split() if w != "NOT"}


def _negated(s: Value) -> bool:
    return "NOT" in s.norm.split()


def compare(a: Value, b: Value, q: Question | None = None) -> Relation:
    """`same`, `conflict` or `unclear` for two outlets' answers to one slot. A conflict is
    declared only between answers that can be compared: dates and counts by value, the object
    of one act by the meaning of its head noun ("a pole" vs "two parked cars"), statements by
    the polarity of one act. Two names, places or agents that differ may both be true
    ("Minneapolis" and "south of downtown"; "an ICE officer" and "a federal agent"):
    `unclear`. On the development gold sets this raised verdict accuracy from 0.385 to 0.467."""
    names = {"person", "organization"}
    if a.kind in names and b.kind in names:  # the small model tags "Frey" as either
        one = _one_name(a.norm, b.norm) or _speaks_for(a, b) or _speaks_for(b, a)
        one = one or _one_institution(a.text, b.text) or _one_institution(b.text, a.text)
        return "same" if one else "unclear"  # by identity, not likeness
    if a.kind != b.kind:
        return "unclear"
    if a.kind == "number" and _currency(a) != _currency(b):
        return "unclear"  # "$6 billion" and "₹20 lakh": not one scale
    if a.kind == "number" and a.of_either != b.of_either:
        return _within_either(a, b)
    if a.kind in {"number", "date"}:
        return _compare_values(a, b)
    if a.kind == "time":
        return _compare_times(a, b)
    if a.kind == "duration":
        return _compare_durations(a, b)
    if a.kind == "place":
        if (a.head == TOLD_FROM) != (b.head == TOLD_FROM):
            return "unclear"  # "72 km south of Varna" is not Varna, nor its opposite
        return "same" if _one_name(a.norm, b.norm) else "unclear"
    if a.kind == "object":  # what one act was done to: "two parked cars" ≠ "a pole"
        ha, hb = a.key_head, b.key_head
        if same_thing(ha, hb):
            return "same"
        if is_place(ha) and is_place(hb):  # "in a neighbourhood", "on a street": both may hold
            return "unclear"
        # one person has many descriptions ("a woman", "a driver", "a motorist"): unclear.
        # Whom an outcome befell ("killed", "injured") is a person, whatever the noun.
        people = is_outcome((a.head or "").split(":")[0]) or (is_person(ha) and is_person(hb))
        return "unclear" if people else "conflict"
    if a.kind == "agent":  # "an ICE officer" and "a federal agent" may be one person
        return "same" if same_thing(a.key_head, b.key_head) else "unclear"
    return _compare_sentences(a, b, q)


def _one_name(a: str, b: str) -> bool:
    """One name, or one inside the other as whole words ("frey" in "jacob frey"; the
    acronym "ma" is not in "mason")."""
    wa, wb = a.split(), b.split()
    return bool(wa) and bool(wb) and (set(wa) <= set(wb) or set(wb) <= set(wa))


def _speaks_for(person: Value, org: Value) -> bool:
    """A person who holds a post in the organisation ("Ana Ruiz, the head of the Rescue
    Agency"; "Interior Ministry spokesman Karl Brant") answers as the organisation does: by
    its acronym, or the words of one name within the other's ("Railways", "South Eastern
    Railway"). Two people of one organisation stay two answers."""
    post = person.speaks_for
    if not post or org.speaks_for:
        return False
    if canonical_org(post) == org.norm:
        return True
    a, b = _name_stems(post), _name_stems(org.text)
    return bool(a) and bool(b) and (a <= b or b <= a)


def _one_institution(described: str, named: str) -> bool:
    """An institution told by what it does and one by its name are one when every word the
    first gives beside its noun for an institution and its owner is in the second:
    "Ruritania's seismological centre" and "the National Institute of Seismology", "the
    interior ministry" and "the Ministry of the Interior"; not "the US Geological Survey"."""
    words = [w for w in described.split() if not w.endswith(("'s", "’s"))]
    if not any(is_institution(w) for w in words):
        return False
    content = _name_stems(" ".join(w for w in words if not is_institution(w)))
    return bool(content) and content <= stems(named)


def _name_stems(name: str) -> set[str]:
    """The stems of a name's own words, not its "the", "of" or "and"."""
    return stems(name) - lexicon().acronym_stopwords


Span = tuple[float, float]


def _meet(a: Span, b: Span) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _by_interval(
    a: Span,
    b: Span,
    meet: Callable[[Span, Span], bool] = _meet,
    near: Callable[[Span, Span], bool] | None = None,
) -> Relation:
    """Intervals that meet are the same; apart, they conflict unless `near` calls the gap
    vagueness (two readings of one vague time or duration), which is `unclear`."""
    if meet(a, b):
        return "same"
    return "unclear" if near is not None and near(a, b) else "conflict"


def _currency(v: Value) -> str | None:
    """The currency of an amount of money (`index/money.py`: head "money:usd")."""
    kind, _, currency = (v.head or "").partition(":")
    return currency if kind == MONEY else None


def _within_either(a: Value, b: Value) -> Relation:
    """A count of acts joined by "or" ("over 150 flights cancelled, delayed or diverted")
    and a count of one of them ("95 cancelled"): the one fits within the
    other when it is no more than it."""
    either, one = (a, b) if a.of_either else (b, a)
    if not same_act(either.act, one.act):
        return _compare_values(a, b)
    whole, part = interval(either), interval(one)
    if whole is None or part is None:
        return "unclear"
    return "same" if part[0] <= whole[1] else "conflict"


def _compare_values(a: Value, b: Value) -> Relation:
    ia, ib = interval(a), interval(b)
    if ia and ib:
        return _by_interval(ia, ib)
    wa, wb = _weekday_of(a), _weekday_of(b)
    if wa and wb:
        return "same" if wa == wb else "conflict"
    return "same" if a.norm == b.norm else "unclear"


def _compare_times(a: Value, b: Value) -> Relation:
    """Times of day on one clock. Two clock figures ("around 4 pm", "4.25 pm") are one time
    only within a quarter of an hour of each other, whatever hedge each carries: an outlet
    that gives a figure reports a time, and a desk checks two figures 25 minutes apart (the
    development stories' dispute notes list such a pair as a disagreement). A time told in
    words or from one side ("just before midnight", "mid-afternoon", "just after 11 pm") is
    compared by its span, and a gap under half an hour from it is vagueness."""
    if a.norm.partition(" ")[2] != b.norm.partition(" ")[2]:
        return "unclear"  # "23:11" local and "22:11 gmt": another clock
    ma, mb = _figure_minute(a), _figure_minute(b)
    if ma is not None and mb is not None:
        minutes = abs(ma - mb)
        return "same" if min(minutes, DAY - minutes) <= FIGURE_SLACK else "conflict"

    def near(x: Span, y: Span) -> bool:
        return overlap((x[0] - JUST, x[1] + JUST), y)

    return _by_interval(_span(a), _span(b), overlap, near)


CLOCK = re.compile(r"^(\d{1,2}):(\d{2})\b")  # a time's norm: "19:20", "22:11 gmt"


def _figure_minute(v: Value) -> int | None:
    """The minute of a time given as a figure on the clock ("7 pm", "around 7.20pm", "2211
    GMT"), whose interval lies evenly about it, as index time reads a rounded figure; None
    for "just after 11 pm" (on one side of it) or a part of the day (no figure)."""
    m = CLOCK.match(v.norm)
    if m is None or v.lo is None or v.hi is None or not any(c.isdigit() for c in v.text):
        return None
    minute = int(m.group(1)) * 60 + int(m.group(2))
    return minute if abs((v.lo + v.hi) / 2 - minute) < 1 else None


def _compare_durations(a: Value, b: Value) -> Relation:
    """Durations by interval (in hours). When either is told loosely ("about a month",
    "more than 40 years"), readings apart by less than half of the shorter are vagueness,
    not a disagreement ("about a month" and "six weeks"); two counted readings ("90 years",
    "95 years") that do not meet conflict, as counts do."""

    def near(x: Span, y: Span) -> bool:
        low, high = sorted([x, y])
        return high[0] <= low[1] * DURATION_SLACK

    loose = is_loose(a.text) or is_loose(b.text)
    return _by_interval(_span(a), _span(b), near=near if loose else None)


def _span(v: Value) -> Span:
    return (v.lo or 0.0, v.hi or 0.0)


def _compare_sentences(a: Value, b: Value, q: Question | None) -> Relation:
    """Sentences speak of the same thing when they share content (or both carry the question's
    key words); then they conflict only when one negates or reverses the other's act."""
    if q is not None and q.qtype == QType.why:
        return _compare_reasons(a, b)
    ca, cb = _content(a), _content(b)
    if not ca or not cb:
        return "unclear"
    jaccard = _jaccard(ca, cb)
    antonyms = antonym_pairs()
    opposed = _negated(a) != _negated(b) or any(
        pair <= (ca | cb) and not pair <= ca and not pair <= cb for pair in antonyms
    )
    on_topic = False
    if q is not None and q.lemmas:
        sa, sb = {stem(w) for w in ca}, {stem(w) for w in cb}
        both = [x for x in q.lemmas if stem(x) in sa and stem(x) in sb]
        # and every thing the question names: two sentences of residents who "saw" something
        # are not one answer to what they saw "on the airbag" unless both name the airbag
        things = [x for x in q.lemmas if x not in q.verbs]
        on_topic = len(both) >= max(1, round(0.6 * len(q.lemmas))) and set(things) <= set(both)
    if opposed:
        # one negates or reverses the other only if they state nearly the same thing; a "not"
        # anywhere in a merely related sentence made 7 of 8 flagged conflicts false
        return "conflict" if jaccard >= SAME_STATEMENT_JACCARD else "unclear"
    if jaccard >= SENTENCE_SUPPORT_JACCARD or len(_said_alike(a, b)) >= SENTENCE_SUPPORT_SHARED:
        return "same"
    return "same" if on_topic else "unclear"


def _said_alike(a: Value, b: Value) -> set[str]:
    """The content words two sentences share beyond their speakers' names: two things a
    minister said both name the minister ("Railway Minister Asha Rao announced …"), and say
    the same only in what was said."""
    known = stems(" ".join([a.attributed_to or "", b.attributed_to or ""]))
    return {w for w in _content(a) & _content(b) if stem(w) not in known}


def _compare_reasons(a: Value, b: Value) -> Relation:
    """Two answers to a why-question are one when the reasons they give share content (the
    words from the cue on), not the question's own words, which every answer has: "jailed
    after the judge found he had paid a witness" and "convicted after a two-week
    trial" both say "trial", and give two reasons."""
    ca, cb = _reason_words(a), _reason_words(b)
    if not ca or not cb:
        return "unclear"
    return "same" if _jaccard(ca, cb) >= SENTENCE_SUPPORT_JACCARD else "unclear"


def _reason_words(s: Value) -> set[str]:
    """The sentence's content words from the cue of its reason on (none without one)."""
    reason = reason_of(s.text)
    said = stems(reason) if reason is not None else set()
    return {w for w in _content(s) if stem(w) in said}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b)
