"""The SQLite half of a write: documents, passages, typed values and stories added,
replaced or deleted in the caller's transaction, and what the search views must take in
(`Change`). The store commits in its own process; a server's write process commits too,
where no reader competes for the interpreter lock, and the server applies the change."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field

import numpy as np

from index import storydb
from index.caches import Touched
from index.faults import StoreError
from index.models import Document, Passage, Value
from index.stories import StoryRules
from index.valuerows import insert_values

STORY_MEMBER_CACHE = 1024  # stories whose members' signatures are kept for assignment


class IndexMismatchError(StoreError):
    """The index on disk was built with another embedding model."""


@dataclass
class IndexedDocument:
    """A document ready to store: cleaned, chunked, embedded and extracted."""

    document: Document
    content_hash: str
    source: str
    passages: list[Passage]
    embeddings: np.ndarray
    values: list[list[Value]]
    signature: np.ndarray | None = None  # title + lead, for story assignment
    entities: list[str] = field(default_factory=list)  # named in the lead


@dataclass
class WriteResult:
    generation: int
    added: list[str]
    replaced: list[str]
    deleted: list[str]
    missing: list[str]


@dataclass(frozen=True)
class Writing:
    """What a write checks and decides with: the model it embeds with, the embeddings'
    dimension (None when nothing is added), the story rules, and `reset` (a rebuild first
    removes every passage)."""

    embed_model: str
    dim: int | None
    rules: StoryRules
    reset: bool = False


@dataclass
class Change:
    """A committed write: its result, and what the search views take in."""

    result: WriteResult
    added: list[int]  # passage rowids, ascending
    vectors: np.ndarray | None  # one row per added passage
    texts: list[str]
    removed: list[int]
    touched: Touched


def meta(conn: sqlite3.Connection, key: str) -> str | None:
    """A value of the index's meta table (model, dimension, generation, schema)."""
    row = conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
    return row[0] if row else None


def generation(conn: sqlite3.Connection) -> int:
    """The generation SQLite is at (each committed write adds one)."""
    return int(meta(conn, "generation") or 0)


def advance(conn: sqlite3.Connection) -> int:
    """Count one more committed write (in the caller's transaction); the new generation."""
    gen = generation(conn) + 1
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('generation', ?)", (str(gen),))
    return gen


def _check_model(conn: sqlite3.Connection, how: Writing, adding: bool) -> None:
    """Refuse to mix models or dimensions; record the model when passages are added."""
    model, dim = meta(conn, "embed_model"), meta(conn, "embed_dim")
    if how.reset:
        conn.execute("DELETE FROM passages")
        model = dim = None
    if model is not None and model != how.embed_model:
        raise IndexMismatchError(f"index built with {model!r}; run --rebuild")
    if not adding:
        return
    if how.dim is None:
        raise ValueError("dim is required when writing passages")
    if dim is not None and int(dim) != how.dim:
        raise IndexMismatchError(
            f"index dimension {dim} != model dimension {how.dim}; run `crosscheck index --rebuild`"
        )
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('embed_model', ?)", (how.embed_model,))
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('embed_dim', ?)", (str(how.dim),))


def commit(
    conn: sqlite3.Connection,
    upserts: list[IndexedDocument],
    deletes: list[str],
    how: Writing,
    members: storydb.ProfileCache | None = None,
) -> Change:
    """Apply a write inside the caller's transaction and advance the generation.
    `members`: the caller's cache of story members for this generation (see storydb)."""
    _check_model(conn, how, bool(upserts))
    result = WriteResult(0, [], [], [], [])
    change = Change(result, [], None, [], [], Touched())
    for doc_id in deletes:
        ids = _delete_doc(conn, doc_id, change.touched)
        (result.missing if ids is None else result.deleted).append(doc_id)
        change.removed += ids or []
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    vectors = []
    for item in upserts:
        kept = _kept_story(conn, item)
        ids = _delete_doc(conn, item.document.doc_id, change.touched)
        (result.added if ids is None else result.replaced).append(item.document.doc_id)
        change.removed += ids or []
        story, pinned = kept or _new_story(conn, item, now, change.touched, how.rules, members)
        change.added += _insert_doc(conn, item, now, story, pinned)
        change.touched.stories.add(story)
        change.touched.docs.add(item.document.doc_id)
        vectors.append(item.embeddings)
        change.texts += [p.text for p in item.passages]
    storydb.drop_empty(conn, change.touched.stories)
    result.generation = advance(conn)
    change.vectors = np.vstack(vectors).astype(np.float32) if vectors else None
    return change


def _kept_story(conn: sqlite3.Connection, item: IndexedDocument) -> tuple[str, bool] | None:
    """The story a document keeps when written again: the one it names, the one the desk
    pinned it to, or (content unchanged, e.g. a rebuild) the one it has; else None."""
    d = item.document
    if d.story:
        return d.story, True
    row = conn.execute(
        "SELECT story, story_pinned, content_hash FROM documents WHERE doc_id=?", (d.doc_id,)
    ).fetchone()
    if row is None or row[0] is None:
        return None
    if row[1] or row[2] == item.content_hash:
        return row[0], bool(row[1])
    return None


def _new_story(
    conn: sqlite3.Connection,
    item: IndexedDocument,
    now: str,
    touched: Touched,
    rules: StoryRules,
    members: storydb.ProfileCache | None,
) -> tuple[str, bool]:
    d = item.document
    if members is not None and len(members) > STORY_MEMBER_CACHE:
        members.clear()
    story = storydb.assign(
        conn,
        title=d.title,
        published=d.published,
        signature=item.signature,
        entities=item.entities,
        rules=rules,
        now=now,
        cache=members,
        fresh=frozenset(touched.stories),
    )
    return story, False


def _delete_doc(conn: sqlite3.Connection, doc_id: str, touched: Touched) -> list[int] | None:
    """Delete a document (its passages cascade); their rowids, None if it is not stored."""
    row = conn.execute("SELECT story FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
    if row is None:
        return None
    ids = [r[0] for r in conn.execute("SELECT rowid FROM passages WHERE doc_id=?", (doc_id,))]
    conn.execute("DELETE FROM documents WHERE doc_id=?", (doc_id,))
    touched.stories.update([row[0]] if row[0] else [])
    touched.docs.add(doc_id)
    touched.rowids.update(ids)
    return ids


def _insert_doc(
    conn: sqlite3.Connection, item: IndexedDocument, now: str, story: str, pinned: bool
) -> list[int]:
    d = item.document
    storydb.ensure_story(conn, story, now)
    conn.execute(
        "INSERT INTO documents (doc_id, outlet, title, published, url, text, content_hash, "
        "source, indexed_at, story, story_pinned, signature, entities) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            d.doc_id,
            d.outlet,
            d.title,
            d.published.isoformat() if d.published else None,
            d.url,
            d.text,
            item.content_hash,
            item.source,
            now,
            story,
            int(pinned),
            None if item.signature is None else vec_blob(item.signature),
            "\n".join(item.entities),
        ),
    )
    rowids = []
    for p, embedding, values in zip(item.passages, item.embeddings, item.values, strict=True):
        cur = conn.execute(
            "INSERT INTO passages (id, doc_id, n, start_char, end_char, text, embedding) "
            "VALUES (?,?,?,?,?,?,?)",
            (p.id, p.doc_id, p.n, p.start, p.end, p.text, vec_blob(embedding)),
        )
        rowid = int(cur.lastrowid or 0)  # always set after an INSERT
        rowids.append(rowid)
        insert_values(conn, rowid, values)
    return rowids


def vec_blob(v: np.ndarray) -> bytes:
    return np.asarray(v, dtype=np.float32).tobytes()
