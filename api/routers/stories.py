"""Stories: list them, read one, merge one into another."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Request
from fastapi.concurrency import run_in_threadpool

from api.errors import ERROR_RESPONSES, ApiError
from api.routers.health import ready_service
from api.schemas import StoryMerge
from api.security import require_reader, require_writer
from index.models import StoryInfo
from index.stories import STORY_ID
from qa.models import DisputeSheet

router = APIRouter(prefix="/v1", tags=["stories"])
STORY = Path(pattern=STORY_ID, max_length=100, examples=["ice-shooting-minneapolis"])


def _responses(*codes: int) -> dict:
    return {c: ERROR_RESPONSES[c] for c in codes}


def newest_first(stories: list[StoryInfo]) -> list[StoryInfo]:
    """Latest publication first; undated stories after the dated ones, by id."""
    dated = sorted((s for s in stories if s.last), key=lambda s: (s.last, s.story_id), reverse=True)
    return dated + sorted((s for s in stories if not s.last), key=lambda s: s.story_id)


@router.get(
    "/stories",
    response_model=list[StoryInfo],
    dependencies=[Depends(require_reader)],
    responses=_responses(401),
)
async def list_stories(request: Request) -> list[StoryInfo]:
    """Every story (one news event each): its most central headline, outlets, documents and
    first and last publication dates, newest first."""
    stories = await run_in_threadpool(ready_service(request).stories)
    return newest_first(list(stories.values()))


@router.get(
    "/stories/{story_id}",
    response_model=StoryInfo,
    dependencies=[Depends(require_reader)],
    responses=_responses(401, 404),
)
async def get_story(request: Request, story_id: str = STORY) -> StoryInfo:
    """One story."""
    service = ready_service(request)
    await run_in_threadpool(service.store.refresh)
    return await run_in_threadpool(service.check_story, story_id)


@router.get(
    "/stories/{story_id}/sheet",
    response_model=DisputeSheet,
    dependencies=[Depends(require_reader)],
    responses=_responses(401, 404),
)
async def get_sheet(request: Request, story_id: str = STORY) -> DisputeSheet:
    """The story's dispute sheet: its key facts (when, where, who acted, counts, outcomes) and
    the other points outlets report differently, each with every outlet's value and the
    verdict, disputed rows first. Computed once per index generation."""
    return await run_in_threadpool(ready_service(request).sheet, story_id)


@router.post(
    "/stories/{story_id}/merge",
    response_model=StoryInfo,
    dependencies=[Depends(require_writer)],
    responses=_responses(401, 403, 404, 409, 422, 503, 507),
)
async def merge_story(request: Request, body: StoryMerge, story_id: str = STORY) -> StoryInfo:
    """Move every document of this story into `into` (which must exist); returns the merged
    story. The documents stay there on re-index."""
    service = ready_service(request)
    source = await run_in_threadpool(service.check_story, story_id)
    await run_in_threadpool(service.check_story, body.into)
    if body.into == story_id:
        raise ApiError(409, "a story cannot be merged into itself; name another story in `into`")
    await run_in_threadpool(service.store.move_documents, source.doc_ids, body.into)
    return await run_in_threadpool(service.check_story, body.into)
