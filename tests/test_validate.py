"""index/validate.py: one character rule for every door; a bad JSONL line is skipped with its
reason and the rest of the file goes in."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from index.build import index_documents
from index.ingest import read_jsonl
from index.store import Store
from index.validate import size_problem, text_problem
from tests.conftest import ROOT, make_settings


def test_text_problems_are_named_with_their_offset():
    assert text_problem("fine text") is None
    assert text_problem("ab\x00c") == (
        "text contains a NUL character at offset 2; send valid UTF-8 text"
    )
    assert "unpaired surrogate at offset 1" in (text_problem("a\ud800b") or "")


def test_a_bad_jsonl_line_is_skipped_and_the_rest_indexed(tmp_path):
    lines = [
        {"doc_id": "good_1", "outlet": "Gazette", "text": "The bridge reopened on Monday."},
        {"doc_id": "bad_1", "outlet": "Gazette", "text": "Broken \ud800 text."},
        {"doc_id": "bad_2", "outlet": "Gazette\x00", "text": "A NUL in the outlet."},
        {"doc_id": "good_2", "outlet": "Herald", "text": "The ferry resumed service."},
    ]
    path = tmp_path / "mixed.jsonl"
    # json.dumps writes the lone surrogate as the escape "\ud800", as a broken exporter would
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    raws, errors = read_jsonl(path)
    assert [r.meta.doc_id for r in raws] == ["good_1", "good_2"]
    assert [e.message for e in errors] == [
        "text: text contains an unpaired surrogate at offset 7; send valid UTF-8 text",
        "outlet: text contains a NUL character at offset 7; send valid UTF-8 text",
    ]
    settings = make_settings(tmp_path / "data")
    store = Store.from_settings(settings)
    report = index_documents(store, raws, settings)
    assert sorted(report.added) == ["good_1", "good_2"]


def test_a_blank_field_is_unknown_at_every_door(tmp_path):
    from fastapi.testclient import TestClient

    from api.app import create_app

    path = tmp_path / "blank.jsonl"
    line = {"doc_id": "b1", "outlet": "", "published": "", "text": "The pier reopened."}
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    raws, errors = read_jsonl(path)
    assert not errors and raws[0].meta.published is None and raws[0].meta.outlet is None
    settings = make_settings(tmp_path / "data", api_keys="k")
    with TestClient(create_app(settings)) as client:
        body = {"doc_id": "b2", "published": "", "text": "The pier reopened on Monday."}
        r = client.post("/v1/documents", json=body, headers={"Authorization": "Bearer k"})
        assert r.status_code == 201, r.text
        assert client.get("/v1/documents/b2").json()["published"] is None


def test_a_bad_file_name_is_reported_as_one(tmp_path):
    from index.ingest import read_paths

    (tmp_path / "bad name!.txt").write_text("Some article text.", encoding="utf-8")
    _, errors = read_paths([tmp_path])
    assert len(errors) == 1 and "bad file name (it becomes the doc_id)" in errors[0].message


def test_size_limit_in_utf8_bytes():
    assert size_problem("a" * 10, 10) is None
    message = size_problem("é" * 6, 10)  # 12 bytes
    assert message is not None and "12 bytes" in message and "MAX_DOCUMENT_BYTES" in message


def test_an_oversized_jsonl_line_is_skipped_and_the_rest_indexed(tmp_path):
    lines = [
        {"doc_id": "ok_1", "outlet": "Post", "text": "A ferry ran aground on Monday, police said."},
        {"doc_id": "big_2", "outlet": "Post", "text": "Word after word. " * 200},
    ]
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    data = tmp_path / "data"
    run = subprocess.run(
        [sys.executable, "-m", "api.cli", "index", str(path)],
        cwd=ROOT,
        env={
            **os.environ,
            "CROSSCHECK_DATA_DIR": str(data),
            "CROSSCHECK_MAX_DOCUMENT_BYTES": "1000",
        },
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 1  # something was skipped
    assert "1 added" in run.stdout and "MAX_DOCUMENT_BYTES" in run.stderr
    assert "docs.jsonl:2" in run.stderr.replace("\n", "")
