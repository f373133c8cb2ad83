"""Storage faults: a full disk (a real 3 MB tmpfs), a read-only folder (the same, remounted
read-only) and a damaged index, each a clear error naming the cause and the folder — exit
code != 0 for the CLI, 507 / 503 over HTTP — with nothing acknowledged lost, reads working
while writes cannot, and writes working again once space is freed, without a restart.

The tmpfs needs root (mount); where mounting is not allowed those tests skip and say so, and
`test_sqlite_full_at_commit_rolls_back` simulates SQLITE_FULL at the store's boundary."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import httpx
import numpy as np
import pytest

from index.build import index_documents
from index.faults import StorageError, fault_of
from index.ingest import RawDocument
from index.models import DocumentMeta
from index.store import Store
from tests.conftest import ROOT, make_settings
from tests.helpers import fill, remount_read_only, small_disk
from tests.servers import Server

KEY = "fault-key"
ARTICLE = (
    "A grain silo collapsed in Harwick on Monday, injuring two workers, the fire service "
    "said. Engineers had inspected the silo in March."
)


def raw(doc_id: str) -> RawDocument:
    meta = DocumentMeta(doc_id=doc_id, outlet="Harwick Post", published="2026-05-04")
    return RawDocument(meta=meta, raw=ARTICLE, source=doc_id)


def test_faults_are_named_from_os_sqlite_and_faiss_errors(tmp_path):
    assert fault_of(OSError(errno.ENOSPC, "No space left on device")) == "full"
    assert fault_of(OSError(errno.EROFS, "Read-only file system")) == "read_only"
    assert fault_of(sqlite3.OperationalError("database or disk is full")) == "full"
    assert fault_of(sqlite3.OperationalError("attempt to write a readonly database")) == "read_only"
    assert fault_of(sqlite3.DatabaseError("file is not a database")) == "corrupt"
    faiss_error = RuntimeError("write error in x.faiss: 4014 != 78336 (No space left on device)")
    assert fault_of(faiss_error) == "full"
    assert fault_of(ValueError("bad")) is None
    assert fault_of(sqlite3.OperationalError("no such table: x")) is None
    # a disk I/O error is read as full only when the folder is nearly full
    assert fault_of(sqlite3.OperationalError("disk I/O error"), tmp_path) == "corrupt"
    message = str(StorageError("full", tmp_path, "database or disk is full"))
    assert str(tmp_path) in message and "full" in message and "free some space" in message


def test_sqlite_full_at_commit_rolls_back(seed_copy, monkeypatch):
    """SQLITE_FULL simulated at COMMIT (runs everywhere): the write is not applied, the cause
    is not hidden behind 'cannot rollback', the next write goes in."""
    settings = make_settings(seed_copy)
    store = Store.from_settings(settings)
    before = (store.document_count(), store.passage_count(), store.generation())
    real = store._db.writable

    class FullAtCommit:
        def __init__(self, conn: sqlite3.Connection) -> None:
            self.conn = conn

        def execute(self, sql: str, *args):
            if sql == "COMMIT":
                self.conn.execute("ROLLBACK")  # as SQLite does when the disk fills
                raise sqlite3.OperationalError("database or disk is full")
            return self.conn.execute(sql, *args)

        def __getattr__(self, name: str):
            return getattr(self.conn, name)

    monkeypatch.setattr(store._db, "writable", lambda: FullAtCommit(real()))
    with pytest.raises(StorageError) as caught:
        index_documents(store, [raw("silo_1")], settings)
    assert caught.value.fault == "full" and str(seed_copy) in str(caught.value)
    assert (store.document_count(), store.passage_count(), store.generation()) == before
    assert not store.has_document("silo_1")
    monkeypatch.setattr(store._db, "writable", real)
    index_documents(store, [raw("silo_1")], settings)
    assert store.has_document("silo_1") and store.generation() == before[2] + 1
    store.close()


@pytest.fixture()
def full_disk_index(seed_dir, tmp_path):
    with small_disk(tmp_path / "disk") as disk:
        data = disk / "data"
        shutil.copytree(seed_dir, data)
        yield data


def cli(*args: str, data: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "CROSSCHECK_DATA_DIR": str(data), "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.slow
def test_cli_on_a_full_disk(full_disk_index, tmp_path):
    data = full_disk_index
    article = tmp_path / "silo_2.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    filler = fill(data.parent)
    run = cli("index", str(article), data=data)
    assert run.returncode == 3, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    assert "is full" in run.stderr and str(data) in run.stderr.replace("\n", "")
    asked = cli("ask", "How many shots were fired?", data=data)
    assert asked.returncode == 0 and "Traceback" not in asked.stderr
    assert "Verdict" in asked.stdout
    filler.unlink()
    again = cli("index", str(article), data=data)
    assert again.returncode == 0, again.stderr[-2000:]
    assert "1 added" in again.stdout


@pytest.mark.slow
def test_server_on_a_full_disk_answers_and_recovers_without_restart(full_disk_index):
    data = full_disk_index
    auth = {"Authorization": f"Bearer {KEY}"}
    doc = {"doc_id": "silo_3", "outlet": "Harwick Post", "text": ARTICLE}
    server = Server(data, CROSSCHECK_API_KEYS=KEY, CROSSCHECK_SHEET_WARM_STORIES="0")
    try:
        server.wait_ready()
        with httpx.Client(base_url=server.url, timeout=120) as c:
            filler = fill(data.parent)
            r = c.post("/v1/documents", json=doc, headers=auth)
            assert r.status_code == 507, r.text
            assert r.json()["error"]["code"] == "insufficient_storage"
            assert str(data) in r.json()["error"]["message"]
            assert c.get("/v1/documents/silo_3").status_code == 404  # not half-applied
            r = c.delete("/v1/documents/004_0db872d4e7fa121a", headers=auth)
            assert r.status_code == 507
            ask = c.post("/v1/ask", json={"question": "How many shots were fired?"})
            assert ask.status_code == 200 and ask.json()["passages"]
            assert c.get("/v1/documents/004_0db872d4e7fa121a").status_code == 200
            filler.unlink()
            r = c.post("/v1/documents", json=doc, headers=auth)
            assert r.status_code == 201, r.text
            story = c.get("/v1/documents/silo_3").json()["story"]
            q = {"question": "How many workers were injured?", "story": story}
            ask = c.post("/v1/ask", json=q)
            assert "silo_3" in {p["doc_id"] for p in ask.json()["passages"]}
    finally:
        log = server.stop()
    assert "Traceback" not in log


@pytest.mark.slow
def test_read_only_folder_reads_and_refuses_writes(full_disk_index):
    data = full_disk_index
    remount_read_only(data.parent)
    settings = make_settings(data)
    store = Store.from_settings(settings)
    assert store.document_count() == 5
    hits = store.dense_search(np.ones(store.model_record[1] or 384, dtype=np.float32), 3)
    assert len(hits) == 3
    with pytest.raises(StorageError) as caught:
        store.write([], ["004_0db872d4e7fa121a"])
    assert caught.value.fault == "read_only" and str(data) in str(caught.value)
    assert store.document_count() == 5
    store.close()


def test_damaged_index_is_a_clear_error(seed_copy):
    (seed_copy / "crosscheck.sqlite").write_bytes(b"not a database" * 100)
    for name in ("crosscheck.sqlite-wal", "crosscheck.sqlite-shm"):
        (seed_copy / name).unlink(missing_ok=True)
    run = cli("ask", "How many shots were fired?", data=seed_copy)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "damaged" in run.stderr and "file is not a database" in run.stderr


def test_damaged_or_missing_derived_files_are_rebuilt_from_sqlite(seed_copy):
    gen = Store.from_settings(make_settings(seed_copy)).generation()
    (seed_copy / f"vectors.{gen}.faiss").write_bytes(b"\x00garbage" * 50)
    shutil.rmtree(seed_copy / f"bm25.{gen}")
    store = Store.from_settings(make_settings(seed_copy))
    vector = np.ones(store.model_record[1] or 384, dtype=np.float32)
    assert len(store.dense_search(vector, 5)) == 5
    assert store.lexical_search("shots fired", 5)
    assert (seed_copy / f"bm25.{gen}").is_dir()  # saved again
    store.close()


def test_a_server_on_a_damaged_index_says_so_on_readyz(seed_copy):
    from fastapi.testclient import TestClient

    from api.app import create_app

    (seed_copy / "crosscheck.sqlite").write_bytes(b"not a database" * 100)
    for name in ("crosscheck.sqlite-wal", "crosscheck.sqlite-shm"):
        (seed_copy / name).unlink(missing_ok=True)
    with TestClient(create_app(make_settings(seed_copy))) as c:
        r = c.get("/readyz")
        assert r.status_code == 503 and "damaged" in r.json()["error"]["message"]
        assert c.get("/healthz").status_code == 200
        asked = c.post("/v1/ask", json={"question": "Who fired?"})
        assert asked.status_code == 503 and "damaged" in asked.json()["error"]["message"]
