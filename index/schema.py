"""The SQLite schema of the index, and the migration of an index written by an older version."""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = "6"  # 2: stories (documents.story, story_pinned, signature, entities)
# 3: passage_values.act (the act a count is of); 4: passage_tombstones; 5: passage_values.full
# (a person's whole name as the article gave it before); 6: passage_values.speaks_for
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    outlet TEXT,
    title TEXT,
    published TEXT,
    url TEXT,
    text TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    source TEXT,
    indexed_at TEXT NOT NULL,
    story TEXT,
    story_pinned INTEGER NOT NULL DEFAULT 0,
    signature BLOB,
    entities TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS stories (
    story_id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS passages (
    rowid INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    embedding BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS passages_doc ON passages(doc_id);
CREATE TABLE IF NOT EXISTS passage_values (
    id INTEGER PRIMARY KEY,
    passage_rowid INTEGER NOT NULL REFERENCES passages(rowid) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    norm TEXT NOT NULL,
    lo REAL,
    hi REAL,
    head TEXT,
    attributed_to TEXT,
    act TEXT,
    full TEXT,
    speaks_for TEXT
);
CREATE INDEX IF NOT EXISTS values_passage ON passage_values(passage_rowid);
CREATE TABLE IF NOT EXISTS passage_tombstones (
    rowid INTEGER PRIMARY KEY,
    generation INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS tombstones_generation ON passage_tombstones(generation);
"""
# every passage deleted (by a document's delete or replace, cascaded, or a rebuild) leaves
# its rowid and the generation the deleting write started from: what a view built before
# it must drop (index/derived.py)
TRIGGER = """
CREATE TRIGGER IF NOT EXISTS passages_tombstone AFTER DELETE ON passages BEGIN
    INSERT OR REPLACE INTO passage_tombstones VALUES (
        old.rowid,
        coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), 0)
    );
END
"""
ADDED_COLUMNS = {  # version 1 -> 2
    "story": "TEXT",
    "story_pinned": "INTEGER NOT NULL DEFAULT 0",
    "signature": "BLOB",
    "entities": "TEXT NOT NULL DEFAULT ''",
}
INDEXES = """
CREATE INDEX IF NOT EXISTS documents_story ON documents(story);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
"""


def is_current(conn: sqlite3.Connection) -> bool:
    """The schema is this version's (opening then writes nothing: a full or read-only
    folder can still be read)."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    except sqlite3.OperationalError:  # no meta table yet
        return False
    return row is not None and row[0] == SCHEMA_VERSION


def migrate(conn: sqlite3.Connection) -> None:
    """Create the schema, or bring an older one up to date (columns are only ever added)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for stmt in filter(str.strip, SCHEMA.split(";")):
            conn.execute(stmt)
        have = {r[1] for r in conn.execute("PRAGMA table_info(documents)")}
        for name, decl in ADDED_COLUMNS.items():
            if name not in have:
                conn.execute(f"ALTER TABLE documents ADD COLUMN {name} {decl}")
        value_columns = {r[1] for r in conn.execute("PRAGMA table_info(passage_values)")}
        for name in ("act", "full", "speaks_for"):  # versions 2 -> 3, 4 -> 5 and 5 -> 6
            if name not in value_columns:
                conn.execute(f"ALTER TABLE passage_values ADD COLUMN {name} TEXT")
        for stmt in filter(str.strip, INDEXES.split(";")):
            conn.execute(stmt)
        conn.execute(TRIGGER)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
