"""The evaluation harness: metrics on hand-made cases, the gold loader, and the regression gate."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from eval.claims import load_claims, run_claims
from eval.gold import DEFAULT_GOLD, GoldError, GoldQuestion, load_gold, load_golds
from eval.harness import BASE_METHODS, parse_variant, run_eval
from eval.metrics import answer_bearing, ndcg, percentile, typed_correct
from qa.models import Agreement, Answer, AskResponse
from qa.service import Service

ROOT = Path(__file__).resolve().parents[1]
THRESHOLDS = tomllib.loads((ROOT / "eval" / "thresholds.toml").read_text())


def gold(**kw) -> GoldQuestion:
    base = {"id": "q", "question": "How many?", "qtype": "how_many", "verdict": "consistent"}
    return GoldQuestion.model_validate(base | kw)


def response(value: str | None, display: str | None) -> AskResponse:
    return AskResponse(
        question="q",
        qtype="how_many",
        answer=Answer(value=value, display=display, type="number"),
        agreement=Agreement(verdict="consistent", outlets=[], explanation="."),
        passages=[],
    )


def test_metrics_on_hand_made_cases():
    g = gold(answers=["Three shots"], docs=["a"], value=["3"])
    assert answer_bearing("He heard three  shots.", "a", g)
    assert not answer_bearing("He heard three shots.", "b", g)  # not a gold document
    assert ndcg([True, False], 1) == 1.0
    assert ndcg([False, True], 1) == pytest.approx(1 / 1.585, rel=1e-3)
    assert ndcg([False, False], 2) == 0.0
    assert typed_correct(g, response("3.0", "three shots")) is True
    assert typed_correct(g, response("33", "thirty-three shots")) is False
    assert typed_correct(gold(value="Frey"), response("frey", "Jacob Frey")) is True
    assert typed_correct(gold(value="Fr"), response("frey", "Jacob Frey")) is False
    assert typed_correct(gold(), response("3", "x")) is None
    # counts and durations as intervals; initials with or without their full stops
    assert typed_correct(gold(value="2000"), response("1700..2300", "around 2,000")) is True
    assert typed_correct(gold(value="2000"), response("2300..2700", "about 2,500")) is False
    assert typed_correct(gold(value="4..5"), response("4 hour", "just over four hours")) is True
    assert typed_correct(gold(value="4..5"), response("6 hour", "six hours")) is False
    assert typed_correct(gold(value="Mira J. Ortega"), response("ortega", "Mira J Ortega"))
    assert typed_correct(gold(value="6.8"), response("6 8", "6 8")) is False
    assert typed_correct(gold(value="2000"), response("801..inf", "over 800")) is False
    assert typed_correct(gold(value="5"), response("5..inf", "fifth death")) is True
    assert percentile([5, 1, 3, 2, 4], 50) == 3 and percentile([1, 2], 95) == 2


def test_gold_loader_reports_the_line(tmp_path):
    good = '{"id": "a", "question": "Who?", "qtype": "who", "verdict": "no_evidence"}'
    cases = {
        "{not json": ":1:",
        good + "\n" + good: "duplicate id",
        '{"id": "b", "question": "Who?", "qtype": "nope", "verdict": "consistent"}': ":1:",
        '{"id": "c", "question": "Who?", "qtype": "who", "verdict": "consistent"}': "needs answers",
        "": "no questions",
    }
    for text, message in cases.items():
        path = tmp_path / "g.jsonl"
        path.write_text(text)
        with pytest.raises(GoldError, match=message):
            load_gold(path)
    with pytest.raises(ValueError):
        parse_variant("sparse")
    with pytest.raises(ValueError):
        parse_variant("x=hybrid:no_such_setting=1")
    assert parse_variant("heavy=hybrid:dense_weight=2").overrides == {"dense_weight": 2.0}


def test_gold_set_covers_what_the_desk_asks():
    questions = load_gold(DEFAULT_GOLD)
    assert len(questions) >= 40
    assert {q.qtype for q in questions} >= {"who", "when", "where", "how_many", "what", "why"}
    assert sum(q.verdict == "no_evidence" for q in questions) >= 5
    assert any(q.conflicting_docs for q in questions)


def test_claims_file_and_seed_claims(service):
    """eval/claims.jsonl loads; the seeds' claims reach their floor on the seeds index."""
    claims = load_claims()
    assert len(claims) >= 30
    assert {c.verdict for c in claims} == {
        "supported", "contradicted", "disputed", "attributed_only", "unverified"
    }  # fmt: skip
    report = run_claims(service, claims)
    assert report.claims >= 10
    assert report.verdict_accuracy >= THRESHOLDS["hybrid"]["claim_verdict_accuracy"]


def test_regression_gate(service):
    """Hybrid on the seeds reaches the recorded thresholds and never trails a baseline."""
    report = run_eval(
        service.store, service.settings, load_gold(), [parse_variant(m) for m in BASE_METHODS]
    )
    by = {m.variant.name: m.summary for m in report.methods}
    hybrid = by["hybrid"]
    for metric, floor in THRESHOLDS["hybrid"].items():
        if metric.startswith("claim_"):
            continue  # test_claims_file_and_seed_claims
        assert getattr(hybrid, metric) >= floor, (metric, getattr(hybrid, metric), floor)
    for metric in THRESHOLDS["gate"]["not_below_baselines"]:
        for base in THRESHOLDS["gate"]["baselines"]:
            assert getattr(hybrid, metric) >= getattr(by[base], metric), (metric, base)


def test_eval_command_writes_json_and_plot(seed_copy, tmp_path):
    out, png = tmp_path / "out.json", tmp_path / "out.png"
    proc = subprocess.run(
        [sys.executable, "-m", "api.cli", "eval", "--json", str(out), "--plot", str(png)],
        env={**__import__("os").environ, "CROSSCHECK_DATA_DIR": str(seed_copy), "COLUMNS": "200"},
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text())
    assert [m["variant"]["name"] for m in data["methods"]] == ["bm25", "dense", "hybrid"]
    assert all(len(m["questions"]) == len(load_gold()) for m in data["methods"])
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "hybrid" in proc.stdout and "R@5" in proc.stdout


STORIES = ROOT.parent / "shared" / "stories"


@pytest.mark.skipif(not STORIES.is_dir(), reason="../shared/stories is not beside the checkout")
def test_story_gate(tmp_path):
    """Seeds plus every development story in one index: each story folder becomes exactly
    one story, questions are routed to their story, no answer mixes stories."""
    from index.ingest import read_paths
    from tests.conftest import build_index, make_settings

    folders = sorted(p.parent for p in STORIES.glob("*/docs.jsonl"))
    store = build_index(tmp_path / "data", [ROOT / "seeds", *(f / "docs.jsonl" for f in folders)])
    story_of = {d.doc_id: d.story for d in store.all_documents()}
    for folder in folders:
        raws, _ = read_paths([folder / "docs.jsonl"])
        mine = {story_of[r.meta.doc_id] for r in raws}
        assert len(mine) == 1, (folder.name, mine)  # completeness
        members = {d for d, s in story_of.items() if s in mine}
        assert members == {r.meta.doc_id for r in raws}, folder.name  # purity
    golds = load_golds([DEFAULT_GOLD, STORIES])
    report = run_eval(store, make_settings(tmp_path / "data"), golds, [parse_variant("hybrid")])
    summary = report.methods[0].summary
    floor = THRESHOLDS["stories"]
    assert summary.recall_at_5 >= floor["recall_at_5"], summary.recall_at_5
    assert summary.routing_accuracy >= floor["routing_accuracy"], summary.routing_accuracy
    assert summary.contaminated <= floor["contaminated_max"]
    assert summary.verdict_accuracy >= floor["verdict_accuracy"], summary.verdict_accuracy
    assert summary.conflict_precision >= floor["conflict_precision"], summary.conflict_precision
    assert (summary.conflict_recall or 0.0) >= floor["conflict_recall"], summary.conflict_recall
    stories = [q for q in report.methods[0].questions if q.group != "seeds"]
    right = sum(q.verdict == q.verdict_gold for q in stories) / len(stories)
    assert right >= floor["story_verdict_accuracy"], right
    off_corpus = {g.id for g in golds if g.verdict == "no_evidence" and not g.docs}
    answered = [
        q.id
        for q in report.methods[0].questions
        if q.id in off_corpus and q.verdict != "no_evidence"
    ]
    assert len(answered) <= floor["off_corpus_answered_max"], answered
    assert set(report.methods[0].groups) == {"seeds", *(f.name for f in folders)}
    claims = run_claims(Service(make_settings(tmp_path / "data"), store), load_claims())
    assert claims.claims >= 30 and not claims.skipped
    assert claims.verdict_accuracy >= floor["claim_verdict_accuracy"], claims.verdict_accuracy
