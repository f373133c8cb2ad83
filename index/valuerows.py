"""Typed values as rows of `passage_values`: one list of columns for writing and reading."""

from __future__ import annotations

import sqlite3

from index.models import Value

# (column, Value field): the table names offsets `start_char`, `end_char`
COLUMNS = (
    ("kind", "kind"), ("start_char", "start"), ("end_char", "end"), ("text", "text"),
    ("norm", "norm"), ("lo", "lo"), ("hi", "hi"), ("head", "head"),
    ("attributed_to", "attributed_to"), ("act", "act"), ("full", "full"),
    ("speaks_for", "speaks_for"),
)  # fmt: skip
_NAMES = ", ".join(c for c, _ in COLUMNS)


def insert_values(conn: sqlite3.Connection, rowid: int, values: list[Value]) -> None:
    """The values of the passage stored at `rowid`, in their order."""
    marks = ",".join("?" * (len(COLUMNS) + 1))
    conn.executemany(
        f"INSERT INTO passage_values (passage_rowid, {_NAMES}) VALUES ({marks})",
        [(rowid, *(getattr(v, f) for _, f in COLUMNS)) for v in values],
    )


def read_values(conn: sqlite3.Connection, rowids: list[int]) -> dict[int, list[Value]]:
    """Each passage's values, in the order they were written."""
    out: dict[int, list[Value]] = {r: [] for r in rowids}
    marks = ",".join("?" * len(rowids))
    for row in conn.execute(
        f"SELECT passage_rowid, {_NAMES} FROM passage_values "
        f"WHERE passage_rowid IN ({marks}) ORDER BY id",
        rowids,
    ):
        fields = {f: x for (_, f), x in zip(COLUMNS, row[1:], strict=True)}
        out[row[0]].append(Value(**fields))
    return out
