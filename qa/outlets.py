"""Each outlet of a story as the response lists it: its stance, value, quote and origin."""

from __future__ import annotations

from qa.claims import Claim
from qa.models import OutletStance, Quote, Stance

ORDER = {"conflicts": 0, "supports": 1, "unclear": 2, "silent": 3}


def stance_of(c: Claim, stance: Stance, *, disputed: bool = False) -> OutletStance:
    return OutletStance(
        outlet=c.outlet,
        doc_ids=c.doc_ids,
        stance=stance,
        disputed=disputed,
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


def sides(top: list[Claim], against: list[Claim], split: bool) -> dict[str, OutletStance]:
    """The stances of the outlets that answer: the consensus `supports`, the others
    `conflicts`; with no majority (`split`) none is singled out as the one in conflict:
    every side is `unclear` and `disputed`, its quote shown beside the others (the stories'
    gold marks conflicting outlets only against a clear majority)."""
    if split:
        return {c.outlet: stance_of(c, "unclear", disputed=True) for c in [*top, *against]}
    out = {c.outlet: stance_of(c, "conflicts") for c in against}
    return out | {c.outlet: stance_of(c, "supports") for c in top}


def ordered(stances: dict[str, OutletStance], doc_ids: dict[str, list[str]]) -> list[OutletStance]:
    """Every outlet of the story once (silent where it said nothing), conflicts first, then
    the sides of a dispute."""
    for outlet in doc_ids:
        stances.setdefault(
            outlet, OutletStance(outlet=outlet, doc_ids=doc_ids[outlet], stance="silent")
        )
    return sorted(stances.values(), key=lambda s: (ORDER[s.stance] - s.disputed, s.outlet))
