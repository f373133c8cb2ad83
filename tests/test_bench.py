"""`crosscheck bench --quick`: the smoke test (the full bench is never part of the suite)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from eval.bench import load_targets
from eval.serve import ROOT


@pytest.mark.slow
def test_quick_bench_measures_every_section(tmp_path):
    out = tmp_path / "bench.json"
    run = subprocess.run(
        [sys.executable, "-m", "api.cli", "bench", "--quick", "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(out.read_text())
    rows = {r["key"]: r for r in report["rows"]}
    for key in (
        "cold_start_s",
        "ask_ms_median",
        "ask_new_ms_median",
        "ask_ms_p99",
        "ask_stories_ms_median",
        "check_ms_median",
        "stories_build_s",
        "http_one_ms_median",
        "http_many_rps",
        "serve_peak_rss_mib",
        "page_sheet_first_ms",
        "page_sheet_ms_median",
        "page_answer_ms_median",
        "index_passages_per_s",
        "index_peak_rss_mib",
        "vectors_20k_exact_ms_median",
        "vectors_20k_ms_median",
        "vectors_20k_recall10",
        "vectors_20k_memory_mib",
    ):
        assert rows[key]["value"] is not None and rows[key]["value"] > 0, key
    assert rows["http_many_errors"]["value"] == 0
    assert rows["ask_ms_median"]["value"] <= rows["ask_ms_p99"]["value"]
    # IVF-SQ8 must hold less than the exact float32 index and find most true neighbours
    assert rows["vectors_20k_memory_mib"]["value"] < rows["vectors_20k_exact_memory_mib"]["value"]
    assert 0.5 <= rows["vectors_20k_recall10"]["value"] <= 1
    # every target in the data file names a row the full bench produces, and is judged
    judged = {k for k, r in rows.items() if r["ok"] is not None}
    assert {"cold_start_s", "ask_ms_median", "http_many_rps"} <= judged
    full_only = {
        k
        for k in load_targets()
        if k.startswith(("vectors_1m", "scale_", "ingest_")) or k.endswith("_w2")  # --scale only
    }
    assert set(load_targets()) - set(rows) == full_only
    assert "crosscheck bench" in run.stdout


@pytest.mark.slow
def test_quick_scale_bench_measures_the_whole_product(tmp_path):
    """`--scale` builds synthetic stores, serves them, and writes while 8 clients read."""
    out = tmp_path / "scale.json"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "api.cli",
            "bench",
            "--quick",
            "--scale",
            "4000",
            "--json",
            str(out),
        ],
        cwd=ROOT,
        env={**os.environ, "CROSSCHECK_INDEX_NICE": "15"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    rows = {r["key"]: r["value"] for r in json.loads(out.read_text())["rows"]}
    for size in ("2k", "4k"):
        for what in (
            "build_s",
            "disk_mib",
            "ask_ms_median",
            "ask_new_ms_median",
            "restart_s",
            "rss_mib",
            "http_ask_ms_median",
            "write_ms_median",
            "write_ms_p99",
            "delete_ms_median",
        ):
            assert rows[f"scale_{size}_{what}"] > 0, (size, what)  # fmt: skip
        assert rows[f"scale_{size}_reader_errors"] == 0
    assert rows["scale_write_growth"] > 0
    for nice in (0, 15):
        assert rows[f"ingest_nice{nice}_busy_ms_median"] > 0
        assert rows[f"ingest_nice{nice}_slowdown"] > 0
