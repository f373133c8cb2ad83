"""Rules of qa/claim_verdict.py: the verdict from each outlet's stance, by independent origin."""

from __future__ import annotations

from qa.claim_verdict import verdict
from qa.models import CheckOutlet
from qa.statement import ClaimFrame
from tests.helpers import value


def test_verdict_rules():
    def row(outlet: str, stance: str, party: str | None = None, same: str | None = None):
        return CheckOutlet(
            outlet=outlet, doc_ids=[outlet], stance=stance, attributed_to=party, same_origin_as=same
        )  # type: ignore[arg-type]

    assert verdict([row("A", "supports"), row("B", "silent")])[0] == "supported"
    assert verdict([row("A", "supports"), row("B", "contradicts")])[0] == "disputed"
    assert verdict([row("A", "contradicts")])[0] == "contradicted"
    only, why = verdict([row("A", "supports", "DHS"), row("B", "hedges")])
    assert only == "attributed_only" and "Only DHS" in why and "1 outlet(s)" in why
    # a claim about what DHS said is confirmed by outlets reporting that DHS said it, and a
    # claim about what DHS did by outlets quoting DHS
    said = ClaimFrame("DHS said so", ["dhs", "say"], ["say"], False, speech=True)
    assert verdict([row("A", "supports", "DHS")], said)[0] == "supported"
    doer = value("agent", "The DHS", norm="dhs", head="put")
    did = ClaimFrame("DHS put it at 3", ["dhs", "put"], ["put"], False, parties=[doer])
    assert verdict([row("A", "supports", "the DHS")], did)[0] == "supported"
    assert verdict([row("A", "supports", "the mayor")], did)[0] == "attributed_only"
    assert verdict([row("A", "hedges")])[0] == "unverified"
    # two outlets sharing one wording are one origin
    _, why = verdict([row("A", "supports", same="B"), row("B", "supports", same="A")])
    assert why.startswith("1 independent origin")
