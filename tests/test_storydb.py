"""Stories in SQLite: which stored documents a new one is compared with (on an invented
archive of three stories, vectors in three dimensions)."""

from __future__ import annotations

import datetime as dt
import sqlite3

import numpy as np
import pytest

from index.schema import migrate
from index.stories import Profile, StoryRules, choose_story
from index.storydb import assign, candidates, free_slug

RULES = StoryRules()


def unit(*xs: float) -> np.ndarray:
    v = np.asarray(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


@pytest.fixture()
def conn() -> sqlite3.Connection:
    """Three stories: 'ferry' (one member close to the new document, one far from it but
    naming its harbour), 'budget' (far from it), 'undated' (no date, close)."""
    c = sqlite3.connect(":memory:", isolation_level=None)
    migrate(c)
    rows = [
        ("f1", "ferry", "2026-05-01", unit(1, 0.1, 0), "Port Alder"),
        ("f2", "ferry", "2026-05-02", unit(0, 0, 1), "Harbour Quay"),
        ("b1", "budget", "2026-05-01", unit(0, 1, 0), "Port Alder"),
        ("u1", "undated", None, unit(1, 0.2, 0), "Port Alder"),
        ("old", "old-ferry", "2025-01-01", unit(1, 0, 0), "Port Alder"),
    ]
    for row in rows:
        add(c, *row)
    return c


def add(c: sqlite3.Connection, doc_id: str, story: str, day: str | None, sig, ents: str) -> None:
    c.execute(
        "INSERT INTO documents (doc_id, text, content_hash, indexed_at, published, story, "
        "signature, entities) VALUES (?, '', '', '', ?, ?, ?, ?)",
        (doc_id, day, story, sig.astype(np.float32).tobytes(), ents),
    )


def new_doc(sig: np.ndarray, ents: set[str], day: str | None = "2026-05-03") -> Profile:
    return Profile("", "", sig, frozenset(ents), dt.date.fromisoformat(day) if day else None)


def test_the_floor_is_the_closest_a_story_with_every_name_bonus_can_be():
    assert RULES.floor == pytest.approx(0.5 - 0.05 * 4)
    assert StoryRules(min_similarity=0.99, duplicate_similarity=0.7).floor == 0.7


def test_only_stories_whose_closest_member_reaches_the_floor_are_read(conn):
    near = candidates(conn, new_doc(unit(1, 0, 0), {"harbour quay"}), RULES)
    # the budget story (cosine 0) is not read; the ferry story is read whole, its far
    # member too (its names count for the story); the one out of the date gap is not
    assert [(p.doc_id, p.story) for p in near] == [
        ("f1", "ferry"),
        ("f2", "ferry"),
        ("u1", "undated"),
    ]
    assert near[1].entities == frozenset({"Harbour Quay"})
    assert np.allclose(near[1].signature, unit(0, 0, 1))


def test_a_name_of_a_far_member_still_joins_the_story(conn):
    doc = new_doc(unit(0.5, 0, -0.9), {"Harbour Quay"})  # 0.48 from f1, far from f2
    found = choose_story(doc, candidates(conn, doc, RULES), {}, RULES)
    assert found is not None and found.story == "ferry"


def test_nothing_near_means_a_new_story(conn):
    assert candidates(conn, new_doc(unit(0, -1, -1), set()), RULES) == []
    story = assign(
        conn, title="Bridge closes for repairs", published=dt.date(2026, 5, 3),
        signature=unit(0, -1, -1), entities=(), rules=RULES, now="2026-05-03T00:00:00",
    )  # fmt: skip
    assert story == "bridge-closes-repairs-2026-05"


def test_a_signature_of_another_dimension_is_no_evidence(conn):
    assert candidates(conn, new_doc(unit(1, 0, 0, 0), set()), RULES) == []


def test_members_are_read_once_and_a_story_changed_by_the_write_every_time(conn):
    doc, cache = new_doc(unit(1, 0, 0), set()), {}
    candidates(conn, doc, RULES, cache)
    assert set(cache) == {"ferry", "budget", "undated"}  # the stories in the gap
    add(conn, "f3", "ferry", "2026-05-03", unit(1, 0, 0), "")  # in the caller's transaction

    def ids(found):
        return [p.doc_id for p in found]

    assert "f3" not in ids(candidates(conn, doc, RULES, cache))  # the generation's view
    assert ids(candidates(conn, doc, RULES, cache, frozenset({"ferry"}))) == [
        "f1",
        "f2",
        "f3",
        "u1",
    ]
    assert "f3" not in [p.doc_id for p in cache["ferry"]]  # never kept: it may roll back
    conn.execute("DELETE FROM documents WHERE story = 'undated'")
    assert "u1" not in ids(candidates(conn, doc, RULES, cache, frozenset({"undated"})))


def test_a_new_story_id_reads_only_its_own_family(conn):
    conn.execute("INSERT INTO stories VALUES ('bridge-closes-2026-05', '')")
    conn.execute("INSERT INTO stories VALUES ('bridge-closes-2026-05-2', '')")
    assert free_slug(conn, "Bridge closes", dt.date(2026, 5, 3)) == "bridge-closes-2026-05-3"
    assert free_slug(conn, "Bridge reopens", dt.date(2026, 5, 3)) == "bridge-reopens-2026-05"
