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


def typed_correct(g: GoldQuestion, r: AskResponse) -> bool | None:
    """Whether the consensus matches an acceptable value (None when the question has none).

    A value matches when it equals the normalised consensus (numerically for numbers) or
    occurs as whole words in the consensus value or its quoted display.
    """
    if not g.value:
        return None
    got = [x for x in (r.answer.value, r.answer.display) if x]
    for want in g.value:
        w = norm(want)
        for x in got:
            n, m = _number(w), _number(x)
            if n is not None and m is not None and math.isclose(n, m):
                return True
            if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", norm(x)):
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
