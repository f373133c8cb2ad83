"""The vector index: exact while small, IVF-SQ8 when large, with add, delete and filters
working on both, and the switch made automatically as the corpus grows and shrinks."""

from __future__ import annotations

import numpy as np
import pytest

from index import vectors as vec
from index.build import delete_document, index_documents
from index.ingest import read_paths
from index.store import Store
from tests.conftest import make_settings
from tests.test_store import NEW_DOC, consistent, write_jsonl

IVF = {"vector_approx_min": 20, "vector_nlist": 4, "vector_nprobe": 4}


def unit(rng: np.random.Generator, n: int, d: int = 32) -> np.ndarray:
    x = rng.standard_normal((n, d)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_kind_follows_size_with_hysteresis():
    p = vec.VectorParams(approx_min=1000)
    assert vec.kind_for(999, p) == "exact" and vec.kind_for(1000, p) == "ivf"
    assert vec.nlist_for(1_000_000, p) == 4096 and vec.nlist_for(10, p) == 64
    rng = np.random.default_rng(0)
    ivf = vec.new_index(32, 1000, p, unit(rng, 200))
    assert vec.kind_of(ivf) == "ivf"
    assert not vec.needs_rebuild(ivf, 700, p)  # shrinking a little keeps the IVF
    assert vec.needs_rebuild(ivf, 400, p)  # under half the threshold: back to exact
    exact = vec.new_index(32, 10, p)
    assert vec.needs_rebuild(exact, 1000, p) and not vec.needs_rebuild(exact, 999, p)
    with pytest.raises(ValueError, match="training sample"):
        vec.new_index(32, 1000, p)


def test_ivf_matches_exact_and_supports_add_remove_and_filters():
    rng = np.random.default_rng(1)
    data, queries = unit(rng, 3000), unit(rng, 20)
    ids = np.arange(10, 3010, dtype=np.int64)
    p = vec.VectorParams(mode="ivf", nlist=16, nprobe=16)  # every list probed: only SQ8 error
    exact, ivf = vec.new_index(32, 3000, vec.VectorParams()), vec.new_index(32, 3000, p, data)
    for index in (exact, ivf):
        index.add_with_ids(data, ids)
    _, want = vec.search(exact, queries, 10, p)
    _, got = vec.search(ivf, queries, 10, p)
    recall = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(want, got, strict=True)])
    assert recall >= 0.9

    ivf.remove_ids(ids[:1500])
    _, got = vec.search(ivf, queries, 10, p)
    assert got.min() >= 1510
    allowed = ids[2000:2050]
    _, got = vec.search(ivf, queries, 5, p, allowed)
    assert set(got.ravel()) <= set(allowed)
    assert vec.memory_bytes(ivf) < vec.memory_bytes(exact)


def test_store_switches_to_ivf_and_keeps_incremental_writes(seed_copy, tmp_path):
    settings = make_settings(seed_copy, **IVF)
    store = Store.from_settings(settings)  # 51 seed passages, over the threshold of 20
    assert store.stats()["vector_index"] == "ivf"
    n = consistent(store)
    exact = Store(seed_copy, settings.embed_model)  # reads the same files: exact, rebuilt
    assert exact.stats()["vector_index"] == "exact"

    q = exact.embeddings([exact.lexical_search("gunshots", 1)[0][0]])[1][0]
    top_exact = [i for i, _ in exact.dense_search(q, 5)]
    top_ivf = [i for i, _ in store.dense_search(q, 5)]
    assert top_ivf[0] == top_exact[0] and len(set(top_ivf) & set(top_exact)) >= 4

    raws, _ = read_paths([write_jsonl(tmp_path / "a.jsonl", NEW_DOC)])
    index_documents(store, raws, settings)
    assert consistent(store) > n and store.stats()["vector_index"] == "ivf"
    new_ids = store.rowids_of_docs(["zz_new_story"])
    bridge = store.embeddings(sorted(new_ids))[1][0]
    assert store.dense_search(bridge, 1)[0][0] in new_ids
    # an outlet filter: scored exactly from SQLite when small, by the IVF otherwise
    for exact_max in (5_000, 0):
        store.vector_params = vec.VectorParams(
            approx_min=20, nlist=4, nprobe=1, filter_exact_max=exact_max
        )
        hits = store.dense_search(bridge, 3, allowed=new_ids)
        assert hits and {i for i, _ in hits} <= new_ids
    store.vector_params = vec.params_from(settings)

    assert delete_document(store, "zz_new_story")
    assert consistent(store) == n
    assert all(i not in new_ids for i, _ in store.dense_search(bridge, 10))
    reopened = Store.from_settings(settings)  # from the files on disk, no rebuild needed
    assert reopened.stats()["vector_index"] == "ivf" and consistent(reopened) == n


def test_store_moves_between_kinds_as_it_grows_and_shrinks(seed_copy, tmp_path):
    settings = make_settings(seed_copy, vector_approx_min=60, vector_nlist=4)
    store = Store.from_settings(settings)
    assert store.stats()["vector_index"] == "exact"  # 51 < 60
    store.vector_params = vec.VectorParams(approx_min=40, nlist=4)
    raws, _ = read_paths([write_jsonl(tmp_path / "a.jsonl", NEW_DOC)])
    index_documents(store, raws, settings)  # a write re-checks the kind: now over 40
    assert store.stats()["vector_index"] == "ivf"
    for doc_id in sorted(store.content_hashes()):
        delete_document(store, doc_id)
        consistent(store)
        if store.passage_count() < 20:
            break
    assert store.stats()["vector_index"] == "exact"
