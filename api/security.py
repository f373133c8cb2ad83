"""Bearer-key access: writes need a key from CROSSCHECK_API_KEYS; reads one only when
CROSSCHECK_READ_KEYS is set. Keys are compared in constant time."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.errors import ApiError
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
    if not key_matches(cred.credentials, keys):
        raise ApiError(401, "the bearer key is not valid for writes", headers=CHALLENGE)


def require_reader(request: Request, cred: Credentials) -> None:
    s = _settings(request)
    read_keys = split_keys(s.read_keys)
    if not read_keys:
        return
    if cred is None:
        raise ApiError(401, "reads need `Authorization: Bearer <key>` here", headers=CHALLENGE)
    if not key_matches(cred.credentials, read_keys + split_keys(s.api_keys)):
        raise ApiError(401, "the bearer key is not valid", headers=CHALLENGE)
