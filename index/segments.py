"""What readers search at one generation: a base (FAISS and BM25 as of the last merge), the
passages written since (exact vectors, in-memory postings) and the rowids deleted since.

A write derives the next view from the last one at the cost of what it changed; readers
keep the view they started with, so none sees half a write. A merge folds the recent and
deleted passages into a new base (`index/snapshot.py` keeps bases on disk). The design is
Lucene's and Milvus's: an immutable large segment, a small growing one, deletion marks.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Protocol

import faiss
import numpy as np

from index import vectors as vec
from index.lexical import LexicalIndex, Recent, query_tokens, top

NO_IDS = np.zeros(0, dtype=np.int64)
# a filter this many times smaller than the base is scored row by row (binary search in the
# postings) instead of scoring every row and picking: 500 rows of 1M in 0.13 ms, not 3.9
FEW = 64


class SearchView(Protocol):
    """What the store searches at one generation, whichever backend holds it (Segments
    here, MilvusView in index/milvus.py)."""

    @property
    def generation(self) -> int: ...

    def changed(
        self,
        generation: int,
        added: list[int],
        vectors: np.ndarray | None,
        texts: list[str],
        removed: list[int],
    ) -> SearchView:
        """The next view: `added` rowids (ascending, above every seen one) with their
        vectors and texts, `removed` rowids gone."""
        ...

    def dense_search(
        self, query: np.ndarray, k: int, params: vec.VectorParams, allowed: np.ndarray | None
    ) -> list[tuple[int, float]]: ...

    def lexical_search(
        self, query: str, k: int, allowed: np.ndarray | None
    ) -> list[tuple[int, float]]: ...


@dataclass(frozen=True)
class Base:
    """The merged part: immutable once published."""

    generation: int
    max_rowid: int  # every passage up to this rowid was considered (deleted ones are out)
    vectors: faiss.Index | None
    lexical: LexicalIndex  # its rowids are the base's members, ascending

    @property
    def members(self) -> np.ndarray:
        return self.lexical.rowids


def present(sorted_ids: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Which of `ids` are in `sorted_ids` (a boolean per id; searchsorted, no hashing)."""
    if not len(sorted_ids) or not len(ids):
        return np.zeros(len(ids), dtype=bool)
    pos = np.minimum(np.searchsorted(sorted_ids, ids), len(sorted_ids) - 1)
    return sorted_ids[pos] == ids


def _positions(sorted_ids: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Positions in `sorted_ids` of those `ids` it holds (O(len(ids) log n))."""
    if not len(sorted_ids) or not len(ids):
        return NO_IDS
    pos = np.minimum(np.searchsorted(sorted_ids, ids), len(sorted_ids) - 1)
    return pos[sorted_ids[pos] == ids]


def ranked(
    rowids: np.ndarray,
    scores: np.ndarray | None,
    k: int,
    allowed: np.ndarray | None,
    dead: np.ndarray,
    positive: bool = True,
) -> list[tuple[int, float]]:
    """The best `k` of rows (ascending rowids) that are allowed and not deleted. Costs
    the size of `allowed` and `dead`, not of the rows, beyond one copy of the scores."""
    if scores is None:
        return []
    if allowed is not None:
        pos = _positions(rowids, allowed)
        rowids, scores = rowids[pos], scores[pos]
        alive = ~present(dead, rowids)
        return top(rowids[alive], scores[alive], k, positive)
    if len(dead):
        scores = scores.astype(np.float32, copy=True)
        scores[_positions(rowids, dead)] = -np.inf
    return top(rowids, scores, k, positive)


@dataclass(frozen=True)
class Segments:
    base: Base
    generation: int  # the SQLite generation this view shows
    seen_rowid: int  # the highest passage rowid this view has considered
    recent_vectors: np.ndarray  # one row per recent.rowids
    recent: Recent = field(default_factory=Recent)
    dead: np.ndarray = field(default_factory=lambda: NO_IDS)  # sorted, since the base

    @property
    def pending(self) -> int:
        """Passages written or deleted since the base: what a merge would fold in."""
        return len(self.recent) + len(self.dead)

    @property
    def live_count(self) -> int:
        in_base = int(present(self.base.members, self.dead).sum())
        in_recent = int(present(self.recent.rowids, self.dead).sum())
        return len(self.base.members) - in_base + len(self.recent) - in_recent

    def live_rowids(self) -> np.ndarray:
        """Every rowid this view can return (sorted)."""
        return np.setdiff1d(np.union1d(self.base.members, self.recent.rowids), self.dead)

    def changed(
        self,
        generation: int,
        added: list[int],
        vectors: np.ndarray | None,
        texts: list[str],
        removed: list[int],
    ) -> Segments:
        """The next view: `added` rowids (ascending, above every seen one) with their
        vectors and texts; `removed` rowids marked deleted."""
        recent_vectors = self.recent_vectors
        if added and vectors is not None:
            recent_vectors = np.concatenate(
                [recent_vectors.reshape(-1, vectors.shape[1]), vectors.astype(np.float32)]
            )
        dead = self.dead
        if removed:
            dead = np.union1d(dead, np.asarray(removed, dtype=np.int64))
        return replace(
            self,
            generation=generation,
            seen_rowid=max([self.seen_rowid, *added]),
            recent_vectors=recent_vectors,
            recent=self.recent.extended(added, texts),
            dead=dead,
        )

    def rebased(self, base: Base) -> Segments:
        """This view on a newer base that folded in everything up to `base.max_rowid`."""
        cut = int(np.searchsorted(self.recent.rowids, base.max_rowid, side="right"))
        dead = self.dead
        if len(dead):
            dead = dead[present(base.members, dead) | (dead > base.max_rowid)]
        return replace(
            self,
            base=base,
            recent_vectors=self.recent_vectors[cut:],
            recent=self.recent.after(cut),
            dead=dead,
        )

    # -- search ------------------------------------------------------------------------
    def dense_search(
        self, query: np.ndarray, k: int, params: vec.VectorParams, allowed: np.ndarray | None
    ) -> list[tuple[int, float]]:
        """(rowid, cosine) best first, over base and recent; `allowed` sorted when given."""
        found: list[tuple[int, float]] = []
        index = self.base.vectors
        if index is not None and index.ntotal:
            scores, ids = vec.search(index, query, k, params, allowed, self.dead)
            found += [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]
        if len(self.recent):
            cos = self.recent_vectors @ query.reshape(-1)
            found += ranked(self.recent.rowids, cos, k, allowed, self.dead, positive=False)
        found.sort(key=lambda x: (-x[1], x[0]))
        return found[:k]

    def lexical_search(
        self, query: str, k: int, allowed: np.ndarray | None
    ) -> list[tuple[int, float]]:
        """(rowid, BM25) with a positive score, best first; `allowed` sorted when given."""
        tokens = query_tokens(query)
        if not tokens or k <= 0:
            return []
        lex = self.base.lexical
        if allowed is not None and len(allowed) * FEW < len(lex.rowids):
            pos = _positions(lex.rowids, allowed)  # score only those rows
            found = ranked(lex.rowids[pos], lex.scores(tokens, pos), k, None, self.dead)
        else:
            found = ranked(lex.rowids, lex.scores(tokens), k, allowed, self.dead)
        rec = self.recent
        found += ranked(rec.rowids, rec.scores(tokens, lex), k, allowed, self.dead)
        found.sort(key=lambda x: (-x[1], x[0]))
        return found[:k]
