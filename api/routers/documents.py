"""Documents and outlets: list, read (text and passage offsets), add, replace, delete."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from api.errors import ERROR_RESPONSES, ApiError
from api.routers.health import ready_service
from api.schemas import (
    DocumentFields,
    DocumentIn,
    DocumentOut,
    DocumentPage,
    DocumentWritten,
    OutletOut,
    PassageRef,
    StoryMove,
)
from api.security import require_reader, require_writer
from index.build import DocumentExists, Remover, Writer, delete_document, put_document
from index.ingest import RawDocument
from index.models import DocumentMeta

router = APIRouter(prefix="/v1", tags=["documents"])
DOC_ID = Path(pattern=r"^[A-Za-z0-9_.\-]+$", max_length=200, examples=["004_0db872d4e7fa121a"])
READ = [Depends(require_reader)]
WRITE = [Depends(require_writer)]


def write_process(request: Request) -> Writer | None:
    """The server's write process (index/pool.py), when it runs one."""
    writes = request.app.state.writes
    return None if writes is None else writes.write


def delete_process(request: Request) -> Remover | None:
    """The same process, for deletes."""
    writes = request.app.state.writes
    return None if writes is None else writes.delete


def _responses(*codes: int) -> dict:
    return {c: ERROR_RESPONSES[c] for c in codes}


@router.get(
    "/documents", response_model=DocumentPage, dependencies=READ, responses=_responses(401, 422)
)
async def list_documents(
    request: Request,
    offset: int = Query(0, ge=0, le=10**9),
    limit: int = Query(50, ge=1, le=500),
) -> DocumentPage:
    """Stored documents (metadata only), ordered by doc_id, a page at a time."""
    store = ready_service(request).store
    items = await run_in_threadpool(store.list_documents, offset, limit)
    total = store.document_count()
    nxt = offset + len(items)
    return DocumentPage(
        items=items,
        total=total,
        offset=offset,
        limit=limit,
        next_offset=nxt if nxt < total else None,
    )


@router.get(
    "/documents/{doc_id}",
    response_model=DocumentOut,
    dependencies=READ,
    responses=_responses(401, 404),
)
async def get_document(request: Request, doc_id: str = DOC_ID) -> DocumentOut:
    """A stored document: its cleaned text and the offsets of its passages."""
    store = ready_service(request).store
    doc = await run_in_threadpool(store.get_document, doc_id)
    if doc is None:
        raise ApiError(404, f"no document {doc_id!r}")
    passages = [
        PassageRef(id=p.id, n=p.n, start=p.start, end=p.end) for p in store.passages_of(doc_id)
    ]
    return DocumentOut(**doc.model_dump(), passages=passages)


async def _put(
    request: Request, doc_id: str, fields: DocumentFields, create: bool
) -> DocumentWritten:
    service = ready_service(request)
    meta = DocumentMeta(
        doc_id=doc_id,
        outlet=fields.outlet,
        title=fields.title,
        published=fields.published,
        url=fields.url,
        story=fields.story,
    )
    raw = RawDocument(meta=meta, raw=fields.text, source=f"http:{doc_id}")
    try:
        status, passages = await run_in_threadpool(
            put_document,
            service.store,
            raw,
            service.settings,
            create=create,
            writer=write_process(request),
        )
    except DocumentExists as exc:
        raise ApiError(409, str(exc)) from None
    except ValueError as exc:
        raise ApiError(422, f"text: {exc}") from None
    return DocumentWritten(doc_id=doc_id, status=status, passages=passages)


@router.post(
    "/documents",
    response_model=DocumentWritten,
    status_code=201,
    dependencies=WRITE,
    responses=_responses(401, 403, 409, 413, 422, 503, 507),
)
async def add_document(request: Request, body: DocumentIn) -> DocumentWritten:
    """Add a document; it is chunked, embedded, extracted and searchable when this returns."""
    return await _put(request, body.doc_id, body, create=True)


@router.put(
    "/documents/{doc_id}",
    response_model=DocumentWritten,
    dependencies=WRITE,
    responses=_responses(401, 403, 413, 422, 503, 507),
)
async def replace_document(
    request: Request, body: DocumentFields, doc_id: str = DOC_ID
) -> DocumentWritten:
    """Add or replace the document with this doc_id."""
    return await _put(request, doc_id, body, create=False)


@router.patch(
    "/documents/{doc_id}",
    response_model=DocumentMeta,
    dependencies=WRITE,
    responses=_responses(401, 403, 404, 422, 503, 507),
)
async def move_document(request: Request, body: StoryMove, doc_id: str = DOC_ID) -> DocumentMeta:
    """Move a document to another story (created if new); it stays there on re-index."""
    store = ready_service(request).store
    if await run_in_threadpool(store.move_documents, [doc_id], body.story):
        raise ApiError(404, f"no document {doc_id!r}")
    doc = store.get_document(doc_id)
    assert doc is not None
    return DocumentMeta(**doc.model_dump(exclude={"text"}))


@router.delete(
    "/documents/{doc_id}",
    status_code=204,
    dependencies=WRITE,
    responses=_responses(401, 403, 404, 503, 507),
)
async def remove_document(request: Request, doc_id: str = DOC_ID) -> Response:
    """Delete a document from every index."""
    store = ready_service(request).store
    if not await run_in_threadpool(delete_document, store, doc_id, delete_process(request)):
        raise ApiError(404, f"no document {doc_id!r}")
    return Response(status_code=204)


@router.get(
    "/outlets", response_model=list[OutletOut], dependencies=READ, responses=_responses(401)
)
async def list_outlets(request: Request) -> list[OutletOut]:
    """Outlets in the corpus with their documents (an unknown outlet is its document's own)."""
    outlets = await run_in_threadpool(ready_service(request).outlets)
    return [OutletOut(outlet=o, doc_ids=d, documents=len(d)) for o, d in sorted(outlets.items())]
