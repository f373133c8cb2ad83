"""The caches one generation's readers share: a write keeps what it did not touch."""

import sqlite3

import numpy as np

from index.caches import Derived, Touched
from tests.helpers import stored, value


def test_a_write_drops_only_what_it_touched(tmp_path):
    conn = sqlite3.connect(tmp_path / "t.db")
    conn.execute("CREATE TABLE documents (doc_id TEXT, outlet TEXT, story TEXT)")
    conn.execute("INSERT INTO documents VALUES ('b2', 'Courier', 'flood')")
    kept, gone = stored("Courier", 1, value("sentence", "Kept.", "kept")), stored("Herald", 2)
    before = Derived(
        segments=None,  # type: ignore[arg-type]
        base_version=7,
        passages={1: kept, 2: gone},
        outlets={"Courier": ["b1"], "Herald": ["h1"]},
        story_rows={"fire": ({}, {}), "flood": ({}, {})},
        story_vectors={"fire": ([1], np.zeros((1, 2))), "flood": ([2], np.zeros((1, 2)))},
    )

    class View:
        generation = 9

    after = before.after(View(), Touched({"flood"}, {"b2"}, {2}), conn)  # type: ignore[arg-type]
    assert after.passages == {1: kept}
    assert after.outlets == {"Courier": ["b1", "b2"], "Herald": ["h1"]}
    assert set(after.story_rows) == set(after.story_vectors) == {"fire"}
    # the touched story's caches are keyed anew; the others keep theirs
    assert (after.story_version("flood"), after.story_version("fire")) == (9, 7)
