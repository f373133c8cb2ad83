"""The HTTP application (FastAPI): answers, health and readiness.

The model and index load once at start-up (lifespan); CPU work runs in the thread pool.
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from index.config import Settings, get_settings
from index.store import StoreError
from qa.models import AskResponse
from qa.service import MAX_K, MAX_QUESTION, BadRequest, Service

log = logging.getLogger("crosscheck.api")


class AskRequest(BaseModel):
    question: str = Field(min_length=1, max_length=20_000, examples=["How many shots were fired?"])
    k: int = Field(8, ge=1, le=MAX_K)
    outlets: list[str] | None = Field(None, max_length=100, examples=[["MS NOW"]])


def error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    state: dict[str, object] = {"ready": False}

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        service = Service(settings)
        app.state.service = service
        try:
            await run_in_threadpool(service.warm_up)
            state["ready"] = True
        except StoreError as exc:
            state["error"] = str(exc)
            log.error("index not usable: %s", exc)
        yield

    app = FastAPI(
        title="crosscheck",
        version="1",
        description="Answers from news articles, with agreement across outlets.",
        lifespan=lifespan,
    )

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x != "body")
            parts.append(f"{where or 'body'}: {e.get('msg')}")
        return error(422, "invalid_request", "; ".join(parts))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error(exc.status_code, "http_error", str(exc.detail))

    @app.exception_handler(BadRequest)
    async def _bad(_: Request, exc: BadRequest) -> JSONResponse:
        return error(422, "invalid_request", str(exc))

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz")
    async def readyz() -> JSONResponse:
        if state["ready"]:
            return JSONResponse({"status": "ready", **app.state.service.store.stats()})
        return error(503, "not_ready", str(state.get("error", "loading the model and index")))

    async def _ask(question: str, k: int, outlets: list[str] | None) -> AskResponse:
        if not state["ready"]:
            raise StarletteHTTPException(503, str(state.get("error", "still loading")))
        if len(question.strip()) > MAX_QUESTION:
            raise BadRequest(f"the question is longer than {MAX_QUESTION} characters")
        return await run_in_threadpool(app.state.service.ask, question, k, outlets)

    @app.post("/v1/ask", response_model=AskResponse)
    async def ask_post(body: AskRequest) -> AskResponse:
        return await _ask(body.question, body.k, body.outlets)

    @app.get("/v1/ask", response_model=AskResponse)
    async def ask_get(
        q: str = Query(..., min_length=1, max_length=20_000),
        k: int = Query(8, ge=1, le=MAX_K),
        outlet: list[str] | None = Query(None),  # noqa: B008
    ) -> AskResponse:
        return await _ask(q, k, outlet)

    return app
