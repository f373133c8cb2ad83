"""The top-k of a large score array equals a full sort's (ties by rowid), sampled or not."""

from __future__ import annotations

import numpy as np
import pytest

from index.lexical import top


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
