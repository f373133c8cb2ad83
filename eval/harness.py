"""Run gold questions through `Service.ask` with each retrieval method and score the answers.

Every method goes through the same harness and the same agreement logic; only retrieval
changes. A variant can also override ranking settings ("heavy=hybrid:dense_weight=2").
"""

from __future__ import annotations

import statistics
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, Field, TypeAdapter

from eval.gold import GoldQuestion
from eval.metrics import (
    answer_bearing,
    first_relevant,
    flagged_docs,
    hedged_docs,
    mean,
    ndcg,
    percentile,
    prf,
    typed_correct,
)
from index.config import Settings
from index.store import Store
from qa.models import AskResponse
from qa.service import Service

BASE_METHODS = ("bm25", "dense", "hybrid")
K = 10


class Variant(BaseModel):
    name: str
    method: str = "hybrid"
    overrides: dict[str, float | int] = Field(default_factory=dict)


def parse_variant(spec: str) -> Variant:
    """'bm25' | 'dense' | 'hybrid' | 'NAME=METHOD:setting=value,setting=value'."""
    name, _, rest = spec.partition("=")
    if not rest:
        if spec not in BASE_METHODS:
            raise ValueError(f"unknown method {spec!r}; use one of {', '.join(BASE_METHODS)}")
        return Variant(name=spec, method=spec)
    method, _, opts = rest.partition(":")
    if method not in BASE_METHODS:
        raise ValueError(f"unknown method {method!r} in {spec!r}")
    overrides: dict[str, float | int] = {}
    for opt in filter(None, opts.split(",")):
        key, _, val = opt.partition("=")
        if key not in Settings.model_fields:
            raise ValueError(f"unknown setting {key!r} in {spec!r}")
        # typed as the setting is ("candidates=100" is an int: FAISS refuses a float k)
        kind: Any = Settings.model_fields[key].annotation
        overrides[key] = TypeAdapter(kind).validate_python(val)
    return Variant(name=name, method=method, overrides=overrides)


class QuestionResult(BaseModel):
    id: str
    question: str
    qtype_gold: str
    qtype: str
    first_relevant_rank: int | None
    recall_at_1: float | None
    recall_at_5: float | None
    recall_at_10: float | None
    rr_at_10: float | None
    ndcg_at_10: float | None
    doc_coverage_at_10: float | None
    typed_correct: bool | None
    answer_value: str | None
    answer_display: str | None
    verdict_gold: str
    verdict: str
    conflicting_gold: list[str]
    conflicting_flagged: list[str]
    hedged_gold: list[str] | None = None  # None: not labelled
    hedged_flagged: list[str] = Field(default_factory=list)
    basis_gold: str | None = None
    basis: str = "none"
    group: str = "gold"
    story_expected: str | None = None
    story_routed: str | None = None
    contaminated: bool = False
    latency_ms: float


class MethodSummary(BaseModel):
    method: str
    questions: int
    recall_at_1: float | None
    recall_at_5: float | None
    recall_at_10: float | None
    mrr_at_10: float | None
    ndcg_at_10: float | None
    doc_coverage_at_10: float | None
    typed_accuracy: float | None
    qtype_accuracy: float | None
    verdict_accuracy: float | None
    verdict_confusion: dict[str, dict[str, int]]
    conflict_precision: float | None
    conflict_recall: float | None
    hedged_precision: float | None = None
    hedged_recall: float | None = None
    basis_accuracy: float | None = None
    routing_accuracy: float | None = None
    contaminated: int = 0
    latency_median_ms: float
    latency_p95_ms: float


class MethodReport(BaseModel):
    variant: Variant
    summary: MethodSummary
    groups: dict[str, MethodSummary] = Field(
        default_factory=dict, description="The same figures per gold file (story)."
    )
    questions: list[QuestionResult]


class EvalReport(BaseModel):
    gold: str
    documents: int
    passages: int
    repeat: int
    methods: list[MethodReport]


def expected_story(g: GoldQuestion, story_of: dict[str, str | None]) -> str | None:
    """The story of the question's gold documents (the most common one), if it has any."""
    stories = Counter(story_of[d] for d in g.docs if story_of.get(d))
    return stories.most_common(1)[0][0] if stories else None


def stories_in(r: AskResponse, story_of: dict[str, str | None]) -> set[str]:
    """Every story an answer's outlets, values and passages come from (more than one is
    contamination)."""
    docs = {d for o in r.agreement.outlets for d in o.doc_ids}
    docs |= {o.passage_id.split(":")[0] for o in r.agreement.outlets if o.passage_id}
    docs |= {p.doc_id for p in r.passages}
    return {s for d in docs if (s := story_of.get(d))}


def _score_question(
    g: GoldQuestion,
    service: Service,
    variant: Variant,
    repeat: int,
    relevant_total: int,
    story_of: dict[str, str | None],
) -> QuestionResult:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        r = service.ask(g.question, k=K, method=variant.method)  # type: ignore[arg-type]
        times.append((time.perf_counter() - t0) * 1000)
    flags = [answer_bearing(p.text, p.doc_id, g) for p in r.passages]
    rank = first_relevant(flags)
    answerable = g.answerable

    def hit(k: int) -> float | None:
        return float(rank is not None and rank <= k) if answerable else None

    found_docs = {p.doc_id for p, f in zip(r.passages, flags, strict=True) if f}
    return QuestionResult(
        id=g.id,
        question=g.question,
        qtype_gold=g.qtype,
        qtype=r.qtype,
        first_relevant_rank=rank,
        recall_at_1=hit(1),
        recall_at_5=hit(5),
        recall_at_10=hit(10),
        rr_at_10=(1 / rank if rank else 0.0) if answerable else None,
        ndcg_at_10=ndcg(flags, relevant_total) if answerable else None,
        doc_coverage_at_10=len(found_docs & set(g.docs)) / len(g.docs) if answerable else None,
        typed_correct=typed_correct(g, r) if g.verdict != "no_evidence" else None,
        answer_value=r.answer.value,
        answer_display=r.answer.display,
        verdict_gold=g.verdict,
        verdict=r.agreement.verdict,
        conflicting_gold=sorted(g.conflicting_docs),
        conflicting_flagged=sorted(flagged_docs(r)),
        hedged_gold=g.hedged_docs,
        hedged_flagged=sorted(hedged_docs(r)),
        basis_gold=g.basis,
        basis=r.agreement.basis,
        group=g.group,
        story_expected=expected_story(g, story_of),
        story_routed=r.story.id if r.story else None,
        contaminated=len(stories_in(r, story_of)) > 1,
        latency_ms=round(statistics.median(times), 3),
    )


def hedge_scores(rows: list[QuestionResult]) -> dict[str, float | None]:
    """Precision and recall of the outlets marked hedged, over the questions labelled."""
    labelled = [q for q in rows if q.hedged_gold is not None]
    tp = sum(len(set(q.hedged_gold or []) & set(q.hedged_flagged)) for q in labelled)
    precision, recall = prf(
        tp,
        sum(len(q.hedged_flagged) for q in labelled),
        sum(len(q.hedged_gold or []) for q in labelled),
    )
    return {
        "hedged_precision": None if precision is None else round(precision, 4),
        "hedged_recall": None if recall is None else round(recall, 4),
    }


def summarize(name: str, rows: list[QuestionResult]) -> MethodSummary:
    confusion: dict[str, Counter] = {}
    for q in rows:
        confusion.setdefault(q.verdict_gold, Counter())[q.verdict] += 1
    tp = sum(len(set(q.conflicting_gold) & set(q.conflicting_flagged)) for q in rows)
    precision, recall = prf(
        tp,
        sum(len(q.conflicting_flagged) for q in rows),
        sum(len(q.conflicting_gold) for q in rows),
    )
    lat = [q.latency_ms for q in rows]
    return MethodSummary(
        method=name,
        questions=len(rows),
        recall_at_1=mean(q.recall_at_1 for q in rows),
        recall_at_5=mean(q.recall_at_5 for q in rows),
        recall_at_10=mean(q.recall_at_10 for q in rows),
        mrr_at_10=mean(q.rr_at_10 for q in rows),
        ndcg_at_10=mean(q.ndcg_at_10 for q in rows),
        doc_coverage_at_10=mean(q.doc_coverage_at_10 for q in rows),
        typed_accuracy=mean(
            None if q.typed_correct is None else float(q.typed_correct) for q in rows
        ),
        qtype_accuracy=mean(float(q.qtype == q.qtype_gold) for q in rows),
        verdict_accuracy=mean(float(q.verdict == q.verdict_gold) for q in rows),
        verdict_confusion={g: dict(c) for g, c in sorted(confusion.items())},
        conflict_precision=None if precision is None else round(precision, 4),
        conflict_recall=None if recall is None else round(recall, 4),
        **hedge_scores(rows),
        basis_accuracy=mean(float(q.basis == q.basis_gold) for q in rows if q.basis_gold),
        routing_accuracy=mean(
            float(q.story_routed == q.story_expected) for q in rows if q.story_expected
        ),
        contaminated=sum(q.contaminated for q in rows),
        latency_median_ms=round(statistics.median(lat), 3),
        latency_p95_ms=round(percentile(lat, 95), 3),
    )


def run_eval(
    store: Store,
    settings: Settings,
    gold: list[GoldQuestion],
    variants: list[Variant],
    *,
    repeat: int = 1,
    gold_name: str = "gold",
    progress: Callable[[str, int], None] | None = None,
) -> EvalReport:
    """Every gold question through every variant, scored; the store is shared and read-only."""
    documents = store.all_documents()
    story_of = {d.doc_id: d.story for d in documents}
    passages = [p for d in documents for p in store.passages_of(d.doc_id)]
    relevant = {g.id: sum(answer_bearing(p.text, p.doc_id, g) for p in passages) for g in gold}
    reports = []
    for v in variants:
        service = Service(settings.model_copy(update=v.overrides), store)
        service.warm_up()
        rows = []
        for g in gold:
            rows.append(_score_question(g, service, v, repeat, relevant[g.id], story_of))
            if progress:
                progress(v.name, 1)
        groups = {
            name: summarize(name, [q for q in rows if q.group == name])
            for name in dict.fromkeys(q.group for q in rows)
        }
        reports.append(
            MethodReport(
                variant=v,
                summary=summarize(v.name, rows),
                groups=groups if len(groups) > 1 else {},
                questions=rows,
            )
        )
    stats = store.stats()
    return EvalReport(
        gold=gold_name,
        documents=stats["documents"],
        passages=stats["passages"],
        repeat=repeat,
        methods=reports,
    )
