"""Claim check: each outlet's stance on a statement (supports, contradicts, hedges, silent),
its strongest reading across its evidence (`qa/reading.py` reads one sentence), with its
quote, attribution and shared origin. The claim itself is parsed in `qa/statement.py`, the
verdict is `qa/claim_verdict.py`'s."""

from __future__ import annotations

from dataclasses import dataclass

from index.copies import Copied, never
from index.models import Value
from qa.claims import Claim, asserts, describe
from qa.match import prime
from qa.models import CheckOutlet, CheckStance, Quote
from qa.origins import assign_origins
from qa.reading import PARTY_KINDS, read_sentence
from qa.retrieve import Hit
from qa.statement import ClaimFrame


@dataclass
class Reading:
    """How one sentence of an outlet reads the claim."""

    stance: CheckStance
    about: float  # share of the claim's content words the sentence states
    hit: Hit
    sentence: Value


def outlet_reading(frame: ClaimFrame, hits: list[Hit]) -> Reading | None:
    """An outlet's strongest reading of the claim across its evidence (a contradiction wins
    a tie: a desk must see it)."""
    best: Reading | None = None
    order = {"contradicts": 2, "supports": 1, "hedges": 0}
    for hit in hits:
        values = hit.stored.values
        for s in (v for v in values if v.kind == "sentence" and asserts(v)):
            inside = [v for v in values if v.kind != "sentence" and s.start <= v.start < s.end]
            read = read_sentence(frame, s, inside)
            if read is None:
                continue
            r = Reading(read[0], read[1], hit, s)
            if best is None or (r.about, order[r.stance]) > (best.about, order[best.stance]):
                best = r
    return best


def read_outlets(
    frame: ClaimFrame,
    evidence: dict[str, list[Hit]],
    doc_ids: dict[str, list[str]],
    further: dict[str, list[Hit]] | None = None,
    copied: Copied = never,
) -> dict[str, tuple[Claim, CheckStance]]:
    """Each outlet that speaks to the claim: its reading as a claim (sentence, origin, whose
    word it repeats, hedged) and its stance, from its evidence or, when that says nothing
    of it, its articles' leads (`further`: a lead tells the event in its own words). Shared
    by `check` and yes/no questions."""
    further = further or {}
    every = [h for hs in [*evidence.values(), *further.values()] for h in hs]
    values = [v for h in every for v in h.stored.values]
    # one batch: the verbs read by meaning, and the things a claim's things are matched to
    prime([*frame.acts, *frame.lemmas, frame.phrase, *(v.head for v in values)])
    prime((v.key_head for v in values if v.kind in PARTY_KINDS), ("thing",))
    readings = {
        o: r
        for o, hits in evidence.items()
        if (r := outlet_reading(frame, hits) or outlet_reading(frame, further.get(o, [])))
    }
    claims = {
        o: Claim(o, doc_ids[o], r.hit, r.sentence, r.sentence, r.about) for o, r in readings.items()
    }
    assign_origins(list(claims.values()), copied)
    for o, c in claims.items():
        describe(c, frame.lemmas)
        c.hedged = readings[o].stance == "hedges"  # as the reading of this claim decided
    return {o: (claims[o], readings[o].stance) for o in claims}


def check_outlets(
    frame: ClaimFrame,
    evidence: dict[str, list[Hit]],
    doc_ids: dict[str, list[str]],
    further: dict[str, list[Hit]] | None = None,
    copied: Copied = never,
) -> list[CheckOutlet]:
    """Every outlet of the story once: its stance, quote, attribution and shared origin."""
    read = read_outlets(frame, evidence, doc_ids, further, copied)
    out = []
    for outlet in sorted(doc_ids):
        if outlet not in read:
            out.append(CheckOutlet(outlet=outlet, doc_ids=doc_ids[outlet], stance="silent"))
            continue
        c, stance = read[outlet]
        s, doc = c.sentence, c.hit.stored.passage.doc_id
        out.append(
            CheckOutlet(
                outlet=outlet,
                doc_ids=doc_ids[outlet],
                stance=stance,
                quote=Quote(doc_id=doc, start=s.start, end=s.end, text=s.text),
                passage_id=c.hit.stored.passage.id,
                attributed_to=c.attributed_to,
                same_origin_as=c.same_origin_as,
            )
        )
    return out
