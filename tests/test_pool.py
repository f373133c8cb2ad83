"""The server's write process prepares documents exactly as the server itself would."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import numpy as np
import pytest

from index.build import delete_document, document_from_raw, indexed
from index.commit import Writing, commit
from index.ingest import RawDocument
from index.models import DocumentMeta
from index.pool import WritePool
from index.store import Store
from index.stories import StoryRules
from tests.conftest import ROOT, make_settings

TEXT = (
    "The Quillfeather harbor bridge was closed on Monday after inspectors found cracks. "
    "Engineers said repairs would take three weeks, the city's transport office said.\n\n"
    "About 40,000 vehicles cross the bridge every day."
)


RULES = StoryRules()


def todo():
    raw = RawDocument(
        meta=DocumentMeta(doc_id="pool_doc", outlet="Test Wire"), raw=TEXT, source="test"
    )
    return [(document_from_raw(raw), "digest", "test")]


def wait_ready(pool: WritePool, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not pool.ready:
        assert time.monotonic() < deadline, "the write process did not start"
        time.sleep(0.2)


def test_a_document_written_by_the_child_equals_one_prepared_here(tmp_path):
    settings = make_settings(tmp_path)
    here = indexed(todo(), settings)[0]
    store = Store.from_settings(settings)
    pool = WritePool(settings)
    early, loaded = threading.Event(), threading.Event()
    pool.when_ready(early.set)  # registered before the child started: never called
    try:
        assert pool.write(todo()) is None  # not started: the caller writes
        pool.start()
        pool.when_ready(loaded.set)
        wait_ready(pool)
        assert loaded.wait(10) and not early.is_set()  # called once the child has loaded
        child = pool._pool._processes  # type: ignore[union-attr]
        change = pool.write(todo())
        assert change is not None and change.result.added == ["pool_doc"]
        assert store.view_generation == 0  # committed there, not yet seen here
        store.take(change)
        assert store.view_generation == change.result.generation == 1
        assert [p.text for p in store.passages_of("pool_doc")] == [p.text for p in here.passages]
        ids, stored = store.embeddings(change.added)
        assert ids == change.added and np.allclose(stored, here.embeddings, atol=1e-5)
        assert [h[0] for h in store.lexical_search("Quillfeather bridge", 3)] == change.added[:1]
        assert set(child) and os.getpid() not in set(child)

        # the child dies: the caller is told to write itself, and a new child starts
        for pid in list(child):
            os.kill(pid, signal.SIGKILL)
        time.sleep(0.5)
        assert pool.write(todo()) is None
        wait_ready(pool)
        again = pool.write(todo())
        assert again is not None and again.result.replaced == ["pool_doc"]
        store.take(again)
        assert store.view_generation == 2 and store.passage_count() == len(here.passages)

        # a delete is committed there too; the view drops it once it takes the change
        assert delete_document(store, "pool_doc", pool.delete)
        assert store.view_generation == 3 and store.passage_count() == 0
        assert store.lexical_search("Quillfeather bridge", 3) == []
        assert not delete_document(store, "pool_doc", pool.delete)  # gone: a 404's answer
    finally:
        pool.stop()
        store.close()


def test_a_delete_the_write_process_cannot_take_is_done_here(tmp_path):
    settings = make_settings(tmp_path)
    store = Store.from_settings(settings)
    item = indexed(todo(), settings)[0]
    asked: list[list[str]] = []
    try:
        store.write([item], dim=item.embeddings.shape[1])
        assert delete_document(store, "pool_doc", lambda ids: asked.append(ids))  # None
        assert asked == [["pool_doc"]] and store.passage_count() == 0
    finally:
        store.close()


def test_a_change_that_is_not_the_next_generation_is_caught_up_with(tmp_path):
    """Another process wrote between the view and the change: the view reads SQLite."""
    settings = make_settings(tmp_path)
    store, other = Store.from_settings(settings), Store.from_settings(settings)
    item = indexed(todo(), settings)[0]
    try:
        other.write([item], dim=item.embeddings.shape[1])  # generation 1, unseen by `store`
        with other.write_lock, other._transaction() as conn:  # noqa: SLF001
            how = Writing(settings.embed_model, item.embeddings.shape[1], RULES)
            change = commit(conn, [], ["pool_doc"], how)  # generation 2 deletes it
        store.take(change)
        assert store.view_generation == 2 and store.passage_count() == 0
        assert store.lexical_search("Quillfeather bridge", 3) == []
    finally:
        store.close()
        other.close()


YIELD = """
import os, threading
from pathlib import Path
from index.pool import yield_to_writes
stop = threading.Event()
before = threading.Thread(target=stop.wait, daemon=True); before.start()
base = os.getpriority(os.PRIO_PROCESS, 0)
yield_to_writes(3)
after = threading.Thread(target=lambda: print(os.getpriority(os.PRIO_PROCESS, 0))); after.start()
after.join()
tids = [int(t.name) for t in Path('/proc/self/task').iterdir()]
tasks = sorted({os.getpriority(os.PRIO_PROCESS, t) for t in tids})
print(base, tasks)
stop.set()
"""


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="per-thread niceness: Linux")
def test_a_server_yields_the_cpu_to_its_writes():
    """Every thread, those running and those started later, ends up `nice` levels lower in
    priority (in a process of its own: niceness cannot be given back)."""
    out = subprocess.run(
        [sys.executable, "-c", YIELD],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        timeout=120,
    ).stdout.split("\n")
    base = int(out[1].split()[0])
    if base > 16:
        pytest.skip(f"the test process already runs at niceness {base}")
    assert int(out[0]) == base + 3  # a thread started afterwards inherits it
    assert out[1] == f"{base} [{base + 3}]"  # every thread of the process
