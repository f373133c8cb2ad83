"""Stories in SQLite: the assignment of a document being written, moves, and story listings.

Every function takes the connection of the caller's transaction, so a document's story is
decided and stored in the same transaction as the document itself.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable

import numpy as np

from index.models import StoryInfo, outlet_of
from index.stories import Profile, Span, StoryRules, central, choose_story, slugify


def _date(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def _profile(row: sqlite3.Row | tuple, dim: int) -> Profile | None:
    doc_id, story, published, blob, entities = row
    if blob is None or story is None:
        return None
    sig = np.frombuffer(blob, dtype=np.float32)
    if sig.shape[0] != dim:
        return None
    return Profile(
        doc_id, story, sig, frozenset(filter(None, entities.split("\n"))), _date(published)
    )


def _in(column: str, values: Iterable[str]) -> tuple[str, list[str]]:
    """An SQL `column IN (?, …)` and its arguments."""
    vals = list(values)
    return f"{column} IN ({','.join('?' * len(vals))})", vals


def spans(conn: sqlite3.Connection, stories: Iterable[str]) -> dict[str, Span]:
    """First and last publication date of these stories (only these: a write reads what
    it may join, not the whole archive)."""
    where, args = _in("story", stories)
    rows = conn.execute(
        f"SELECT story, min(published), max(published) FROM documents WHERE {where} GROUP BY story",
        args,
    )
    return {r[0]: Span(_date(r[1]), _date(r[2])) for r in rows}


def candidates(
    conn: sqlite3.Connection, published: dt.date | None, rules: StoryRules, dim: int
) -> list[Profile]:
    """Stored documents a new one may share a story with: undated ones, and dated ones
    within the gap (a story's span is checked afterwards); in doc_id order."""
    sql = (
        "SELECT doc_id, story, published, signature, entities FROM documents "
        "WHERE story IS NOT NULL"
    )
    args: tuple = ()
    if published is not None:
        gap = dt.timedelta(days=rules.max_gap_days)
        sql += " AND (published IS NULL OR published BETWEEN ? AND ?)"
        args = ((published - gap).isoformat(), (published + gap).isoformat())
    out = [_profile(r, dim) for r in conn.execute(sql + " ORDER BY doc_id", args)]
    return [p for p in out if p is not None]


def story_ids(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT story_id FROM stories")}


def ensure_story(conn: sqlite3.Connection, story: str, now: str) -> None:
    conn.execute("INSERT OR IGNORE INTO stories VALUES (?, ?)", (story, now))


def assign(
    conn: sqlite3.Connection,
    *,
    title: str | None,
    published: dt.date | None,
    signature: np.ndarray | None,
    entities: Iterable[str],
    rules: StoryRules,
    now: str,
) -> str:
    """The story of a document about to be inserted: the stored story it matches, or a new one."""
    if signature is not None:
        sig = np.asarray(signature, dtype=np.float32)
        doc = Profile("", "", sig, frozenset(entities), published)
        near = candidates(conn, published, rules, sig.shape[0])
        found = choose_story(doc, near, spans(conn, {p.story for p in near}), rules)
        if found is not None:
            return found.story
    story = slugify(title, published, story_ids(conn))
    ensure_story(conn, story, now)
    return story


def drop_empty(conn: sqlite3.Connection, stories: Iterable[str]) -> None:
    """Forget those of these stories that no document belongs to any more."""
    where, args = _in("story_id", stories)
    conn.execute(
        f"DELETE FROM stories WHERE {where} AND NOT EXISTS "
        "(SELECT 1 FROM documents WHERE story = story_id)",
        args,
    )


def move(conn: sqlite3.Connection, doc_ids: list[str], story: str, now: str) -> list[str]:
    """Pin these documents to `story` (created if new); the doc_ids that were not stored."""
    ensure_story(conn, story, now)
    missing = []
    where, args = _in("doc_id", doc_ids)
    before = {r[0] for r in conn.execute(f"SELECT story FROM documents WHERE {where}", args)}
    for doc_id in doc_ids:
        cur = conn.execute(
            "UPDATE documents SET story=?, story_pinned=1 WHERE doc_id=?", (story, doc_id)
        )
        if cur.rowcount == 0:
            missing.append(doc_id)
    drop_empty(conn, before)
    return missing


def infos(conn: sqlite3.Connection, stories: Iterable[str] | None = None) -> dict[str, StoryInfo]:
    """Every story (or these) with its documents, outlets, dates and most central headline."""
    where, args = ("story IS NOT NULL", []) if stories is None else _in("story", stories)
    rows = conn.execute(
        "SELECT doc_id, outlet, title, published, story, signature FROM documents "
        f"WHERE {where} ORDER BY story, doc_id",
        args,
    ).fetchall()
    groups: dict[str, list] = {}
    for r in rows:
        groups.setdefault(r[4], []).append(r)
    out: dict[str, StoryInfo] = {}
    for story, members in groups.items():
        dates = sorted(d for m in members if m[3] and (d := _date(m[3])) is not None)
        sigs = [np.frombuffer(m[5], dtype=np.float32) for m in members if m[5] is not None]
        dims = {s.shape[0] for s in sigs}
        titled = [m for m in members if m[5] is not None]
        head = titled[central(np.stack(sigs))] if sigs and len(dims) == 1 else members[0]
        outlets = sorted({outlet_of(m[1], m[0]) for m in members})
        out[story] = StoryInfo(
            story_id=story,
            title=head[2] or story,
            outlets=outlets,
            doc_ids=[m[0] for m in members],
            documents=len(members),
            first=dates[0] if dates else None,
            last=dates[-1] if dates else None,
        )
    return out
