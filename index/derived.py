"""Keeping the search indexes in step with SQLite: load a view at open, catch up with other
processes' writes, and merge recent passages and deletions into a new base.

SQLite is the truth. Every passage deleted leaves a tombstone (rowid, generation) by a
trigger, and rowids only grow (AUTOINCREMENT), so what changed since a base or a view is
two range queries: rows above its highest rowid, tombstones of its generation or later.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

import faiss
import numpy as np

from index import vectors as vec
from index.lexical import LexicalIndex, Recent
from index.segments import NO_IDS, Base, Segments, present
from index.snapshot import Snapshots

log = logging.getLogger(__name__)

BATCH = 10_000


@dataclass(frozen=True)
class MergePolicy:
    """When recent passages and deletions are folded into a new base (see Settings)."""

    fraction: float = 0.05
    max_pending: int = 20_000
    inline_max: int = 20_000


@contextlib.contextmanager
def reading(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One read snapshot for several queries (a writer may commit between them)."""
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")
    try:
        yield conn
    finally:
        if own and conn.in_transaction:
            conn.execute("COMMIT")


def generation(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
    return int(row[0]) if row else 0


def blob_matrix(blobs: list[bytes], dim: int) -> np.ndarray:
    """Stored embedding blobs as one (len(blobs), dim) float32 matrix."""
    return np.frombuffer(b"".join(blobs), dtype=np.float32).reshape(len(blobs), dim)


def tombstones(conn: sqlite3.Connection, since_gen: int, upto_rowid: int) -> np.ndarray:
    rows = conn.execute(
        "SELECT rowid FROM passage_tombstones WHERE generation >= ? AND rowid <= ? ORDER BY rowid",
        (since_gen, upto_rowid),
    )
    return np.fromiter((r[0] for r in rows), dtype=np.int64)


def tail(
    conn: sqlite3.Connection, above: int, dim: int | None
) -> tuple[list[int], list[str], np.ndarray | None]:
    """Passages above a rowid: (rowids, texts, embeddings)."""
    rows = conn.execute(
        "SELECT rowid, text, embedding FROM passages WHERE rowid > ? ORDER BY rowid", (above,)
    ).fetchall()
    ids = [r[0] for r in rows]
    matrix = blob_matrix([r[2] for r in rows], dim) if dim and rows else None
    return ids, [r[1] for r in rows], matrix


def build_base(conn: sqlite3.Connection, dim: int | None, params: vec.VectorParams) -> Base:
    """A base over every stored passage, from SQLite (no embedding is computed)."""
    with reading(conn):
        gen = generation(conn)
        max_rowid = conn.execute("SELECT coalesce(max(rowid), 0) FROM passages").fetchone()[0]
        vectors = _vectors_from_sqlite(conn, dim, params, max_rowid)
        ids, texts = _texts(conn, max_rowid)
    log.info("base of generation %s: %d passages", gen, len(ids))
    return Base(gen, int(max_rowid), vectors, LexicalIndex.build(ids, texts))


def _texts(conn: sqlite3.Connection, upto: int) -> tuple[list[int], list[str]]:
    rows = conn.execute(
        "SELECT rowid, text FROM passages WHERE rowid <= ? ORDER BY rowid", (upto,)
    ).fetchall()
    return [r[0] for r in rows], [r[1] for r in rows]


def _vectors_from_sqlite(
    conn: sqlite3.Connection, dim: int | None, params: vec.VectorParams, upto: int
) -> faiss.Index | None:
    if dim is None:
        return None
    n = conn.execute("SELECT count(*) FROM passages WHERE rowid <= ?", (upto,)).fetchone()[0]
    index = vec.new_index(dim, n, params, _sample(conn, vec.train_size(n, params), dim, upto))
    batch_ids: list[int] = []
    batch: list[bytes] = []
    for rowid, blob in conn.execute(
        "SELECT rowid, embedding FROM passages WHERE rowid <= ? ORDER BY rowid", (upto,)
    ):
        batch_ids.append(rowid)
        batch.append(blob)
        if len(batch_ids) >= BATCH:
            index.add_with_ids(blob_matrix(batch, dim), np.asarray(batch_ids, dtype=np.int64))
            batch_ids, batch = [], []
    if batch_ids:
        index.add_with_ids(blob_matrix(batch, dim), np.asarray(batch_ids, dtype=np.int64))
    return index


def _sample(conn: sqlite3.Connection, size: int, dim: int, upto: int) -> np.ndarray | None:
    """`size` embeddings drawn at random (seeded: a rebuild is reproducible)."""
    if size <= 0:
        return None
    ids = np.fromiter(
        (r[0] for r in conn.execute("SELECT rowid FROM passages WHERE rowid <= ?", (upto,))),
        dtype=np.int64,
    )
    pick = np.sort(np.random.default_rng(0).choice(ids, size=min(size, len(ids)), replace=False))
    blobs = []
    for i in range(0, len(pick), 900):
        chunk = [int(x) for x in pick[i : i + 900]]
        marks = ",".join("?" * len(chunk))
        blobs += [r[0] for r in conn.execute(
            f"SELECT embedding FROM passages WHERE rowid IN ({marks}) ORDER BY rowid", chunk
        )]  # fmt: skip
    return blob_matrix(blobs, dim)


def view_of(conn: sqlite3.Connection, base: Base, dim: int | None) -> Segments:
    """The current view on a base: passages above it and tombstones since it."""
    with reading(conn):
        gen = generation(conn)
        ids, texts, matrix = tail(conn, base.max_rowid, dim)
        dead = tombstones(conn, base.generation, base.max_rowid)
    empty = np.zeros((0, dim or 0), dtype=np.float32)
    view = Segments(base, base.generation, base.max_rowid, empty, Recent(), NO_IDS)
    return view.changed(gen, ids, matrix, texts, dead.tolist())


def base_is_whole(conn: sqlite3.Connection, base: Base) -> bool:
    """The base and SQLite agree: every stored passage up to its highest rowid is in it."""
    with reading(conn):
        stored = conn.execute(
            "SELECT count(*) FROM passages WHERE rowid <= ?", (base.max_rowid,)
        ).fetchone()[0]
        dead = tombstones(conn, base.generation, base.max_rowid)
    return stored == len(base.members) - int(present(base.members, dead).sum())


def open_view(
    conn: sqlite3.Connection, snapshots: Snapshots, dim: int | None, params: vec.VectorParams
) -> Segments:
    """The newest whole base on disk (or one built from SQLite and saved) and what
    changed since."""
    base = snapshots.newest()
    if base is not None and (
        not base_is_whole(conn, base) or (base.vectors is None) != (dim is None)
    ):
        log.warning("base of generation %s out of step with SQLite; rebuilding", base.generation)
        base = None
    if (
        base is not None
        and base.vectors is not None
        and vec.needs_rebuild(base.vectors, len(base.members), params)
    ):
        log.info("the base's vector index is not of the kind its size needs; rebuilding")
        base = None
    if base is None:
        base = build_base(conn, dim, params)
        snapshots.save(base)
    snapshots.remove_old()
    return view_of(conn, base, dim)


def catch_up(conn: sqlite3.Connection, view: Segments, dim: int | None) -> Segments:
    """The view after other processes' writes: their passages and tombstones."""
    with reading(conn):
        gen = generation(conn)
        ids, texts, matrix = tail(conn, view.seen_rowid, dim)
        dead = tombstones(conn, view.generation, view.seen_rowid)
    return view.changed(gen, ids, matrix, texts, dead.tolist())


def merged(conn: sqlite3.Connection, view: Segments, params: vec.VectorParams) -> Base:
    """A new base holding everything `view` holds: the old base's FAISS copied with the
    deletions removed and recent vectors added (rebuilt when its kind no longer fits);
    BM25 refitted over the members' texts."""
    with reading(conn):
        gen = generation(conn)
        ids, texts = _texts(conn, view.seen_rowid)
    members = np.asarray(ids, dtype=np.int64)
    old = view.base
    vectors = old.vectors
    if vectors is not None:
        if vec.needs_rebuild(vectors, len(members), params):
            with reading(conn):
                vectors = _vectors_from_sqlite(conn, vectors.d, params, view.seen_rowid)
        else:
            vectors = faiss.clone_index(vectors)  # readers keep the old one meanwhile
            gone = np.setdiff1d(old.members, members)
            if len(gone):
                vectors.remove_ids(gone)  # type: ignore[arg-type]
            new = np.isin(view.recent.rowids, members)
            if new.any():
                vectors.add_with_ids(
                    np.ascontiguousarray(view.recent_vectors[new]), view.recent.rowids[new]
                )
    elif view.recent_vectors.shape[1]:  # the first passages of an empty index
        dim = view.recent_vectors.shape[1]
        with reading(conn):
            vectors = _vectors_from_sqlite(conn, dim, params, view.seen_rowid)
    return Base(gen, view.seen_rowid, vectors, LexicalIndex.build(ids, texts))
