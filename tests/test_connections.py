"""index/connections.py: one SQLite connection per thread, and the write transaction."""

from __future__ import annotations

import threading

import pytest

from index.connections import Connections


def test_one_connection_per_thread_and_a_transaction_that_rolls_back(tmp_path):
    db = Connections(tmp_path / "t.sqlite", tmp_path)
    with db.transaction() as conn:
        conn.execute("CREATE TABLE t (x INTEGER)")
        conn.execute("INSERT INTO t VALUES (1)")
    with pytest.raises(RuntimeError), db.transaction() as conn:
        conn.execute("INSERT INTO t VALUES (2)")
        raise RuntimeError("a failure mid-write")
    assert [r[0] for r in db.conn().execute("SELECT x FROM t")] == [1]  # nothing half-applied
    theirs: list[object] = []
    worker = threading.Thread(target=lambda: theirs.append(db.conn()))
    worker.start()
    worker.join()
    assert theirs[0] is not db.conn() and db.conn() is db.conn()
    first = db.conn()
    db.close()
    assert db.conn() is not first  # closed, then opened anew
