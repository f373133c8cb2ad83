"""The desk's web page: stories, a story's dispute sheet with ask and check, the document view,
and adding articles. Server-rendered (Jinja2), nothing loaded from the internet; the same keys
as the API, entered once and kept in a session cookie."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import partial
from importlib import resources
from typing import Annotated, Any
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Depends, Form, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import ValidationError

from api.routers.documents import write_process
from api.routers.stories import newest_first
from api.security import PAGE_COOKIE, reader_key_ok, writer_key_ok
from index.build import index_documents
from index.config import Settings, split_keys
from index.ingest import (
    IngestError,
    RawDocument,
    format_validation,
    read_article,
    read_jsonl_bytes,
)
from index.models import DocumentMeta
from qa.service import BadRequest, Service

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(resources.files("api").joinpath("templates")))
UPLOAD_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")


@dataclass
class Access:
    read: bool
    write: bool
    writes_enabled: bool
    has_key: bool


def access(request: Request) -> Access:
    """What the key in the session cookie allows, by the API's own rules."""
    s: Settings = request.app.state.settings
    key = request.cookies.get(PAGE_COOKIE)
    return Access(
        read=reader_key_ok(request, None),  # the cookie is read there too
        write=writer_key_ok(s, key),
        writes_enabled=bool(split_keys(s.api_keys)),
        has_key=bool(key),
    )


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(
        request, name, {"access": access(request), **context}, status_code=status
    )


def problem(request: Request, status: int, message: str) -> HTMLResponse:
    return page(request, "error.html", status, message=message, title="Cannot show this")


class Halt(Exception):
    """Stop a page and answer with this response instead (a key to enter, still loading)."""

    def __init__(self, response: Response) -> None:
        self.response = response


def page_service(request: Request) -> Service:
    """The service for a page (a dependency); halts with the key form when reads need a key,
    or with a 503 page while the model and index load."""
    state = request.app.state
    if not access(request).read:
        nxt = quote(str(request.url.path) + ("?" + request.url.query if request.url.query else ""))
        raise Halt(RedirectResponse(f"/key?next={nxt}", status_code=303))
    if not state.ready:
        raise Halt(problem(request, 503, state.load_error or "still loading the model and index"))
    return state.service


PageService = Annotated[Service, Depends(page_service)]


async def halted(_: Request, exc: Exception) -> Response:
    """The exception handler that answers a Halt with its response."""
    assert isinstance(exc, Halt)
    return exc.response


def same_origin(request: Request) -> bool:
    """A form post from this site (the session cookie is SameSite=Strict as well)."""
    origin = request.headers.get("origin") or request.headers.get("referer")
    if not origin:
        return True
    return urlsplit(origin).netloc == request.headers.get("host", "")


@router.get("/", response_class=HTMLResponse)
async def stories_page(request: Request, service: PageService, filter: str = "") -> Response:
    stories = await run_in_threadpool(service.stories)
    rows = []
    words = filter.lower().split()
    for info in newest_first(list(stories.values())):
        text = f"{info.title} {' '.join(info.outlets)} {info.story_id}".lower()
        if all(w in text for w in words):
            sheet = service.cached_sheet(info.story_id)
            rows.append((info, None if sheet is None else sheet.disputed))
    return page(request, "stories.html", rows=rows, filter=filter, total=len(stories))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
async def story_page(
    request: Request,
    service: PageService,
    story_id: str,
    q: str | None = None,
    claim: str | None = None,
) -> Response:
    try:
        sheet = await run_in_threadpool(service.sheet, story_id)  # refreshes to the latest write
        info = service.check_story(story_id)
    except BadRequest as exc:
        return problem(request, 404, str(exc))
    answer = check = error = None
    try:
        if q is not None:  # a blank question is the user's to correct: say so
            answer = await run_in_threadpool(service.ask, q, 8, None, "hybrid", story_id)
        if claim is not None:
            check = await run_in_threadpool(service.check, claim, story_id)
    except BadRequest as exc:
        error = str(exc)
    return page(
        request,
        "story.html",
        422 if error else 200,
        info=info,
        sheet=sheet,
        q=q or "",
        claim=claim or "",
        answer=answer,
        check=check,
        error=error,
        title=info.title,
    )


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
async def document_page(
    request: Request,
    service: PageService,
    doc_id: str,
    start: int | None = None,
    end: int | None = None,
) -> Response:
    doc = await run_in_threadpool(service.store.get_document, doc_id)
    if doc is None:
        return problem(request, 404, f"no document {doc_id!r}")
    n = len(doc.text)
    if start is None or end is None or not 0 <= start < end <= n:
        start = end = None
    parts = (doc.text[:start], doc.text[start:end], doc.text[end:]) if start is not None else None
    return page(request, "document.html", doc=doc, parts=parts, title=doc.title or doc_id)


@router.get("/key", response_class=HTMLResponse)
async def key_page(request: Request, next: str = "/") -> HTMLResponse:
    return page(request, "key.html", next=_local(next), title="Enter a key")


@router.post("/key")
async def set_key(request: Request, key: str = Form(""), next: str = Form("/")) -> Response:
    if not same_origin(request):
        return problem(request, 403, "the form was posted from another site")
    response = RedirectResponse(_local(next), status_code=303)
    if key.strip():
        response.set_cookie(PAGE_COOKIE, key.strip(), httponly=True, samesite="strict")
    else:
        response.delete_cookie(PAGE_COOKIE)
    return response


def _local(target: str) -> str:
    """Only a path of this site is followed after a form (no open redirect)."""
    return target if target.startswith("/") and not target.startswith("//") else "/"


@router.get("/add", response_class=HTMLResponse)
async def add_page(request: Request, service: PageService, story: str = "") -> Response:
    stories = await run_in_threadpool(service.stories)
    return page(request, "add.html", stories=stories, story=story, title="Add articles")


def _doc_id(title: str | None, text: str) -> str:
    """A readable, stable doc_id for a pasted article: its title's words and a content hash."""
    slug = re.sub(r"[^a-z0-9]+", "-", (title or "article").lower()).strip("-")[:60] or "article"
    return f"{slug}_{hashlib.sha1(text.encode('utf-8', 'replace')).hexdigest()[:12]}"


async def _read_upload(
    upload: UploadFile, entry: dict[str, Any]
) -> tuple[list[RawDocument], list[IngestError]]:
    name = upload.filename or "upload.txt"
    data = await upload.read()
    if not name.lower().endswith(UPLOAD_SUFFIXES):
        return [], [IngestError(name, "unsupported file type (use .txt, .html or .jsonl)")]
    if name.lower().endswith(".jsonl"):
        return read_jsonl_bytes(data, name)
    try:
        raw = read_article(data, name, entry, name)
    except ValueError as exc:
        return [], [IngestError(name, str(exc))]
    if not entry.get("doc_id"):
        raw.meta.doc_id = _doc_id(raw.meta.title or name.rsplit(".", 1)[0], raw.raw)
    return [raw], []


@router.post("/add", response_class=HTMLResponse)
async def add_articles(
    request: Request,
    service: PageService,
    text: str = Form(""),
    title: str = Form(""),
    outlet: str = Form(""),
    published: str = Form(""),
    url: str = Form(""),
    story: str = Form(""),
    file: UploadFile | None = None,
) -> Response:
    if not same_origin(request):
        return problem(request, 403, "the form was posted from another site")
    a = access(request)
    if not a.write:
        why = "a write key (CROSSCHECK_API_KEYS)" if a.writes_enabled else "writes enabled"
        return problem(request, 403, f"adding articles needs {why}; enter a key at /key")
    entry = {"title": title, "outlet": outlet, "published": published, "url": url, "story": story}
    docs, errors = await _gather(file, text, entry)
    if docs:
        report = await run_in_threadpool(
            partial(index_documents, writer=write_process(request)),
            service.store,
            docs,
            service.settings,
        )
        errors += report.errors
        added = report.added + report.replaced + report.unchanged
    else:
        added = []
    stories = await run_in_threadpool(service.stories)
    story_of = {d: sid for sid, info in stories.items() for d in info.doc_ids}
    written = [(d, story_of.get(d), stories.get(story_of.get(d, ""))) for d in added]
    status = 200 if written else 422
    return page(request, "added.html", status, written=written, errors=errors, title="Added")


async def _gather(
    file: UploadFile | None, text: str, entry: dict[str, Any]
) -> tuple[list[RawDocument], list[IngestError]]:
    """The documents a form gives: an uploaded file, or pasted text with its metadata."""
    if file is not None and file.filename:
        return await _read_upload(file, entry)
    if not text.strip():
        return [], [IngestError("form", "paste the article's text or choose a file")]
    try:
        meta = DocumentMeta(doc_id=_doc_id(entry.get("title"), text), **entry)
    except ValidationError as exc:
        return [], [IngestError("form", format_validation(exc))]
    return [RawDocument(meta=meta, raw=text, source="form")], []
