"""The HTTP app's readiness and error contract (full API coverage comes with the API issue)."""

from fastapi.testclient import TestClient

from api.app import create_app
from tests.conftest import make_settings


def test_ready_and_ask(seed_dir):
    with TestClient(create_app(make_settings(seed_dir))) as client:
        assert client.get("/healthz").json() == {"status": "ok"}
        ready = client.get("/readyz")
        assert ready.status_code == 200 and ready.json()["passages"] > 0
        r = client.post("/v1/ask", json={"question": "Who fired?"})
        assert r.status_code == 200 and r.json()["qtype"] == "who"
        for body in (
            {"question": ""},
            {"question": "  "},
            {"question": "x" * 20000},
            {"question": "Who?", "k": 0},
            {"k": 3},
        ):
            bad = client.post("/v1/ask", json=body)
            assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_request"
        assert client.get("/v1/ask", params={"q": "When?", "outlet": "Nope"}).status_code == 422
