"""api/routers/pages.py through FastAPI's TestClient: keys kept in a session cookie, read keys
gating the page as they gate the API, clear pages for bad input, escaping, adding articles."""

from __future__ import annotations

import json
import shutil

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from api.app import create_app
from tests.conftest import make_settings

WRITE = "page-write-key"
READ = "page-read-key"
STORY = "ice-shooting-minneapolis-fatal-officer-involved"


@pytest.fixture(scope="module")
def client(seed_dir, tmp_path_factory):
    data = tmp_path_factory.mktemp("pages") / "data"
    shutil.copytree(seed_dir, data)
    settings = make_settings(data, api_keys=WRITE, read_keys=READ, sheet_warm_stories=0)
    with TestClient(create_app(settings), base_url="http://testserver") as c:
        yield c


def enter(client: TestClient, key: str) -> None:
    r = client.post("/key", data={"key": key, "next": "/"}, follow_redirects=False)
    assert r.status_code == 303


def test_read_keys_gate_the_page_and_a_key_is_kept(client):
    client.cookies.clear()
    r = client.get("/", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/key?next=/"
    assert client.get(f"/stories/{STORY}", follow_redirects=False).status_code == 303
    enter(client, "wrong")
    assert client.get("/", follow_redirects=False).status_code == 303
    enter(client, READ)
    page = client.get("/")
    assert page.status_code == 200 and "Minneapolis" in page.text
    assert "Add articles" in page.text  # writes are enabled here, with a write key
    cookie = next(c for c in client.cookies.jar if c.name == "crosscheck_key")
    assert cookie.has_nonstandard_attr("HttpOnly") or cookie._rest.get("HttpOnly") is not None


def test_key_form_refuses_other_sites_and_open_redirects(client):
    r = client.post(
        "/key",
        data={"key": READ, "next": "/"},
        headers={"Origin": "http://evil.example"},
        follow_redirects=False,
    )
    assert r.status_code == 403
    r = client.post("/key", data={"key": READ, "next": "//evil.example/x"}, follow_redirects=False)
    assert r.headers["location"] == "/"


def test_unknown_story_and_document_are_clear_404_pages(client):
    enter(client, READ)
    r = client.get("/stories/no-such-story")
    assert r.status_code == 404 and "no story &#39;no-such-story&#39;" in r.text
    assert "text/html" in r.headers["content-type"]
    r = client.get("/documents/nope_1")
    assert r.status_code == 404 and "no document" in r.text


def test_document_view_highlights_exact_offsets(client):
    enter(client, READ)
    doc = client.get(
        "/v1/documents/004_0db872d4e7fa121a", headers={"Authorization": f"Bearer {READ}"}
    ).json()
    p = doc["passages"][2]
    r = client.get(f"/documents/004_0db872d4e7fa121a?start={p['start']}&end={p['end']}")
    marked = r.text.split('<mark id="passage" class="passage" tabindex="-1">')[1].split("</mark>")[
        0
    ]
    assert marked == str(escape(doc["text"][p["start"] : p["end"]]))
    # offsets outside the text show the document without a highlight, not an error
    r = client.get("/documents/004_0db872d4e7fa121a?start=5&end=99999999")
    assert r.status_code == 200 and "<mark" not in r.text


def test_sheet_json_and_page_agree(client):
    enter(client, READ)
    sheet = client.get(
        f"/v1/stories/{STORY}/sheet", headers={"Authorization": f"Bearer {READ}"}
    ).json()
    assert sheet["story"]["id"] == STORY and sheet["rows"]
    assert sheet["disputed"] == sum(r["disputed"] for r in sheet["rows"])
    flags = [r["disputed"] for r in sheet["rows"]]
    assert flags == sorted(flags, reverse=True)  # disputed first
    page = client.get(f"/stories/{STORY}")
    assert f"{sheet['disputed']} disputed of {len(sheet['rows'])} facts" in page.text
    assert (
        client.get(
            "/v1/stories/nope/sheet", headers={"Authorization": f"Bearer {READ}"}
        ).status_code
        == 404
    )


def test_adding_needs_a_write_key(client):
    enter(client, READ)
    r = client.post("/add", data={"text": "A bridge fell on Monday, police said."})
    assert r.status_code == 403 and "write key" in r.text


def test_add_pasted_article_escapes_and_reports_bad_metadata(client):
    enter(client, WRITE)
    r = client.post("/add", data={"text": "Storm hit the coast.", "published": "last week"})
    assert r.status_code == 422 and "published" in r.text
    text = "A <b>tram</b> derailed in Lisbon on Monday, injuring four people, the operator said."
    r = client.post("/add", data={"text": text, "outlet": "<script>x()</script> Post"})
    assert r.status_code == 200 and "in story" in r.text
    doc_id = r.text.split('href="/documents/')[1].split('"')[0]
    doc = client.get(f"/documents/{doc_id}")
    assert "<script>x()" not in doc.text and "&lt;script&gt;x()" in doc.text
    assert "&lt;b&gt;tram&lt;/b&gt;" in doc.text


def test_upload_jsonl_adds_good_lines_and_lists_bad_ones(client):
    enter(client, WRITE)
    lines = [
        {
            "doc_id": "upl_1",
            "outlet": "Valley News",
            "text": "Floods closed the A9 road on Friday.",
        },
        {"doc_id": "upl 2", "text": "bad id"},
    ]
    body = "\n".join(json.dumps(x) for x in lines).encode()
    r = client.post("/add", files={"file": ("batch.jsonl", body, "application/x-ndjson")})
    assert r.status_code == 200
    assert "/documents/upl_1" in r.text and "batch.jsonl:2" in r.text
    r = client.post("/add", files={"file": ("notes.pdf", b"%PDF-1.4", "application/pdf")})
    assert r.status_code == 422 and "unsupported file type" in r.text
