"""The agreement score across outlets (SPEC "The agreement score"): each outlet's claim,
clustered by compatibility; the consensus is the cluster with the most independent origins;
the verdict and the sentence that explains it."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from qa.claims import Claim, attribution, best_value
from qa.compare import compare
from qa.models import Agreement, Answer, OutletStance
from qa.origins import assign_origins
from qa.question import Question
from qa.retrieve import Hit

ANSWER_TYPE = {
    "date": "date",
    "number": "number",
    "place": "place",
    "person": "person",
    "organization": "organization",
    "agent": "span",
    "object": "span",
    "sentence": "span",
}


@dataclass
class Cluster:
    claims: list[Claim] = field(default_factory=list)

    @property
    def origins(self) -> set[int]:
        return {c.origin for c in self.claims}

    @property
    def weight(self) -> float:
        return max(c.weight for c in self.claims)


def cluster(claims: list[Claim], q: Question | None = None) -> tuple[list[Cluster], list[Claim]]:
    """Greedy clusters in which every pair is compatible; sentences unrelated to all stay apart."""
    clusters: list[Cluster] = []
    loose: list[Claim] = []
    for c in sorted(claims, key=lambda c: -c.weight):
        relations = [[compare(c.value, m.value, q) for m in cl.claims] for cl in clusters]
        home = next(
            (
                cl
                for cl, rel in zip(clusters, relations, strict=True)
                if all(r == "same" for r in rel)
            ),
            None,
        )
        if home is not None:
            home.claims.append(c)
        elif (
            c.value.kind == "sentence"
            and clusters
            and not any(r == "conflict" for rel in relations for r in rel)
        ):
            loose.append(c)  # speaks of something else: unclear, not a conflict
        else:
            clusters.append(Cluster([c]))
    return clusters, loose


def consensus_display(cl: Cluster) -> tuple[str, str]:
    """(normalised value, quoted display) of a cluster."""
    best = max(cl.claims, key=lambda c: c.weight)
    kind = best.value.kind
    if kind == "number":
        lo = max(c.value.lo for c in cl.claims if c.value.lo is not None)
        his = [c.value.hi for c in cl.claims if c.value.hi is not None]
        hi = min(his) if his else math.inf
        value = f"{lo:g}" if lo == hi else f"{lo:g}..{'inf' if math.isinf(hi) else f'{hi:g}'}"
        exact = [c for c in cl.claims if c.value.lo == c.value.hi == lo]
        return value, (exact[0] if exact else best).value.text
    if kind == "date":
        days = [c for c in cl.claims if c.value.lo is not None and c.value.lo == c.value.hi]
        pick = max(days, key=lambda c: c.weight) if days else best
        if pick.value.lo is not None and pick.value.lo == pick.value.hi:
            day = dt.date.fromordinal(int(pick.value.lo))
            return day.isoformat(), f"{day:%A}, {day:%b} {day.day}, {day.year}"
        return pick.value.norm, pick.value.text
    if kind == "sentence":
        return best.value.text, best.value.text
    return best.value.norm, best.value.text


def _label(c: Claim) -> str:
    return c.outlet


def agree(
    q: Question, evidence: dict[str, list[Hit]], doc_ids: dict[str, list[str]]
) -> tuple[Agreement, Answer, dict[str, Claim]]:
    """The agreement across outlets, from each outlet's relevant hits (best first)."""
    claims: list[Claim] = []
    unclear: list[str] = []
    for outlet, hits in evidence.items():
        if not hits:
            continue
        best: Claim | None = None
        for hit in hits:
            found = best_value(q, hit)
            if found is None:
                continue
            value, sentence, score = found
            weight = score + (hit.dense or 0.0)
            if best is None or weight > best.weight:
                best = Claim(outlet, doc_ids[outlet], hit, value, sentence, weight)
                best.attributed_to = attribution(q, value, sentence, hit.stored.values)
        if best is None:
            unclear.append(outlet)
        else:
            claims.append(best)
    assign_origins(claims)
    clusters, loose = cluster(claims, q)
    stances: dict[str, OutletStance] = {}
    answer = Answer()
    if not claims:
        verdict = "no_evidence"
        agreement_score = None
        explanation = (
            "No outlet has a passage that answers this question."
            if not unclear
            else f"{len(unclear)} outlet(s) have related passages, but none states an answer."
        )
        if not q.lemmas:  # "when did it happen?": nothing to match a passage's words against
            explanation += (
                " The question names nothing to look for: say which event, person or thing "
                "it is about."
            )
        origins = 0
    else:
        top = max(clusters, key=lambda cl: (len(cl.origins), cl.weight))
        support = top.origins
        conflicting = set().union(*(cl.origins for cl in clusters if cl is not top)) - support
        origins = len(support | conflicting)
        agreement_score = round(len(support) / (len(support) + len(conflicting)), 3)
        if origins == 1:
            verdict = "single_source"
        elif not conflicting:
            verdict = "consistent"
        elif len(support) > len(conflicting):
            verdict = "mixed"
        else:
            verdict = "conflicting"
        value, display = consensus_display(top)
        answer = Answer(
            value=value, display=display, type=ANSWER_TYPE.get(top.claims[0].value.kind, "span")
        )  # type: ignore[arg-type]
        for cl in clusters:
            for c in cl.claims:
                stances[c.outlet] = _stance(c, "supports" if cl is top else "conflicts")
        for c in loose:
            stances[c.outlet] = _stance(c, "unclear")
        explanation = _explain(top, clusters, display, len(support), origins, verdict)
    for outlet in unclear:
        stances[outlet] = OutletStance(outlet=outlet, doc_ids=doc_ids[outlet], stance="unclear")
    for outlet in doc_ids:
        stances.setdefault(
            outlet, OutletStance(outlet=outlet, doc_ids=doc_ids[outlet], stance="silent")
        )
    order = {"conflicts": 0, "supports": 1, "unclear": 2, "silent": 3}
    outlets = sorted(stances.values(), key=lambda s: (order[s.stance], s.outlet))
    agreement = Agreement(
        score=agreement_score,
        verdict=verdict,  # type: ignore[arg-type]
        origins=origins,
        outlets=outlets,
        explanation=explanation,
    )
    return agreement, answer, {c.outlet: c for c in claims}


def not_mentioned(
    missing: list[str], story_title: str, doc_ids: dict[str, list[str]]
) -> tuple[Agreement, Answer, dict[str, Claim]]:
    """No evidence: what the question is about appears in no article of the story."""
    quoted = ", ".join(f"“{m}”" for m in missing)
    agreement = Agreement(
        score=None,
        verdict="no_evidence",
        origins=0,
        outlets=[
            OutletStance(outlet=o, doc_ids=d, stance="silent") for o, d in sorted(doc_ids.items())
        ],
        explanation=f"No article of the story “{story_title}” mentions {quoted}.",
    )
    return agreement, Answer(), {}


def _stance(c: Claim, stance: str) -> OutletStance:
    return OutletStance(
        outlet=c.outlet,
        doc_ids=c.doc_ids,
        stance=stance,  # type: ignore[arg-type]
        value=c.value.norm if c.value.kind != "sentence" else None,
        display=c.value.text,
        passage_id=c.hit.stored.passage.id,
        attributed_to=c.attributed_to,
        same_origin_as=c.same_origin_as,
    )


def _explain(
    top: Cluster, clusters: list[Cluster], display: str, support: int, origins: int, verdict: str
) -> str:
    shown = display if len(display) <= 80 else display[:77].rsplit(" ", 1)[0] + "…"
    if verdict == "single_source":
        c = top.claims[0]
        who = f", attributing it to {c.attributed_to}" if c.attributed_to else ""
        return f"Only one independent origin ({_label(c)}) reports “{shown}”{who}."
    texts = list(dict.fromkeys(c.value.text for c in top.claims))
    if top.claims[0].value.kind in {"number", "date"} and len(texts) > 1:
        quoted = ", ".join(f"“{t}”" for t in texts)
        text = f"{support} of {origins} independent origins report compatible values ({quoted})"
    else:
        text = f"{support} of {origins} independent origins report “{shown}”"
    others = []
    for cl in clusters:
        if cl is top:
            continue
        for c in cl.claims:
            others.append(f"{_label(c)} reports “{c.value.text}”")
    if others:
        text += "; " + "; ".join(others)
    return text + "."
