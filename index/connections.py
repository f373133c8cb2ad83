"""The SQLite connections of one index: one per thread, read-write, or read-only while the
folder cannot be written (a full disk, a read-only mount) so that reads keep working; and
the write transaction."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

from index.faults import StorageError, storage_error

log = logging.getLogger(__name__)


class Connections:
    """This thread's connection to `db_path` (in `data_dir`, which names the folder in
    storage errors)."""

    def __init__(self, db_path: Path, data_dir: Path) -> None:
        self.db_path = db_path
        self.data_dir = data_dir
        self._local = threading.local()

    def conn(self) -> sqlite3.Connection:
        """This thread's connection: read-write, or read-only while the folder cannot be
        written (a full disk, a read-only mount), so that reads keep working."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._open()
        return conn

    def _open(self) -> sqlite3.Connection:
        self._local.degraded = None
        try:
            conn = self._connect(f"file:{self.db_path}")
        except (sqlite3.Error, OSError) as exc:
            fault = storage_error(exc, self.data_dir)
            if fault is None or fault.fault == "corrupt" or not self.db_path.exists():
                raise (fault or exc) from exc
            conn = self._open_read_only(fault)
            self._local.degraded = fault
            log.warning("%s; reading only until it can write", fault)
        self._local.conn = conn
        return conn

    def _connect(self, uri: str, *, writable: bool = True) -> sqlite3.Connection:
        conn = sqlite3.connect(uri, uri=True, timeout=30, isolation_level=None)
        conn.row_factory = sqlite3.Row
        if writable:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens it now
        return conn

    def _open_read_only(self, fault: StorageError) -> sqlite3.Connection:
        """A connection that writes nothing: read-only, or (when SQLite cannot even make its
        shared-memory file) immutable, which is exact only when no write-ahead log is
        pending, so it is used only then."""
        try:
            return self._connect(f"file:{self.db_path}?mode=ro", writable=False)
        except sqlite3.Error:
            wal = self.db_path.with_name(self.db_path.name + "-wal")
            if wal.exists() and wal.stat().st_size > 0:
                raise fault from None
            return self._connect(f"file:{self.db_path}?immutable=1", writable=False)

    def writable(self) -> sqlite3.Connection:
        """A read-write connection, reopened if this thread's was read-only (space may have
        been freed since); StorageError if the folder still cannot be written."""
        conn = self.conn()
        if self._local.degraded is not None:
            conn.close()
            self._local.conn = None
            conn = self._open()
            if self._local.degraded is not None:
                raise self._local.degraded
        return conn

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT on a writable connection. Any failure rolls back (if a
        transaction is still open: a full disk can end it first, and rolling back then hid
        the cause behind 'cannot rollback') and a storage fault is raised as StorageError."""
        conn = self.writable()
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield conn
            if conn.in_transaction:
                conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            fault = storage_error(exc, self.data_dir)
            if fault is not None and fault is not exc:
                raise fault from exc
            raise

    def close(self) -> None:
        """Close this thread's connection (the next use opens a new one)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None
