"""Lexical search: BM25 (bm25s) over stemmed passage tokens, saved on disk beside FAISS."""

from __future__ import annotations

import json
from pathlib import Path

import bm25s
import numpy as np

from index.words import TOKEN_PATTERN, expand, normalize, stemmer

# bumped whenever `tokenize` changes: an index saved with other tokens is rebuilt on load
TOKENS_VERSION = 2


def tokenize(texts: list[str]) -> list[list[str]]:
    """Lower-cased, stop-worded, stemmed tokens (the same for passages and questions)."""
    return bm25s.tokenize(
        [normalize(t) for t in texts],
        token_pattern=TOKEN_PATTERN,
        stopwords="en",
        stemmer=stemmer(),
        return_ids=False,
        show_progress=False,
    )


class LexicalIndex:
    """A BM25 index whose rows are passage rowids."""

    def __init__(self, retriever: bm25s.BM25 | None, rowids: np.ndarray) -> None:
        self.retriever = retriever
        self.rowids = rowids

    @classmethod
    def build(cls, rowids: list[int], texts: list[str]) -> LexicalIndex:
        if not texts:
            return cls(None, np.zeros(0, dtype=np.int64))
        retriever = bm25s.BM25()
        retriever.index(tokenize(texts), show_progress=False)
        return cls(retriever, np.asarray(rowids, dtype=np.int64))

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        np.save(folder / "rowids.npy", self.rowids)
        state = {"empty": self.retriever is None, "tokens": TOKENS_VERSION}
        (folder / "state.json").write_text(json.dumps(state))
        if self.retriever is not None:
            self.retriever.save(str(folder), show_progress=False)

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex | None:
        """The saved index, or None when it was saved with other tokens (rebuild it)."""
        state = json.loads((folder / "state.json").read_text())
        if state.get("tokens", 1) != TOKENS_VERSION:
            return None
        rowids = np.load(folder / "rowids.npy")
        if state["empty"]:
            return cls(None, rowids)
        return cls(bm25s.BM25.load(str(folder), show_progress=False), rowids)

    def search(
        self, query: str, k: int, allowed: set[int] | None = None
    ) -> list[tuple[int, float]]:
        """(rowid, score) pairs with a positive score, best first."""
        if self.retriever is None or k <= 0:
            return []
        tokens = tokenize([expand(query)])
        vocab = self.retriever.vocab_dict
        tokens = [[t for t in tokens[0] if t in vocab]]
        if not tokens[0]:
            return []
        mask = None
        if allowed is not None:
            mask = np.isin(self.rowids, np.fromiter(allowed, dtype=np.int64)).astype(np.float32)
            if not mask.any():
                return []
        k = min(k, len(self.rowids))
        docs, scores = self.retriever.retrieve(
            tokens, k=k, show_progress=False, weight_mask=mask, n_threads=1
        )
        return [
            (int(self.rowids[d]), float(s))
            for d, s in zip(docs[0], scores[0], strict=True)
            if s > 0
        ]
