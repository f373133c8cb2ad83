"""The indexing pipeline: raw documents -> cleaned, chunked, extracted, embedded, stored.

Incremental: a document whose content hash is unchanged costs no embedding work.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from index.chunk import chunk
from index.clean import CLEAN_VERSION, clean
from index.commit import Change
from index.config import Settings
from index.embed import embedder_for
from index.extract import EXTRACT_VERSION, DocumentContext, extract_values
from index.ingest import IngestError, RawDocument
from index.models import Document, Value
from index.nlp import Sentence, get_nlp, split_sentences
from index.store import IndexedDocument, Store
from index.stories import entities_of, signature_text
from index.validate import size_problem

WRITE_BATCH_DOCS = 500
EMBED_PASSAGES = 256  # passages of several documents embedded together


@dataclass
class IndexReport:
    seen: int = 0
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    passages: int = 0
    errors: list[IngestError] = field(default_factory=list)
    seconds: float = 0.0
    embed_seconds: float = 0.0

    @property
    def passages_per_second(self) -> float:
        return self.passages / self.embed_seconds if self.embed_seconds else 0.0


ProgressFn = Callable[[int, int], None]  # (documents done, passages done) increments


def derive_title(text: str, limit: int = 120) -> str:
    first = text.strip().split("\n", 1)[0].strip()
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def content_hash(raw: RawDocument, settings: Settings) -> str:
    """Everything that decides what is stored for a document, hashed."""
    h = hashlib.sha256()
    for part in (
        CLEAN_VERSION,
        EXTRACT_VERSION,
        str(settings.chunk_max_sentences),
        str(settings.chunk_max_chars),
        raw.meta.model_dump_json(),
        raw.raw,
    ):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def document_from_raw(raw: RawDocument) -> Document:
    """Clean a raw document; ValueError if nothing but debris remains."""
    cleaned = clean(raw.raw)
    if not cleaned.text:
        raise ValueError("no article text left after removing template debris")
    meta = raw.meta.model_copy()
    if meta.published is None:
        meta.published = cleaned.published
    if not meta.title:
        meta.title = derive_title(cleaned.text)
    return Document(**meta.model_dump(), text=cleaned.text)


@dataclass
class Prepared:
    document: Document
    content_hash: str
    source: str
    texts: list[str]
    passages: list
    values: list[list[Value]]
    entities: list[str]

    @property
    def signature_text(self) -> str:
        return signature_text(self.document.title, self.document.text)


def prepare(
    document: Document,
    digest: str,
    source: str,
    settings: Settings,
    sentences: list[Sentence] | None = None,
) -> Prepared:
    """Sentences, passages and typed values of a cleaned document (no embedding yet); the
    sentences may come parsed already (a claim check reads their tokens too)."""
    if sentences is None:
        sentences = split_sentences(document.text, get_nlp(settings.spacy_model))
    chunks = chunk(
        document.doc_id,
        document.text,
        sentences,
        settings.chunk_max_sentences,
        settings.chunk_max_chars,
    )
    ctx = DocumentContext()
    values = [extract_values(c, document, ctx) for c in chunks]
    passages = [c.passage for c in chunks]
    ents = [(e.text, e.label_, s.offset + e.start_char) for s in sentences for e in s.span.ents]
    return Prepared(
        document, digest, source, [p.text for p in passages], passages, values, entities_of(ents)
    )


Todo = tuple[Document, str, str]  # (cleaned document, content hash, source)
# writes documents elsewhere (a server's write process) and returns the committed change,
# or None when it cannot (they are then written here)
Writer = Callable[[list[Todo]], Change | None]
Remover = Callable[[list[str]], Change | None]  # deletes committed elsewhere, as a Writer


def embedded(prepared: list[Prepared], settings: Settings) -> list[IndexedDocument]:
    """Embed prepared documents' passages together (batches of similar length across
    documents waste less on padding than one small batch per document)."""
    embedder = embedder_for(settings)
    vectors = embedder.encode([t for p in prepared for t in p.texts], settings.embed_batch_size)
    signatures = embedder.encode([p.signature_text for p in prepared], settings.embed_batch_size)
    out, at = [], 0
    for prep, signature in zip(prepared, signatures, strict=True):
        n = len(prep.texts)
        out.append(
            IndexedDocument(
                prep.document, prep.content_hash, prep.source, prep.passages,
                vectors[at : at + n], prep.values, signature=signature, entities=prep.entities,
            )
        )  # fmt: skip
        at += n
    return out


def indexed(todo: list[Todo], settings: Settings) -> list[IndexedDocument]:
    """The CPU work of writing documents (parse, extract, embed), with no store: what a
    server's write process runs (index/pool.py)."""
    return embedded(
        [prepare(doc, digest, source, settings) for doc, digest, source in todo], settings
    )


def _todo(
    store: Store, raws: list[RawDocument], settings: Settings, rebuild: bool,
    report: IndexReport, progress: ProgressFn | None,
) -> list[Todo]:  # fmt: skip
    """The documents that need work: new or changed (all, with `rebuild`); the others are
    counted as unchanged or refused into the report."""
    known = {} if rebuild else store.content_hashes([r.meta.doc_id for r in raws])
    todo: list[Todo] = []
    if rebuild:  # documents already stored (e.g. added over HTTP) are kept and re-embedded
        incoming = {r.meta.doc_id for r in raws}
        old = store.content_hashes()
        for doc in store.all_documents():
            if doc.doc_id not in incoming:
                todo.append((doc, old[doc.doc_id], "stored"))
    for raw in raws:
        too_big = size_problem(raw.raw, settings.max_document_bytes)
        digest = "" if too_big else content_hash(raw, settings)
        if too_big:  # one rule for every door: files, JSONL lines, HTTP, the page
            report.errors.append(IngestError(raw.source, too_big))
        elif known.get(raw.meta.doc_id) == digest:
            report.unchanged.append(raw.meta.doc_id)
        else:
            try:
                todo.append((document_from_raw(raw), digest, raw.source))
                continue
            except ValueError as exc:
                report.errors.append(IngestError(raw.source, str(exc)))
        if progress:
            progress(1, 0)
    return todo


def index_documents(
    store: Store,
    raws: list[RawDocument],
    settings: Settings,
    *,
    rebuild: bool = False,
    progress: ProgressFn | None = None,
    writer: Writer | None = None,
) -> IndexReport:
    """Add new and changed documents to the store; with `rebuild`, re-embed everything.
    `writer` parses, embeds and commits them elsewhere (a server's write process)."""
    started = time.perf_counter()
    report = IndexReport(seen=len(raws))
    todo = _todo(store, raws, settings, rebuild, report, progress)
    dim = embedder_for(settings).dim if todo or rebuild else None
    batch: list[IndexedDocument] = []
    first_write = True

    def flush() -> None:
        nonlocal batch, first_write
        if batch or (rebuild and first_write):
            result = store.write(batch, dim=dim, reset=rebuild and first_write)
            report.added.extend(result.added)
            report.replaced.extend(result.replaced)
            first_write = False
        batch = []

    prepared: list[Prepared] = []

    def take(items: list[IndexedDocument], seconds: float) -> None:
        report.embed_seconds += seconds
        for item in items:
            batch.append(item)
            report.passages += len(item.passages)
            if progress:
                progress(1, len(item.passages))

    def embed_prepared() -> None:
        nonlocal prepared
        if prepared:
            t0 = time.perf_counter()
            take(embedded(prepared, settings), time.perf_counter() - t0)
            prepared = []

    if writer is not None and todo and not rebuild and _written(store, writer, todo, report):
        todo = []
    for doc, digest, source in todo:
        prepared.append(prepare(doc, digest, source, settings))
        if sum(len(p.texts) for p in prepared) >= EMBED_PASSAGES:
            embed_prepared()
        if len(batch) >= WRITE_BATCH_DOCS and not rebuild:  # a rebuild is one transaction
            flush()
    embed_prepared()
    flush()
    report.seconds = time.perf_counter() - started
    return report


def _written(store: Store, writer: Writer, todo: list[Todo], report: IndexReport) -> bool:
    """Write `todo` through `writer` and apply its change to the store's view; False when
    the writer could not (nothing was reported)."""
    t0 = time.perf_counter()
    change = store.take_from(lambda: writer(todo))
    if change is None:
        return False
    report.embed_seconds += time.perf_counter() - t0
    report.added.extend(change.result.added)
    report.replaced.extend(change.result.replaced)
    report.passages += len(change.added)
    return True


class DocumentExists(ValueError):
    """A create for a doc_id that is already stored."""


def put_document(
    store: Store,
    raw: RawDocument,
    settings: Settings,
    *,
    create: bool = False,
    writer: Writer | None = None,
) -> tuple[str, int]:
    """Add (or, unless `create`, replace) one document; (added|replaced|unchanged, passages).

    The existence check and the write happen under the store's writer lock, so two clients
    creating the same doc_id cannot both succeed. ValueError when nothing but debris remains.
    """
    doc_id = raw.meta.doc_id
    with store.write_lock:
        if create and store.has_document(doc_id):
            raise DocumentExists(f"document {doc_id!r} already exists; PUT replaces it")
        report = index_documents(store, [raw], settings, writer=writer)
    if report.errors:
        raise ValueError(report.errors[0].message)
    status = "added" if report.added else "replaced" if report.replaced else "unchanged"
    return status, len(store.passages_of(doc_id))


def delete_document(store: Store, doc_id: str, remover: Remover | None = None) -> bool:
    """Remove a document from every index; False if it was not stored. `remover` commits
    the delete elsewhere (a server's write process); when it cannot, the store does."""
    change = None if remover is None else store.take_from(lambda: remover([doc_id]))
    result = store.write([], [doc_id]) if change is None else change.result
    return bool(result.deleted)
