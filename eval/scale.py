"""`crosscheck bench --scale N`: the whole product over N passages, in process and over HTTP.

The store is synthetic and costs no embedding or parsing: the seeds' indexed documents
copied under invented outlets into stories of about 500 passages, each story's embeddings
moved along its own direction (`eval/synth.py: story_documents`), written through the
store's bulk path. Rows per size: build, disk, restart to /readyz, RSS at rest, `ask` in
process (questions seen before, and new ones) and over HTTP, single-document writes and
deletes over HTTP while 8 clients ask (and the errors they saw); across sizes, how write
cost grows.
"""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import httpx
import numpy as np

from eval import synth
from eval.bench import MiB, Row, bench_ask, latency_rows, ms, table
from eval.serve import ROOT, ServerProcess, status_bytes
from index.config import Settings
from index.store import Store

PER_STORY = 500  # passages per synthetic story (2,000 stories at 1M)
KEY = "bench-write-key"


def label(n: int) -> str:
    return f"{n // 1_000_000}m" if n % 1_000_000 == 0 else f"{n // 1000}k"


def build(seeds: Settings, data_dir: Path, n: int) -> tuple[float, int]:
    """Write about `n` synthetic passages in one batch; (seconds, passages)."""
    source = Store.from_settings(seeds)
    docs = synth.story_documents(source, n, max(1, n // PER_STORY))
    source.close()
    store = Store.from_settings(seeds.model_copy(update={"data_dir": data_dir}))
    t0 = time.perf_counter()
    store.write(docs, dim=docs[0].embeddings.shape[1])
    seconds = time.perf_counter() - t0
    count = store.passage_count()
    store.close()
    del docs, store
    gc.collect()
    return seconds, count


def new_documents(sentences: list[str], count: int, seed: int) -> list[dict]:
    """Articles of 12 seed sentences each, under a wire outlet, for single writes."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(count):
        picked = [sentences[j] for j in rng.choice(len(sentences), 12, replace=False)]
        text = "\n\n".join(" ".join(picked[k : k + 3]) for k in range(0, 12, 3))
        out.append(
            {"doc_id": f"wire_{seed}_{i:04d}", "outlet": "Scale Wire", "title": picked[0][:100],
             "published": "2026-03-01", "text": text}
        )  # fmt: skip
    return out


def _readers(url: str, questions: list[str], clients: int, stop: threading.Event) -> Counter[str]:
    """Start `clients` threads asking in a loop until `stop`; returns the errors they saw,
    by kind (an HTTP status, or the exception's name), filled in as they happen."""
    errors: Counter[str] = Counter()
    lock = threading.Lock()

    def count(kind: str) -> None:
        with lock:
            errors[kind] += 1

    def ask(i: int) -> None:
        with httpx.Client(base_url=url, timeout=60) as c:
            j = i
            while not stop.is_set():
                try:
                    reply = c.post("/v1/ask", json={"question": questions[j % len(questions)]})
                    if not reply.is_success:
                        count(str(reply.status_code))
                except httpx.HTTPError as exc:
                    count(type(exc).__name__)
                j += 1

    for i in range(clients):
        threading.Thread(target=ask, args=(i,), daemon=True).start()
    return errors


def _writes(url: str, docs: list[dict]) -> tuple[list[float], list[float]]:
    """POST each document, then DELETE each: (write seconds, delete seconds)."""
    writes, deletes = [], []
    auth = {"Authorization": f"Bearer {KEY}"}
    with httpx.Client(base_url=url, timeout=120, headers=auth) as c:
        for d in docs:
            t0 = time.perf_counter()
            c.post("/v1/documents", json=d).raise_for_status()
            writes.append(time.perf_counter() - t0)
        for d in docs:
            t0 = time.perf_counter()
            c.delete(f"/v1/documents/{d['doc_id']}").raise_for_status()
            deletes.append(time.perf_counter() - t0)
    return writes, deletes


def _kinds(errors: Counter[str]) -> str:
    """The errors by kind for a row's label, such as " (503 ×2, ReadTimeout ×1)": what a
    maintainer looks for in the server's log."""
    return f" ({', '.join(f'{k} ×{n}' for k, n in errors.most_common())})" if errors else ""


def _http_ask(url: str, questions: list[str]) -> list[float]:
    times = []
    with httpx.Client(base_url=url, timeout=60) as c:
        for q in questions:
            c.post("/v1/ask", json={"question": q})  # warm-up
        for q in questions:
            t0 = time.perf_counter()
            c.post("/v1/ask", json={"question": q}).raise_for_status()
            times.append(time.perf_counter() - t0)
    return times


def bench_size(
    work: Path, seeds: Settings, n: int, questions: list[str], writes: int, readers: int
) -> list[Row]:
    key, data_dir = f"scale_{label(n)}", work / f"scale-{n}"
    shutil.rmtree(data_dir, ignore_errors=True)
    built, count = build(seeds, data_dir, n)
    section = f"whole product, {count:,} passages"
    disk = sum(p.stat().st_size for p in data_dir.rglob("*") if p.is_file())
    rows = table(
        section,
        (f"{key}_build_s", "bulk write (SQLite, FAISS, BM25)", round(built, 1), "s"),
        (f"{key}_disk_mib", "disk", round(disk / MiB, 1), "MiB"),
    )
    settings = seeds.model_copy(update={"data_dir": data_dir})
    # a server that has seen the questions (their parse and embedding kept), then a desk's
    # new question
    rows += bench_ask(
        settings, questions, 1, key=f"{key}_ask", section=section + ", in process", new=True
    )
    # the sheet warmer recomputes sheets after every write: off, so that the figures are
    # of writing and answering alone (its cost is per write, not per passage)
    server = ServerProcess(data_dir, CROSSCHECK_API_KEYS=KEY, CROSSCHECK_SHEET_WARM_STORIES="0")
    try:
        restart = server.wait_ready(timeout=600)
        rss = status_bytes(server.proc.pid, "VmRSS")
        rows += table(
            section + ", server",
            (f"{key}_restart_s", "start → /readyz", round(restart, 2), "s"),
            (f"{key}_rss_mib", "RSS at rest", round(rss / MiB, 1) if rss else None, "MiB"),
        )
        rows += latency_rows(
            f"{key}_http_ask", section + ", HTTP", _http_ask(server.url, questions), (50, 99)
        )
        stop = threading.Event()
        errors = _readers(server.url, questions, readers, stop)
        docs = new_documents(synth.seed_sentences(seeds), writes, seed=n % 997)
        try:
            wrote, deleted = _writes(server.url, docs)
        finally:
            stop.set()
        rows += table(
            section + f", {readers} clients asking",
            (f"{key}_write_ms_median", "POST one document, median", ms(wrote, 50), "ms"),
            (f"{key}_write_ms_p99", "POST one document, p99", ms(wrote, 99), "ms"),
            (f"{key}_delete_ms_median", "DELETE one document, median", ms(deleted, 50), "ms"),
            (
                f"{key}_reader_errors",
                f"errors seen by the readers{_kinds(errors)}",
                errors.total(),
                "",
            ),  # fmt: skip
        )
    finally:
        server.stop()
        shutil.rmtree(data_dir, ignore_errors=True)
    return rows


def bench_scale(
    work: Path,
    seeds: Settings,
    sizes: list[int],
    questions: list[str],
    writes: int = 30,
    readers: int = 8,
    say: Callable[[str], None] = print,
) -> list[Row]:
    """Every size in turn, smallest first, and the growth of write cost between the ends."""
    rows: list[Row] = []
    sizes = sorted(sizes)
    for n in sizes:
        say(f"{n:,} passages: build, ask, restart, writes beside {readers} readers")
        rows += bench_size(work, seeds, n, questions, writes, readers)
    if len(sizes) > 1:
        lo, hi = (f"scale_{label(n)}_write_ms_median" for n in (sizes[0], sizes[-1]))
        a = next(r.value for r in rows if r.key == lo)
        b = next(r.value for r in rows if r.key == hi)
        rows += table(
            "whole product",
            (
                "scale_write_growth",
                f"write median at {label(sizes[-1])} ÷ at {label(sizes[0])}",
                round(b / a, 2) if a and b else None,
                "×",
            ),
        )
    return rows


def bench_ingest_beside(
    work: Path, seeds: Settings, questions: list[str], passages: int, nice: int
) -> list[Row]:
    """`ask` over HTTP on the seeds, idle and while `crosscheck index` (at niceness `nice`)
    adds about `passages` synthetic passages to the same index: a desk ingesting while it
    answers."""
    data_dir = work / f"beside-{nice}"
    shutil.rmtree(data_dir, ignore_errors=True)
    shutil.copytree(seeds.data_dir, data_dir)
    corpus = work / "beside.jsonl"
    synth.write_corpus(corpus, synth.seed_sentences(seeds), passages)
    # every question embedded as new (the server keeps no question vectors), so that the
    # rows show what the ingest's CPU costs the model's forward passes
    server = ServerProcess(data_dir, CROSSCHECK_SHEET_WARM_STORIES="0", CROSSCHECK_QUERY_CACHE="0")
    try:
        server.wait_ready()
        idle = _http_ask(server.url, questions)
        env = {
            **os.environ,
            "CROSSCHECK_DATA_DIR": str(data_dir),
            "CROSSCHECK_INDEX_NICE": str(nice),
        }
        ingest = subprocess.Popen(
            [sys.executable, "-m", "api.cli", "index", str(corpus)],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        busy: list[float] = []
        time.sleep(3)  # past the ingest's model loading, into its embedding and parsing
        with httpx.Client(base_url=server.url, timeout=60) as c:
            while ingest.poll() is None and len(busy) < 4 * len(questions):
                q = questions[len(busy) % len(questions)]
                t0 = time.perf_counter()
                c.post("/v1/ask", json={"question": q}).raise_for_status()
                busy.append(time.perf_counter() - t0)
        ingest.wait(timeout=1800)
    finally:
        server.stop()
        shutil.rmtree(data_dir, ignore_errors=True)
    a, b = ms(idle, 50), ms(busy, 50) if busy else None
    tag = f"ingest_nice{nice}"
    return table(
        f"ask over HTTP beside `crosscheck index` at nice {nice} (seeds)",
        (f"{tag}_idle_ms_median", "ask median, idle", a, "ms"),
        (f"{tag}_busy_ms_median", f"ask median while indexing ({len(busy)} asks)", b, "ms"),
        (f"{tag}_slowdown", "busy ÷ idle", round(b / a, 2) if a and b else None, "×"),
    )
