"""Liveness and readiness (model and index loaded)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from api.errors import ApiError, error
from qa.service import Service

router = APIRouter(tags=["health"])


def ready_service(request: Request) -> Service:
    """The app's service once the model and index are loaded; 503 before."""
    state = request.app.state
    if not state.ready:
        raise ApiError(503, state.load_error or "still loading the model and index")
    return state.service


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(request: Request) -> JSONResponse:
    """The model and index are loaded and questions can be answered."""
    state = request.app.state
    if state.ready:
        return JSONResponse({"status": "ready", **state.service.store.stats()})
    return error(503, "not_ready", state.load_error or "loading the model and index")
