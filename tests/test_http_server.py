"""End to end: the real `crosscheck serve` on 127.0.0.1, a document added, found, deleted,
and still deleted after a restart; two workers sharing one socket."""

from __future__ import annotations

import asyncio
import socket

import httpx
import pytest

from api.server import APP_FACTORY, TcpConfig
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


def test_two_workers_serve_and_see_each_others_writes(seed_copy):
    """With CROSSCHECK_WORKERS=2, a document written through one connection is answered on
    every later connection, whichever worker takes it."""
    auth = {"Authorization": f"Bearer {KEY}"}
    s = Server(seed_copy, CROSSCHECK_API_KEYS=KEY, CROSSCHECK_WORKERS="2")
    try:
        s.wait_ready()
        doc = {
            "doc_id": "gazette_5",
            "outlet": "Valley Gazette",
            "text": "The county opened nine cooling centres in Riverton on Monday, "
            "the health department said.",
        }
        with httpx.Client(base_url=s.url, timeout=60) as c:
            assert c.post("/v1/documents", json=doc, headers=auth).status_code == 201
        q = {"question": "How many cooling centres did the county open?"}
        for _ in range(6):  # fresh connections, spread over the workers by the kernel
            with httpx.Client(base_url=s.url, timeout=60) as c:
                answer = c.post("/v1/ask", json=q).json()
                assert answer["passages"][0]["doc_id"] == "gazette_5"
                assert answer["answer"]["value"] == "9"
    finally:
        log = s.stop()
    assert log.count("Application startup complete") == 2


def test_shared_socket_of_several_workers_gives_connections_tcp_nodelay():
    """The socket bound for several workers is marked TCP, so asyncio turns Nagle off on
    every accepted connection (uvicorn's own bind left it on: ~40 ms per keep-alive reply)."""
    config = TcpConfig(APP_FACTORY, factory=True, workers=2, host="127.0.0.1", port=0)
    sock = config.bind_socket()
    assert sock.proto == socket.IPPROTO_TCP and sock.get_inheritable()

    async def accepted_nodelay() -> int:
        loop = asyncio.get_running_loop()
        got: asyncio.Future[int] = loop.create_future()

        class Probe(asyncio.Protocol):
            def connection_made(self, transport) -> None:
                s = transport.get_extra_info("socket")
                got.set_result(s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
                transport.close()

        server = await loop.create_server(Probe, sock=sock)
        async with server:
            host, port = sock.getsockname()[:2]
            _, writer = await asyncio.open_connection(host, port)
            value = await asyncio.wait_for(got, 5)
            writer.close()
            return value

    assert asyncio.run(accepted_nodelay()) != 0
