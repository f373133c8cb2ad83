"""Comparing two outlets' answers to one question: the same, in conflict, or not comparable."""

from __future__ import annotations

import datetime as dt
import math

from index.models import Value
from qa.match import antonym_pairs, related, related_any
from qa.question import Question

SENTENCE_SUPPORT_JACCARD = 0.2
SENTENCE_SUPPORT_SHARED = 4  # content lemmas two answering sentences share


def _interval(v: Value) -> tuple[float, float] | None:
    if v.lo is None:
        return None
    return v.lo, v.hi if v.hi is not None else math.inf


def _weekday_of(v: Value) -> str | None:
    if v.norm.startswith("weekday:"):
        return v.norm.split(":", 1)[1]
    if v.lo is not None and v.lo == v.hi:
        return dt.date.fromordinal(int(v.lo)).strftime("%A").lower()
    return None


def _content(s: Value) -> set[str]:
    return {w for w in s.norm.split() if w != "NOT"}


def _negated(s: Value) -> bool:
    return "NOT" in s.norm.split()


def compare(a: Value, b: Value, q: Question | None = None) -> str:
    """'same', 'conflict' or 'unrelated' for two claims of one kind."""
    if a.kind != b.kind:
        return "unrelated"
    if a.kind in {"number", "date"}:
        ia, ib = _interval(a), _interval(b)
        if ia and ib:
            return "same" if ia[0] <= ib[1] and ib[0] <= ia[1] else "conflict"
        wa, wb = _weekday_of(a), _weekday_of(b)
        if wa and wb:
            return "same" if wa == wb else "conflict"
        return "same" if a.norm == b.norm else "unrelated"
    if a.kind == "place":
        if a.norm == b.norm or a.norm in b.norm or b.norm in a.norm:
            return "same"
        return "conflict" if a.head == b.head else "same"  # a street lies within a city
    if a.kind == "agent":
        ha, hb = a.norm.split()[-1], b.norm.split()[-1]
        oa, ob = set(a.norm.split()[:-1]), set(b.norm.split()[:-1])
        if not related(ha, hb):
            return "conflict"
        return "same" if not oa or not ob or oa & ob else "conflict"
    if a.kind in {"object", "person", "organization"}:
        return "same" if related(a.norm, b.norm) else "conflict"
    # sentences: shared content decides whether they speak of the same thing
    ca, cb = _content(a), _content(b)
    if not ca or not cb:
        return "unrelated"
    jaccard = len(ca & cb) / len(ca | cb)
    antonyms = antonym_pairs()
    opposed = _negated(a) != _negated(b) or any(
        pair <= (ca | cb) and not pair <= ca and not pair <= cb for pair in antonyms
    )
    # both answer the question with its key words: they speak of the same thing
    on_topic = False
    if q is not None and q.lemmas:
        both = [x for x in q.lemmas if related_any(x, list(ca)) and related_any(x, list(cb))]
        on_topic = len(both) >= max(1, round(0.6 * len(q.lemmas)))
    if jaccard >= SENTENCE_SUPPORT_JACCARD or len(ca & cb) >= SENTENCE_SUPPORT_SHARED or on_topic:
        return "conflict" if opposed else "same"
    return "unrelated"
