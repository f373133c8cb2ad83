"""An embedding model's traced transformer, saved once and loaded without sentence-transformers.

Importing sentence-transformers (with transformers and scikit-learn behind it) took 3.8 s of a
server's ~10 s start at 1M passages, and as much again in its write process and in every CLI
call. A model of the common shape (a transformer, mean pooling, unit length) runs from its
traced graph and its `tokenizer.json` alone: torch and `tokenizers`. The saved copy records
the library's vectors for a few probe texts; a copy that no longer gives them (another
torch, a changed model) is not used.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import uuid
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch

log = logging.getLogger("crosscheck.embed")

CACHE_VERSION = 1
INPUTS = ("input_ids", "attention_mask", "token_type_ids")  # what the traced graph takes


@dataclass
class TracedModel:
    """texts -> unit vectors: tokenizer, traced transformer, mean pooling, normalisation."""

    graph: Any  # torch.jit.ScriptModule
    tokenizer: Any  # tokenizers.Tokenizer
    dim: int

    def __call__(self, texts: list[str]) -> torch.Tensor:
        encoded = self.tokenizer.encode_batch([t.strip() for t in texts])
        ids = torch.tensor([e.ids for e in encoded], dtype=torch.long)
        mask = torch.tensor([e.attention_mask for e in encoded], dtype=torch.long)
        types = torch.tensor([e.type_ids for e in encoded], dtype=torch.long)
        with torch.inference_mode():
            out = self.graph(input_ids=ids, attention_mask=mask, token_type_ids=types)
            hidden = out["last_hidden_state"] if isinstance(out, dict) else out[0]
            weights = mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, dim=-1)


def runs_alone(modules: list[Any]) -> bool:
    """A sentence-transformers model of the shape `TracedModel` runs: a transformer (that
    does not lower-case itself), mean pooling and (or not) normalisation."""
    pooling = [m.get_config_dict().get("pooling_mode") for m in modules[1:2]]
    rest = [type(m).__name__ for m in modules[2:]]
    lowers = bool(modules) and getattr(modules[0], "do_lower_case", False)
    return pooling == ["mean"] and rest in ([], ["Normalize"]) and not lowers


def probe_diff(
    forward: Callable[[list[str]], torch.Tensor], probes: list[str], expected: np.ndarray
) -> float:
    """How far `forward` is from the library's vectors of the probes, each alone and all in
    one padded batch."""
    got = np.vstack([forward([t]).numpy() for t in probes] + [forward(probes).numpy()])
    return float(np.abs(got - np.vstack([expected, expected])).max())


def _tokenizer(folder: Path, max_length: int) -> Any:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tok.enable_truncation(max_length=max_length)
    pad = tok.token_to_id("[PAD]")
    tok.enable_padding(pad_id=0 if pad is None else pad, pad_token="[PAD]")
    return tok


def cache_key(folder: Path) -> str | None:
    """One name per model folder, its files' sizes and times, and torch's version."""
    files = [folder / "tokenizer.json", *sorted(folder.glob("*.safetensors"))]
    files += sorted(folder.glob("*.bin"))
    if not (folder / "tokenizer.json").is_file():
        return None
    parts = [str(folder.resolve()), torch.__version__, str(CACHE_VERSION)]
    for f in files:
        st = f.stat()
        parts.append(f"{f.name}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]


def save(
    cache: Path, folder: Path, graph: Any, max_length: int, probes: list[str], vectors: np.ndarray
) -> None:
    """Keep a verified graph for the next process (a folder that cannot take it: nothing)."""
    key = cache_key(folder)
    if key is None:
        return
    meta = {"max_length": max_length, "dim": int(vectors.shape[1]), "probes": probes,
            "vectors": vectors.tolist()}  # fmt: skip
    tmp = cache / f".{key}.{os.getpid()}.{uuid.uuid4().hex[:8]}"  # private until renamed
    try:
        cache.mkdir(parents=True, exist_ok=True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # TorchScript deprecation notes
            torch.jit.save(graph, str(tmp.with_suffix(".pt")))
        tmp.with_suffix(".json").write_text(json.dumps(meta))
        os.replace(tmp.with_suffix(".pt"), cache / f"{key}.pt")
        os.replace(tmp.with_suffix(".json"), cache / f"{key}.json")  # written last: the mark
    except OSError as exc:
        log.info("cannot keep the traced model in %s: %s", cache, exc)
        for suffix in (".pt", ".json"):
            with contextlib.suppress(OSError):
                tmp.with_suffix(suffix).unlink(missing_ok=True)


def load(cache: Path, folder: Path, tolerance: float) -> TracedModel | None:
    """The saved model, if there is one that still gives the library's probe vectors."""
    key = cache_key(folder)
    if key is None or not (cache / f"{key}.json").is_file():
        return None
    try:
        meta = json.loads((cache / f"{key}.json").read_text())
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # TorchScript deprecation notes
            graph = torch.jit.load(str(cache / f"{key}.pt"), map_location="cpu")
        model = TracedModel(graph.eval(), _tokenizer(folder, int(meta["max_length"])), meta["dim"])
        expected = np.asarray(meta["vectors"], dtype=np.float32)
        diff = probe_diff(model, meta["probes"], expected)
    except Exception as exc:  # noqa: BLE001 - a damaged copy is only not used
        log.info("traced model in %s not usable: %s", cache, exc)
        return None
    if diff > tolerance:
        log.info("traced model in %s differs by %g; tracing again", cache, diff)
        return None
    return model
