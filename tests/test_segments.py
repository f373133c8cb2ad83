"""The search view in parts: base, recent passages and deletions give the answers one index
over the live passages would, and merging changes nothing a reader sees."""

from __future__ import annotations

import numpy as np
import pytest

from index import segments
from index import vectors as vec
from index.lexical import LexicalIndex, Recent, query_tokens
from index.segments import NO_IDS, Base, Segments

TEXTS = [
    "The bridge over the harbor was closed after inspectors found cracks.",
    "Engineers said the repairs to the bridge would take three weeks.",
    "A storm flooded the harbor district on Monday night.",
    "The mayor said the tunnel would reopen on Friday.",
    "Inspectors found no cracks in the tunnel.",
    "Three ferries were added while the bridge stays closed.",
]
DIM = 8
PARAMS = vec.VectorParams()


def vectors(n: int, seed: int = 0) -> np.ndarray:
    m = np.random.default_rng(seed).normal(size=(n, DIM)).astype(np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def view(base_ids: list[int], recent_ids: list[int], vecs: np.ndarray) -> Segments:
    """Base over `base_ids`, the rest written after it (rowid i is TEXTS[i - 1])."""
    index = vec.new_index(DIM, len(base_ids), PARAMS)
    if base_ids:
        index.add_with_ids(vecs[[i - 1 for i in base_ids]], np.asarray(base_ids, dtype=np.int64))
    lex = LexicalIndex.build(base_ids, [TEXTS[i - 1] for i in base_ids])
    base = Base(1, max(base_ids, default=0), index, lex)
    empty = Segments(base, 1, base.max_rowid, np.zeros((0, DIM), np.float32), Recent(), NO_IDS)
    return empty.changed(
        2, recent_ids, vecs[[i - 1 for i in recent_ids]], [TEXTS[i - 1] for i in recent_ids], []
    )


def test_recent_passages_score_as_bm25s_scores_them():
    """With no base, the recent part's BM25 is bm25s's own (Lucene variant) to 1e-5."""
    ids = list(range(1, len(TEXTS) + 1))
    whole = LexicalIndex.build(ids, TEXTS)
    recent = Recent().extended(ids, TEXTS)
    empty = LexicalIndex.build([], [])
    for q in ["bridge cracks", "harbor storm Monday", "three weeks"]:
        tokens = query_tokens(q)
        assert np.allclose(recent.scores(tokens, empty), whole.scores(tokens), atol=1e-5)


@pytest.mark.parametrize("split", [0, 3, 6])
def test_a_view_in_parts_ranks_as_one_index(split):
    """Dense search gives the same ranking however the passages are split between base and
    recent; lexical search finds the same passages."""
    vecs = vectors(len(TEXTS))
    ids = list(range(1, len(TEXTS) + 1))
    parts = view(ids[:split], ids[split:], vecs)
    whole = view(ids, [], vecs)
    q = vectors(1, seed=5)[0]
    assert [r for r, _ in parts.dense_search(q, 4, PARAMS, None)] == [
        r for r, _ in whole.dense_search(q, 4, PARAMS, None)
    ]
    found = {r for r, _ in parts.lexical_search("bridge", 10, None)}
    assert found == {1, 2, 6}


def test_deleted_and_filtered_rows_are_never_returned():
    vecs = vectors(len(TEXTS))
    v = view([1, 2, 3], [4, 5, 6], vecs)
    v = v.changed(3, [], None, [], [2, 6])  # one from the base, one recent
    everything = {r for r, _ in v.dense_search(vecs[1], 10, PARAMS, None)}
    assert everything == {1, 3, 4, 5}
    assert {r for r, _ in v.lexical_search("bridge", 10, None)} == {1}
    allowed = np.asarray([2, 3, 5], dtype=np.int64)
    assert {r for r, _ in v.dense_search(vecs[2], 10, PARAMS, allowed)} == {3, 5}
    assert v.live_rowids().tolist() == [1, 3, 4, 5]
    assert v.pending == 3 + 2


def test_rebasing_on_a_merged_base_keeps_what_came_after_it():
    vecs = vectors(len(TEXTS))
    v = view([1, 2], [3, 4, 5, 6], vecs).changed(3, [], None, [], [1, 5])
    # a merge that saw rows up to 4 (and the deletion of 1), while 5 and 6 came later
    merged_ids = [2, 3, 4]
    index = vec.new_index(DIM, 3, PARAMS)
    index.add_with_ids(vecs[[i - 1 for i in merged_ids]], np.asarray(merged_ids, np.int64))
    base = Base(3, 4, index, LexicalIndex.build(merged_ids, [TEXTS[i - 1] for i in merged_ids]))
    rebased = v.rebased(base)
    assert rebased.recent.rowids.tolist() == [5, 6]
    assert rebased.dead.tolist() == [5]  # 1 is out of the new base already
    assert rebased.live_rowids().tolist() == v.live_rowids().tolist() == [2, 3, 4, 6]
    after, before = (x.dense_search(vecs[5], 3, PARAMS, None) for x in (rebased, v))
    assert [r for r, _ in after] == [r for r, _ in before]
    assert [s for _, s in after] == pytest.approx([s for _, s in before], abs=1e-5)
    assert {r for r, _ in rebased.lexical_search("bridge", 10, None)} == {2, 6}


def test_a_small_filter_ranks_as_scoring_every_row(monkeypatch):
    """A filter much smaller than the base is scored row by row; the ranking, deletions
    included, is the one scoring every row gives."""
    vecs = vectors(len(TEXTS))
    v = view([1, 2, 3, 4, 5, 6], [], vecs).changed(2, [], None, [], [2])
    allowed = np.asarray([1, 2, 5, 6], dtype=np.int64)
    monkeypatch.setattr(segments, "FEW", 10)  # 4 * 10 >= 6 rows: every row scored
    every = v.lexical_search("bridge cracks closed", 10, allowed)
    monkeypatch.setattr(segments, "FEW", 1)  # 4 * 1 < 6: row by row
    few = v.lexical_search("bridge cracks closed", 10, allowed)
    assert few == every and [r for r, _ in few] == [1, 6, 5][: len(few)]
    assert 2 not in {r for r, _ in few}
