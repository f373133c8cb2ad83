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


ProfileCache = dict[str, list[Profile]]  # story -> its members with a signature


def candidates(
    conn: sqlite3.Connection,
    doc: Profile,
    rules: StoryRules,
    cache: ProfileCache | None = None,
    fresh: frozenset[str] = frozenset(),
) -> list[Profile]:
    """Stored documents `doc` may share a story with: the members of every story within
    the date gap (undated documents too; a story's span is checked afterwards) whose
    closest member reaches `rules.floor`, in doc_id order.

    A story's members are read once and kept in `cache` (the caller's, for one index
    generation), except the `fresh` stories, which the caller's own transaction has
    changed. In a server under 8 readers every row read costs the interpreter lock back:
    at 1M passages (1,421 documents in the gap) `Store.write`'s median under 8 readers was
    523-707 ms for under 100 ms of the thread's CPU, and 352 ms once members were kept."""
    dated = ""
    args: tuple[str, ...] = ()
    if doc.published is not None:
        gap = dt.timedelta(days=rules.max_gap_days)
        dated = " AND (published IS NULL OR published BETWEEN ? AND ?)"
        args = ((doc.published - gap).isoformat(), (doc.published + gap).isoformat())
    stories = [
        r[0]
        for r in conn.execute(
            f"SELECT DISTINCT story FROM documents WHERE story IS NOT NULL{dated}", args
        )
    ]
    dim = doc.signature.shape[0]
    cache = {} if cache is None else cache
    unread = [s for s in stories if s not in fresh and s not in cache]
    if unread:
        cache.update(_members(conn, unread, dim))
    # changed by this transaction: read again, and never kept (it may yet roll back)
    mine = _members(conn, [s for s in stories if s in fresh], dim)
    members = [p for s in stories for p in (mine[s] if s in mine else cache.get(s, []))]
    out = [p for p in members if _within(p, doc, rules)]
    if not out:
        return []
    sims = np.stack([p.signature for p in out]) @ doc.signature
    near = {p.story for p, sim in zip(out, sims, strict=True) if sim >= rules.floor}
    return sorted((p for p in out if p.story in near), key=lambda p: p.doc_id)


def _members(conn: sqlite3.Connection, stories: list[str], dim: int) -> ProfileCache:
    """These stories' members with a signature of `dim` floats (another model's is no
    evidence)."""
    if not stories:
        return {}
    where, args = _in("story", stories)
    found: ProfileCache = {s: [] for s in stories}
    for doc_id, story, published, blob, entities in conn.execute(
        "SELECT doc_id, story, published, signature, entities FROM documents "
        f"WHERE {where} AND signature IS NOT NULL",
        args,
    ):
        if len(blob) == 4 * dim:
            sig = np.frombuffer(blob, dtype=np.float32)
            ents = frozenset(filter(None, entities.split("\n")))
            found[story].append(Profile(doc_id, story, sig, ents, _date(published)))
    return found


def _within(p: Profile, doc: Profile, rules: StoryRules) -> bool:
    """A stored document dated within the gap of `doc`, or either undated."""
    if p.published is None or doc.published is None:
        return True
    return abs((p.published - doc.published).days) <= rules.max_gap_days


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
    cache: ProfileCache | None = None,
    fresh: frozenset[str] = frozenset(),
) -> str:
    """The story of a document about to be inserted: the stored story it matches, or a new
    one (`cache` and `fresh` as for `candidates`)."""
    if signature is not None:
        sig = np.asarray(signature, dtype=np.float32)
        doc = Profile("", "", sig, frozenset(entities), published)
        near = candidates(conn, doc, rules, cache, fresh)
        found = choose_story(doc, near, spans(conn, {p.story for p in near}), rules)
        if found is not None:
            return found.story
    story = free_slug(conn, title, published)
    ensure_story(conn, story, now)
    return story


def free_slug(conn: sqlite3.Connection, title: str | None, published: dt.date | None) -> str:
    """An unused story id for a headline: only ids of its own family are read ('slug',
    'slug-2', …), not every story of the archive."""
    first = slugify(title, published, set())
    taken = {
        r[0]
        for r in conn.execute(
            "SELECT story_id FROM stories WHERE story_id = ? OR story_id GLOB ?",
            (first, f"{first}-[0-9]*"),
        )
    }
    return slugify(title, published, taken)


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
