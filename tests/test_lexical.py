"""The top-k of a large score array equals a full sort's (ties by rowid), sampled or not."""

from __future__ import annotations

import numpy as np
import pytest

from index.lexical import LexicalIndex, query_tokens, top


@pytest.mark.parametrize("n", [10, 5_000, 300_000])
@pytest.mark.parametrize("k", [1, 50, 400])
def test_top_equals_a_full_sort(n, k):
    rng = np.random.default_rng(n + k)
    rowids = np.arange(100, 100 + n, dtype=np.int64)
    scores = np.round(rng.random(n), 3).astype(np.float32)  # many ties
    scores[rng.random(n) < 0.3] = 0.0
    scores[rng.random(n) < 0.01] = -np.inf  # deleted rows
    for positive in (True, False):
        keep = scores > 0 if positive else np.isfinite(scores)
        order = sorted(np.flatnonzero(keep), key=lambda i: (-scores[i], rowids[i]))[:k]
        want = [(int(rowids[i]), float(scores[i])) for i in order]
        assert top(rowids, scores, k, positive) == want


def test_scores_of_a_few_rows_are_those_of_every_row():
    """Scoring chosen rows by binary search in the postings gives each row's full score."""
    rng = np.random.default_rng(7)
    words = ["bridge", "harbor", "storm", "tunnel", "ferry", "crack", "mayor", "flood"]
    texts = [" ".join(rng.choice(words, 6)) for _ in range(2_000)]
    rowids = sorted(rng.choice(10_000, len(texts), replace=False).tolist())
    lex = LexicalIndex.build(rowids, texts)
    at = np.sort(rng.choice(len(texts), 40, replace=False))
    for q in ["bridge crack", "storm flood harbor", "ferry"]:
        tokens = query_tokens(q)
        full = lex.scores(tokens)
        assert full is not None
        assert np.allclose(lex.scores(tokens, at), full[at], atol=1e-6)
    assert lex.scores(query_tokens("volcano"), at) is None
