"""The FAISS vector index over passage rowids: exact while small, approximate when large.

Below `vector_approx_min` passages the index is exact (`IndexIDMap2` over `IndexFlatIP`).
From there on it is an inverted file with 8-bit scalar quantisation (`IndexIVFScalarQuantizer`,
inner product): a quarter of the memory of float32 and a fraction of the vectors scanned per
query. IVF lists store their ids, so incremental add and remove work on both kinds without
tombstones; both take an id selector for outlet filters. The store rebuilds the index (from
SQLite, without re-embedding) when `needs_rebuild` says its kind or list count no longer fits.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal

import faiss
import numpy as np

from index.config import Settings

Kind = Literal["exact", "ivf"]


@dataclass(frozen=True)
class VectorParams:
    """The settings that shape the vector index (from `Settings`, see `params_from`)."""

    mode: Literal["auto", "exact", "ivf"] = "auto"
    approx_min: int = 100_000
    nlist: int = 0  # 0: about 4·√n, a power of two
    nprobe: int = 64
    train_per_list: int = 30
    filter_exact_max: int = 5_000


def params_from(settings: Settings) -> VectorParams:
    return VectorParams(
        mode=settings.vector_index,
        approx_min=settings.vector_approx_min,
        nlist=settings.vector_nlist,
        nprobe=settings.vector_nprobe,
        train_per_list=settings.vector_train_per_list,
        filter_exact_max=settings.vector_filter_exact_max,
    )


def kind_for(n: int, p: VectorParams) -> Kind:
    if p.mode != "auto":
        return p.mode
    return "ivf" if n >= p.approx_min else "exact"


def nlist_for(n: int, p: VectorParams) -> int:
    if p.nlist:
        return p.nlist
    return int(min(65_536, max(64, 2 ** round(math.log2(4 * math.sqrt(max(n, 1)))))))


def kind_of(index: faiss.Index) -> Kind:
    return "ivf" if isinstance(index, faiss.IndexIVF) else "exact"


def needs_rebuild(index: faiss.Index, n: int, p: VectorParams) -> bool:
    """The index's kind no longer fits its size, or an IVF has a quarter of the lists it
    should (the corpus grew about 16-fold since it was trained)."""
    want = kind_for(n, p)
    if kind_of(index) != want:
        # hysteresis: an IVF shrinking just under the threshold stays until half of it
        return not (want == "exact" and p.mode == "auto" and n >= p.approx_min // 2)
    return want == "ivf" and nlist_for(n, p) >= 4 * faiss.extract_index_ivf(index).nlist


def new_index(dim: int, n: int, p: VectorParams, sample: np.ndarray | None = None) -> faiss.Index:
    """An empty index for about `n` vectors; an IVF is trained on `sample` first."""
    if kind_for(n, p) == "exact":
        return faiss.IndexIDMap2(faiss.IndexFlatIP(dim))
    if sample is None or len(sample) == 0:
        raise ValueError("an approximate index needs a training sample")
    nlist = min(nlist_for(n, p), len(sample))
    index = faiss.IndexIVFScalarQuantizer(
        faiss.IndexFlatIP(dim),
        dim,
        nlist,
        faiss.ScalarQuantizer.QT_8bit,
        faiss.METRIC_INNER_PRODUCT,
    )
    index.cp.niter = 10  # k-means iterations: 10 of faiss's default 25 lose no recall here
    index.cp.min_points_per_centroid = 1
    index.train(np.ascontiguousarray(sample, dtype=np.float32))
    index.nprobe = p.nprobe
    return index


def train_size(n: int, p: VectorParams) -> int:
    """How many vectors to sample for training an index of `n` (0 for exact)."""
    return 0 if kind_for(n, p) == "exact" else min(n, p.train_per_list * nlist_for(n, p))


def _selector(allowed: np.ndarray | None, excluded: np.ndarray | None) -> list[Any]:
    """[selector, what it refers to] (FAISS keeps no reference of its own); [] for none."""
    if excluded is not None and not len(excluded):
        excluded = None
    if allowed is not None:
        ids = allowed if excluded is None else np.setdiff1d(allowed, excluded)
        return [faiss.IDSelectorBatch(ids.astype(np.int64))]
    if excluded is None:
        return []
    inner = faiss.IDSelectorBatch(excluded.astype(np.int64))
    return [faiss.IDSelectorNot(inner), inner]


def search(
    index: faiss.Index,
    queries: np.ndarray,
    k: int,
    p: VectorParams,
    allowed: np.ndarray | None = None,
    excluded: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """(scores, ids) of the best `k` per query; ids are -1 where fewer were found.

    With `allowed` (sorted or not), only those ids are returned, never an `excluded` one
    (deleted since the index was built); an IVF probes more lists in proportion to how
    small a share of the index the allowed ids are.
    """
    queries = np.ascontiguousarray(queries.reshape(-1, index.d), dtype=np.float32)
    k = min(k, max(index.ntotal, 1))
    held = _selector(allowed, excluded)
    sel = held[0] if held else None
    if kind_of(index) == "ivf":
        nprobe = p.nprobe
        if allowed is not None and index.ntotal:
            nprobe = math.ceil(nprobe * index.ntotal / max(len(allowed), 1))
        ivf = faiss.extract_index_ivf(index)
        params: Any = faiss.SearchParametersIVF(sel=sel, nprobe=min(ivf.nlist, nprobe))  # type: ignore[call-arg]
    else:
        params = faiss.SearchParameters(sel=sel) if sel is not None else None  # type: ignore[call-arg]
    return index.search(queries, k, params=params)


def describe(index: faiss.Index) -> str:
    """A short name for the index's kind and shape ("exact", "IVF4096-SQ8")."""
    if kind_of(index) == "ivf":
        return f"IVF{faiss.extract_index_ivf(index).nlist}-SQ8"
    return "exact"


FAISS_VERSION = faiss.__version__


def memory_bytes(index: faiss.Index) -> int:
    """Bytes the index holds: codes and ids (and an IVF's centroids)."""
    if kind_of(index) == "ivf":
        ivf = faiss.extract_index_ivf(index)
        return int(ivf.ntotal * (ivf.code_size + 8) + ivf.nlist * ivf.d * 4)
    return int(index.ntotal * (index.d * 4 + 8))
