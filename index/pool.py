"""A child process that writes documents for a server (parse, extract, embed, commit) and
deletes them.

In the server's own process a write shares one interpreter lock with every question being
answered: with 8 clients asking, a one-document POST that takes 0.27 s alone took 4.3 s
(median, 100k passages). In a process of its own it gets its share of the CPU from the
operating system instead. It commits to SQLite there too (every row SQLite hands back gives
the lock up, and at 1M passages the server's commit took 352 ms median under 8 readers);
the server applies the committed change to its search view (`Store.take`). The child starts
in the background when the server does (its models take a few seconds to load); until it is
up, or if it dies, documents are written in the server.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from index.build import Todo, indexed
from index.commit import Change, Writing, commit, generation
from index.config import Settings
from index.connections import Connections
from index.models import Document
from index.store import IndexedDocument, db_path_of, story_rules_of
from index.storydb import ProfileCache

log = logging.getLogger(__name__)

_settings: Settings | None = None
_db: Connections | None = None
# story members read by the child's last write, valid while no other process writes: at 1M
# passages a write compares ~1,400 documents of its date window
_members: tuple[int, ProfileCache] = (-1, {})


# Prepared once at start: the first real write need not pay for what loads on first use
# (dateparser's languages, spaCy's lazy tables, lru caches). A document prepared alone took
# 391 ms the first time and 147-184 ms after.
SAMPLE = Document(
    doc_id="warm-up",
    outlet="Warm-up",
    published=dt.datetime(2026, 1, 2),
    text="Officials said on Friday that 12 people were injured when a bus hit a wall in the "
    "city centre. The driver, 45, was taken to hospital, police said.",
)


def _start(settings: Settings) -> None:
    """In the child: keep the settings, load the models once, and end with the server."""
    global _settings
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    threading.Thread(target=_exit_with, args=(os.getppid(),), daemon=True).start()
    _settings = settings
    from index.embed import embedder_for
    from index.nlp import get_nlp

    embedder_for(settings)
    get_nlp(settings.spacy_model)
    _prepare([(SAMPLE, "warm-up", "warm-up")])


def _exit_with(parent: int) -> None:
    """A server killed outright (kill -9) cannot stop its child: the child notices."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)


def _prepare(todo: list[Todo]) -> list[IndexedDocument]:
    assert _settings is not None  # set by _start
    return indexed(todo, _settings)


def _write(todo: list[Todo], deletes: tuple[str, ...] = ()) -> Change:
    """In the child: prepare the documents and commit them (and the deletes) in one
    transaction."""
    global _db, _members
    assert _settings is not None  # set by _start
    from index.embed import embedder_for

    items = _prepare(todo) if todo else []
    if _db is None:
        _db = Connections(db_path_of(_settings.data_dir), _settings.data_dir)
    how = Writing(_settings.embed_model, embedder_for(_settings).dim, story_rules_of(_settings))
    with _db.transaction() as conn:
        at, members = _members
        if at != generation(conn):  # another process wrote since: read afresh
            members = {}
        change = commit(conn, items, list(deletes), how, members)
    for story in change.touched.stories:
        members.pop(story, None)
    _members = (change.result.generation, members)
    return change


def _ready() -> bool:
    return _settings is not None


def yield_to_writes(nice: int) -> None:
    """Every thread of this process (and those it starts later, which inherit it) at
    `nice` above its niceness now; the write process, already started, keeps its own. With
    8 clients asking a 100k-passage store, a one-document POST's median was 512-588 ms with
    the server at nice 0 and 423-464 ms at 5 (three interleaved runs of 20 writes each).
    Linux gives each thread its own niceness (/proc/self/task); elsewhere this does nothing."""
    tasks = Path("/proc/self/task")
    if nice <= 0 or not tasks.is_dir():
        return
    target = min(19, os.getpriority(os.PRIO_PROCESS, 0) + nice)
    for tid in tasks.iterdir():
        with contextlib.suppress(OSError):  # a thread that has just ended
            os.setpriority(os.PRIO_PROCESS, int(tid.name), target)


class WritePool:
    """One child process, started on `start()`, used by `write` once it has loaded."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._pool: ProcessPoolExecutor | None = None
        self._warm: Future[bool] | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        with self._lock:
            if self._pool is None:
                # spawn, not fork: the server's torch and FAISS threads do not survive a fork
                self._pool = ProcessPoolExecutor(
                    1,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start,
                    initargs=(self.settings,),
                )
                self._warm = self._pool.submit(_ready)

    def when_ready(self, callback: Callable[[], None]) -> None:
        """Call `callback` (in a pool thread) once the child has loaded; never if it failed
        or was not started."""
        warm = self._warm
        if warm is not None:
            warm.add_done_callback(lambda f: None if f.exception() else callback())

    @property
    def ready(self) -> bool:
        warm = self._warm
        return warm is not None and warm.done() and warm.exception() is None

    def write(self, todo: list[Todo]) -> Change | None:
        """Written and committed in the child when it is up; None otherwise (the caller
        writes them itself). Waiting for a child still loading was measured too: the first
        write after start took 5.3-6.6 s with 8 clients asking, against 1.1-1.5 s written in
        the server. A child that dies mid-write may have committed: the server's own write
        of the same documents then replaces them (after catching up), losing nothing."""
        return self._run(todo, ())

    def delete(self, doc_ids: list[str]) -> Change | None:
        """Deleted and committed in the child, as `write`; None when the caller must."""
        return self._run([], tuple(doc_ids))

    def _run(self, todo: list[Todo], deletes: tuple[str, ...]) -> Change | None:
        pool = self._pool
        if pool is None or not self.ready:
            return None
        try:
            return pool.submit(_write, todo, deletes).result()
        except BrokenProcessPool:
            log.warning("the write process died; writing in the server and restarting it")
            self.stop()
            self.start()
            return None

    def stop(self) -> None:
        with self._lock:
            pool, self._pool, self._warm = self._pool, None, None
        if pool is None:
            return
        children = list((pool._processes or {}).values())  # noqa: SLF001 - no public handle
        pool.shutdown(wait=False, cancel_futures=True)
        for child in children:  # a server stopping does not wait for a write in progress
            child.terminate()
            child.join(timeout=5)
