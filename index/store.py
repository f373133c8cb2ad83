"""The persistent index: SQLite (documents, passages, values, embeddings) and the search
indexes derived from it.

SQLite is the source of truth. Every write is one transaction that also bumps a generation
number; the search view (`index/segments.py`) then takes the write's passages and deletions
at the cost of what changed, and a merge folds them into a new base on disk when they grow
past a share of it. A crash before the commit leaves the previous index whole; a crash
after it loses nothing: the next open reads what changed since the newest base from SQLite.
A write's SQLite half is `index/commit.py`; another process (a server's write process) may
commit one and hand the change over (`Store.take`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from index import derived, milvus, storydb
from index import vectors as vec
from index.caches import Derived, Touched
from index.commit import (
    Change,
    IndexedDocument,
    IndexMismatchError,
    WriteResult,
    Writing,
    advance,
    commit,
    generation,
    meta,
    vec_blob,
)
from index.config import Settings
from index.connections import Connections
from index.copies import copies
from index.derived import blob_matrix
from index.faults import StorageError
from index.milvus import MilvusView
from index.models import (
    Document,
    DocumentMeta,
    Passage,
    StoredPassage,
    StoryInfo,
    outlet_of,
)
from index.schema import is_current, migrate
from index.segments import SearchView, Segments
from index.snapshot import Snapshots
from index.stories import LEAD_CHARS, StoryRules
from index.valuerows import read_values

log = logging.getLogger(__name__)

FETCH_CACHE = 50_000  # passages kept in memory per generation
STORY_VECTOR_CACHE = 256  # stories whose embedding matrix is kept per generation


def _sorted(ids: set[int] | None) -> np.ndarray | None:
    return None if ids is None else np.sort(np.fromiter(ids, dtype=np.int64, count=len(ids)))


def _doc_meta(row: sqlite3.Row) -> DocumentMeta:
    return DocumentMeta(
        doc_id=row["doc_id"],
        outlet=row["outlet"],
        title=row["title"],
        published=row["published"],
        url=row["url"],
        story=row["story"],
    )


def story_rules_of(settings: Settings) -> StoryRules:
    return StoryRules(
        min_similarity=settings.story_min_similarity,
        duplicate_similarity=settings.story_duplicate_similarity,
        max_gap_days=settings.story_max_gap_days,
    )


def db_path_of(data_dir: Path) -> Path:
    """The SQLite file of an index folder."""
    return Path(data_dir) / "crosscheck.sqlite"


class Store:
    """Open (or create) the index in `data_dir` for the given embedding model name."""

    def __init__(
        self,
        data_dir: Path,
        embed_model: str,
        *,
        check_model: bool = True,
        vector_params: vec.VectorParams | None = None,
        story_rules: StoryRules | None = None,
        merge: derived.MergePolicy | None = None,
        milvus_at: tuple[str, str] | None = None,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.vector_params = vector_params or vec.VectorParams()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.db_path = db_path_of(self.data_dir)
        self.embed_model = embed_model
        self._db = Connections(self.db_path, self.data_dir)
        self._write_lock = threading.RLock()
        self._derived_lock = threading.Lock()
        self.story_rules = story_rules or StoryRules()
        self.merge = merge or derived.MergePolicy()
        # (client, collection) when passages are searched in Milvus (uri "" : in this folder)
        self.milvus: tuple[Any, str] | None = None
        if milvus_at is not None:
            uri, name = milvus_at
            self.milvus = (milvus.client_for(uri or milvus.default_uri(self.data_dir)), name)
        self._merger: threading.Thread | None = None
        if not is_current(self._conn()):
            migrate(self._writable())
        if check_model:
            self.check_model(embed_model)
        self._derived = self._load_derived()
        self._assign_unassigned()

    @classmethod
    def from_settings(cls, settings: Settings, *, check_model: bool = True) -> Store:
        return cls(
            settings.data_dir,
            settings.embed_model,
            check_model=check_model,
            vector_params=vec.params_from(settings),
            story_rules=story_rules_of(settings),
            milvus_at=(settings.milvus_uri, settings.milvus_collection)
            if settings.backend == "milvus"
            else None,
            merge=derived.MergePolicy(
                fraction=settings.merge_fraction,
                max_pending=settings.merge_max_pending,
                inline_max=settings.merge_inline_max,
            ),
        )

    # -- connections and metadata ------------------------------------------------------
    def _conn(self) -> sqlite3.Connection:
        return self._db.conn()

    def _writable(self) -> sqlite3.Connection:
        return self._db.writable()

    def _transaction(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        return self._db.transaction()

    def _meta(self, key: str) -> str | None:
        return meta(self._conn(), key)

    @property
    def model_record(self) -> tuple[str | None, int | None]:
        dim = self._meta("embed_dim")
        return self._meta("embed_model"), int(dim) if dim else None

    def check_model(self, embed_model: str) -> None:
        built_with, dim = self.model_record
        if built_with is not None and built_with != embed_model:
            raise IndexMismatchError(
                f"the index in {self.data_dir} was built with embedding model {built_with!r} "
                f"(dimension {dim}), but the configured model is {embed_model!r}. Run "
                "`crosscheck index --rebuild` to re-embed it, or set CROSSCHECK_EMBED_MODEL "
                "back."
            )

    @property
    def view_generation(self) -> int:
        """The generation this process's search view shows (SQLite's may be newer)."""
        return self._derived.generation

    def generation(self) -> int:
        return generation(self._conn())

    # -- derived indexes ---------------------------------------------------------------
    def _load_derived(self) -> Derived:
        """The newest base on disk (rebuilt from SQLite when missing or out of step) and
        what was written since it; or the Milvus collection, brought up to SQLite."""
        if self.milvus is not None:
            client, name = self.milvus
            mv, rowid = milvus.open_view(self._conn(), client, name, self.model_record[1])
            self._record_milvus(mv.generation, rowid)
            return Derived(mv, base_version=mv.generation)
        view = derived.open_view(
            self._conn(), Snapshots(self.data_dir), self.model_record[1], self.vector_params
        )
        self._prune_tombstones()
        return Derived(view, base_version=view.generation)

    def refresh(self) -> bool:
        """Catch up with another process's writes (or a newer base it merged)."""
        if self.generation() == self._derived.generation:
            return False
        with self._write_lock:
            self._catch_up()
        return True

    def _catch_up(self) -> None:
        """Under the write lock: take in other processes' writes since this view."""
        if self.generation() == self._derived.generation:
            return
        view = self._derived.segments
        if isinstance(view, MilvusView):  # shared: writers apply their writes there, and
            self._derived = self._load_derived()  # what one could not is applied here
            return
        assert isinstance(view, Segments)
        newest = Snapshots(self.data_dir).generations()
        if newest and newest[0] > view.base.generation:
            self._derived = self._load_derived()  # another process merged: its base
        else:
            # which stories another process touched is not known here: every cache starts over
            new = derived.catch_up(self._conn(), view, self.model_record[1])
            self._derived = Derived(new, base_version=new.generation)

    def _record_milvus(self, generation: int, rowid: int) -> None:
        """Milvus has taken every write up to here (a read-only folder records nothing:
        the next open then re-applies what came after, which changes nothing)."""
        conn = self._conn()
        if conn.in_transaction:  # inside a write: part of it
            milvus.record(conn, generation, rowid)
            return
        with contextlib.suppress(StorageError, sqlite3.Error), self._transaction() as conn:
            milvus.record(conn, generation, rowid)

    def _advance(self, view: SearchView, *, changed: int, touched: Touched) -> None:
        """Publish the next view; merge when what it holds beside its base has grown past
        `merge_fraction` of it (or `merge_max` passages). A small store, or a bulk write,
        merges at once; a large one merges in the background while readers go on. (Milvus
        merges its own segments.)"""
        self._derived = self._derived.after(view, touched, self._conn())
        if isinstance(view, MilvusView):
            rowid = self._conn().execute("SELECT coalesce(max(rowid), 0) FROM passages")
            self._record_milvus(view.generation, int(rowid.fetchone()[0]))
            return
        assert isinstance(view, Segments)  # the local backend, the only other one
        limit = min(self.merge.fraction * len(view.base.members), self.merge.max_pending)
        vectors = view.base.vectors
        if view.pending <= limit and not (
            vectors is not None and vec.needs_rebuild(vectors, view.live_count, self.vector_params)
        ):  # the base's kind (exact or IVF) still fits its size
            return
        if changed > limit or view.live_count <= self.merge.inline_max:
            self._merge_now()
        elif self._merger is None or not self._merger.is_alive():
            self._merger = threading.Thread(target=self._merge_now, name="merge", daemon=True)
            self._merger.start()

    def _merge_now(self) -> None:
        """Fold the current view into a new base, save it, and rebase the live view on it
        (writes that landed meanwhile stay in the view). One process merges at a time."""
        lock = (self.data_dir / "merge.lock").open("a")
        try:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return  # another process is merging; its base is taken on refresh
            view = self._derived.segments
            assert isinstance(view, Segments)  # only the local backend merges
            base = derived.merged(self._conn(), view, self.vector_params)
            Snapshots(self.data_dir).save(base)
            with self._write_lock:
                current = self._derived.segments
                assert isinstance(current, Segments)
                self._derived = replace(self._derived, segments=current.rebased(base))
            self._prune_tombstones()
        finally:
            lock.close()

    def wait_merged(self) -> None:
        """Wait for a background merge (before a process exits, or in a test)."""
        merger = self._merger
        if merger is not None:
            merger.join()

    def _prune_tombstones(self) -> None:
        """Forget tombstones older than every base kept on disk (no view needs them)."""
        oldest = Snapshots(self.data_dir).remove_old()
        if oldest is None:
            return
        with contextlib.suppress(StorageError, sqlite3.Error), self._transaction() as conn:
            conn.execute("DELETE FROM passage_tombstones WHERE generation < ?", (oldest,))

    def embeddings(self, rowids: list[int], dim: int | None = None) -> tuple[list[int], np.ndarray]:
        """The stored embeddings of these passages: (rowids found, one row each), in order."""
        dim = dim or self.model_record[1] or 0
        found: dict[int, bytes] = {}
        conn = self._conn()
        for i in range(0, len(rowids), 900):
            chunk = rowids[i : i + 900]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT rowid, embedding FROM passages WHERE rowid IN ({marks})"
            found.update(conn.execute(sql, chunk).fetchall())
        ids = [r for r in rowids if r in found]
        return ids, blob_matrix([found[r] for r in ids], dim)

    # -- writes ------------------------------------------------------------------------
    def write(
        self,
        upserts: Iterable[IndexedDocument] = (),
        deletes: Iterable[str] = (),
        *,
        dim: int | None = None,
        reset: bool = False,
    ) -> WriteResult:
        """Add or replace documents and delete others, atomically, keeping all indexes in step.

        `reset` (for `--rebuild`) first removes every passage and records the current model.
        """
        with self._write_lock:
            with self._transaction() as conn:
                # another process (a second server worker) may have written since we last
                # looked: take its writes in first, or ours would be applied to an old view
                self._catch_up()
                how = Writing(self.embed_model, dim, self.story_rules, reset)
                change = commit(
                    conn, list(upserts), list(deletes), how, self._derived.story_members
                )
            if reset:
                self._rebuild()
            else:
                self._apply(change)
            return change.result

    def take(self, change: Change) -> WriteResult:
        """A write another process committed for this one (the server's write process):
        applied to this view when it is the next generation, else caught up with as any
        other process's writes are."""
        with self._write_lock:
            if self._derived.generation + 1 == change.result.generation == self.generation():
                self._apply(change)
            else:
                self._catch_up()
        return change.result

    def take_from(self, commit_elsewhere: Callable[[], Change | None]) -> Change | None:
        """A write committed by another process (the server's write process) and applied
        here, with no other write of this process in between; None when it could not."""
        with self._write_lock:
            change = commit_elsewhere()
            if change is not None:
                self.take(change)
            return change

    def _apply(self, change: Change) -> None:
        """Publish a committed change to the search view (under the write lock)."""
        gen = change.result.generation
        try:
            view = self._derived.segments.changed(
                gen, change.added, change.vectors, change.texts, change.removed
            )
        except Exception as exc:  # noqa: BLE001 - Milvus unreachable: SQLite has it
            if not isinstance(self._derived.segments, MilvusView):
                raise
            log.warning("milvus did not take generation %s (%s); retried on the "
                        "next request", gen, exc)  # fmt: skip
            return
        self._advance(view, changed=len(change.added) + len(change.removed), touched=change.touched)

    def _rebuild(self) -> None:
        """A new base over everything (after `--rebuild`), saved before it is served."""
        conn = self._conn()
        if self.milvus is not None:
            client, name = self.milvus
            client.drop_collection(name)
            self._derived = self._load_derived()
            return
        base = derived.build_base(conn, self.model_record[1], self.vector_params)
        Snapshots(self.data_dir).save(base)
        view = derived.view_of(conn, base, self.model_record[1])
        self._derived = Derived(view, base_version=view.generation)
        self._prune_tombstones()

    # -- reads -------------------------------------------------------------------------
    def story_version(self, story: str) -> int:
        """A number that changes whenever this story's documents do (caches keyed by story
        outlive writes to other stories)."""
        return self._derived.story_version(story)

    def passage_count(self) -> int:
        return int(self._conn().execute("SELECT count(*) FROM passages").fetchone()[0])

    @property
    def write_lock(self) -> threading.RLock:
        """Held by every write; hold it to make a check and a write one step."""
        return self._write_lock

    def has_document(self, doc_id: str) -> bool:
        return bool(
            self._conn().execute("SELECT 1 FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        )

    def document_count(self) -> int:
        return int(self._conn().execute("SELECT count(*) FROM documents").fetchone()[0])

    def content_hashes(self, doc_ids: list[str] | None = None) -> dict[str, str]:
        """doc_id -> content hash, of every document or only of those asked (a write of
        one document reads one row, not the whole table)."""
        conn = self._conn()
        if doc_ids is None:
            return {r[0]: r[1] for r in conn.execute("SELECT doc_id, content_hash FROM documents")}
        out: dict[str, str] = {}
        for i in range(0, len(doc_ids), 900):
            chunk = doc_ids[i : i + 900]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT doc_id, content_hash FROM documents WHERE doc_id IN ({marks})"
            out.update(conn.execute(sql, chunk).fetchall())
        return out

    def get_document(self, doc_id: str) -> Document | None:
        row = self._conn().execute("SELECT * FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        if row is None:
            return None
        return Document(**_doc_meta(row).model_dump(), text=row["text"])

    def list_documents(self, offset: int = 0, limit: int = 100) -> list[DocumentMeta]:
        rows = self._conn().execute(
            "SELECT doc_id, outlet, title, published, url, story FROM documents ORDER BY doc_id "
            "LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [_doc_meta(r) for r in rows]

    def all_documents(self) -> list[Document]:
        rows = self._conn().execute("SELECT * FROM documents ORDER BY doc_id").fetchall()
        return [Document(**_doc_meta(r).model_dump(), text=r["text"]) for r in rows]

    def passages_of(self, doc_id: str) -> list[Passage]:
        rows = self._conn().execute(
            "SELECT id, doc_id, n, start_char, end_char, text FROM passages WHERE doc_id=? "
            "ORDER BY n",
            (doc_id,),
        )
        return [
            Passage(id=r[0], doc_id=r[1], n=r[2], start=r[3], end=r[4], text=r[5]) for r in rows
        ]

    def outlets(self) -> dict[str, list[str]]:
        """Outlet name -> its doc_ids (an unknown outlet is one per document).

        Read from SQLite once per index generation (every question needs it; a write starts a
        new generation). The lists are shared: do not change them. A request calls `refresh`
        once, first: reading refreshes no more, so one answer sees one generation."""
        derived = self._derived
        if derived.outlets is None:
            out: dict[str, list[str]] = {}
            for r in self._conn().execute("SELECT doc_id, outlet FROM documents ORDER BY doc_id"):
                out.setdefault(outlet_of(r[1], r[0]), []).append(r[0])
            derived.outlets = out
        return dict(derived.outlets)

    def stories(self) -> dict[str, StoryInfo]:
        """Every story by id, read from SQLite once per index generation (shared: do not
        change them)."""
        derived = self._derived
        if derived.stories is None:
            with self._derived_lock:  # one reader reads them (1.4 s at 2,000 stories), the
                if derived.stories is None:  # others wait for it instead of repeating it
                    derived.stories = storydb.infos(self._conn())
        return derived.stories

    def story_outlets(self, story: str) -> dict[str, list[int]]:
        """Outlet -> rowids of its passages in one story, once per generation."""
        return self._story_members(story)[0]

    def story_docs(self, story: str) -> dict[str, list[str]]:
        """Outlet -> its doc_ids in one story, once per generation."""
        return self._story_members(story)[1]

    def _story_members(self, story: str) -> tuple[dict[str, list[int]], dict[str, list[str]]]:
        derived = self._derived
        got = derived.story_rows.get(story)
        if got is None:
            rows: dict[str, list[int]] = {}
            docs: dict[str, list[str]] = {}
            for rowid, doc_id, outlet in self._conn().execute(
                "SELECT p.rowid, d.doc_id, d.outlet FROM passages p JOIN documents d "
                "USING (doc_id) WHERE d.story=? ORDER BY d.doc_id, p.rowid",
                (story,),
            ):
                name = outlet_of(outlet, doc_id)
                rows.setdefault(name, []).append(rowid)
                if doc_id not in docs.setdefault(name, []):
                    docs[name].append(doc_id)
            got = derived.story_rows[story] = (rows, docs)
        return got

    def copied(self, a: str, b: str) -> bool:
        """One document copies the other (`index/copies.py`), read once per pair and
        generation (a write drops the pairs of the documents it touched)."""
        pair = frozenset((a, b))
        derived = self._derived
        got = derived.copied.get(pair)
        if got is None:
            texts = dict(
                self._conn().execute(
                    "SELECT doc_id, text FROM documents WHERE doc_id IN (?, ?)", (a, b)
                )
            )
            got = a != b and a in texts and b in texts and copies(texts[a], texts[b])
            derived.copied[pair] = got
        return got

    def story_matrix(self, story: str) -> tuple[list[int], np.ndarray]:
        """The rowids of a story's passages and their embeddings (one row each), cached per
        generation: a question is scored against a whole story with one matrix product."""
        derived = self._derived
        got = derived.story_vectors.get(story)
        if got is None:
            rows = sorted(r for rs in self.story_outlets(story).values() for r in rs)
            got = self.embeddings(rows)
            if len(derived.story_vectors) >= STORY_VECTOR_CACHE:
                derived.story_vectors.clear()
            derived.story_vectors[story] = got
        return got

    def move_documents(self, doc_ids: list[str], story: str) -> list[str]:
        """Pin documents to a story (created when new): the desk's correction of assignment.
        Returns the doc_ids that are not stored (nothing is moved then)."""
        with self._write_lock:
            now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
            with self._transaction() as conn:
                self._catch_up()
                marks = ",".join("?" * len(doc_ids))
                before = conn.execute(
                    f"SELECT story FROM documents WHERE doc_id IN ({marks})", doc_ids
                ).fetchall()
                missing = storydb.move(conn, doc_ids, story, now)
                if missing:
                    conn.execute("ROLLBACK")
                    return missing
                gen = advance(conn)
            touched = Touched(
                {story, *(r[0] for r in before if r[0])}, set(doc_ids), self.rowids_of_docs(doc_ids)
            )  # a moved passage's cached metadata names its old story
            view = self._derived.segments.changed(gen, [], None, [], [])
            self._derived = self._derived.after(view, touched, self._conn())
            return []

    def _assign_unassigned(self) -> None:
        """Give a story to documents stored before stories existed (schema 1). Their
        signature is the mean of their lead passages' embeddings (no model is loaded here)."""
        conn = self._conn()
        if not conn.execute("SELECT 1 FROM documents WHERE story IS NULL LIMIT 1").fetchone():
            return
        _, dim = self.model_record
        with self._write_lock:
            now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
            with self._transaction() as conn:
                todo = conn.execute(
                    "SELECT doc_id, title, published FROM documents WHERE story IS NULL "
                    "ORDER BY doc_id"
                ).fetchall()
                for doc_id, title, published in todo:
                    sig = self._lead_signature(doc_id, dim)
                    story = storydb.assign(
                        conn,
                        title=title,
                        published=dt.date.fromisoformat(published) if published else None,
                        signature=sig,
                        entities=(),
                        rules=self.story_rules,
                        now=now,
                    )
                    conn.execute(
                        "UPDATE documents SET story=?, signature=? WHERE doc_id=?",
                        (story, None if sig is None else vec_blob(sig), doc_id),
                    )
                gen = advance(conn)
            view = self._derived.segments.changed(gen, [], None, [], [])
            self._derived = Derived(view, base_version=gen)

    def _lead_signature(self, doc_id: str, dim: int | None) -> np.ndarray | None:
        rows = (
            self._conn()
            .execute(
                "SELECT embedding FROM passages WHERE doc_id=? AND start_char < ? ORDER BY n",
                (doc_id, LEAD_CHARS),
            )
            .fetchall()
        )
        if not rows or not dim:
            return None
        mean = blob_matrix([r[0] for r in rows], dim).mean(axis=0)
        return (mean / (np.linalg.norm(mean) or 1.0)).astype(np.float32)

    def rowids_of_docs(self, doc_ids: Iterable[str]) -> set[int]:
        doc_ids = list(doc_ids)
        if not doc_ids:
            return set()
        marks = ",".join("?" * len(doc_ids))
        rows = self._conn().execute(
            f"SELECT rowid FROM passages WHERE doc_id IN ({marks})", doc_ids
        )
        return {r[0] for r in rows}

    def dense_search(
        self, vector: np.ndarray, k: int, allowed: set[int] | None = None
    ) -> list[tuple[int, float]]:
        """(rowid, cosine) pairs, best first; only `allowed` rowids when given."""
        view = self._derived.segments
        if k <= 0 or (allowed is not None and not allowed):
            return []
        query = np.ascontiguousarray(vector.reshape(-1), dtype=np.float32)
        if allowed is not None and len(allowed) <= self.vector_params.filter_exact_max:
            # a few passages of a large index: scored exactly from SQLite (at 100k passages
            # a filtered scan of the exact index cost 11 ms, reading 50 embeddings < 1 ms)
            found, matrix = self.embeddings(sorted(allowed))
            exact = matrix @ query
            best = np.argsort(-exact)[:k]
            return [(found[i], float(exact[i])) for i in best]
        return view.dense_search(query, k, self.vector_params, _sorted(allowed))

    def lexical_search(
        self, query: str, k: int, allowed: set[int] | None = None
    ) -> list[tuple[int, float]]:
        """(rowid, BM25) pairs with a positive score, best first."""
        return self._derived.segments.lexical_search(query, k, _sorted(allowed))

    def fetch(self, rowids: list[int]) -> list[StoredPassage]:
        """Passages by rowid, in the order asked, with metadata and extracted values.

        Served from this generation's cache where possible (a write starts a new one)."""
        cache = self._derived.passages
        got = {r: cache[r] for r in rowids if r in cache}
        missing = [r for r in rowids if r not in got]
        if missing:
            if len(cache) + len(missing) > FETCH_CACHE:
                cache.clear()
            for p in self._fetch_uncached(missing):
                got[p.rowid] = cache[p.rowid] = p
        return [got[r] for r in rowids if r in got]

    def _fetch_uncached(self, rowids: list[int]) -> list[StoredPassage]:
        conn = self._conn()
        marks = ",".join("?" * len(rowids))
        rows = conn.execute(
            "SELECT p.rowid AS rowid, p.id, p.n, p.start_char, p.end_char, p.text AS ptext, "
            "d.doc_id, d.outlet, d.title, d.published, d.url, d.story FROM passages p "
            f"JOIN documents d USING (doc_id) WHERE p.rowid IN ({marks})",
            rowids,
        ).fetchall()
        values = read_values(conn, rowids)
        by_id = {
            r["rowid"]: StoredPassage(
                rowid=r["rowid"],
                passage=Passage(
                    id=r["id"],
                    doc_id=r["doc_id"],
                    n=r["n"],
                    start=r["start_char"],
                    end=r["end_char"],
                    text=r["ptext"],
                ),
                meta=_doc_meta(r),
                values=values[r["rowid"]],
            )
            for r in rows
        }
        return [by_id[i] for i in rowids if i in by_id]

    def disk_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.data_dir.rglob("*") if p.is_file())

    def stats(self) -> dict[str, object]:
        model, dim = self.model_record
        view = self._derived.segments
        base = view.base.vectors if isinstance(view, Segments) else None
        kind = "milvus" if isinstance(view, MilvusView) else vec.kind_of(base) if base else None
        return {
            "documents": self.document_count(),
            "passages": self.passage_count(),
            "embed_model": model,
            "embed_dim": dim,
            "generation": self.generation(),
            "vector_index": kind,
            "disk_bytes": self.disk_bytes(),
        }

    def close(self) -> None:
        self._db.close()
