"""Bases on disk: the FAISS file, the BM25 folder and the JSON record that publishes them.

A base of generation G is `vectors.G.faiss`, `bm25.G/` and `base.G.json`, written in that
order, each under a private name first and renamed into place; the JSON (written last) is
the commit point, so a crash mid-save leaves no base that looks whole. SQLite can always
rebuild a base, so when the folder cannot take one (full, read-only) it is served from
memory and saved by the next merge or start.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import faiss

from index.faults import storage_error
from index.lexical import TOKENS_VERSION, LexicalIndex
from index.segments import Base

log = logging.getLogger(__name__)

# base.<gen>.json, vectors.<gen>.faiss and bm25.<gen>, and their private copies (".tmp-…"
# being written by one process, ".old-…" being replaced)
DERIVED = re.compile(
    r"^(?:base\.(?P<g1>\d+)\.json|vectors\.(?P<g2>\d+)\.faiss|bm25\.(?P<g3>\d+))(?P<rest>\..*)?$"
)
STALE_PRIVATE_SECONDS = 600  # a private file this old belongs to a writer that crashed
KEEP_BASES = 2  # the newest and the one before: a process may still be opening it


def _private(final: Path) -> Path:
    """A name no other process or thread uses, beside `final`."""
    return final.with_name(f"{final.name}.tmp-{os.getpid()}-{uuid.uuid4().hex[:12]}")


def _publish_dir(tmp: Path, final: Path) -> None:
    """Move a finished directory into place. Readers see the old one or the new one; if
    another process published the same generation first, its copy stays (same content)."""
    try:
        os.rename(tmp, final)
        return
    except OSError:
        pass  # `final` exists: an earlier copy of this generation
    old = final.with_name(f"{final.name}.old-{os.getpid()}-{uuid.uuid4().hex[:12]}")
    with contextlib.suppress(FileNotFoundError):
        os.rename(final, old)
    try:
        os.rename(tmp, final)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)  # another process published it meanwhile
    shutil.rmtree(old, ignore_errors=True)


class Snapshots:
    """The bases saved in one data folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _paths(self, gen: int) -> tuple[Path, Path, Path]:
        f = self.folder
        return f / f"base.{gen}.json", f / f"vectors.{gen}.faiss", f / f"bm25.{gen}"

    def generations(self) -> list[int]:
        """Generations of the published bases, newest first."""
        gens = []
        for p in self.folder.glob("base.*.json"):
            m = DERIVED.match(p.name)
            if m and m.group("g1") and not m.group("rest"):
                gens.append(int(m.group("g1")))
        return sorted(gens, reverse=True)

    def save(self, base: Base) -> bool:
        """Publish a base; False (and a warning) when the folder cannot take it."""
        record, vpath, lpath = self._paths(base.generation)
        try:
            if base.vectors is not None:
                tmp = _private(vpath)
                with _cleanup(tmp):
                    faiss.write_index(base.vectors, str(tmp))
                    os.replace(tmp, vpath)
            tmp = _private(lpath)
            with _cleanup(tmp):
                base.lexical.save(tmp)
                _publish_dir(tmp, lpath)
            meta = {
                "generation": base.generation,
                "max_rowid": base.max_rowid,
                "passages": len(base.members),
                "vectors": base.vectors is not None,
                "tokens": TOKENS_VERSION,
            }
            tmp = _private(record)
            with _cleanup(tmp):
                tmp.write_text(json.dumps(meta))
                os.replace(tmp, record)
        except Exception as exc:
            fault = storage_error(exc, self.folder)
            if fault is None:
                raise
            log.warning("cannot save the base of generation %s: %s; serving it from memory",
                        base.generation, fault)  # fmt: skip
            return False
        return True

    def load(self, gen: int) -> Base | None:
        """The base of one generation, or None when it is missing, damaged or of other
        tokens (it is rebuilt from SQLite then)."""
        record, vpath, lpath = self._paths(gen)
        try:
            meta = json.loads(record.read_text())
            if meta.get("tokens") != TOKENS_VERSION:
                return None
            lexical = LexicalIndex.load(lpath)
            vectors = faiss.read_index(str(vpath)) if meta["vectors"] else None
        except Exception as exc:  # noqa: BLE001 - a damaged base is rebuilt
            log.warning("base of generation %s unreadable (%s); rebuilding", gen, exc)
            return None
        if lexical is None or len(lexical.rowids) != meta["passages"]:
            return None
        if vectors is not None and vectors.ntotal != meta["passages"]:
            return None
        return Base(int(meta["generation"]), int(meta["max_rowid"]), vectors, lexical)

    def newest(self) -> Base | None:
        for gen in self.generations():
            base = self.load(gen)
            if base is not None:
                return base
        return None

    def remove_old(self) -> int | None:
        """Delete all but the newest KEEP_BASES bases (and leftovers of crashed writers,
        and files of no base); returns the generation of the oldest base kept."""
        keep = set(self.generations()[:KEEP_BASES])
        for p in self.folder.iterdir():
            m = DERIVED.match(p.name)
            if m is None:
                continue
            gen = int(m.group("g1") or m.group("g2") or m.group("g3"))
            private = bool(m.group("rest"))
            if gen in keep and not private:
                continue
            if not private and keep and gen > max(keep):
                continue  # being published by another process right now
            try:  # another process may remove or publish it meanwhile
                if private and time.time() - p.stat().st_mtime < STALE_PRIVATE_SECONDS:
                    continue
                if p.is_dir():
                    shutil.rmtree(p, ignore_errors=True)
                else:
                    p.unlink(missing_ok=True)
            except FileNotFoundError:
                continue
        return min(keep) if keep else None


@contextlib.contextmanager
def _cleanup(tmp: Path) -> Iterator[None]:
    """Remove a private file or folder if writing it fails."""
    try:
        yield
    except BaseException:
        if tmp.is_dir():
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
        raise
