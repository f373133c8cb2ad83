"""Outlets' answers grouped into clusters of compatible values, and the consensus value a
cluster reports."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from index.normalize import interval_norm, number_text
from qa.claims import Claim
from qa.compare import compare
from qa.match import firmly_same_act
from qa.question import Question


@dataclass
class Cluster:
    claims: list[Claim] = field(default_factory=list)

    @property
    def origins(self) -> set[int]:
        return {c.origin for c in self.claims}

    @property
    def weight(self) -> float:
        return max(c.weight for c in self.claims)


def cluster(claims: list[Claim], q: Question | None = None) -> list[Cluster]:
    """Greedy clusters in which every pair of answers is the same: bounded answers first,
    strongest first; an open count ("at least 40") then joins the cluster nearest its
    bound: it reports 40, though 52 is not against it."""
    clusters: list[Cluster] = []
    for c in sorted(claims, key=lambda c: (_open(c), -c.weight)):
        homes = [
            cl for cl in clusters if all(compare(c.value, m.value, q) == "same" for m in cl.claims)
        ]
        if homes:
            min(homes, key=lambda cl: _distance(cl, c)).claims.append(c)
        else:
            clusters.append(Cluster([c]))
    return clusters


def _open(c: Claim) -> bool:
    return c.value.kind == "number" and c.value.lo is not None and c.value.hi is None


def _distance(cl: Cluster, c: Claim) -> float:
    """How far an open count's bound is from the nearest count of a cluster (0 otherwise:
    the first cluster that takes it)."""
    if not _open(c):
        return 0.0
    los = [m.value.lo for m in cl.claims if m.value.lo is not None]
    return min(abs(lo - (c.value.lo or 0.0)) for lo in los) if los else math.inf


def strongest(clusters: list[Cluster]) -> Cluster:
    """The consensus: the cluster with the most independent origins, then the best answer."""
    return max(clusters, key=lambda cl: (len(cl.origins), cl.weight))


def against_top(
    clusters: list[Cluster], top: Cluster, q: Question | None
) -> tuple[list[Cluster], list[Claim]]:
    """The other clusters split into those that conflict with the consensus and the answers
    that cannot be compared with it (their outlets `unclear`, never `conflicts`): a parse of
    the wrong phrase ("the incident") is not an outlet disagreeing about who fired, nor a
    date of an act near the asked one only by meaning an outlet disagreeing about when."""
    conflicting: list[Cluster] = []
    loose: list[Claim] = []
    held = [t for t in top.claims if _firmly_of_the_act(t, q)]
    for cl in clusters:
        if cl is top:
            continue
        firm = [c for c in cl.claims if _firmly_of_the_act(c, q)]
        if any(compare(c.value, t.value, q) == "conflict" for c in firm for t in held):
            conflicting.append(Cluster(firm))
            loose += [c for c in cl.claims if c not in firm]
        else:
            loose += cl.claims
    return conflicting, loose


def _firmly_of_the_act(c: Claim, q: Question | None) -> bool:
    """A date whose act is the question's only by a meaning near the cut-off may date another
    act ("arrested in May" for "when was she convicted?", 0.62): it answers, but it
    contradicts nothing; its outlet is `unclear`."""
    v = c.value
    if q is None or v.kind not in {"date", "time"} or not q.verbs or q.event:
        return True
    acts = [(v.head or "").partition(":")[0], v.act]
    return any(firmly_same_act(w, a) for w in acts if w for a in [*q.verbs, *q.lemmas])


def consensus_display(cl: Cluster) -> tuple[str, str]:
    """(normalised value, quoted display) of a cluster."""
    best = max(cl.claims, key=lambda c: c.weight)
    kind = best.value.kind
    if kind == "number":
        # a count of acts joined by "or" bounds the count of each from above: not the value
        own = [c for c in cl.claims if not c.value.of_either] or cl.claims
        lo = max(c.value.lo for c in own if c.value.lo is not None)
        his = [c.value.hi for c in own if c.value.hi is not None]
        hi = min(his) if his else math.inf
        value = number_text(lo) if lo == hi else interval_norm(lo, hi)
        exact = [c for c in own if c.value.lo == c.value.hi == lo]
        return value, (exact[0] if exact else max(own, key=lambda c: c.weight)).value.text
    if kind == "date":
        days = [c for c in cl.claims if c.value.lo is not None and c.value.lo == c.value.hi]
        pick = max(days, key=lambda c: c.weight) if days else best
        if pick.value.lo is not None and pick.value.lo == pick.value.hi:
            day = dt.date.fromordinal(int(pick.value.lo))
            return day.isoformat(), f"{day:%A}, {day:%b} {day.day}, {day.year}"
        return pick.value.norm, pick.value.text
    if kind in {"time", "duration"}:  # the value most origins state, then the most precise
        said = {n: len({c.origin for c in cl.claims if c.value.norm == n}) for n in
                {c.value.norm for c in cl.claims}}  # fmt: skip
        pick = min(
            cl.claims,
            key=lambda c: (-said[c.value.norm], (c.value.hi or 0) - (c.value.lo or 0), -c.weight),
        )
        return pick.value.norm, pick.value.text
    if kind == "sentence":
        return best.value.text, best.value.text
    if kind == "person":  # "Ruiz" is shown as quoted, valued by the whole name the article gave
        return max((c.value.full or c.value.text for c in cl.claims), key=len), best.value.text
    return best.value.norm, best.value.text
