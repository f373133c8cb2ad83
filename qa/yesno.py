"""Yes/no questions, answered as the claim check of their statement (the question is parsed
as asked: "Did he plead guilty?" has the act, its agent and its polarity): outlets that
support it say yes, outlets that contradict it say no; the consensus is the side with more
independent origins."""

from __future__ import annotations

from qa.agree import verdict_of
from qa.check import ClaimFrame, attribution_of, outlet_reading
from qa.claims import Claim
from qa.models import Agreement, Answer, OutletStance, Quote
from qa.origins import assign_origins
from qa.retrieve import Hit
from qa.stance import basis


def yes_no(
    frame: ClaimFrame, evidence: dict[str, list[Hit]], doc_ids: dict[str, list[str]]
) -> tuple[Agreement, Answer, dict[str, Claim]]:
    readings = {o: r for o, hits in evidence.items() if (r := outlet_reading(frame, hits))}
    claims = {
        o: Claim(o, doc_ids[o], r.hit, r.sentence, r.sentence, r.about) for o, r in readings.items()
    }
    assign_origins(list(claims.values()))
    for o, c in claims.items():
        c.attributed_to = attribution_of(frame, readings[o])
        c.hedged = readings[o].stance == "hedges"
    yes = [c for o, c in claims.items() if readings[o].stance == "supports"]
    no = [c for o, c in claims.items() if readings[o].stance == "contradicts"]
    if not yes and not no:
        return _no_answer(claims, doc_ids), Answer(), {}
    top, other = (yes, no) if _origins(yes) >= _origins(no) else (no, yes)
    v = verdict_of(_origins(top), _origins(other))
    word = "yes" if top is yes else "no"
    lead = max(top, key=lambda c: c.weight)
    stances = [
        _stance(c, "supports" if c in top else "conflicts" if c in other else "unclear")
        for c in claims.values()
    ]
    agreement = Agreement(
        score=round(_origins(top) / (_origins(top) + _origins(other)), 3),
        verdict=v,
        origins=_origins(top) + _origins(other),
        basis=basis((c.attributed_to, c.hedged) for c in top),
        outlets=_with_silent(stances, doc_ids),
        explanation=_explain(word, top, other),
    )
    answer = Answer(value=word, display=lead.sentence.text, type="span")
    return agreement, answer, {c.outlet: c for c in top + other}


def _origins(claims: list[Claim]) -> int:
    return len({c.origin for c in claims})


def _stance(c: Claim, stance: str) -> OutletStance:
    s = c.sentence
    return OutletStance(
        outlet=c.outlet,
        doc_ids=c.doc_ids,
        stance=stance,
        display=s.text,
        passage_id=c.hit.stored.passage.id,
        attributed_to=c.attributed_to,
        same_origin_as=c.same_origin_as,
        hedged=c.hedged,
        quote=Quote(doc_id=c.hit.stored.passage.doc_id, start=s.start, end=s.end, text=s.text),
    )


def _with_silent(stances: list[OutletStance], doc_ids: dict[str, list[str]]) -> list[OutletStance]:
    have = {s.outlet for s in stances}
    rows = stances + [
        OutletStance(outlet=o, doc_ids=d, stance="silent")
        for o, d in doc_ids.items()
        if o not in have
    ]
    order = {"conflicts": 0, "supports": 1, "unclear": 2, "silent": 3}
    return sorted(rows, key=lambda s: (order[s.stance], s.outlet))


def _no_answer(claims: dict[str, Claim], doc_ids: dict[str, list[str]]) -> Agreement:
    hedged = [_stance(c, "unclear") for c in claims.values()]
    text = (
        f"{len(hedged)} outlet(s) report it as uncertain; none says yes or no."
        if hedged
        else "No outlet says whether it is so."
    )
    return Agreement(verdict="no_evidence", outlets=_with_silent(hedged, doc_ids), explanation=text)


def _explain(word: str, top: list[Claim], other: list[Claim]) -> str:
    side = ", ".join(c.outlet for c in top)
    text = f"{_origins(top)} independent origin(s) say {word} ({side})"
    if other:
        against = "no" if word == "yes" else "yes"
        names = ", ".join(c.outlet for c in other)
        text += f"; {_origins(other)} say {against} ({names})"
    return text + "."
