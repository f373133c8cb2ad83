"""The HTTP application (FastAPI): answers, documents, outlets, health, metrics and the desk's
web page.

The model and index load once at start-up (lifespan); CPU work runs in the thread pool;
writes go through the store's single writer lock.
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.staticfiles import StaticFiles

from api import errors, slack
from api.limits import BodyLimit
from api.metrics import instrument
from api.routers import ask, documents, health, pages, stories
from api.security import gate_extras
from api.warm import SheetWarmer
from index.config import Settings, get_settings, split_keys
from index.embed import ModelLoadError
from index.faults import StoreError
from index.pool import WritePool, yield_to_writes
from qa.service import Service

log = logging.getLogger("crosscheck.api")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # the write process loads its models while the server loads the index, so that it
        # is up by /readyz (at 1M passages the server takes ~15 s): writes that arrive
        # before it are prepared in the server, under the interpreter lock the readers hold
        writes = WritePool(settings) if settings.write_process else None
        if writes is not None:
            writes.start()
            # the readers give way once there is a loaded write process to give way to:
            # yielding while it still loads its models left the first questions after
            # /readyz to wait for that load (3 s for one Slack command on a busy machine)
            writes.when_ready(lambda: yield_to_writes(settings.read_nice))
        app.state.writes = writes
        try:
            try:
                service = Service(settings)
                await run_in_threadpool(service.warm_up)
                app.state.service = service
                app.state.ready = True
            except (StoreError, ModelLoadError) as exc:
                app.state.load_error = str(exc)
                log.error("cannot serve answers: %s", exc)
                yield
                return
            warmer = SheetWarmer(service, settings.sheet_warm_stories)
            warmer.start()
            yield
            warmer.stop()
        finally:
            if writes is not None:
                writes.stop()

    app = FastAPI(
        title="crosscheck",
        version="1",
        description="Answers from news articles, quoted with exact offsets, with an agreement "
        "score across outlets. Writes need `Authorization: Bearer <key>` (CROSSCHECK_API_KEYS).",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.ready = False
    app.state.load_error = None
    app.state.writes = None
    errors.install(app)
    app.include_router(health.router)
    app.include_router(ask.router)
    app.include_router(documents.router)
    app.include_router(stories.router)
    app.include_router(slack.router)
    app.include_router(pages.router)
    app.add_exception_handler(pages.Halt, pages.halted)
    static = resources.files("api").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.state.metrics = instrument(app)
    origins = split_keys(settings.cors_origins)
    if origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=origins,
            allow_methods=["GET", "POST", "PUT", "DELETE"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.middleware("http")(gate_extras)
    app.openapi = lambda: openapi_schema(app, settings)  # type: ignore[method-assign]
    return app


READS = {"/v1/ask", "/v1/check"}  # POSTs that only read


def openapi_schema(app: FastAPI, settings: Settings) -> dict[str, Any]:
    """FastAPI's schema, saying what this configuration does: without CROSSCHECK_READ_KEYS,
    reads need no key, so they declare no security (a client must not be told to send one)."""
    if app.openapi_schema is None:
        schema = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
        )
        if not split_keys(settings.read_keys):
            for path, operations in schema.get("paths", {}).items():
                for method, op in operations.items():
                    if method == "get" or path in READS:
                        op.pop("security", None)
        app.openapi_schema = schema
    return app.openapi_schema
