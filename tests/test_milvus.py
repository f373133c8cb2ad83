"""The Milvus backend (milvus-lite) keeps the local backend's contract: same passages, same
ranks, writes and deletes applied, a collection created with its indexes and loaded on
open, and a write Milvus missed applied later from SQLite."""

from __future__ import annotations

import shutil

import pytest

from eval.gold import DEFAULT_GOLD, load_gold
from index.build import index_documents
from index.embed import embedder_for
from index.ingest import read_paths
from index.milvus import MilvusView
from index.store import Store
from qa.service import Service
from tests.conftest import make_settings
from tests.test_store import NEW_DOC, write_jsonl

pytest.importorskip("pymilvus")
pytest.importorskip("milvus_lite")


@pytest.fixture()
def stores(seed_dir, tmp_path):
    """The seeds' index as built (local backend) and a copy searched in milvus-lite."""
    copy = tmp_path / "milvus-copy"
    shutil.copytree(seed_dir, copy)
    local = Store.from_settings(make_settings(seed_dir, backend="local"))
    remote = Store.from_settings(make_settings(copy, backend="milvus"))
    yield local, remote
    remote.close()


def same_ranking(a: list[tuple[int, float]], b: list[tuple[int, float]], q: str) -> None:
    """Same scores rank by rank, and the same passages at each score (passages that tie
    may come in either order; the last tie may be cut at k differently)."""
    assert [s for _, s in a] == pytest.approx([s for _, s in b], rel=1e-3, abs=1e-4), q
    groups: dict[float, tuple[set[int], set[int]]] = {}
    for (ra, sa), (rb, _) in zip(a, b, strict=True):
        x, y = groups.setdefault(round(sa, 3), (set(), set()))
        x.add(ra)
        y.add(rb)
    last = round(a[-1][1], 3) if a else None
    assert all(x == y for s, (x, y) in groups.items() if s != last), q


def questions() -> list[str]:
    return [g.question for g in load_gold(DEFAULT_GOLD)]


def test_every_gold_question_finds_the_same_passages_in_the_same_order(stores):
    local, remote = stores
    assert remote.stats()["vector_index"] == "milvus"
    embed = embedder_for(make_settings(local.data_dir))
    some_story = next(iter(local.stories()))
    story_rows = {r for rs in local.story_outlets(some_story).values() for r in rs}
    for q in questions():
        v = embed.encode_one(q)
        for allowed in (None, story_rows):
            same_ranking(
                local.lexical_search(q, 10, allowed), remote.lexical_search(q, 10, allowed), q
            )
        same_ranking(local.dense_search(v, 10), remote.dense_search(v, 10), q)


def test_answers_are_the_same_on_both_backends(stores, seed_dir):
    local, remote = stores
    one = Service(make_settings(seed_dir, backend="local"), local)
    two = Service(make_settings(remote.data_dir, backend="milvus"), remote)
    for q in questions()[:20]:
        a, b = one.ask(q), two.ask(q)
        assert [p.id for p in a.passages] == [p.id for p in b.passages], q
        assert a.agreement.verdict == b.agreement.verdict, q


def test_collection_has_its_indexes_and_serves_after_reopen(stores, tmp_path):
    _, remote = stores
    client, name = remote.milvus  # type: ignore[misc]
    assert {"vector", "sparse"} <= set(client.list_indexes(name))
    n = remote.passage_count()
    remote.close()
    again = Store.from_settings(make_settings(remote.data_dir, backend="milvus"))
    assert again.lexical_search("shots fired", 3)
    assert int(again._meta("milvus_rowid") or 0) >= max(
        r[0] for r in again._conn().execute("SELECT rowid FROM passages")
    )
    assert again.passage_count() == n


def test_writes_and_deletes_reach_milvus_and_a_missed_write_is_applied_later(
    stores, tmp_path, monkeypatch
):
    _, remote = stores
    settings = make_settings(remote.data_dir, backend="milvus")
    raws, _ = read_paths([write_jsonl(tmp_path / "a.jsonl", NEW_DOC)])
    index_documents(remote, raws, settings)
    new = remote.rowids_of_docs(["zz_new_story"])
    assert remote.lexical_search("Quillfeather bridge", 3)[0][0] in new
    remote.write(deletes=["zz_new_story"])
    assert not {r for r, _ in remote.lexical_search("Quillfeather bridge", 10)} & new

    def down(*args, **kwargs):
        raise ConnectionError("milvus is down")

    monkeypatch.setattr(MilvusView, "changed", down)
    index_documents(remote, raws, settings)  # stored in SQLite; Milvus missed it
    monkeypatch.undo()
    assert remote.refresh()  # the next request applies what Milvus missed
    assert remote.lexical_search("Quillfeather bridge", 3)[0][0] in remote.rowids_of_docs(
        ["zz_new_story"]
    )
