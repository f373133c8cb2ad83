"""End to end: the real `crosscheck serve` on 127.0.0.1, a document added, found, deleted,
and still deleted after a restart."""

from __future__ import annotations

import httpx
import pytest

from tests.servers import Server

KEY = "e2e-key"


@pytest.fixture()
def server_factory(seed_copy):
    started: list[Server] = []

    def start() -> Server:
        s = Server(seed_copy, CROSSCHECK_API_KEYS=KEY)
        started.append(s)
        s.wait_ready()
        return s

    yield start
    for s in started:
        s.stop()


def test_add_find_delete_survives_restart(server_factory):
    auth = {"Authorization": f"Bearer {KEY}"}
    doc = {
        "doc_id": "herald_77",
        "outlet": "Lakeside Herald",
        "published": "2025-09-12",
        "text": "A ferry captain rescued eleven passengers from the flooded pier at Lakeside "
        "harbour on Thursday, the coast guard said. The storm had cut power to the town.",
    }
    question = {"question": "How many passengers did the ferry captain rescue?"}
    s = server_factory()
    with httpx.Client(base_url=s.url, timeout=60) as c:
        assert c.post("/v1/documents", json=doc, headers=auth).status_code == 201
        answer = c.post("/v1/ask", json=question).json()
        top = answer["passages"][0]
        assert top["doc_id"] == "herald_77" and top["outlet"] == "Lakeside Herald"
        assert answer["answer"]["value"] == "11"
        stored = c.get("/v1/documents/herald_77").json()["text"]
        assert stored[top["start"] : top["end"]] == top["text"]
        assert c.delete("/v1/documents/herald_77", headers=auth).status_code == 204
    s.stop()
    s = server_factory()
    with httpx.Client(base_url=s.url, timeout=60) as c:
        assert c.get("/v1/documents/herald_77").status_code == 404
        after = c.post("/v1/ask", json=question).json()
        assert all(p["doc_id"] != "herald_77" for p in after["passages"])
        assert "Lakeside Herald" not in {o["outlet"] for o in c.get("/v1/outlets").json()}
