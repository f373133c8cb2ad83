"""Search in Milvus (`CROSSCHECK_BACKEND=milvus`): dense vectors and BM25 in one collection.

SQLite stays the truth (documents, passages, values, embeddings); Milvus holds each live
passage's vector and its stemmed tokens, from which its built-in BM25 function makes a
sparse vector. Tokens are crosscheck's own (`index/lexical.py`), and BM25 runs with the
same k1 and b as bm25s, so both backends rank alike; Milvus reports BM25 as a negative
distance scaled by k1 + 1, turned back here into bm25s's score.

Each write is applied to Milvus after its SQLite commit, and SQLite's meta table records
the generation and highest rowid Milvus has taken. A process that stopped between the two
leaves Milvus behind; the next open applies what it missed (passages above that rowid,
tombstones since that generation), as the local backend does for its base.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from index.derived import generation, reading, tail, tombstones
from index.lexical import K1, B, query_tokens, tokenize
from index.vectors import VectorParams

log = logging.getLogger(__name__)

BATCH = 2_000
MAX_TOKENS_CHARS = 60_000  # the VARCHAR field's limit is 65,535 bytes


def client_for(uri: str) -> Any:
    """A MilvusClient (pymilvus) for a server URI or a local milvus-lite file."""
    try:
        from pymilvus import MilvusClient  # type: ignore[import-untyped]
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError(
            "CROSSCHECK_BACKEND=milvus needs pymilvus: pip install 'crosscheck[milvus]'"
        ) from exc
    if "://" not in uri:
        # milvus-lite's embedded server logs one 'Method not implemented' per client (a
        # timestamp call pymilvus makes, then does without): not an error here
        logging.getLogger("grpc._server").setLevel(logging.CRITICAL)
    try:
        return MilvusClient(uri)
    except Exception as exc:
        from index.faults import StoreError

        lite = "" if "://" in uri else (
            " (milvus-lite opens a file in one process only: for several, run `milvus-lite "
            "server --data-dir …` and set CROSSCHECK_MILVUS_URI=http://127.0.0.1:19530)"
        )  # fmt: skip
        raise StoreError(f"cannot open Milvus at {uri}: {exc}{lite}") from exc


def _create(client: Any, name: str, dim: int) -> None:
    """The collection with its indexes (exact inner product; BM25 with bm25s's k1 and b)."""
    from pymilvus import DataType, Function, FunctionType

    schema = client.create_schema(auto_id=False)
    schema.add_field("id", DataType.INT64, is_primary=True)
    schema.add_field("vector", DataType.FLOAT_VECTOR, dim=dim)
    schema.add_field(
        "tokens", DataType.VARCHAR, max_length=65_535, enable_analyzer=True,
        analyzer_params={"tokenizer": "standard"},
    )  # fmt: skip
    schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
    schema.add_function(
        Function(
            name="bm25", function_type=FunctionType.BM25,
            input_field_names=["tokens"], output_field_names=["sparse"],
        )
    )  # fmt: skip
    index = client.prepare_index_params()
    index.add_index("vector", index_type="FLAT", metric_type="IP")
    index.add_index(
        "sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25",
        params={"bm25_k1": K1, "bm25_b": B},
    )  # fmt: skip
    client.create_collection(name, schema=schema, index_params=index)


def _filter(allowed: np.ndarray | None) -> str:
    return "" if allowed is None else f"id in [{','.join(str(int(i)) for i in allowed)}]"


@dataclass(frozen=True)
class MilvusView:
    """The search view over Milvus at one generation (Milvus is shared by every process,
    so a view has nothing of its own to hold beside the generation)."""

    client: Any
    collection: str
    generation: int

    def changed(
        self,
        generation: int,
        added: list[int],
        vectors: np.ndarray | None,
        texts: list[str],
        removed: list[int],
    ) -> MilvusView:
        """As `SearchView.changed`, applied to the shared collection."""
        if removed:
            self.client.delete(self.collection, ids=[int(i) for i in removed])
        if added and vectors is not None:
            self.insert(added, vectors, texts)
        return replace(self, generation=generation)

    def insert(self, ids: list[int], vectors: np.ndarray, texts: list[str]) -> None:
        if not self.client.has_collection(self.collection):  # the first passages ever
            _create(self.client, self.collection, vectors.shape[1])
            self.client.load_collection(self.collection)
        tokens = tokenize(texts)
        for at in range(0, len(ids), BATCH):
            rows = [
                {"id": int(i), "vector": v.tolist(), "tokens": " ".join(t)[:MAX_TOKENS_CHARS]}
                for i, v, t in zip(
                    ids[at : at + BATCH], vectors[at : at + BATCH], tokens[at : at + BATCH],
                    strict=True,
                )
            ]  # fmt: skip
            self.client.upsert(self.collection, rows)  # idempotent: a catch-up may repeat it

    def dense_search(
        self, query: np.ndarray, k: int, params: VectorParams, allowed: np.ndarray | None
    ) -> list[tuple[int, float]]:
        hits = self.client.search(
            self.collection, data=[query.astype(np.float32).tolist()], anns_field="vector",
            limit=k, filter=_filter(allowed), search_params={"metric_type": "IP"},
        )[0]  # fmt: skip
        return [(int(h["id"]), float(h["distance"])) for h in hits]

    def lexical_search(
        self, query: str, k: int, allowed: np.ndarray | None
    ) -> list[tuple[int, float]]:
        tokens = query_tokens(query)
        if not tokens or k <= 0:
            return []
        hits = self.client.search(
            self.collection, data=[" ".join(tokens)], anns_field="sparse", limit=k,
            filter=_filter(allowed), search_params={"metric_type": "BM25"},
        )[0]  # fmt: skip
        found = [(int(h["id"]), -float(h["distance"]) / (K1 + 1)) for h in hits]
        return [(i, s) for i, s in found if s > 0]


def _meta(conn: sqlite3.Connection, key: str) -> int | None:
    row = conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
    return int(row[0]) if row else None


def record(conn: sqlite3.Connection, generation: int, rowid: int) -> None:
    """Milvus has taken every write up to this generation and rowid."""
    for key, value in (("milvus_generation", generation), ("milvus_rowid", rowid)):
        conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, str(value)))


def open_view(
    conn: sqlite3.Connection, client: Any, collection: str, dim: int | None
) -> tuple[MilvusView, int]:
    """The collection (created, with its indexes, when missing) brought up to SQLite's
    state and loaded; returns the view and the highest rowid it holds."""
    with reading(conn):
        gen = generation(conn)
        synced_gen, synced_row = _meta(conn, "milvus_generation"), _meta(conn, "milvus_rowid")
        if dim is not None and not client.has_collection(collection):
            _create(client, collection, dim)
            synced_gen, synced_row = None, None  # a new collection: load everything
        view = MilvusView(client, collection, gen)
        if dim is None:
            return view, 0
        above = 0 if synced_row is None else synced_row
        ids, texts, matrix = tail(conn, above, dim)
        dead = tombstones(conn, synced_gen or 0, above) if synced_gen is not None else None
    if dead is not None and len(dead):
        client.delete(collection, ids=[int(i) for i in dead])
    if ids and matrix is not None:
        log.info("milvus: %d passages to add (behind SQLite)", len(ids))
        view.insert(ids, matrix, texts)
    client.load_collection(collection)
    return view, max([above, *ids])


def default_uri(data_dir: Path) -> str:
    """milvus-lite in the data folder when no server is named."""
    return str(Path(data_dir) / "milvus.db")
