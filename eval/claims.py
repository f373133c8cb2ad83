"""Claim checks against gold: the claims file format (JSONL: id, claim, docs, verdict, and
optionally each outlet's expected stance by doc_id), its loader, and the scores."""

from __future__ import annotations

import json
import statistics
import time
from collections import Counter
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from eval.gold import GoldError
from qa.models import CheckStance, CheckVerdict
from qa.service import Service

DEFAULT_CLAIMS = Path(__file__).with_name("claims.jsonl")


class GoldClaim(BaseModel):
    id: str = Field(min_length=1)
    claim: str = Field(min_length=1)
    docs: list[str] = Field(min_length=1, description="Documents of the story it is about.")
    verdict: CheckVerdict
    stances: dict[str, CheckStance] = Field(
        default_factory=dict, description="Expected stance by doc_id, where labelled."
    )
    note: str | None = None


class ClaimResult(BaseModel):
    id: str
    claim: str
    verdict_gold: CheckVerdict
    verdict: CheckVerdict
    stances_right: int
    stances_labelled: int
    latency_ms: float


class ClaimReport(BaseModel):
    claims: int
    skipped: list[str]  # claims about documents not in the index
    verdict_accuracy: float | None
    stance_accuracy: float | None
    confusion: dict[str, dict[str, int]]
    latency_median_ms: float | None
    results: list[ClaimResult]


def load_claims(path: Path = DEFAULT_CLAIMS) -> list[GoldClaim]:
    out: list[GoldClaim] = []
    seen: set[str] = set()
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read: {exc}") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            c = GoldClaim.model_validate(json.loads(line))
        except (json.JSONDecodeError, ValidationError) as exc:
            raise GoldError(f"{path}:{n}: {exc}") from None
        if c.id in seen:
            raise GoldError(f"{path}:{n}: duplicate id {c.id!r}")
        seen.add(c.id)
        out.append(c)
    return out


def _score(service: Service, c: GoldClaim, story: str | None) -> ClaimResult:
    t0 = time.perf_counter()
    r = service.check(c.claim)
    ms = (time.perf_counter() - t0) * 1000
    got = {d: o.stance for o in r.outlets for d in o.doc_ids}
    right = sum(got.get(d) == s for d, s in c.stances.items())
    return ClaimResult(
        id=c.id,
        claim=c.claim,
        verdict_gold=c.verdict,
        verdict=r.verdict if r.story is None or r.story.id == story else "unverified",
        stances_right=right,
        stances_labelled=len(c.stances),
        latency_ms=round(ms, 3),
    )


def run_claims(service: Service, claims: list[GoldClaim]) -> ClaimReport:
    """Every claim whose documents are indexed, checked without naming its story (routing is
    part of the check: a claim answered from another story counts as `unverified`)."""
    story_of = {d.doc_id: d.story for d in service.store.all_documents()}
    scored = [c for c in claims if all(d in story_of for d in c.docs)]
    results = [_score(service, c, story_of[c.docs[0]]) for c in scored]
    labelled = sum(r.stances_labelled for r in results)
    confusion: dict[str, Counter] = {}
    for r in results:
        confusion.setdefault(r.verdict_gold, Counter())[r.verdict] += 1
    return ClaimReport(
        claims=len(results),
        skipped=[c.id for c in claims if c not in scored],
        verdict_accuracy=round(statistics.mean(r.verdict == r.verdict_gold for r in results), 4)
        if results
        else None,
        stance_accuracy=round(sum(r.stances_right for r in results) / labelled, 4)
        if labelled
        else None,
        confusion={g: dict(c) for g, c in sorted(confusion.items())},
        latency_median_ms=statistics.median(r.latency_ms for r in results) if results else None,
        results=results,
    )
