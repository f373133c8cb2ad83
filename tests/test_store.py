"""Incremental writes keep SQLite, FAISS and BM25 in step; crashes and bad input lose nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from index import derived
from index.build import index_documents
from index.commit import IndexMismatchError
from index.ingest import read_paths
from index.store import Store
from tests.conftest import ROOT, SEEDS, make_settings

NEW_DOC = {
    "doc_id": "zz_new_story",
    "outlet": "Test Wire",
    "title": "Harbor bridge closed",
    "published": "2026-02-02",
    "url": "https://example.org/bridge",
    "text": "The Quillfeather harbor bridge was closed on Monday after inspectors found cracks. "
    "Engineers said repairs would take three weeks.",
}


def consistent(store: Store) -> int:
    """The search view holds exactly the passages SQLite holds, and its parts agree."""
    n = store.passage_count()
    view = store._derived.segments
    stored = sorted(r[0] for r in store._conn().execute("SELECT rowid FROM passages"))
    assert view.live_rowids().tolist() == stored
    assert view.base.vectors.ntotal == len(view.base.members)
    assert view.recent_vectors.shape[0] == len(view.recent)
    assert view.generation == store.generation()
    return n


def write_jsonl(path: Path, *docs: dict) -> Path:
    path.write_text("\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8")
    return path


def test_add_replace_delete_keep_three_indexes_in_step(seed_copy, tmp_path):
    settings = make_settings(seed_copy)
    store = Store(seed_copy, settings.embed_model)
    before = consistent(store)
    raws, _ = read_paths([write_jsonl(tmp_path / "a.jsonl", NEW_DOC)])
    report = index_documents(store, raws, settings)
    assert report.added == ["zz_new_story"]
    assert consistent(store) > before
    hits = store.lexical_search("Quillfeather bridge", 3)
    assert store.fetch([hits[0][0]])[0].passage.doc_id == "zz_new_story"

    # unchanged: no embedding work at all
    again = index_documents(store, raws, settings)
    assert again.unchanged == ["zz_new_story"] and again.passages == 0

    changed = dict(NEW_DOC, text="The Zephyrine tunnel reopened on Friday.")
    raws, _ = read_paths([write_jsonl(tmp_path / "b.jsonl", changed)])
    assert index_documents(store, raws, settings).replaced == ["zz_new_story"]
    assert consistent(store) == before + 1
    assert store.lexical_search("Quillfeather", 3) == []

    result = store.write(deletes=["zz_new_story", "no_such_doc"])
    assert result.deleted == ["zz_new_story"] and result.missing == ["no_such_doc"]
    assert consistent(store) == before
    assert store.get_document("zz_new_story") is None
    # a fresh process sees the same state
    reopened = Store(seed_copy, settings.embed_model)
    assert consistent(reopened) == before


def test_index_built_with_another_model_is_refused(seed_copy):
    with pytest.raises(IndexMismatchError, match="crosscheck index --rebuild"):
        Store(seed_copy, "some/other-model")


def _crash_script(data_dir: Path, jsonl: Path, where: str) -> str:
    """A process that indexes one document and is killed (exit 9) at `where`: before the
    SQLite commit, right after it (before the search view takes the write), or while a
    merge saves the new base."""
    return f"""
import os, sys
sys.path.insert(0, {str(ROOT)!r})
import faiss
from index import build, derived, segments, store as store_mod
from index.config import Settings
from index.ingest import read_paths
def boom(*a, **k):
    os._exit(9)
where = {where!r}
settings = Settings(data_dir={str(data_dir)!r})
merge = derived.MergePolicy(fraction=1e-6) if where == "mid_merge" else None
s = store_mod.Store(settings.data_dir, settings.embed_model, merge=merge)
if where == "before_commit":
    build.prepare = boom
elif where == "after_commit":
    segments.Segments.changed = boom
else:
    faiss.write_index = boom
raws, _ = read_paths([__import__("pathlib").Path({str(jsonl)!r})])
build.index_documents(s, raws, settings)
"""


@pytest.mark.parametrize("where", ["before_commit", "after_commit", "mid_merge"])
def test_process_killed_mid_ingest_leaves_a_whole_index(seed_copy, tmp_path, where):
    settings = make_settings(seed_copy)
    before = consistent(Store(seed_copy, settings.embed_model))
    jsonl = write_jsonl(tmp_path / "c.jsonl", NEW_DOC)
    proc = subprocess.run(
        [sys.executable, "-c", _crash_script(seed_copy, jsonl, where)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 9, proc.stderr[-2000:]
    store = Store(seed_copy, settings.embed_model)  # opens, repairs derived files if needed
    n = consistent(store)
    if where == "before_commit":
        assert n == before and store.get_document("zz_new_story") is None
    else:  # committed: the new state, whole, read from SQLite beside the last base
        assert n > before and store.get_document("zz_new_story") is not None
    assert store.dense_search(
        store.embeddings([int(store.rowids_of_docs(["003_a36c5d73aa037ea8"]).pop())])[1][0], 1
    )


def test_bad_files_are_named_and_others_still_ingested(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.txt").write_text("The council approved the budget on Tuesday.", "utf-8")
    (src / "latin1.txt").write_bytes("Caf\xe9 owners protested.".encode("latin-1"))
    (src / "empty.txt").write_text("   \n", "utf-8")
    (src / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    (src / "docs.jsonl").write_text(
        json.dumps({"doc_id": "j1", "text": "Rain fell all week in the valley."})
        + "\n{not json\n"
        + json.dumps({"doc_id": "j3"})
        + "\n",
        "utf-8",
    )
    (src / "manifest.json").write_text(json.dumps({"documents": [{"file": "gone.txt"}]}), "utf-8")
    env = dict(os.environ, CROSSCHECK_DATA_DIR=str(tmp_path / "data"), HF_HUB_OFFLINE="1")
    proc = subprocess.run(
        [sys.executable, "-m", "api.cli", "index", str(src)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    assert proc.returncode == 1
    out = proc.stderr
    assert "latin1.txt: not UTF-8" in out
    assert "empty.txt: empty file" in out
    assert "blob.txt: binary file" in out
    assert "docs.jsonl:2: invalid JSON" in out
    assert "docs.jsonl:3: text: field required" in out
    assert "gone.txt" in out and "does not exist" in out
    store = Store(tmp_path / "data", make_settings(tmp_path).embed_model)
    assert {d.doc_id for d in store.list_documents()} == {"good", "j1"}


def test_seed_manifest_metadata(seed_dir):
    store = Store(seed_dir, make_settings(seed_dir).embed_model)
    docs = {d.doc_id: d for d in store.list_documents()}
    assert docs["003_a36c5d73aa037ea8"].outlet == "Al Jazeera"
    assert str(docs["004_0db872d4e7fa121a"].published) == "2026-01-07"
    outlets = store.outlets()
    unknown = [o for o in outlets if "unknown" in o]
    assert len(unknown) == 3 and all(len(outlets[o]) == 1 for o in unknown)
    assert len(list(SEEDS.glob("*.txt"))) == 5


def test_two_processes_writing_in_turn_keep_every_write(seed_copy, tmp_path):
    """Two server workers each hold a Store on the same folder; each write must build on the
    other's, not on its own stale copy of the vector and BM25 indexes."""
    settings = make_settings(seed_copy)
    a, b = Store.from_settings(settings), Store.from_settings(settings)
    n = consistent(a)
    raws, _ = read_paths([write_jsonl(tmp_path / "a.jsonl", NEW_DOC)])
    index_documents(a, raws, settings)
    other = dict(NEW_DOC, doc_id="zz_other", text="The Zephyrine tunnel reopened on Friday.")
    raws, _ = read_paths([write_jsonl(tmp_path / "b.jsonl", other)])
    index_documents(b, raws, settings)  # b has not read since a wrote
    both = b.rowids_of_docs(["zz_new_story", "zz_other"])
    assert consistent(b) == n + len(both)
    assert a.refresh() and consistent(a) == n + len(both)
    for store in (a, b):
        ids = {
            store.fetch([r])[0].passage.doc_id
            for r, _ in store.lexical_search("Quillfeather Zephyrine", 10)
        }
        assert {"zz_new_story", "zz_other"} <= ids


def test_passages_embedded_across_documents_keep_their_own_vectors(tmp_path, monkeypatch):
    """Passages of several documents are embedded in shared batches; each stored vector must
    still be its own passage's embedding."""
    from index import build
    from index.embed import embedder_for

    monkeypatch.setattr(build, "EMBED_PASSAGES", 25)  # several documents in one call, twice
    settings = make_settings(tmp_path / "data")
    store = Store.from_settings(settings)
    raws, errors = read_paths([SEEDS])
    assert not errors
    report = index_documents(store, raws, settings)
    assert report.passages == consistent(store) > 25
    rowids = sorted(store.rowids_of_docs(raw.meta.doc_id for raw in raws))
    found, stored = store.embeddings(rowids)
    texts = [s.passage.text for s in store.fetch(found)]
    assert len(found) == report.passages
    expected = embedder_for(settings).encode(texts)
    assert float(np.abs(stored - expected).max()) < 1e-4


def test_outlets_follow_writes_made_here_and_by_another_store(seed_copy, tmp_path):
    """Outlets are read once per generation; a write here shows at once, a write in another
    process after `refresh` (a request refreshes once, first, so that one answer sees one
    generation)."""
    settings = make_settings(seed_copy)
    here, there = (Store(seed_copy, settings.embed_model) for _ in range(2))
    assert "Test Wire" not in here.outlets() and "Test Wire" not in there.outlets()
    raws, _ = read_paths([write_jsonl(tmp_path / "a.jsonl", NEW_DOC)])
    index_documents(here, raws, settings)
    assert here.outlets()["Test Wire"] == ["zz_new_story"]
    assert "Test Wire" not in there.outlets()  # its generation, until it refreshes
    assert there.refresh()
    assert there.outlets()["Test Wire"] == ["zz_new_story"]
    there.write(deletes=["zz_new_story"])
    here.refresh()
    assert "Test Wire" not in here.outlets() and "Test Wire" not in there.outlets()


def test_a_write_costs_what_it_changes_and_a_merge_changes_no_answer(seed_copy, tmp_path):
    """One document added to a store is held beside the base (no base is rewritten); a
    background merge then folds it in, and search gives the same results before and
    after; tombstones of deleted passages go once no base on disk needs them."""
    settings = make_settings(seed_copy)
    store = Store(seed_copy, settings.embed_model)
    bases = sorted(p.name for p in seed_copy.glob("base.*.json"))
    raws, _ = read_paths([write_jsonl(tmp_path / "a.jsonl", NEW_DOC)])
    index_documents(store, raws, settings)
    new_rows = store.rowids_of_docs(["zz_new_story"])
    assert store._derived.segments.recent.rowids.tolist() == sorted(new_rows)
    assert sorted(p.name for p in seed_copy.glob("base.*.json")) == bases  # nothing rewritten
    lexical = store.lexical_search("Quillfeather harbor bridge", 5)
    query = store.embeddings([lexical[0][0]])[1][0]
    dense = store.dense_search(query, 40)

    gone = store.rowids_of_docs(["001_23725710cfcf808a"])
    store.merge = derived.MergePolicy(fraction=1e-6, inline_max=0)  # as a large store does
    store.write(deletes=["001_23725710cfcf808a"])
    store.wait_merged()
    merged = store._derived.segments
    assert merged.base.generation == store.generation() and merged.pending == 0
    consistent(store)
    assert store.lexical_search("Quillfeather harbor bridge", 5)[0][0] == lexical[0][0]
    assert [r for r, _ in store.dense_search(query, 5)] == [r for r, _ in dense if r not in gone][
        :5
    ]

    store.write(deletes=["zz_new_story"])
    store.wait_merged()
    tombstones = {r[0] for r in store._conn().execute("SELECT rowid FROM passage_tombstones")}
    assert tombstones == new_rows  # the first delete's are in every base kept
    reopened = Store(seed_copy, settings.embed_model)
    assert consistent(reopened) == store.passage_count()


def test_a_write_keeps_the_caches_of_stories_it_did_not_touch(seed_copy, tmp_path):
    """A write recomputes what it touched (its story, its outlet) and carries the rest:
    the result equals what a fresh process reads."""
    settings = make_settings(seed_copy)
    store = Store(seed_copy, settings.embed_model)
    infos, outlets = store.stories(), store.outlets()
    other = next(iter(infos))
    version = store.story_version(other)
    raws, _ = read_paths([write_jsonl(tmp_path / "a.jsonl", dict(NEW_DOC, story="bridge"))])
    index_documents(store, raws, settings)
    assert store.story_version(other) == version
    assert store.story_version("bridge") == store.generation() != version
    assert store.stories()[other] is infos[other]  # carried over, not read again
    assert store.stories()["bridge"].documents == 1
    fresh = Store(seed_copy, settings.embed_model)
    assert store.stories() == fresh.stories() and store.outlets() == fresh.outlets()
    assert store.outlets() != outlets  # Test Wire is new
    store.move_documents(["zz_new_story"], other)
    fresh = Store(seed_copy, settings.embed_model)
    assert store.stories() == fresh.stories() and "bridge" not in store.stories()
    assert store.fetch(sorted(store.rowids_of_docs(["zz_new_story"])))[0].meta.story == other
