"""The embedder: the traced transformer gives sentence-transformers' vectors and is kept for
later processes (index/traced.py), concurrent questions share one forward pass, and a failure
reaches every caller."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from index import embed
from index.embed import Embedder, get_embedder

TEXTS = [
    "Firefighters pulled a kayaker from the reservoir before dawn.",
    "Who closed the bridge?",
    "The school board voted four to three to delay the vote on the new calendar, "
    "after parents filled the hall on Thursday evening and spoke for two hours.",
    "Rain.",
    "How many homes lost power when the storm reached the coast on Sunday night?",
]


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return get_embedder()


def test_traced_transformer_gives_the_library_vectors(embedder):
    assert embedder._forward is not None, "the default model should run traced"
    expected = embedder._encode_library(TEXTS, 32)
    together = embedder.encode(TEXTS, batch_size=2)  # sorted by length, padded, re-ordered
    alone = np.vstack([embedder.encode([t]) for t in TEXTS])
    one = np.vstack([embedder.encode_one(t) for t in TEXTS])
    for got in (together, alone, one):
        assert got.shape == (len(TEXTS), embedder.dim) and got.dtype == np.float32
        assert np.abs(got - expected).max() < 1e-4
    assert np.allclose(np.linalg.norm(together, axis=1), 1, atol=1e-5)
    assert embedder.encode([]).shape == (0, embedder.dim)


def test_a_model_that_does_not_match_its_trace_uses_the_library(monkeypatch, caplog):
    monkeypatch.setattr(embed, "TRACE_TOLERANCE", -1.0)  # no trace can pass this check
    fallback = Embedder(embed.DEFAULT_EMBED_MODEL)
    assert fallback._forward is None
    assert "traced differs" in caplog.text
    expected = get_embedder()._encode_library(TEXTS[:2], 32)
    assert np.abs(fallback.encode(TEXTS[:2]) - expected).max() < 1e-6


def _hold_the_model(embedder: Embedder, monkeypatch, fail: bool = False):
    """Make the first forward pass wait until released, and record every batch."""
    batches: list[list[str]] = []
    entered, release = threading.Event(), threading.Event()
    real = embedder._encode_locked

    def forward(texts: list[str], batch_size: int) -> np.ndarray:
        batches.append(list(texts))
        if len(batches) == 1:
            entered.set()
            release.wait(10)
        if fail:
            raise RuntimeError("model broke")
        return real(texts, batch_size)

    monkeypatch.setattr(embedder, "_encode_locked", forward)
    return batches, entered, release


def _ask_together(embedder: Embedder, texts: list[str], entered, release) -> list:
    results: list = [None] * len(texts)

    def ask(i: int) -> None:
        try:
            results[i] = embedder.encode_one(texts[i])
        except RuntimeError as exc:
            results[i] = exc

    first = threading.Thread(target=ask, args=(0,))
    first.start()
    assert entered.wait(10)  # the first question holds the model
    rest = [threading.Thread(target=ask, args=(i,)) for i in range(1, len(texts))]
    for t in rest:
        t.start()
    deadline = time.monotonic() + 10
    while len(embedder._pending) < len(rest) and time.monotonic() < deadline:
        time.sleep(0.005)
    release.set()
    for t in [first, *rest]:
        t.join(10)
        assert not t.is_alive(), "a caller hung"
    return results


def test_questions_asked_together_share_one_forward_pass(embedder, monkeypatch):
    batches, entered, release = _hold_the_model(embedder, monkeypatch)
    results = _ask_together(embedder, TEXTS, entered, release)
    assert batches == [TEXTS[:1], TEXTS[1:]]  # the four waiting went in as one batch
    expected = embedder._encode_library(TEXTS, 32)
    for i, vector in enumerate(results):
        assert np.abs(vector - expected[i]).max() < 1e-4, f"caller {i} got another's vector"


def test_a_query_is_embedded_once_and_its_vector_shared_read_only(embedder, monkeypatch):
    embedder.forget_queries()
    batches: list[list[str]] = []
    real = embedder._encode_locked

    def forward(texts: list[str], batch_size: int) -> np.ndarray:
        batches.append(list(texts))
        return real(texts, batch_size)

    monkeypatch.setattr(embedder, "_encode_locked", forward)
    first = embedder.encode_query(TEXTS[1])
    again = embedder.encode_query(TEXTS[1])
    assert batches == [TEXTS[1:2]] and again is first
    assert np.abs(first - embedder._encode_library(TEXTS[1:2], 32)[0]).max() < 1e-4
    with pytest.raises(ValueError):
        first[0] = 0.0  # a caller changing it would change every later answer
    embedder.forget_queries()
    embedder.encode_query(TEXTS[1])
    assert batches == [TEXTS[1:2], TEXTS[1:2]]


def test_a_failed_forward_pass_reaches_every_caller_in_it(embedder, monkeypatch):
    _, entered, release = _hold_the_model(embedder, monkeypatch, fail=True)
    results = _ask_together(embedder, TEXTS[:4], entered, release)
    assert all(isinstance(r, RuntimeError) for r in results)
    assert not embedder._pending


def test_the_traced_model_is_kept_and_later_loaded_without_the_library(tmp_path, embedder):
    first = Embedder(embed.DEFAULT_EMBED_MODEL, cache=tmp_path)
    assert not first.from_cache and len(list(tmp_path.glob("*.pt"))) == 1
    again = Embedder(embed.DEFAULT_EMBED_MODEL, cache=tmp_path, queries=0)
    assert again.from_cache and again.dim == first.dim
    once, twice = again.encode_query(TEXTS[0]), again.encode_query(TEXTS[0])
    assert once is not twice and np.array_equal(once, twice)  # 0: no question is kept
    assert np.abs(again.encode(TEXTS) - embedder._encode_library(TEXTS, 32)).max() < 1e-4
    code = (
        "import sys; from pathlib import Path; from index.embed import Embedder, "
        f"DEFAULT_EMBED_MODEL as M; e = Embedder(M, cache=Path({str(tmp_path)!r})); "
        "e.encode_one('Who left?'); print(e.from_cache, 'sentence_transformers' in sys.modules)"
    )
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    )
    assert out.stdout.split() == ["True", "False"]


def test_a_damaged_or_foreign_kept_model_is_not_used(tmp_path, embedder):
    Embedder(embed.DEFAULT_EMBED_MODEL, cache=tmp_path)
    (kept,) = tmp_path.glob("*.pt")
    kept.write_bytes(b"not a model")
    damaged = Embedder(embed.DEFAULT_EMBED_MODEL, cache=tmp_path)
    assert not damaged.from_cache  # traced again from the library, and kept anew
    assert np.abs(damaged.encode(TEXTS[:2]) - embedder.encode(TEXTS[:2])).max() < 1e-4
    (meta,) = tmp_path.glob("*.json")
    record = json.loads(meta.read_text())
    record["vectors"][0] = [-x for x in record["vectors"][0]]  # another model's vectors
    meta.write_text(json.dumps(record))
    assert not Embedder(embed.DEFAULT_EMBED_MODEL, cache=tmp_path).from_cache
