"""`crosscheck bench`: how fast crosscheck starts, answers, serves, indexes and searches.

Every figure is measured in this run on this machine, against a fresh index of the seeds in a
work folder; targets are data (`eval/bench_targets.toml`). The full run takes a few minutes;
`--quick` shrinks every section to run in under a minute (the smoke test in `make test`).
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
import tomllib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from functools import partial
from pathlib import Path
from threading import Barrier
from typing import Any, Literal

import httpx
import numpy as np
from pydantic import BaseModel

from eval import synth
from eval.claims import load_claims
from eval.gold import DEFAULT_GOLD, load_gold
from eval.metrics import percentile
from eval.serve import ServerProcess
from index import vectors as vec
from index.build import index_documents
from index.config import Settings
from index.embed import embedder_for
from index.ingest import read_paths
from index.nlp import tagged
from index.store import Store
from qa.service import Service

TARGETS = Path(__file__).with_name("bench_targets.toml")
MiB = 1024 * 1024


class BenchConfig(BaseModel):
    repeat: int = 3  # gold questions asked this many times (in process, one HTTP client)
    clients: int = 8
    http_workers: list[int] = [1, 2]  # the server is measured with each number of workers
    requests_per_client: int = 150
    index_passages: int = 5_000
    story_passages: int = 100_000  # the many-stories store: about this many passages …
    stories: int = 500  # … in this many stories
    vector_sizes: list[int] = [100_000, 1_000_000]
    vector_kind: Literal["perturbed", "random"] = "perturbed"
    queries: int = 200
    nprobe_sweep: list[int] = [16, 32, 64, 128]


QUICK = BenchConfig(
    repeat=1,
    http_workers=[1],
    requests_per_client=10,
    index_passages=300,
    story_passages=3_000,
    stories=20,
    vector_sizes=[20_000],
    queries=50,
    nprobe_sweep=[],
)


class Row(BaseModel):
    key: str
    section: str
    metric: str
    value: float | None
    unit: str
    target: str | None = None
    ok: bool | None = None


class BenchReport(BaseModel):
    config: BenchConfig
    machine: dict[str, str | int]
    settings: dict[str, str | int | float]
    rows: list[Row]
    seconds: float

    def value(self, key: str) -> float | None:
        return next((r.value for r in self.rows if r.key == key), None)


def load_targets(path: Path = TARGETS) -> dict[str, dict[str, float]]:
    return tomllib.loads(path.read_text())


def judge(row: Row, targets: dict[str, dict[str, float]]) -> Row:
    t = targets.get(row.key)
    if not t or row.value is None:
        return row
    if "max" in t:
        return row.model_copy(update={"target": f"≤ {t['max']:g}", "ok": row.value <= t["max"]})
    return row.model_copy(update={"target": f"≥ {t['min']:g}", "ok": row.value >= t["min"]})


def ms(seconds: list[float], p: float) -> float:
    """Nearest-rank percentile `p` of durations, in milliseconds."""
    return round(percentile(seconds, p) * 1000, 2)


def table(section: str, *items: tuple[str, str, float | None, str]) -> list[Row]:
    """Rows of one section from (key, metric, value, unit)."""
    return [Row(key=k, section=section, metric=m, value=v, unit=u) for k, m, v, u in items]


def latency_rows(key: str, section: str, seconds: list[float], ps=(50, 95, 99)) -> list[Row]:
    names = {50: "median", 95: "p95", 99: "p99"}
    return table(
        section,
        *[(f"{key}_ms_{names[p]}", f"{names[p]} latency", ms(seconds, p), "ms") for p in ps],
    )


# -- sections ------------------------------------------------------------------------------


# one measured pass: its row key, its section, what runs untimed before each call
Pass = tuple[str, str, Callable[[Service], object] | None]


def bench_ask(
    settings: Settings,
    questions: list[str],
    repeat: int,
    key: str = "ask",
    section: str = "ask (in process)",
    new: bool = False,
) -> list[Row]:
    """`Service.ask` in this process, every gold question `repeat` times, after a warm-up
    pass: a server that has seen the questions. With `new`, the same service then answers
    them as if never asked (`{key}_new`: the per-question caches, the tagged question and its
    embedding, emptied before each call), which is what a desk's new question costs."""
    passes: list[Pass] = [(key, section, None)]
    if new:
        passes.append((f"{key}_new", f"{section}, new questions", _forget_questions))
    return _in_process(settings, Service.ask, questions, repeat, passes)


def _forget_questions(service: Service) -> None:
    tagged.cache_clear()
    service.embedder.forget_queries()


def _in_process(
    settings: Settings,
    call: Callable[[Service, str], object],
    texts: list[str],
    repeat: int,
    passes: list[Pass],
) -> list[Row]:
    """Latency of `call(service, text)` for every text `repeat` times per pass, on one
    service loaded once (at 1M passages a load is ~10 s), after one warm-up pass (as a server
    that has been answering)."""
    service = Service(settings)
    service.warm_up()
    for t in texts:
        call(service, t)
    rows: list[Row] = []
    for key, section, before in passes:
        times = []
        for _ in range(repeat):
            for t in texts:
                if before is not None:
                    before(service)
                t0 = time.perf_counter()
                call(service, t)
                times.append(time.perf_counter() - t0)
        rows += latency_rows(key, section, times)
    service.store.close()
    return rows


def _http_one(url: str, questions: list[str], repeat: int) -> list[Row]:
    times = []
    with httpx.Client(base_url=url, timeout=30) as c:
        for q in questions:  # warm-up pass
            c.post("/v1/ask", json={"question": q})
        for _ in range(repeat):
            for q in questions:
                t0 = time.perf_counter()
                c.post("/v1/ask", json={"question": q}).raise_for_status()
                times.append(time.perf_counter() - t0)
    return latency_rows("http_one", "HTTP, 1 client", times, (50, 99))


def _http_many(url: str, questions: list[str], clients: int, per_client: int) -> list[Row]:
    barrier = Barrier(clients)

    def client(i: int) -> tuple[list[float], int]:
        order = questions[i % len(questions) :] + questions[: i % len(questions)]
        times, errors = [], 0
        with httpx.Client(base_url=url, timeout=30) as c:
            barrier.wait()
            for j in range(per_client):
                t0 = time.perf_counter()
                try:
                    ok = c.post("/v1/ask", json={"question": order[j % len(order)]}).is_success
                except httpx.HTTPError:
                    ok = False
                times.append(time.perf_counter() - t0)
                errors += not ok
        return times, errors

    t0 = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        results = list(pool.map(client, range(clients)))
    wall = time.perf_counter() - t0
    times = [t for ts, _ in results for t in ts]
    errors = sum(e for _, e in results)
    return table(
        f"HTTP, {clients} clients",
        ("http_many_rps", "requests/s", round((len(times) - errors) / wall, 1), "req/s"),
        ("http_many_errors", "errors", errors, ""),
        ("http_many_ms_median", "median latency", ms(times, 50), "ms"),
        ("http_many_ms_p99", "p99 latency", ms(times, 99), "ms"),
    )


def _http_page(url: str, questions: list[str], times: int = 20) -> list[Row]:
    """The desk's page over HTTP: a story's page with its dispute sheet (the first open, then
    `times` more), and the same page answering a question (`times` gold questions)."""
    with httpx.Client(base_url=url, timeout=60) as c:
        story = c.get("/v1/stories").raise_for_status().json()[0]["story_id"]
        t0 = time.perf_counter()
        c.get(f"/stories/{story}").raise_for_status()
        first = time.perf_counter() - t0
        sheet, answer = [], []
        for _ in range(times):
            t0 = time.perf_counter()
            c.get(f"/stories/{story}").raise_for_status()
            sheet.append(time.perf_counter() - t0)
        for i in range(times):
            t0 = time.perf_counter()
            c.get(f"/stories/{story}", params={"q": questions[i % len(questions)]})
            answer.append(time.perf_counter() - t0)
    return table(
        "the desk's page (HTTP)",
        ("page_sheet_first_ms", "story page, first open", round(first * 1000, 1), "ms"),
        (
            "page_sheet_ms_median",
            f"story page with its sheet, median of {times}",
            ms(sheet, 50),
            "ms",
        ),
        ("page_answer_ms_median", f"story page answering, median of {times}", ms(answer, 50), "ms"),
    )


def bench_check(settings: Settings, claims: list[str], repeat: int) -> list[Row]:
    """`Service.check` in this process, every seed claim of eval/claims.jsonl `repeat` times,
    after a warm-up pass."""
    return _in_process(
        settings, Service.check, claims, repeat, [("check", "check (in process)", None)]
    )


def bench_stories(
    work: Path, settings: Settings, cfg: BenchConfig, questions: list[str]
) -> list[Row]:
    """`Service.ask` on a store of many stories (synthetic, copied from the seeds' index): every
    question routed among them, answered within one with each outlet's evidence."""
    seeds = Store.from_settings(settings)
    docs = synth.story_documents(seeds, cfg.story_passages, cfg.stories)
    dim = docs[0].embeddings.shape[1]
    seeds.close()
    many = settings.model_copy(update={"data_dir": work / "stories"})
    store = Store.from_settings(many)
    t0 = time.perf_counter()
    store.write(docs, dim=dim)
    built = time.perf_counter() - t0
    n = store.passage_count()
    label = f"ask, {n:,} passages in {len(store.stories())} stories"
    store.close()
    rows = bench_ask(many, questions, cfg.repeat, key="ask_stories", section=label)
    return rows + table(label, ("stories_build_s", "written in one batch", round(built, 1), "s"))


def bench_server(data_dir: Path, questions: list[str], cfg: BenchConfig, workers: int) -> list[Row]:
    """Cold start to /readyz, /v1/ask with one and with many clients, the server's peak RSS.

    Keys of a server with more than one worker end in `_w<N>`."""
    server = ServerProcess(data_dir, CROSSCHECK_WORKERS=str(workers))
    tag = "" if workers == 1 else f" ({workers} workers)"
    try:
        cold = server.wait_ready()
        rows = table("server" + tag, ("cold_start_s", "start → /readyz", round(cold, 2), "s"))
        rows += _http_one(server.url, questions, cfg.repeat)
        rows += _http_many(server.url, questions, cfg.clients, cfg.requests_per_client)
        if workers == 1:
            rows += _http_page(server.url, questions)
        rss = server.peak_rss()
        rss_mib = round(rss / MiB, 1) if rss else None
        rows += table(
            "server" + tag,
            ("serve_peak_rss_mib", "peak RSS while serving (per process)", rss_mib, "MiB"),
        )
    finally:
        server.stop()
    if workers == 1:
        return rows
    return [
        r.model_copy(
            update={"key": f"{r.key}_w{workers}", "section": r.section.replace(tag, "") + tag}
        )
        for r in rows
    ]


INDEX_WORKER = """
import json, sys
from pathlib import Path
from index.build import index_documents
from index.config import Settings
from index.ingest import read_paths
from index.store import Store
settings = Settings()
store = Store.from_settings(settings)
raws, errors = read_paths([Path(sys.argv[1])])
r = index_documents(store, raws, settings)
print(json.dumps({"documents": len(r.added), "passages": r.passages, "seconds": r.seconds,
                  "embed_seconds": r.embed_seconds, "errors": len(errors) + len(r.errors)}))
"""


def bench_indexing(work: Path, settings: Settings, passages: int) -> list[Row]:
    """`index_documents` over a synthetic corpus in a child process (its own peak RSS)."""
    corpus = work / "corpus.jsonl"
    docs = synth.write_corpus(corpus, synth.seed_sentences(settings), passages)
    data = work / "indexing"
    env = {**os.environ, "CROSSCHECK_DATA_DIR": str(data)}
    proc = subprocess.Popen(
        [sys.executable, "-c", INDEX_WORKER, str(corpus)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None  # both PIPE
    out, err = proc.stdout.read(), proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"indexing worker failed: {err.decode(errors='replace')[-2000:]}")
    r = json.loads(out.decode().strip().splitlines()[-1])
    return table(
        f"indexing {r['passages']} passages ({docs} docs)",
        (
            "index_passages_per_s",
            "passages/s, all stages",
            round(r["passages"] / r["seconds"], 1),
            "/s",
        ),
        (
            "index_embed_passages_per_s",
            "passages/s, embedding alone",
            round(r["passages"] / r["embed_seconds"], 1),
            "/s",
        ),
        ("index_seconds", "wall time", round(r["seconds"], 1), "s"),
        (
            "index_peak_rss_mib",
            "peak RSS of the indexing process",
            round(usage.ru_maxrss / 1024, 1),
            "MiB",
        ),
    )


def _query_times(
    search: Callable[[np.ndarray], np.ndarray], queries: np.ndarray
) -> tuple[list[float], np.ndarray]:
    times, found = [], []
    for q in queries:
        t0 = time.perf_counter()
        found.append(search(q[None, :]))
        times.append(time.perf_counter() - t0)
    return times, np.vstack(found)


def _ids(index: Any, q: np.ndarray, params: vec.VectorParams) -> np.ndarray:
    return vec.search(index, q, 10, params)[1]


def recall_at_10(found: np.ndarray, truth: np.ndarray) -> float:
    return float(
        np.mean([len(set(f) & set(t)) / len(t) for f, t in zip(found, truth, strict=True)])
    )


def bench_vectors(
    bases: np.ndarray, n: int, cfg: BenchConfig, params: vec.VectorParams
) -> list[Row]:
    """Exact vs the approximate index the store would choose, on `n` synthetic vectors."""
    data = synth.vectors(bases, n, seed=1, kind=cfg.vector_kind)
    queries = synth.vectors(bases, cfg.queries, seed=2, kind=cfg.vector_kind)
    ids = np.arange(n, dtype=np.int64)
    d = data.shape[1]
    label = f"{n:,} vectors ({cfg.vector_kind})"
    key = f"vectors_{n // 1000}k" if n < 1_000_000 else f"vectors_{n // 1_000_000}m"

    t0 = time.perf_counter()
    exact = vec.new_index(d, 0, vec.VectorParams(mode="exact"))
    exact.add_with_ids(data, ids)
    exact_build = time.perf_counter() - t0
    exact_times, truth = _query_times(lambda q: vec.search(exact, q, 10, params)[1], queries)
    exact_mem = vec.memory_bytes(exact)
    exact.reset()  # free its memory before the approximate index is built

    approx_params = replace(params, mode="ivf")
    t0 = time.perf_counter()
    sample = data[
        np.random.default_rng(3).choice(n, vec.train_size(n, approx_params), replace=False)
    ]
    approx = vec.new_index(d, n, approx_params, sample)
    for lo in range(0, n, 100_000):
        approx.add_with_ids(data[lo : lo + 100_000], ids[lo : lo + 100_000])
    approx_build = time.perf_counter() - t0
    approx_times, found = _query_times(
        lambda q: vec.search(approx, q, 10, approx_params)[1], queries
    )

    # incremental writes on the large index: remove 1,000 ids, add them back
    t0 = time.perf_counter()
    approx.remove_ids(ids[:1000])  # type: ignore[arg-type]
    removed = time.perf_counter() - t0
    t0 = time.perf_counter()
    approx.add_with_ids(data[:1000], ids[:1000])
    added = time.perf_counter() - t0

    ivf = f"{vec.describe(approx)} nprobe {approx_params.nprobe}"
    rows = table(
        label,
        (f"{key}_exact_ms_median", "exact: median per query", ms(exact_times, 50), "ms"),
        (f"{key}_exact_memory_mib", "exact: index memory", round(exact_mem / MiB, 1), "MiB"),
        (f"{key}_exact_build_s", "exact: build", round(exact_build, 2), "s"),
        (f"{key}_ms_median", f"{ivf}: median per query", ms(approx_times, 50), "ms"),
        (f"{key}_ms_p99", f"{ivf}: p99 per query", ms(approx_times, 99), "ms"),
        (f"{key}_recall10", f"{ivf}: recall@10 vs exact", round(recall_at_10(found, truth), 3), ""),
        (
            f"{key}_memory_mib",
            f"{ivf}: index memory",
            round(vec.memory_bytes(approx) / MiB, 1),
            "MiB",
        ),
        (f"{key}_build_s", f"{ivf}: build (train + add)", round(approx_build, 1), "s"),
        (f"{key}_remove_1000_ms", f"{ivf}: remove 1,000 ids", round(removed * 1000, 1), "ms"),
        (f"{key}_add_1000_ms", f"{ivf}: add 1,000 vectors", round(added * 1000, 1), "ms"),
    )
    for nprobe in cfg.nprobe_sweep:
        p = replace(approx_params, nprobe=nprobe)
        times, got = _query_times(partial(_ids, approx, params=p), queries)
        recall = f"ms, recall {recall_at_10(got, truth):.3f}"
        rows += table(
            label, (f"{key}_nprobe{nprobe}", f"nprobe {nprobe}: median", ms(times, 50), recall)
        )
    return rows


# -- the run -------------------------------------------------------------------------------


def _seeds(work: Path, settings: Settings, say: Callable[[str], None]) -> Settings:
    """Settings of an index of the seeds in the work folder (indexed if not there yet)."""
    work.mkdir(parents=True, exist_ok=True)
    seeds = settings.model_copy(update={"data_dir": work / "seeds"})
    store = Store.from_settings(seeds)
    if store.document_count() == 0:
        say("indexing the seeds")
        raws, _ = read_paths([synth.SEEDS])
        index_documents(store, raws, seeds)
    store.close()
    return seeds


def _report(cfg: BenchConfig, settings: Settings, rows: list[Row], started: float) -> BenchReport:
    targets = load_targets()
    return BenchReport(
        config=cfg,
        machine={
            "cpus": os.cpu_count() or 0,
            "python": platform.python_version(),
            "platform": platform.platform(),
            "faiss": vec.FAISS_VERSION,
            "torch_threads": _torch_threads(),
        },
        settings={k: v for k, v in settings.model_dump().items() if k.startswith("vector_")},
        rows=[judge(r, targets) for r in rows],
        seconds=round(time.perf_counter() - started, 1),
    )


def run_scale(
    sizes: list[int],
    work: Path,
    settings: Settings,
    quick: bool = False,
    say: Callable[[str], None] = print,
) -> BenchReport:
    """Only the whole product at scale (`eval/scale.py`), for each size."""
    from eval.scale import bench_ingest_beside, bench_scale

    started = time.perf_counter()
    seeds = _seeds(work, settings, say)
    questions = [q.question for q in load_gold(DEFAULT_GOLD)]
    if quick:
        questions = questions[:10]
    say(f"the whole product over {', '.join(f'{n:,}' for n in sizes)} passages")
    rows = bench_scale(work, seeds, sizes, questions, writes=5 if quick else 30, say=say)
    for nice in (0, settings.index_nice):
        say(f"ask beside a bulk `crosscheck index` at nice {nice}")
        rows += bench_ingest_beside(work, seeds, questions, 300 if quick else 3000, nice)
    return _report(QUICK if quick else BenchConfig(), settings, rows, started)


def run_bench(
    cfg: BenchConfig, work: Path, settings: Settings, say: Callable[[str], None] = print
) -> BenchReport:
    started = time.perf_counter()
    seeds = _seeds(work, settings, say)
    questions = [q.question for q in load_gold(DEFAULT_GOLD)]
    rows: list[Row] = []
    say(f"server ({'/'.join(map(str, cfg.http_workers))} workers): cold start, HTTP, memory")
    for workers in cfg.http_workers:
        rows += bench_server(seeds.data_dir, questions, cfg, workers)
    say("ask and check in process")
    rows += bench_ask(seeds, questions, cfg.repeat, new=True)
    seed_docs = {p.stem for p in synth.SEEDS.glob("*.txt")}
    claims = [c.claim for c in load_claims() if set(c.docs) <= seed_docs]
    rows += bench_check(seeds, claims, cfg.repeat)
    say(f"ask over about {cfg.story_passages:,} passages in {cfg.stories} stories")
    rows += bench_stories(work, seeds, cfg, questions)
    say(f"indexing about {cfg.index_passages} passages")
    rows += bench_indexing(work, seeds, cfg.index_passages)
    bases = embedder_for(settings).encode(synth.seed_sentences(settings))
    for n in cfg.vector_sizes:
        say(f"vector search over {n:,} vectors")
        rows += bench_vectors(bases, n, cfg, vec.params_from(settings))
    return _report(cfg, settings, rows, started)


def _torch_threads() -> int:
    import torch

    return torch.get_num_threads()
