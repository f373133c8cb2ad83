"""Hybrid retrieval: dense (FAISS) and lexical (BM25) candidates fused by reciprocal rank."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from index.models import StoredPassage
from index.store import Store

Method = Literal["hybrid", "dense", "bm25"]


@dataclass
class Hit:
    stored: StoredPassage
    score: float  # fused score scaled to 0..1 (1 = first in both lists)
    dense: float | None  # cosine similarity, when the passage came up in the dense list
    lexical: float | None  # BM25 score, when it came up in the lexical list


def rrf(
    ranked: list[list[tuple[int, float]]], weights: list[float], k: int
) -> list[tuple[int, float]]:
    """Reciprocal rank fusion of several ranked (id, score) lists, scaled to 0..1."""
    fused: dict[int, float] = {}
    for hits, w in zip(ranked, weights, strict=True):
        for rank, (rowid, _) in enumerate(hits, start=1):
            fused[rowid] = fused.get(rowid, 0.0) + w / (k + rank)
    best = sum(w / (k + 1) for w, hits in zip(weights, ranked, strict=True) if hits) or 1.0
    return sorted(((r, s / best) for r, s in fused.items()), key=lambda x: -x[1])


def retrieve(
    store: Store,
    query_vector: np.ndarray,
    question: str,
    *,
    limit: int,
    candidates: int = 50,
    allowed: set[int] | None = None,
    method: Method = "hybrid",
    rrf_k: int = 60,
    weights: tuple[float, float] = (1.0, 1.0),
) -> list[Hit]:
    """The best `limit` passages for a question, best first."""
    dense = store.dense_search(query_vector, candidates, allowed) if method != "bm25" else []
    lexical = store.lexical_search(question, candidates, allowed) if method != "dense" else []
    if method == "dense":
        fused = rrf([dense], [1.0], rrf_k)
    elif method == "bm25":
        fused = rrf([lexical], [1.0], rrf_k)
    else:
        fused = rrf([dense, lexical], list(weights), rrf_k)
    fused = fused[:limit]
    dense_by = dict(dense)
    lex_by = dict(lexical)
    missing = [r for r, _ in fused if r not in dense_by]
    if missing:
        # cosine for lexical-only hits (and for every hit of a BM25-only ranking), so the
        # relevance cut-off judges evidence on one scale whatever ranked it
        for rowid, cos in store.dense_search(query_vector, len(missing), set(missing)):
            dense_by[rowid] = cos
    stored = {s.rowid: s for s in store.fetch([r for r, _ in fused])}
    return [
        Hit(stored[r], score, dense_by.get(r), lex_by.get(r)) for r, score in fused if r in stored
    ]


def rank_story(
    store: Store,
    query_vector: np.ndarray,
    question: str,
    story: str,
    *,
    method: Method = "hybrid",
    rrf_k: int = 60,
    weights: tuple[float, float] = (1.0, 1.0),
) -> list[tuple[int, float, float, float | None]]:
    """Every passage of one story as (rowid, fused score, cosine, BM25), best first.

    One pass over the story: cosines from its stored embeddings (one matrix product, however
    many outlets), BM25 restricted to its passages; the caller picks each outlet's best."""
    rows, matrix = store.story_matrix(story)
    if not rows:
        return []
    cos = matrix @ np.asarray(query_vector, dtype=np.float32)
    dense = sorted(zip(rows, cos.tolist(), strict=True), key=lambda x: -x[1])
    lexical = store.lexical_search(question, len(rows), set(rows)) if method != "dense" else []
    if method == "dense":
        fused = rrf([dense], [1.0], rrf_k)
    elif method == "bm25":
        fused = rrf([lexical], [1.0], rrf_k)
        seen = {r for r, _ in fused}
        fused += [(r, 0.0) for r, _ in dense if r not in seen]  # unmatched last, by cosine
    else:
        fused = rrf([dense, lexical], list(weights), rrf_k)
    cos_by = dict(dense)
    lex_by = dict(lexical)
    return [(r, s, cos_by[r], lex_by.get(r)) for r, s in fused]


def hits_of(store: Store, ranked: list[tuple[int, float, float, float | None]]) -> list[Hit]:
    """The ranked passages as hits, fetched with their metadata and values, in order."""
    stored = {s.rowid: s for s in store.fetch([r for r, *_ in ranked])}
    return [Hit(stored[r], s, c, lx) for r, s, c, lx in ranked if r in stored]
