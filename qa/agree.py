"""The agreement score across outlets (SPEC "The agreement score"): each outlet's claim,
clustered by compatibility; the consensus is the cluster with the most independent origins;
the verdict and the sentence that explains it."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from qa.claims import Claim, answers, describe, prime_words
from qa.compare import INTERVAL_KINDS, compare
from qa.models import Agreement, Answer, OutletStance, Quote
from qa.origins import assign_origins
from qa.question import Question
from qa.retrieve import Hit
from qa.stance import basis, only_claimed

ANSWER_TYPE = {
    "date": "date",
    "time": "span",  # the SPEC's answer types have no time of day: the quoted time, "HH:MM"
    "duration": "span",  # nor a duration: the quoted one, "4 hour"
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


def cluster(claims: list[Claim], q: Question | None = None) -> list[Cluster]:
    """Greedy clusters in which every pair of answers is the same, strongest answers first."""
    clusters: list[Cluster] = []
    for c in sorted(claims, key=lambda c: -c.weight):
        home = next(
            (
                cl
                for cl in clusters
                if all(compare(c.value, m.value, q) == "same" for m in cl.claims)
            ),
            None,
        )
        if home is not None:
            home.claims.append(c)
        else:
            clusters.append(Cluster([c]))
    return clusters


def against_top(
    clusters: list[Cluster], top: Cluster, q: Question | None
) -> tuple[list[Cluster], list[Claim]]:
    """The other clusters split into those that conflict with the consensus and the answers
    that cannot be compared with it (their outlets `unclear`, never `conflicts`): a parse of
    the wrong phrase ("the incident") is not an outlet disagreeing about who fired."""
    conflicting: list[Cluster] = []
    loose: list[Claim] = []
    for cl in clusters:
        if cl is top:
            continue
        if any(compare(c.value, t.value, q) == "conflict" for c in cl.claims for t in top.claims):
            conflicting.append(cl)
        else:
            loose += cl.claims
    return conflicting, loose


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
    return best.value.norm, best.value.text


def outlet_claims(
    q: Question, evidence: dict[str, list[Hit]], doc_ids: dict[str, list[str]]
) -> tuple[dict[str, list[Claim]], list[str]]:
    """Each outlet's answers from its relevant hits, best first; the outlets with hits but no
    answer."""
    prime_words(q, [h for hits in evidence.values() for h in hits])
    claims: dict[str, list[Claim]] = {}
    unclear: list[str] = []
    for outlet, hits in evidence.items():
        found = [
            Claim(outlet, doc_ids[outlet], hit, value, sentence, score + (hit.dense or 0.0))
            for hit in hits
            for value, sentence, score in answers(q, hit)
        ]
        if not found:
            if hits:
                unclear.append(outlet)
            continue
        found.sort(key=lambda c: -c.weight)
        describe(found[0], q.lemmas)  # the others are read only to reconcile (below)
        claims[outlet] = found
    return claims, unclear


def reconcile(
    best: list[Claim], options: dict[str, list[Claim]], top: Cluster, q: Question
) -> bool:
    """An outlet whose best answer disagrees with the consensus, but that also states the
    consensus value in its evidence, supports it: a second value in its text (an earlier
    toll, a parse of the wrong phrase) is not the outlet contradicting the others. Only for
    typed values; returns whether any outlet changed its answer."""
    lead = max(top.claims, key=lambda c: c.weight)
    changed = False
    for i, c in enumerate(best):
        if c in top.claims or c.value.kind == "sentence":
            continue
        alt = next(
            (a for a in options[c.outlet][1:] if compare(a.value, lead.value, q) == "same"), None
        )
        if alt is not None:
            best[i] = describe(alt, q.lemmas)
            changed = True
    return changed


def verdict_of(support: int, conflicting: int) -> str:
    if support + conflicting == 1:
        return "single_source"
    if not conflicting:
        return "consistent"
    return "mixed" if support > conflicting else "conflicting"


def _no_answer(q: Question, unclear: list[str]) -> str:
    text = (
        "No outlet has a passage that answers this question."
        if not unclear
        else f"{len(unclear)} outlet(s) have related passages, but none states an answer."
    )
    if not q.lemmas:  # "when did it happen?": nothing to match a passage's words against
        text += (
            " The question names nothing to look for: say which event, person or thing it is about."
        )
    return text


def agree(
    q: Question, evidence: dict[str, list[Hit]], doc_ids: dict[str, list[str]]
) -> tuple[Agreement, Answer, dict[str, Claim]]:
    """The agreement across outlets, from each outlet's relevant hits (best first)."""
    options, unclear = outlet_claims(q, evidence, doc_ids)
    claims = [found[0] for found in options.values()]
    assign_origins(claims)
    clusters = cluster(claims, q)
    stances = {o: OutletStance(outlet=o, doc_ids=doc_ids[o], stance="unclear") for o in unclear}
    if not claims:
        agreement = Agreement(
            verdict="no_evidence",
            outlets=ordered(stances, doc_ids),
            explanation=_no_answer(q, unclear),
        )
        return agreement, Answer(), {}
    top = max(clusters, key=lambda cl: (len(cl.origins), cl.weight))
    if reconcile(claims, options, top, q):
        for c in claims:
            c.origin, c.same_origin_as = -1, None
        assign_origins(claims)
        clusters = cluster(claims, q)
        top = max(clusters, key=lambda cl: (len(cl.origins), cl.weight))
    against, loose = against_top(clusters, top, q)
    support = top.origins
    # a copy of a supporter's text that changed the value ("late on Saturday" in one paper's
    # copy of a wire report that says Friday) is a report of another value, so it counts as
    # a conflicting origin even though its wording is shared with a supporter
    conflicting = set().union(*(cl.origins for cl in against))
    verdict = verdict_of(len(support), len(conflicting))
    value, display = consensus_display(top)
    kind = top.claims[0].value.kind
    answer = Answer(value=value, display=display, type=ANSWER_TYPE.get(kind, "span"))
    for cl in [top, *against]:
        for c in cl.claims:
            stances[c.outlet] = stance_of(c, "supports" if cl is top else "conflicts")
    for c in loose:
        stances[c.outlet] = stance_of(c, "unclear")
    grounds = basis((c.attributed_to, c.hedged) for c in top.claims)
    origins = len(support) + len(conflicting)
    explanation = _explain(top, against, display, len(support), origins, verdict)
    if grounds == "attributed":
        hedged = sum(c.hedged for c in [*top.claims, *loose])
        explanation += " " + only_claimed((c.attributed_to for c in top.claims), hedged)
    agreement = Agreement(
        score=round(len(support) / (len(support) + len(conflicting)), 3),
        verdict=verdict,
        origins=origins,
        basis=grounds,
        outlets=ordered(stances, doc_ids),
        explanation=explanation,
    )
    return agreement, answer, {c.outlet: c for c in claims}


def ordered(stances: dict[str, OutletStance], doc_ids: dict[str, list[str]]) -> list[OutletStance]:
    """Every outlet of the story once (silent where it said nothing), conflicts first."""
    for outlet in doc_ids:
        stances.setdefault(
            outlet, OutletStance(outlet=outlet, doc_ids=doc_ids[outlet], stance="silent")
        )
    order = {"conflicts": 0, "supports": 1, "unclear": 2, "silent": 3}
    return sorted(stances.values(), key=lambda s: (order[s.stance], s.outlet))


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


def stance_of(c: Claim, stance: str) -> OutletStance:
    return OutletStance(
        outlet=c.outlet,
        doc_ids=c.doc_ids,
        stance=stance,
        value=c.value.norm if c.value.kind != "sentence" else None,
        display=c.value.text,
        passage_id=c.hit.stored.passage.id,
        attributed_to=c.attributed_to,
        same_origin_as=c.same_origin_as,
        hedged=c.hedged,
        quote=Quote(
            doc_id=c.hit.stored.passage.doc_id,
            start=c.sentence.start,
            end=c.sentence.end,
            text=c.sentence.text,
        ),
    )


def _explain(
    top: Cluster, clusters: list[Cluster], display: str, support: int, origins: int, verdict: str
) -> str:
    shown = display if len(display) <= 80 else display[:77].rsplit(" ", 1)[0] + "…"
    if verdict == "single_source":
        c = top.claims[0]
        who = f", attributing it to {c.attributed_to}" if c.attributed_to else ""
        return f"Only one independent origin ({c.outlet}) reports “{shown}”{who}."
    texts = list(dict.fromkeys(c.value.text for c in top.claims))
    if top.claims[0].value.kind in INTERVAL_KINDS and len(texts) > 1:
        quoted = ", ".join(f"“{t}”" for t in texts)
        text = f"{support} of {origins} independent origins report compatible values ({quoted})"
    else:
        text = f"{support} of {origins} independent origins report “{shown}”"
    others = []
    for cl in clusters:
        if cl is top:
            continue
        for c in cl.claims:
            others.append(f"{c.outlet} reports “{c.value.text}”")
    if others:
        text += "; " + "; ".join(others)
    return text + "."
