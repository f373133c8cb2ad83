"""Bearer-key access: writes need a key from CROSSCHECK_API_KEYS; reads one only when
CROSSCHECK_READ_KEYS is set (then the API's schema and docs pages, and /metrics unless
CROSSCHECK_METRICS_OPEN, need one too; health probes stay open). The desk's page sends its
key from a session cookie instead of a header. Keys are compared in constant time."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.errors import ApiError, error
from index.config import Settings, split_keys

bearer = HTTPBearer(auto_error=False, description="Authorization: Bearer <key>")
CHALLENGE = {"WWW-Authenticate": "Bearer"}
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def key_matches(given: str, keys: list[str]) -> bool:
    """Whether `given` is one of `keys`, comparing against every key (no early exit)."""
    found = False
    for key in keys:
        found |= hmac.compare_digest(given.encode("utf-8", "replace"), key.encode("utf-8"))
    return found


def _settings(request: Request) -> Settings:
    return request.app.state.settings


def require_writer(request: Request, cred: Credentials) -> None:
    keys = split_keys(_settings(request).api_keys)
    if not keys:
        raise ApiError(
            403,
            "writes are disabled on this server: set CROSSCHECK_API_KEYS=<key>[,<key>…] and "
            "send `Authorization: Bearer <key>`",
        )
    if cred is None:
        raise ApiError(401, "this endpoint needs `Authorization: Bearer <key>`", headers=CHALLENGE)
    if not writer_key_ok(_settings(request), cred.credentials):
        raise ApiError(401, "the bearer key is not valid for writes", headers=CHALLENGE)


PAGE_COOKIE = "crosscheck_key"
DOCS_PATHS = frozenset({"/docs", "/docs/oauth2-redirect", "/redoc", "/openapi.json"})


def writer_key_ok(settings: Settings, key: str | None) -> bool:
    """Whether a key may write: write keys are configured and it is one of them."""
    keys = split_keys(settings.api_keys)
    return bool(keys) and bool(key) and key_matches(key or "", keys)


def reader_key_ok(request: Request, bearer_key: str | None) -> bool:
    """Whether a read is allowed: no read keys configured, or a read or write key given as a
    bearer token or in the page's session cookie."""
    s = _settings(request)
    read_keys = split_keys(s.read_keys)
    if not read_keys:
        return True
    keys = read_keys + split_keys(s.api_keys)
    given = [k for k in (bearer_key, request.cookies.get(PAGE_COOKIE)) if k]
    return any(key_matches(k, keys) for k in given)


def gated_path(path: str, settings: Settings) -> bool:
    """Paths outside /v1 that read keys also gate: the schema and docs, and the metrics."""
    return path in DOCS_PATHS or (path == "/metrics" and not settings.metrics_open)


async def gate_extras(request: Request, call_next):
    """Middleware: with read keys set, /docs, /redoc, /openapi.json and /metrics need one."""
    s = _settings(request)
    if split_keys(s.read_keys) and gated_path(request.url.path, s):
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if not reader_key_ok(request, token if scheme.lower() == "bearer" else None):
            why = "this needs a read key (`Authorization: Bearer <key>`, or enter it at /key)"
            return error(401, "unauthorized", why, CHALLENGE)
    return await call_next(request)


def require_reader(request: Request, cred: Credentials) -> None:
    if reader_key_ok(request, cred.credentials if cred else None):
        return
    if cred is None:
        raise ApiError(401, "reads need `Authorization: Bearer <key>` here", headers=CHALLENGE)
    raise ApiError(401, "the bearer key is not valid", headers=CHALLENGE)
