"""The HTTP API through FastAPI's TestClient: every endpoint, bad input, keys, limits."""

from __future__ import annotations

import shutil
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.app import create_app
from tests.conftest import make_settings

KEY = "right-key"
AUTH = {"Authorization": f"Bearer {KEY}"}
ARTICLE = (
    "A security guard fired four shots at a delivery truck on Elm Street in Springfield on "
    "Monday, police said. Nobody was hurt. The guard told reporters the driver had tried to "
    "run him over."
)


@pytest.fixture(scope="module")
def client(seed_dir, tmp_path_factory):
    data = tmp_path_factory.mktemp("api") / "data"
    shutil.copytree(seed_dir, data)
    app = create_app(make_settings(data, api_keys=f"other-key, {KEY}", max_body_bytes=40_000))
    with TestClient(app) as c:
        yield c


def error_of(r, status: int) -> dict:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["message"]
    return body["error"]


def test_health_ready_and_metrics(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz").json()
    assert ready["status"] == "ready" and ready["documents"] >= 5
    client.post("/v1/ask", json={"question": "Who fired?"})
    text = client.get("/metrics").text
    assert "crosscheck_answer_seconds_count" in text
    assert 'crosscheck_verdicts_total{verdict="' in text
    assert "http_requests_total" in text  # the instrumentator's own


def test_ask_post_and_get(client):
    r = client.post("/v1/ask", json={"question": "How many shots were fired?", "k": 3})
    assert r.status_code == 200
    body = r.json()
    assert body["qtype"] == "how_many" and len(body["passages"]) == 3
    assert body["agreement"]["verdict"] in {"consistent", "mixed", "conflicting", "single_source"}
    g = client.get("/v1/ask", params={"q": "How many shots were fired?", "k": 3})
    assert g.json()["answer"] == body["answer"]
    only = client.get("/v1/ask", params=[("q", "Who fired?"), ("outlet", "MS NOW")])
    assert {p["outlet"] for p in only.json()["passages"]} == {"MS NOW"}


def test_unknown_outlets_are_not_found(client):
    r = client.post("/v1/ask", json={"question": "Who?", "outlets": ["No Such Outlet"]})
    assert r.status_code == 404
    assert "unknown outlet(s): 'No Such Outlet'" in r.json()["error"]["message"]


def test_methods_not_allowed_name_every_method_of_the_path(client):
    r = client.request("PATCH", "/v1/ask")
    assert r.status_code == 405 and r.headers["allow"] == "GET, HEAD, POST"
    r = client.request("OPTIONS", "/v1/documents/x")
    assert r.status_code == 405
    assert {"GET", "PUT", "DELETE", "PATCH"} <= set(r.headers["allow"].split(", "))


@pytest.mark.parametrize(
    "body",
    [
        {"question": ""},
        {"question": "   "},
        {"question": "x" * 20_000},
        {"question": "y " * 300},  # 600 characters: over the 500 limit after trimming
        {"question": "Who?", "k": 0},
        {"question": "Who?", "k": -1},
        {"question": "Who?", "k": 10**6},
        {"question": "Who?", "k": "three"},
        {"question": 42},
        {"question": ["Who?"]},
        {"question": "Who?", "outlets": "MS NOW"},
        {"k": 3},
        [],
        "Who fired?",
    ],
)
def test_bad_questions_are_422(client, body):
    assert error_of(client.post("/v1/ask", json=body), 422)["code"] == "invalid_request"


@pytest.mark.parametrize(
    "raw",
    [
        b'{"question": "Who',
        b"not json",
        b"",
        b'{"question": "a", }',
        b"\xff\xfe",
        b"NaN",  # JavaScript's non-standard numbers, which Python's parser accepts
        b'{"question": "Who fired?", "k": Infinity}',
    ],
)
def test_malformed_json_is_422(client, raw):
    r = client.post("/v1/ask", content=raw, headers={"content-type": "application/json"})
    assert error_of(r, 422)["code"] == "invalid_request"


@pytest.mark.parametrize(
    "question",
    [
        "Who\x00 fired?",
        "\u202eWho fired?\u202c",  # right-to-left override
        "Who fired? 🔫🤔",
        "Ｗｈｏ ｆｉｒｅｄ？",  # full-width
        "\u200b\u200b",  # zero-width only
        "e\u0301\u0301\u0301 " * 10,
    ],
)
def test_odd_unicode_never_500(client, question):
    r = client.post("/v1/ask", json={"question": question})
    assert r.status_code in {200, 422}, r.text


def test_lone_surrogate_is_422(client):
    raw = b'{"question": "\\ud800 who fired?"}'
    r = client.post("/v1/ask", content=raw, headers={"content-type": "application/json"})
    error_of(r, 422)
    r = client.get("/v1/ask?q=%ED%A0%80")  # a surrogate's UTF-8-style bytes in the URL
    assert r.status_code in {200, 422}


def test_documents_list_pages_and_offsets(client):
    page = client.get("/v1/documents", params={"limit": 2}).json()
    assert len(page["items"]) == 2 and page["next_offset"] == 2 and page["total"] >= 5
    seen = []
    offset = 0
    while offset is not None:
        p = client.get("/v1/documents", params={"offset": offset, "limit": 2}).json()
        seen += [d["doc_id"] for d in p["items"]]
        offset = p["next_offset"]
    assert len(seen) == len(set(seen)) == page["total"]
    for bad in ({"limit": 0}, {"limit": 10**6}, {"offset": -1}, {"limit": "x"}):
        error_of(client.get("/v1/documents", params=bad), 422)
    outlets = client.get("/v1/outlets").json()
    assert {"MS NOW", "Al Jazeera"} <= {o["outlet"] for o in outlets}
    assert all(o["documents"] == len(o["doc_ids"]) for o in outlets)


def test_every_passage_and_span_points_into_its_document(client):
    for q in ["How many shots were fired?", "When did the shooting happen?", "Who fired?"]:
        body = client.post("/v1/ask", json={"question": q, "k": 20}).json()
        texts: dict[str, str] = {}
        for p in body["passages"]:
            if p["doc_id"] not in texts:
                texts[p["doc_id"]] = client.get(f"/v1/documents/{p['doc_id']}").json()["text"]
            text = texts[p["doc_id"]]
            assert text[p["start"] : p["end"]] == p["text"]
            span = p["answer_span"]
            if span:
                assert text[span["start"] : span["end"]] == span["text"]


def test_unknown_document_is_404(client):
    assert error_of(client.get("/v1/documents/no_such_doc"), 404)["code"] == "not_found"
    error_of(client.delete("/v1/documents/no_such_doc", headers=AUTH), 404)
    error_of(client.get("/v1/documents/bad id!"), 422)
    error_of(client.get("/v1/nothing-here"), 404)
    error_of(client.post("/v1/documents/x"), 405)
    assert error_of(
        client.patch("/v1/documents/no_such_doc", json={"story": "s"}, headers=AUTH), 404
    )


def test_writes_need_the_right_key(client):
    doc = {"doc_id": "keyed_doc", "text": ARTICLE}
    assert error_of(client.post("/v1/documents", json=doc), 401)["code"] == "unauthorized"
    wrong = client.post("/v1/documents", json=doc, headers={"Authorization": "Bearer nope"})
    assert error_of(wrong, 401) and wrong.headers["www-authenticate"] == "Bearer"
    basic = client.post("/v1/documents", json=doc, headers={"Authorization": "Basic a2V5"})
    error_of(basic, 401)
    assert client.get("/v1/documents/keyed_doc").status_code == 404  # nothing was written
    assert client.post("/v1/documents", json=doc, headers=AUTH).status_code == 201
    assert error_of(client.delete("/v1/documents/keyed_doc"), 401)
    assert client.delete("/v1/documents/keyed_doc", headers=AUTH).status_code == 204


def test_document_lifecycle(client):
    doc = {"doc_id": "gazette_1", "outlet": "Springfield Gazette", "published": "2025-06-04"}
    r = client.post("/v1/documents", json=doc | {"text": ARTICLE}, headers=AUTH)
    assert r.status_code == 201 and r.json()["status"] == "added" and r.json()["passages"] >= 1
    dup = client.post("/v1/documents", json=doc | {"text": ARTICLE}, headers=AUTH)
    assert error_of(dup, 409)["code"] == "conflict"
    stored = client.get("/v1/documents/gazette_1").json()
    assert stored["outlet"] == "Springfield Gazette" and stored["text"].startswith("A security")
    for p in stored["passages"]:
        assert p["id"].startswith("gazette_1:") and 0 <= p["start"] < p["end"]
    ask = {"question": "How many shots did the guard fire at the truck?", "outlets": ["gazette_1"]}
    answer = client.post("/v1/ask", json=ask).json()
    assert answer["answer"]["value"] == "4" and answer["passages"][0]["doc_id"] == "gazette_1"
    put = {"outlet": "Springfield Gazette", "text": ARTICLE.replace("four", "six")}
    r = client.put("/v1/documents/gazette_1", json=put, headers=AUTH)
    assert r.status_code == 200 and r.json()["status"] == "replaced"
    assert client.post("/v1/ask", json=ask).json()["answer"]["value"] == "6"
    assert client.put("/v1/documents/gazette_1", json=put, headers=AUTH).json()["status"] == (
        "unchanged"
    )
    assert client.delete("/v1/documents/gazette_1", headers=AUTH).status_code == 204
    assert client.get("/v1/documents/gazette_1").status_code == 404
    error_of(client.post("/v1/ask", json=ask), 404)  # the outlet is gone with its document


@pytest.mark.parametrize(
    "doc",
    [
        {"doc_id": "has space", "text": ARTICLE},
        {"doc_id": "", "text": ARTICLE},
        {"doc_id": "d1", "text": ""},
        {"doc_id": "d1"},
        {"doc_id": "d1", "text": ARTICLE, "published": "last week"},
        {"doc_id": "d1", "text": "a\x00b"},
        {"doc_id": "d1", "text": "Leave a Comment\nScroll to Top"},  # nothing but debris
    ],
)
def test_bad_documents_are_422(client, doc):
    error_of(client.post("/v1/documents", json=doc, headers=AUTH), 422)
    assert client.get("/v1/documents/d1").status_code == 404


def test_oversized_body_is_413(client):
    big = {"doc_id": "big", "text": "word " * 10_000}
    assert error_of(client.post("/v1/documents", json=big, headers=AUTH), 413)["code"] == (
        "payload_too_large"
    )
    chunks = (b"x" * 4096 for _ in range(10))  # no Content-Length: counted as it streams
    r = client.post("/v1/ask", content=chunks, headers={"content-type": "application/json"})
    error_of(r, 413)


def test_writes_refused_without_configured_keys(seed_copy):
    with TestClient(create_app(make_settings(seed_copy))) as c:
        err = error_of(c.post("/v1/documents", json={"doc_id": "x", "text": ARTICLE}), 403)
        assert "CROSSCHECK_API_KEYS" in err["message"]
        error_of(c.delete("/v1/documents/x", headers=AUTH), 403)


def test_read_keys_and_cors(seed_copy):
    s = make_settings(
        seed_copy, read_keys="reader", api_keys="writer", cors_origins="https://desk.example"
    )
    with TestClient(create_app(s)) as c:
        error_of(c.get("/v1/ask", params={"q": "Who fired?"}), 401)
        error_of(c.get("/v1/outlets", headers={"Authorization": "Bearer wrong"}), 401)
        assert c.get("/v1/outlets", headers={"Authorization": "Bearer reader"}).status_code == 200
        assert c.get("/v1/outlets", headers={"Authorization": "Bearer writer"}).status_code == 200
        assert c.get("/healthz").status_code == 200  # health stays open
        assert c.get("/readyz").status_code == 200
        for path in ("/docs", "/redoc", "/openapi.json", "/metrics"):  # gated like reads
            assert error_of(c.get(path), 401)["code"] == "unauthorized", path
            assert c.get(path, headers={"Authorization": "Bearer reader"}).status_code == 200
        c.cookies.set("crosscheck_key", "reader")  # the page's session key opens them too
        assert c.get("/openapi.json").status_code == 200
        c.cookies.clear()
        pre = c.options(
            "/v1/ask",
            headers={"Origin": "https://desk.example", "Access-Control-Request-Method": "POST"},
        )
        assert pre.headers["access-control-allow-origin"] == "https://desk.example"
    with TestClient(create_app(make_settings(seed_copy))) as c:  # CORS is off by default
        r = c.get("/healthz", headers={"Origin": "https://desk.example"})
        assert "access-control-allow-origin" not in r.headers


def test_metrics_can_stay_open_to_scrapers(seed_copy):
    s = make_settings(seed_copy, read_keys="reader", metrics_open=True)
    with TestClient(create_app(s)) as c:
        assert c.get("/metrics").status_code == 200
        error_of(c.get("/openapi.json"), 401)


def test_a_document_over_the_size_limit_is_422_naming_the_setting(seed_copy):
    s = make_settings(seed_copy, api_keys=KEY, max_document_bytes=2000)
    with TestClient(create_app(s)) as c:
        doc = {"doc_id": "long_1", "text": ARTICLE * 20}
        err = error_of(c.post("/v1/documents", json=doc, headers=AUTH), 422)
        assert "CROSSCHECK_MAX_DOCUMENT_BYTES" in err["message"]
        assert c.get("/v1/documents/long_1").status_code == 404


def test_openapi_shows_every_model_with_an_example(client):
    schema = client.get("/openapi.json").json()
    assert client.get("/docs").status_code == 200
    for name, model in schema["components"]["schemas"].items():
        if name in {"HTTPValidationError", "ValidationError"}:
            continue  # FastAPI's own; our 422s are ErrorOut
        props = model.get("properties", {}).values()
        assert "examples" in model or all("examples" in p for p in props), name
    paths = set(schema["paths"])
    assert {"/v1/ask", "/v1/documents", "/v1/documents/{doc_id}", "/v1/outlets"} <= paths


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
FIELDS = st.fixed_dictionaries(
    {},
    optional={
        "question": st.text(max_size=600) | JSON,
        "k": st.integers(-(10**9), 10**9) | JSON,
        "outlets": st.lists(st.text(max_size=30), max_size=3) | JSON,
        "doc_id": st.text(max_size=30) | JSON,
        "text": st.text(max_size=300) | JSON,
        "published": st.text(max_size=12) | JSON,
    },
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    route=st.sampled_from(
        [
            ("POST", "/v1/ask"),
            ("GET", "/v1/ask"),
            ("GET", "/v1/documents"),
            ("POST", "/v1/documents"),
            ("PUT", "/v1/documents/{id}"),
            ("GET", "/v1/documents/{id}"),
            ("DELETE", "/v1/documents/{id}"),
        ]
    ),
    body=FIELDS | JSON,
    doc_id=st.text(min_size=1, max_size=20).filter(
        lambda s: "/" not in s and "?" not in s and "#" not in s
    ),
    params=st.dictionaries(
        st.sampled_from(["q", "k", "outlet", "offset", "limit"]), st.text(max_size=40), max_size=4
    ),
    auth=st.booleans(),
)
def test_no_input_gives_a_500(client, route, body, doc_id, params, auth):
    method, path = route
    headers = AUTH if auth else {}
    url = path.replace("{id}", quote(doc_id, safe=""))
    if method in {"POST", "PUT"}:
        r = client.request(method, url, json=body, headers=headers)
    else:
        r = client.request(method, url, params=params, headers=headers)
    assert r.status_code < 500, (method, url, body, params, r.text)
    if r.status_code >= 400:
        assert set(r.json()) == {"error"}
