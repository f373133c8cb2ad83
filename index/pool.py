"""A child process that prepares documents for a server's writes (parse, extract, embed).

In the server's own process a write shares one interpreter lock with every question being
answered: with 8 clients asking, a one-document POST that takes 0.27 s alone took 4.3 s
(median, 100k passages). In a process of its own it gets its share of the CPU from the
operating system instead. The store write itself (SQLite, the search view) stays in the
server. The child starts in the background when the server does (its models take a few
seconds to load); until it is up, or if it dies, documents are prepared in the server.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from index.build import Todo, indexed
from index.config import Settings
from index.store import IndexedDocument

log = logging.getLogger(__name__)

_settings: Settings | None = None


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


def _exit_with(parent: int) -> None:
    """A server killed outright (kill -9) cannot stop its child: the child notices."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)


def _prepare(todo: list[Todo]) -> list[IndexedDocument]:
    assert _settings is not None  # set by _start
    return indexed(todo, _settings)


def _ready() -> bool:
    return _settings is not None


class PreparePool:
    """One child process, started on `start()`, used by `prepare` once it has loaded."""

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

    @property
    def ready(self) -> bool:
        warm = self._warm
        return warm is not None and warm.done() and warm.exception() is None

    def prepare(self, todo: list[Todo]) -> list[IndexedDocument]:
        """Prepared in the child when it is up; in this process otherwise."""
        pool = self._pool
        if pool is not None and self.ready:
            try:
                return pool.submit(_prepare, todo).result()
            except BrokenProcessPool:
                log.warning("the write process died; preparing in the server and restarting it")
                self.stop()
                self.start()
        return indexed(todo, self.settings)

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
