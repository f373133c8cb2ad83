"""index/valuerows.py: typed values written to `passage_values` read back as they were."""

from __future__ import annotations

import sqlite3

from index.models import Value
from index.schema import migrate
from index.valuerows import insert_values, read_values


def test_values_read_back_whole_and_in_order(tmp_path):
    conn = sqlite3.connect(tmp_path / "v.sqlite", isolation_level=None)
    migrate(conn)
    conn.execute("INSERT INTO documents (doc_id, text, content_hash, indexed_at) "
                 "VALUES ('d', 't', 'h', 'now')")  # fmt: skip
    conn.execute("INSERT INTO passages (id, doc_id, n, start_char, end_char, text, embedding) "
                 "VALUES ('p', 'd', 0, 0, 1, 't', x'')")  # fmt: skip
    count = Value(kind="number", start=4, end=14, text="40 injured", norm="40..40", lo=40.0,
                  hi=None, head="people", act="injure", attributed_to="Ana Ruiz")  # fmt: skip
    spokesman = Value(kind="person", start=20, end=25, text="Brant", norm="brant",
                      full="Karl Brant", speaks_for="Interior Ministry")  # fmt: skip
    insert_values(conn, 1, [spokesman, count])
    assert read_values(conn, [1, 2]) == {1: [spokesman, count], 2: []}
