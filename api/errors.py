"""Every error is JSON `{"error": {"code", "message"}}`; nothing a client sends becomes a 500."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path

from api.schemas import ErrorOut
from index.faults import StorageError
from qa.service import BadRequest, NotFound

log = logging.getLogger("crosscheck.api")

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    503: "not_ready",
    507: "insufficient_storage",
}
ERROR_RESPONSES = {
    status: {"model": ErrorOut, "description": code.replace("_", " ")}
    for status, code in CODES.items()
    if status in {401, 403, 404, 409, 413, 422, 503, 507}
}


class ApiError(StarletteHTTPException):
    """An HTTP error with a stable machine-readable code."""

    def __init__(
        self, status: int, message: str, code: str | None = None, headers: dict | None = None
    ) -> None:
        super().__init__(status, message, headers)
        self.code = code or CODES.get(status, "http_error")


def error(status: int, code: str, message: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse(
        {"error": {"code": code, "message": message}}, status_code=status, headers=headers
    )


def allowed_methods(request: Request) -> list[str]:
    """Every method the API serves on this path, from its OpenAPI schema (Starlette's own
    405 names only the first route's methods: `Allow: GET` for a path that also takes PUT
    and DELETE)."""
    app = request.app
    paths = getattr(app.state, "path_methods", None)
    if paths is None:
        paths = [
            (compile_path(template)[0], {m.upper() for m in ops})
            for template, ops in app.openapi().get("paths", {}).items()
        ]
        app.state.path_methods = paths
    methods: set[str] = set()
    for regex, ops in paths:
        if regex.match(request.url.path):
            methods |= ops | ({"HEAD"} if "GET" in ops else set())
    return sorted(methods)


def install(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for e in exc.errors():
            if e.get("type") == "json_invalid":
                detail = (e.get("ctx") or {}).get("error", "invalid JSON")
                parts.append(f"malformed JSON at character {e['loc'][-1]}: {detail}")
                continue
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in {"body", "query"})
            parts.append(f"{where or 'body'}: {e.get('msg')}")
        return error(422, "invalid_request", "; ".join(parts) or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 405:
            allow = ", ".join(allowed_methods(request))
            return error(405, "method_not_allowed", f"use {allow}", {"Allow": allow})
        if exc.status_code == 400 and not isinstance(exc, ApiError):
            # a body FastAPI cannot even parse (not JSON, not UTF-8): a malformed request,
            # answered as every other one is (422), not with an undocumented 400
            return error(422, "invalid_request", f"the body cannot be read: {exc.detail}")
        code = getattr(exc, "code", None) or CODES.get(exc.status_code, "http_error")
        return error(exc.status_code, code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(BadRequest)
    async def _bad(_: Request, exc: BadRequest) -> JSONResponse:
        if isinstance(exc, NotFound):
            return error(404, "not_found", str(exc))
        return error(422, "invalid_request", str(exc))

    @app.exception_handler(StorageError)
    async def _storage(_: Request, exc: StorageError) -> JSONResponse:
        # the server's disk, not the client's request: 507 when full, 503 otherwise; the
        # write was not applied (SQLite rolled it back) and reads keep working
        log.error("storage: %s", exc)
        if exc.fault == "full":
            return error(507, "insufficient_storage", str(exc))
        return error(503, "storage_unavailable", str(exc))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error(500, "internal_error", "an internal error occurred; it has been logged")
