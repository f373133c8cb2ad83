"""POST/GET /v1/ask: answers with agreement across outlets; POST /v1/check: a claim check."""

from __future__ import annotations

import time
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool

from api.errors import ERROR_RESPONSES
from api.routers.health import ready_service
from api.schemas import AskRequest, CheckRequest
from api.security import require_reader
from qa.models import AskResponse, CheckResponse
from qa.service import MAX_K, MAX_QUESTION, MEANINGFUL_ECMA

router = APIRouter(prefix="/v1", tags=["answers"], dependencies=[Depends(require_reader)])
RESPONSES: dict[int | str, dict[str, Any]] = {s: ERROR_RESPONSES[s] for s in (401, 404, 422, 503)}


async def answer(
    request: Request, question: str, k: int, outlets: list[str] | None, story: str | None
) -> AskResponse:
    service = ready_service(request)
    t0 = time.perf_counter()
    response = await run_in_threadpool(service.ask, question, k, outlets, "hybrid", story)
    request.app.state.metrics.observe(time.perf_counter() - t0, response.agreement.verdict)
    return response


@router.post("/ask", response_model=AskResponse, responses=RESPONSES)
async def ask_post(request: Request, body: AskRequest) -> AskResponse:
    """Answer a question from the corpus, with the agreement across outlets."""
    return await answer(request, body.question, body.k, body.outlets, body.story)


@router.get("/ask", response_model=AskResponse, responses=RESPONSES)
async def ask_get(
    request: Request,
    q: str = Query(
        ...,
        min_length=1,
        max_length=MAX_QUESTION,
        examples=["Who fired?"],
        json_schema_extra={"pattern": MEANINGFUL_ECMA},
    ),
    k: int = Query(8, ge=1, le=MAX_K),
    outlet: list[str] | None = Query(None, description="Repeat for several outlets."),  # noqa: B008
    story: str | None = Query(None, max_length=100, description="Answer within this story."),
) -> AskResponse:
    """The same answer for a question in the query string (`?q=…&k=…&outlet=…&story=…`)."""
    return await answer(request, q, k, outlet, story)


@router.post("/check", response_model=CheckResponse, responses=RESPONSES)
async def check(request: Request, body: CheckRequest) -> CheckResponse:
    """Check a statement against the outlets of its story: who supports it, contradicts it,
    hedges it, or says nothing; the verdict and why."""
    service = ready_service(request)
    return await run_in_threadpool(service.check, body.claim, body.story, body.outlets)
