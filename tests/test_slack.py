"""The /factcheck slash command: real Slack signatures, the direct and the delayed reply,
Block Kit's structural rules, through the app and through the running server."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import re
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest
from fastapi.testclient import TestClient
from slack_sdk.signature import SignatureVerifier

from api.app import create_app
from api.blocks import answer_message, clip, quote
from qa.models import AnswerSpan, AskResponse, PassageOut
from tests.conftest import make_settings
from tests.servers import ResponseUrl, Server

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
SNAPSHOTS = Path(__file__).parent / "snapshots"
SNAPSHOT_QUESTIONS = {
    "shots": "How many shots were fired?",
    "when": "When did the shooting happen?",
}

# Block Kit's limits (api.slack.com/reference/block-kit), written out here independently of
# the product's own constants so that a change there cannot loosen the check.
BLOCK_TYPES = {"header", "section", "context", "divider"}
MAX_BLOCKS = 50
MAX_SECTION_TEXT = 3000
MAX_HEADER_TEXT = 150
MAX_CONTEXT_ELEMENTS = 10


def check_block_kit(message: dict) -> None:
    """Assert a slash-command reply obeys Block Kit's structural rules."""
    assert message["response_type"] in {"ephemeral", "in_channel"}
    assert isinstance(message["text"], str) and message["text"].strip(), "no text fallback"
    blocks = message["blocks"]
    assert 1 <= len(blocks) <= MAX_BLOCKS
    for b in blocks:
        assert b["type"] in BLOCK_TYPES, b
        if b["type"] == "header":
            assert b["text"]["type"] == "plain_text"
            assert 1 <= len(b["text"]["text"]) <= MAX_HEADER_TEXT
        elif b["type"] == "section":
            assert b["text"]["type"] in {"mrkdwn", "plain_text"}
            assert 1 <= len(b["text"]["text"]) <= MAX_SECTION_TEXT
        elif b["type"] == "context":
            assert 1 <= len(b["elements"]) <= MAX_CONTEXT_ELEMENTS
            for e in b["elements"]:
                assert e["type"] in {"mrkdwn", "plain_text"}
                assert 1 <= len(e["text"]) <= MAX_SECTION_TEXT
        else:
            assert set(b) <= {"type", "block_id"}
        if "block_id" in b:
            assert len(b["block_id"]) <= 255


def mrkdwn(message: dict) -> str:
    parts = []
    for b in message["blocks"]:
        if "text" in b:
            parts.append(b["text"]["text"])
        parts += [e["text"] for e in b.get("elements", [])]
    return "\n".join(parts)


def signed(
    text: str, response_url: str = "", secret: str = SECRET, timestamp: float | None = None
) -> tuple[str, dict[str, str]]:
    """A slash-command request as Slack sends it: form body and v0 signature headers."""
    body = urlencode(
        {
            "token": "deprecated-verification-token",
            "team_id": "T0001",
            "channel_id": "C2147483705",
            "user_id": "U2147483697",
            "user_name": "desk",
            "command": "/factcheck",
            "text": text,
            "response_url": response_url,
            "trigger_id": "13345224609.738474920.8088930838d88f008e0",
        }
    )
    return sign(body, str(int(time.time() if timestamp is None else timestamp)), secret)


def sign(body: str, ts: str, secret: str = SECRET) -> tuple[str, dict[str, str]]:
    signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    return body, {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": signature,
    }


def signed_with(text: str, ts: str) -> tuple[str, dict[str, str]]:
    """A request correctly signed over a timestamp header that is not a time."""
    body, _ = signed(text)
    return sign(body, ts)


@pytest.fixture(scope="module")
def slack_app(seed_dir):
    app = create_app(make_settings(seed_dir, slack_signing_secret=SECRET))
    with TestClient(app) as client:
        yield app, client


@pytest.fixture()
def client(slack_app):
    app, client = slack_app
    app.state.settings.slack_reply_seconds = 2.0
    return client


@pytest.fixture()
def slow_client(slack_app):
    """Answers are 'too slow' for a direct reply: every question takes the delayed path."""
    app, client = slack_app
    app.state.settings.slack_reply_seconds = 0.0
    yield client
    app.state.settings.slack_reply_seconds = 2.0


# --- through the app ---------------------------------------------------------------


def test_signed_question_gets_block_kit_answer_directly(client):
    body, headers = signed("how many shots were fired?")
    r = client.post("/slack/commands", content=body, headers=headers)
    assert r.status_code == 200
    msg = r.json()
    check_block_kit(msg)
    assert msg["response_type"] == "ephemeral"
    assert msg["blocks"][0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": "how many shots were fired?", "emoji": False},
    }
    text = mrkdwn(msg)
    assert "agreement score" in text and "independent origin" in text
    assert re.search(r"\*[^*\n]+\*", text.split("*Outlets*")[1]), "no bold answer in a quote"
    assert "Verdict:" in msg["text"]


def test_share_posts_in_channel_and_help_explains(client):
    body, headers = signed("share who fired?")
    shared = client.post("/slack/commands", content=body, headers=headers).json()
    check_block_kit(shared)
    assert shared["response_type"] == "in_channel"
    assert shared["blocks"][0]["text"]["text"] == "who fired?"
    for text in ("", "   ", "help", "HELP", "share", "share  "):
        body, headers = signed(text)
        usage = client.post("/slack/commands", content=body, headers=headers).json()
        check_block_kit(usage)
        assert usage["response_type"] == "ephemeral"
        assert "/factcheck share" in usage["text"], text


def test_check_command_checks_a_claim(client):
    body, headers = signed("check the officer fired at least two shots")
    msg = client.post("/slack/commands", content=body, headers=headers).json()
    check_block_kit(msg)
    assert msg["blocks"][0]["text"]["text"] == "the officer fired at least two shots"
    text = mrkdwn(msg)
    assert "*Supported*" in text and ":white_check_mark:" in text
    assert "Verdict: supported" in msg["text"]
    body, headers = signed("check")  # no claim: a question "check", answered as one
    assert client.post("/slack/commands", content=body, headers=headers).status_code == 200


def test_user_mistakes_get_a_note_not_an_error(client):
    body, headers = signed("x" * 600)
    r = client.post("/slack/commands", content=body, headers=headers)
    assert r.status_code == 200
    check_block_kit(r.json())
    assert "limit is 500" in r.json()["text"]


@pytest.mark.parametrize(
    "case",
    [
        "forged",
        "wrong_secret",
        "stale",
        "future",
        "far_future",
        "unsigned",
        "no_timestamp",
        "empty_timestamp",
        "non_numeric_timestamp",
        "huge_timestamp",
        "huge_signature",
        "tampered",
    ],
)
def test_unverified_requests_are_refused_and_logged(client, caplog, case):
    body, headers = signed("who fired?")
    if case == "forged":
        headers["X-Slack-Signature"] = "v0=" + "0" * 64
    elif case == "wrong_secret":
        body, headers = signed("who fired?", secret="not-the-secret")
    elif case == "stale":
        body, headers = signed("who fired?", timestamp=time.time() - 6 * 60)
    elif case == "future":
        body, headers = signed("who fired?", timestamp=time.time() + 6 * 60)
    elif case == "unsigned":
        del headers["X-Slack-Signature"]
    elif case == "no_timestamp":
        del headers["X-Slack-Request-Timestamp"]
    elif case == "far_future":
        body, headers = signed("who fired?", timestamp=time.time() + 10**9)
    elif case == "empty_timestamp":
        headers["X-Slack-Request-Timestamp"] = ""
    elif case == "non_numeric_timestamp":  # signed over "abc": slack-sdk's int() raised
        body, headers = signed_with("who fired?", "abc")
    elif case == "huge_timestamp":
        body, headers = signed_with("who fired?", "9" * 400)
    elif case == "huge_signature":
        headers["X-Slack-Signature"] = "v0=" + "a" * 10_000
    elif case == "tampered":
        body = body.replace("who+fired", "who+lied")
    with caplog.at_level(logging.WARNING, logger="crosscheck.slack"):
        r = client.post("/slack/commands", content=body, headers=headers)
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "unauthorized"
    assert any("refused" in rec.getMessage() for rec in caplog.records)


def test_signed_binary_body_is_refused_not_a_crash(client):
    body = bytes(range(256)) * 4
    ts = str(int(time.time()))
    digest = hmac.new(SECRET.encode(), b"v0:" + ts.encode() + b":" + body, hashlib.sha256)
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": "v0=" + digest.hexdigest(),  # a valid signature over the bytes
    }
    r = client.post("/slack/commands", content=body, headers=headers)
    assert r.status_code == 401
    assert "not UTF-8" in r.json()["error"]["message"]


def test_no_signing_secret_means_503_never_unverified(seed_dir):
    app = create_app(make_settings(seed_dir))
    with TestClient(app) as c:
        body, headers = signed("who fired?")
        r = c.post("/slack/commands", content=body, headers=headers)
    assert r.status_code == 503
    assert "CROSSCHECK_SLACK_SIGNING_SECRET" in r.json()["error"]["message"]


def test_not_ready_is_a_note(seed_dir):
    app = create_app(make_settings(seed_dir, slack_signing_secret=SECRET))
    c = TestClient(app)  # no lifespan: model and index not loaded
    body, headers = signed("who fired?")
    r = c.post("/slack/commands", content=body, headers=headers)
    assert r.status_code == 200
    assert "cannot answer yet" in r.json()["text"]


def test_delayed_answer_is_posted_to_response_url(slow_client):
    with ResponseUrl() as hook:
        body, headers = signed("share when did the shooting happen?", hook.url)
        ack = slow_client.post("/slack/commands", content=body, headers=headers)
        assert ack.status_code == 200
        check_block_kit(ack.json())
        assert "Checking" in ack.json()["text"] and ack.json()["response_type"] == "ephemeral"
        posts = hook.wait_for(1)
    assert len(posts) == 1
    msg = posts[0]["json"]
    check_block_kit(msg)
    assert msg["response_type"] == "in_channel"
    assert msg["blocks"][0]["text"]["text"] == "when did the shooting happen?"
    assert "agreement score" in mrkdwn(msg)


def test_delayed_post_retries_once_then_gives_up(slow_client, caplog):
    with ResponseUrl(statuses=[500]) as hook:
        body, headers = signed("who fired?", hook.url)
        slow_client.post("/slack/commands", content=body, headers=headers)
        posts = hook.wait_for(2)
    assert [p["status"] for p in posts] == [500, 200]
    assert posts[0]["json"] == posts[1]["json"]

    with ResponseUrl(statuses=[503, 503, 503]) as hook, caplog.at_level(logging.WARNING):
        body, headers = signed("who fired?", hook.url)
        slow_client.post("/slack/commands", content=body, headers=headers)
        time.sleep(2)  # give a third attempt, if there were one, time to arrive
        assert [p["status"] for p in hook.posts] == [503, 503]
    assert any("response_url answered 503" in rec.getMessage() for rec in caplog.records)

    body, headers = signed("who fired?", "http://127.0.0.1:9/nothing-listens-here")
    assert slow_client.post("/slack/commands", content=body, headers=headers).status_code == 200
    assert slow_client.get("/readyz").status_code == 200  # the app lives on


# --- Block Kit snapshots and limits ---------------------------------------------------


@pytest.mark.parametrize("name", sorted(SNAPSHOT_QUESTIONS))
def test_block_snapshot(service, name):
    """The blocks for two seed questions, kept in tests/snapshots; regenerate with
    CROSSCHECK_UPDATE_SNAPSHOTS=1 after a deliberate change to answers or layout."""
    msg = answer_message(service.ask(SNAPSHOT_QUESTIONS[name]))
    check_block_kit(msg)
    path = SNAPSHOTS / f"slack_{name}.json"
    if os.environ.get("CROSSCHECK_UPDATE_SNAPSHOTS") == "1":
        path.write_text(json.dumps(msg, indent=2, ensure_ascii=False) + "\n")
    snapshot = json.loads(path.read_text())
    check_block_kit(snapshot)
    assert msg == snapshot


def long_answer(n_outlets: int, passage_chars: int) -> AskResponse:
    words = ("lorem ipsum <dolor> sit & amet " * (passage_chars // 30 + 1))[:passage_chars]
    text = words + " the council counted eleven ballots " + words
    a0 = text.index("eleven")
    p = PassageOut(
        id="doc:0",
        doc_id="doc",
        outlet="Gazette",
        title="T" * 400,
        published=None,
        url="https://example.org/a?b=1&c=2",
        text=text,
        start=100,
        end=100 + len(text),
        score=1.0,
        rank=1,
        answer_span=AnswerSpan(start=100 + a0, end=100 + a0 + 6, text="eleven"),
    )
    outlets = [
        {
            "outlet": f"Outlet {i} " + "x" * 150,
            "doc_ids": [f"d{i}"],
            "stance": s,
            "display": "y" * 300,
        }
        for i, s in enumerate(["supports", "conflicts", "unclear"] * (n_outlets // 3 + 1))
        if i < n_outlets
    ]
    return AskResponse.model_validate(
        {
            "question": "How many ballots? " * 20,
            "qtype": "how_many",
            "answer": {"value": "11", "display": "eleven", "type": "number"},
            "agreement": {
                "score": 0.5,
                "verdict": "mixed",
                "origins": n_outlets,
                "outlets": outlets,
                "explanation": "z " * 3000,
            },
            "passages": [p.model_copy(update={"rank": i + 1}) for i in range(8)],
        }
    )


def test_huge_answers_stay_within_block_kit_limits():
    msg = answer_message(long_answer(n_outlets=400, passage_chars=20_000))
    check_block_kit(msg)
    text = mrkdwn(msg)
    assert "*eleven*" in text  # the answer survives the cut, in bold
    assert "<dolor>" not in text and "&lt;dolor&gt;" in text
    assert "more (full list" in text  # outlets past four sections are counted, not dropped
    small = mrkdwn(answer_message(long_answer(n_outlets=6, passage_chars=100)))
    lines = [ln for ln in small.split("*Outlets*")[1].splitlines() if ln.startswith(":")]
    assert [ln.split()[0] for ln in lines] == [":x:"] * 2 + [":white_check_mark:"] * 2 + [
        ":grey_question:"
    ] * 2, "conflicting outlets first"


def test_clip_cuts_at_words_with_an_ellipsis_and_keeps_the_answer():
    text = "The quick brown fox jumps over the lazy dog and then sleeps in the sun all day."
    for keep in [None, (4, 9), (40, 47), (70, 79)]:
        out, shift = clip(text, 30, keep)
        assert len(out) <= 30
        inner = out.strip("…")
        assert inner in text and (inner == text or "…" in out)
        assert text.startswith(inner) or text[text.index(inner) - 1] == " "
        assert text.endswith(inner) or text[text.index(inner) + len(inner)] == " "
        if keep:
            assert out[keep[0] - shift : keep[1] - shift] == text[keep[0] : keep[1]]
    assert clip("short", 30) == ("short", 0)


def test_quote_bolds_the_answer_span():
    p = long_answer(1, 50).passages[0]
    q = quote(p)
    assert q.startswith("> ") and "*eleven*" in q and len(q) < 700


# --- through the running server --------------------------------------------------------


@pytest.mark.slow
def test_slack_through_running_server(seed_copy):
    direct = Server(seed_copy, CROSSCHECK_SLACK_SIGNING_SECRET=SECRET)
    delayed = Server(
        seed_copy, CROSSCHECK_SLACK_SIGNING_SECRET=SECRET, CROSSCHECK_SLACK_REPLY_SECONDS="0"
    )
    try:
        direct.wait_ready()
        delayed.wait_ready()
        body, headers = signed("how many shots were fired?")
        # Slack's three seconds are kept by design, not timed here (a timed assert failed
        # under a loaded machine): an answer not ready within CROSSCHECK_SLACK_REPLY_SECONDS
        # is acknowledged with "Checking…" and posted later, as the delayed server shows below
        r = httpx.post(f"{direct.url}/slack/commands", content=body, headers=headers, timeout=10)
        assert r.status_code == 200
        check_block_kit(r.json())
        assert "agreement score" in mrkdwn(r.json())

        for bad in (
            signed("who fired?", secret="wrong")[1],
            signed("who fired?", timestamp=time.time() - 600)[1],
            {"Content-Type": "application/x-www-form-urlencoded"},
        ):
            r = httpx.post(f"{direct.url}/slack/commands", content=body, headers=bad, timeout=10)
            assert r.status_code == 401, bad

        with ResponseUrl() as hook:
            body, headers = signed("who fired?", hook.url)
            r = httpx.post(f"{delayed.url}/slack/commands", content=body, headers=headers)
            assert r.status_code == 200 and "Checking" in r.json()["text"]
            posts = hook.wait_for(1)
        assert len(posts) == 1
        check_block_kit(posts[0]["json"])
        assert posts[0]["json"]["blocks"][0]["text"]["text"] == "who fired?"
    finally:
        delayed.stop()
        log = direct.stop()
    assert log.count("slack: refused a request") == 3
