"""What the readers of one index generation share: its search view and the caches read
through it (passages, outlets, stories, each story's rows, vectors and members, which
documents copy which), carried across a write less what the write touched."""

from __future__ import annotations

import bisect
import sqlite3
from dataclasses import dataclass, field

import numpy as np

from index import storydb
from index.models import StoredPassage, StoryInfo, outlet_of
from index.segments import SearchView


@dataclass
class Touched:
    """What a write changed: the caches of the next generation keep everything else."""

    stories: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)  # deleted, written or moved
    rowids: set[int] = field(default_factory=set)  # passages deleted or moved


@dataclass
class Derived:
    """One generation's search view and the caches read through it. A write carries the
    caches over, less what it touched (at 1M passages, rebuilding the story list alone
    after every write cost readers seconds and made write time grow with the archive)."""

    segments: SearchView
    base_version: int = 0  # every story's version unless `versions` says otherwise
    versions: dict[str, int] = field(default_factory=dict)  # story -> generation it changed
    passages: dict[int, StoredPassage] = field(default_factory=dict)
    outlets: dict[str, list[str]] | None = None  # outlet -> doc_ids (sorted)
    stories: dict[str, StoryInfo] | None = None
    story_rows: dict[str, tuple[dict[str, list[int]], dict[str, list[str]]]] = field(
        default_factory=dict
    )  # story -> (outlet -> passage rowids, outlet -> doc_ids)
    story_vectors: dict[str, tuple[list[int], np.ndarray]] = field(default_factory=dict)
    story_members: storydb.ProfileCache = field(default_factory=dict)  # for assignment
    copied: dict[frozenset[str], bool] = field(default_factory=dict)  # does one copy the other

    @property
    def generation(self) -> int:
        return self.segments.generation

    def story_version(self, story: str) -> int:
        """Changes whenever the story's documents do (for caches keyed by story)."""
        return self.versions.get(story, self.base_version)

    def after(self, view: SearchView, t: Touched, conn: sqlite3.Connection) -> Derived:
        """The next generation's caches: these, less what the write touched."""
        stories = self.stories
        if stories is not None and t.stories:
            stories = {k: v for k, v in stories.items() if k not in t.stories}
            stories.update(storydb.infos(conn, t.stories))
        return Derived(
            view,
            self.base_version,
            {**self.versions, **dict.fromkeys(t.stories, view.generation)},
            {r: p for r, p in self.passages.items() if r not in t.rowids},
            _outlets_after(self.outlets, t.docs, conn) if t.docs else self.outlets,
            stories,
            {k: v for k, v in self.story_rows.items() if k not in t.stories},
            {k: v for k, v in self.story_vectors.items() if k not in t.stories},
            {k: v for k, v in self.story_members.items() if k not in t.stories},
            {k: v for k, v in self.copied.items() if not k & t.docs},
        )


def _has(sorted_ids: list[str], doc_id: str) -> bool:
    i = bisect.bisect_left(sorted_ids, doc_id)
    return i < len(sorted_ids) and sorted_ids[i] == doc_id


def _outlets_after(
    outlets: dict[str, list[str]] | None, docs: set[str], conn: sqlite3.Connection
) -> dict[str, list[str]] | None:
    """Outlet -> doc_ids after these documents were deleted, written or moved. Only the
    lists that change are copied (each is sorted: a document is found by bisection), so a
    write costs the same whatever the archive holds (at 1M passages the copy of every
    outlet's list, 98,000 doc_ids, was part of a write's 215-388 ms under 8 readers)."""
    if outlets is None:
        return None
    out = dict(outlets)
    for o, ds in outlets.items():
        if any(_has(ds, d) for d in docs):
            out[o] = [d for d in ds if d not in docs]
    marks = ",".join("?" * len(docs))
    for doc_id, outlet in conn.execute(
        f"SELECT doc_id, outlet FROM documents WHERE doc_id IN ({marks})", list(docs)
    ):
        bisect.insort(out.setdefault(outlet_of(outlet, doc_id), []), doc_id)
    return {o: ds for o, ds in out.items() if ds}
