"""Retrieval, answer and agreement metrics for one question, and their summary over many."""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Iterable

from eval.gold import GoldQuestion
from qa.models import AskResponse

QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


def norm(text: str) -> str:
    """Lower case, straight quotes, single spaces: how answer strings are matched."""
    return " ".join(text.translate(QUOTES).casefold().split())


def answer_bearing(text: str, doc_id: str, g: GoldQuestion) -> bool:
    """A passage bears the answer when it holds a gold answer string and is in a gold doc."""
    if g.docs and doc_id not in g.docs:
        return False
    t = norm(text)
    return any(norm(a) in t for a in g.answers)


def first_relevant(flags: list[bool]) -> int | None:
    """1-based rank of the first answer-bearing passage, if any."""
    return next((i for i, f in enumerate(flags, 1) if f), None)


def ndcg(flags: list[bool], relevant_total: int, k: int = 10) -> float:
    """Binary-relevance nDCG@k; the ideal ranking puts every relevant passage first."""
    dcg = sum(1 / math.log2(i + 1) for i, f in enumerate(flags[:k], 1) if f)
    ideal = sum(1 / math.log2(i + 1) for i in range(1, min(relevant_total, k) + 1))
    return dcg / ideal if ideal else 0.0


def _number(s: str) -> float | None:
    try:
        return float(s.replace(",", ""))
    except ValueError:
        return None


# a count or duration as the SPEC gives it: "3", "801..inf", "1700..2300", "4 hour"
NUMBER = r"-?\d[\d,]*(?:\.\d+)?"
SPAN = re.compile(rf"^({NUMBER})(?:\.\.({NUMBER}|inf))?(?:\s+[a-z]+)?$")
# a full stop that ends an initial or abbreviation ("Mira J. Ortega"), not a decimal point
STOP = re.compile(r"(?<=[a-z])\.")


def _span(s: str) -> tuple[float, float] | None:
    m = SPAN.match(s)
    lo = _number(m.group(1)) if m else None
    if m is None or lo is None:
        return None
    hi = math.inf if m.group(2) == "inf" else _number(m.group(2) or m.group(1))
    return None if hi is None else (lo, hi)


def _same_span(want: str, got: str) -> bool:
    """Intervals that meet: "around 2,000" (1700..2300) holds the gold 2000, "just over
    four hours" ("4 hour") lies within the gold "4..5"."""
    a, b = _span(want), _span(got)
    if a is None or b is None:
        return False
    if a[0] == a[1] and b[0] == b[1]:
        return math.isclose(a[0], b[0])
    if math.isinf(b[1]) and not math.isinf(a[1]):
        # "over 800" is no answer of 2,000, only compatible with it; "the fifth death" (at
        # least 5) answers 5
        return a == (b[0], b[0])
    return a[0] <= b[1] and b[0] <= a[1]


def typed_correct(g: GoldQuestion, r: AskResponse) -> bool | None:
    """Whether the consensus matches an acceptable value (None when the question has none).

    A value matches when it equals the normalised consensus (as intervals for counts and
    durations) or occurs as whole words in the consensus value or its quoted display (full
    stops of initials aside).
    """
    if not g.value:
        return None
    got = [x for x in (r.answer.value, r.answer.display) if x]
    for want in g.value:
        w = norm(want)
        for x in got:
            if _same_span(w, norm(x)):
                return True
            if re.search(rf"(?<!\w){re.escape(STOP.sub('', w))}(?!\w)", STOP.sub("", norm(x))):
                return True
    return False


def flagged_docs(r: AskResponse) -> set[str]:
    """Documents whose outlet the answer marks as conflicting (the quoted passage's doc)."""
    out: set[str] = set()
    for o in r.agreement.outlets:
        if o.stance == "conflicts":
            out.add(o.passage_id.split(":")[0] if o.passage_id else o.doc_ids[0])
    return out


def hedged_docs(r: AskResponse) -> set[str]:
    """Documents whose outlet the answer marks as hedging (reporting the point as uncertain)."""
    return {
        o.passage_id.split(":")[0] if o.passage_id else o.doc_ids[0]
        for o in r.agreement.outlets
        if o.hedged
    }


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    s = sorted(values)
    return s[min(len(s) - 1, max(0, math.ceil(p / 100 * len(s)) - 1))]


def mean(values: Iterable[float | None]) -> float | None:
    xs = [float(v) for v in values if v is not None]
    return round(statistics.fmean(xs), 4) if xs else None


def prf(tp: int, flagged: int, gold: int) -> tuple[float | None, float | None]:
    """Precision and recall of flagged conflicts (None when nothing was flagged / expected)."""
    return (tp / flagged if flagged else None, tp / gold if gold else None)
