"""index/schema.py: an index written by an older version is brought up to date in place."""

from __future__ import annotations

import sqlite3

from index.schema import SCHEMA_VERSION, is_current, migrate


def test_an_older_index_gains_the_new_value_column_and_keeps_its_rows(tmp_path):
    conn = sqlite3.connect(tmp_path / "old.sqlite", isolation_level=None)
    conn.execute(  # passage_values as version 4 wrote it: no `full` nor `speaks_for` column
        "CREATE TABLE passage_values (id INTEGER PRIMARY KEY, passage_rowid INTEGER NOT NULL, "
        "kind TEXT NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, "
        "text TEXT NOT NULL, norm TEXT NOT NULL, lo REAL, hi REAL, head TEXT, "
        "attributed_to TEXT, act TEXT)"
    )
    conn.execute("INSERT INTO passage_values VALUES (1, 7, 'person', 0, 4, 'Ruiz', 'ruiz', "
                 "NULL, NULL, NULL, NULL, NULL)")  # fmt: skip
    assert not is_current(conn)
    migrate(conn)
    assert is_current(conn) and SCHEMA_VERSION == "6"
    rows = conn.execute("SELECT text, full, speaks_for FROM passage_values").fetchall()
    assert rows == [("Ruiz", None, None)]
