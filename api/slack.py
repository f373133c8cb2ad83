"""POST /slack/commands: the `/factcheck` slash command.

Every request is checked with slack-sdk's `SignatureVerifier` (v0 HMAC-SHA256 over
`v0:timestamp:body`, constant-time compare, five-minute replay window) before anything is
read from it; unsigned, forged and stale requests get 401 and are logged. slack-bolt is not
used: a bolt app needs a bot token or an authorize callback on every request, and this
command needs neither (replies go to the request's `response_url`).

Slack wants an acknowledgement within 3 seconds. The answer is sent directly when it is ready
within `CROSSCHECK_SLACK_REPLY_SECONDS`; otherwise the command acknowledges "Checking…" and
posts the answer to `response_url` when it is ready (one retry, then it gives up and logs).
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.signature import SignatureVerifier
from slack_sdk.webhook import WebhookClient
from starlette.datastructures import Headers

from api.blocks import USAGE, answer_message, check_message, note_message
from api.errors import ERROR_RESPONSES, ApiError
from api.routers.ask import answer
from api.routers.health import ready_service
from qa.service import BadRequest

log = logging.getLogger("crosscheck.slack")
router = APIRouter(tags=["slack"])
REPLAY_WINDOW = 60 * 5  # seconds; SignatureVerifier's own window, named for the log message
MAX_TIMESTAMP_DIGITS = 12  # Unix seconds have 10 digits until the year 2286
MAX_SIGNATURE_CHARS = 128  # "v0=" and 64 hex digits
ASK_K = 8  # passages asked for; the message quotes the answer-bearing ones among them first
CHECKING = ":hourglass_flowing_sand: Checking the sources…"


def refusal(verifier: SignatureVerifier, body: bytes, headers: Headers) -> str | None:
    """Why a request must be refused (for the log), or None when Slack signed it."""
    timestamp = headers.get("x-slack-request-timestamp")
    signature = headers.get("x-slack-signature")
    if not timestamp or not signature:
        return "unsigned"
    # checked before slack-sdk sees them: it calls int() on the timestamp (a ValueError, a
    # 500, for "abc"), and a 400-digit one is no time at all
    if not timestamp.isascii() or not timestamp.isdigit() or len(timestamp) > MAX_TIMESTAMP_DIGITS:
        return "malformed timestamp"
    if len(signature) > MAX_SIGNATURE_CHARS:
        return "malformed signature"
    if abs(time.time() - int(timestamp)) > REPLAY_WINDOW:
        return "stale timestamp (replay?)"
    try:  # slack-sdk decodes the body as UTF-8 itself, and raises (a 500) on binary
        body.decode("utf-8")
    except UnicodeDecodeError:
        return "malformed body (not UTF-8 form data)"
    if verifier.is_valid(body=body, timestamp=timestamp, signature=signature):
        return None
    return "bad signature"


def parse_command(text: str) -> tuple[str | None, str]:
    """`share <question>` posts in the channel; no text or `help` asks for usage (None)."""
    words = text.split(maxsplit=1)
    if not words or words[0].lower() in {"help", "-h", "--help"}:
        return None, "ephemeral"
    if words[0].lower() == "share":
        return (words[1] if len(words) > 1 else None), "in_channel"
    return text, "ephemeral"


def split_story(text: str) -> tuple[str | None, str]:
    """`story:<id> <question>` answers within that story; otherwise the story is routed to,
    as the API does."""
    first, _, rest = text.strip().partition(" ")
    if first.lower().startswith("story:") and rest.strip():
        return first[len("story:") :] or None, rest.strip()
    return None, text


def split_check(text: str) -> str | None:
    """`check <claim>`: the claim to check; None for a question."""
    first, _, rest = text.strip().partition(" ")
    return rest.strip() if first.lower() == "check" and rest.strip() else None


async def reply(request: Request, question: str, response_type: str) -> dict[str, Any]:
    """The message answering `question` (or checking `check <claim>`); a user's mistake
    becomes a note, never an error."""
    story, question = split_story(question)
    claim = split_check(question)
    try:
        if claim is not None:
            service = ready_service(request)
            checked = await run_in_threadpool(service.check, claim, story)
            return check_message(checked, response_type)
        response = await answer(request, question, ASK_K, None, story)
    except BadRequest as exc:
        return note_message(f":warning: {exc}")
    except ApiError as exc:
        return note_message(f":hourglass: crosscheck cannot answer yet: {exc.detail}")
    except Exception:  # a bug must not cost the desk its reply
        log.exception("slack: answering %r failed", question)
        return note_message(":warning: crosscheck failed to answer; the error is in its log.")
    return answer_message(response, response_type)


def post(url: str, message: dict[str, Any], timeout: float) -> bool:
    """POST a message to a `response_url`: one retry on a connection or server error."""
    client = WebhookClient(
        url,
        timeout=max(1, round(timeout)),
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=1),
            ServerErrorRetryHandler(max_retry_count=1),
        ],
    )
    try:
        sent = client.send_dict(message)
    except Exception as exc:  # unreachable host, bad URL: give up and say so
        log.warning("slack: could not post to response_url: %s", exc)
        return False
    if sent.status_code != 200:
        log.warning("slack: response_url answered %s %s", sent.status_code, sent.body[:200])
        return False
    return True


async def deliver(pending: asyncio.Future, url: str, timeout: float) -> None:
    """Background: wait for the answer, then post it to Slack."""
    try:
        message = await pending
        await run_in_threadpool(post, url, message, timeout)
    except Exception:  # never let a background failure reach the server
        log.exception("slack: delayed reply failed")


@router.post(
    "/slack/commands",
    responses={s: ERROR_RESPONSES[s] for s in (401, 503)},
    summary="Slack slash command /factcheck",
)
async def slack_command(request: Request, background: BackgroundTasks) -> JSONResponse:
    """Answer `/factcheck <question>` (signed by Slack) with a Block Kit message."""
    settings = request.app.state.settings
    if not settings.slack_signing_secret:
        raise ApiError(
            503,
            "the Slack command is off: set CROSSCHECK_SLACK_SIGNING_SECRET to the Slack app's "
            "signing secret",
            code="slack_not_configured",
        )
    body = await request.body()
    why = refusal(SignatureVerifier(settings.slack_signing_secret), body, request.headers)
    if why:
        client = request.client.host if request.client else "unknown"
        log.warning("slack: refused a request from %s: %s", client, why)
        raise ApiError(401, f"request refused: {why}")
    form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
    if form.get("ssl_check"):
        return JSONResponse({})
    question, response_type = parse_command(form.get("text", ""))
    if question is None:
        return JSONResponse(note_message(USAGE))
    pending = asyncio.ensure_future(reply(request, question, response_type))
    done, _ = await asyncio.wait({pending}, timeout=settings.slack_reply_seconds)
    if done:  # ready within the budget: the answer is the reply itself
        return JSONResponse(pending.result())
    url = form.get("response_url")
    if not url:
        return JSONResponse(await pending)  # nowhere to post later: answer late rather than never
    background.add_task(deliver, pending, url, settings.slack_post_timeout)
    return JSONResponse(note_message(CHECKING))
