"""Read sources: plain-text articles and saved web pages (with an optional manifest.json), and
JSONL documents; from files, or from bytes (an upload) by the same rules.

Every problem is an `IngestError` naming the file (and line); the other sources still load.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from index.html import extract_article
from index.models import DocumentMeta
from index.validate import text_problem

MANIFEST = "manifest.json"
TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


class RawDocument(BaseModel):
    """A source document before cleaning."""

    meta: DocumentMeta
    raw: str
    source: str


@dataclass
class IngestError:
    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


class _JsonlLine(DocumentMeta):
    text: str


def _decode(data: bytes) -> str:
    """Text of a file, or ValueError saying why it is not a UTF-8 text file."""
    if b"\x00" in data:
        raise ValueError("binary file (it contains NUL bytes), not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start} cannot be decoded; "
            "convert the file to UTF-8"
        ) from None
    if not text.strip():
        raise ValueError("empty file")
    return text


def format_validation(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        field = ".".join(str(x) for x in err["loc"]) or "(line)"
        parts.append(f"{field}: {err['msg'].lower()}")
    return "; ".join(parts)


def read_manifest(folder: Path) -> tuple[dict[str, dict], list[IngestError]]:
    """Manifest entries by file name; entries naming a missing file are errors."""
    path = folder / MANIFEST
    if not path.exists():
        return {}, []
    try:
        data = json.loads(path.read_text("utf-8"))
        entries = data["documents"] if isinstance(data, dict) else data
        if not isinstance(entries, list):
            raise TypeError("expected a list of entries under 'documents'")
    except (ValueError, KeyError, TypeError) as exc:
        return {}, [IngestError(str(path), f"unreadable manifest: {exc}")]
    out: dict[str, dict] = {}
    errors: list[IngestError] = []
    for i, entry in enumerate(entries):
        name = entry.get("file") if isinstance(entry, dict) else None
        if not name:
            errors.append(IngestError(f"{path} entry {i}", "entry without a 'file' name"))
        elif not (folder / name).is_file():
            errors.append(
                IngestError(
                    f"{path} entry {i}", f"names {name!r}, which does not exist in {folder}"
                )
            )
        else:
            out[name] = entry
    return out, errors


def _meta_from(entry: dict, doc_id: str) -> DocumentMeta:
    fields = {k: entry.get(k) for k in ("outlet", "title", "published", "url", "story")}
    return DocumentMeta(doc_id=entry.get("doc_id") or doc_id, **fields)


def read_text_file(path: Path, entry: dict | None = None) -> RawDocument:
    return read_article(path.read_bytes(), path.name, entry, str(path))


def read_article(
    data: bytes, name: str, entry: dict | None = None, source: str | None = None
) -> RawDocument:
    """One article from a file's bytes: plain text, or a saved web page (by its suffix),
    whose text is extracted and whose metadata fills what the entry does not give."""
    raw = _decode(data)
    entry = dict(entry or {})
    stem, _, suffix = name.rpartition(".")
    if f".{suffix.lower()}" in HTML_SUFFIXES:
        article = extract_article(raw)
        raw = article.text
        found = {"title": article.title, "published": article.published, "url": article.url}
        found["outlet"] = article.outlet
        for key, value in found.items():
            if value and not entry.get(key):
                entry[key] = value
    try:
        meta = _meta_from(entry, stem or name)
    except ValidationError as exc:
        where = "metadata" if entry else "file name (it becomes the doc_id)"
        raise ValueError(f"bad {where}: {format_validation(exc)}") from None
    return RawDocument(meta=meta, raw=raw, source=source or name)


def read_jsonl(path: Path) -> tuple[list[RawDocument], list[IngestError]]:
    return read_jsonl_bytes(path.read_bytes(), str(path))


def read_jsonl_bytes(data: bytes, where: str) -> tuple[list[RawDocument], list[IngestError]]:
    """Documents of a JSONL file's bytes; each bad line is an error naming it."""
    docs: list[RawDocument] = []
    errors: list[IngestError] = []
    try:
        content = _decode(data)
    except ValueError as exc:
        return [], [IngestError(where, str(exc))]
    for lineno, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        doc = _jsonl_line(line, f"{where}:{lineno}")
        if isinstance(doc, IngestError):
            errors.append(doc)
        else:
            docs.append(doc)
    return docs, errors


def _jsonl_line(line: str, where: str) -> RawDocument | IngestError:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return IngestError(where, f"invalid JSON: {exc.msg} (column {exc.colno})")
    if not isinstance(obj, dict):
        return IngestError(where, "expected a JSON object with doc_id and text")
    try:
        item = _JsonlLine.model_validate(obj)
    except ValidationError as exc:
        return IngestError(where, format_validation(exc))
    if not item.text.strip():
        return IngestError(where, "text is empty")
    problem = next(
        (
            f"{name}: {p}"
            for name in ("text", "outlet", "title", "url")
            if isinstance(v := getattr(item, name, None), str) and (p := text_problem(v))
        ),
        None,
    )
    if problem:  # one bad line is skipped with its reason; the others go in
        return IngestError(where, problem)
    meta = DocumentMeta(**item.model_dump(exclude={"text"}))
    return RawDocument(meta=meta, raw=item.text, source=where)


def read_paths(paths: list[Path]) -> tuple[list[RawDocument], list[IngestError]]:
    """Every document under the given files and folders, and every problem found."""
    docs: list[RawDocument] = []
    errors: list[IngestError] = []
    manifests: dict[Path, dict[str, dict]] = {}

    def manifest_of(folder: Path) -> dict[str, dict]:
        if folder not in manifests:
            manifests[folder], errs = read_manifest(folder)
            errors.extend(errs)
        return manifests[folder]

    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            manifest_of(path)
            files += sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
            )
        elif path.is_file():
            files.append(path)
        else:
            errors.append(IngestError(str(path), "no such file or folder"))
    for f in files:
        suffix = f.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            more, errs = read_jsonl(f)
            docs += more
            errors += errs
        elif suffix in TEXT_SUFFIXES | HTML_SUFFIXES:
            try:
                docs.append(read_text_file(f, manifest_of(f.parent).get(f.name)))
            except (OSError, ValueError) as exc:
                errors.append(IngestError(str(f), str(exc)))
        else:
            errors.append(IngestError(str(f), "unsupported file type (use .txt, .html or .jsonl)"))
    seen: dict[str, str] = {}
    unique: list[RawDocument] = []
    for d in docs:
        if d.meta.doc_id in seen:
            errors.append(
                IngestError(
                    d.source, f"doc_id {d.meta.doc_id!r} already read from {seen[d.meta.doc_id]}"
                )
            )
        else:
            seen[d.meta.doc_id] = d.source
            unique.append(d)
    return unique, errors
