"""Concurrent writes and reads against a real two-worker server: no 5xx, nothing lost,
every acknowledged write answered by the next ask on any worker, the same after a restart."""

from __future__ import annotations

import os
import random
import string
import threading
import time
from dataclasses import dataclass, field

import httpx
import pytest

from tests.servers import Server

KEY = "load-key"
AUTH = {"Authorization": f"Bearer {KEY}"}
# of load; the whole test stays within a minute (LOAD_SECONDS=120 for the 2-minute run)
SECONDS = int(os.environ.get("LOAD_SECONDS", "25"))
QUESTIONS = ["How many shots were fired?", "Who fired?", "When did the shooting happen?"]


def word(rng: random.Random) -> str:
    """A made-up name no article has: the ask that follows a write can only find that write."""
    return "Vel" + "".join(rng.choice(string.ascii_lowercase) for _ in range(8))


def document(doc_id: str, name: str, parks: int) -> dict:
    return {
        "doc_id": doc_id,
        "outlet": f"Gazette {doc_id}",
        "text": f"The {name} town council approved {parks} new parks on Friday, its chair said. "
        f"Residents of {name} had asked for the parks for years.",
    }


@dataclass
class Record:
    statuses: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)  # writes the next ask did not find
    seen: list[str] = field(default_factory=list)  # what those asks answered instead
    live: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def note(self, r: httpx.Response, what: str) -> httpx.Response:
        with self.lock:
            self.statuses.append(r.status_code)
            if r.status_code >= 500:
                self.errors.append(f"{what}: {r.status_code} {r.text[:300]}")
        return r


def writer(url: str, n: int, stop: float, rec: Record) -> None:
    rng = random.Random(n)
    mine: list[str] = []
    i = 0
    while time.monotonic() < stop:
        doc_id, name = f"w{n}_{i}", word(rng)
        i += 1
        with httpx.Client(base_url=url, timeout=60) as c:
            r = rec.note(
                c.post("/v1/documents", json=document(doc_id, name, 3), headers=AUTH), "POST"
            )
        if r.status_code != 201:
            continue
        mine.append(doc_id)
        with rec.lock:
            rec.live.add(doc_id)
        # a new connection (any worker), asking within the new document's outlet: every
        # written document reads alike but for its name, so without the filter the ranking
        # among them, not the write's visibility, would decide whether it is shown
        with httpx.Client(base_url=url, timeout=60) as c:
            q = {"question": f"How many parks did the {name} council approve?",
                 "outlets": [f"Gazette {doc_id}"]}  # fmt: skip
            answer = rec.note(c.post("/v1/ask", json=q), "ask after write")
        shown = answer.json().get("passages", []) if answer.status_code == 200 else []
        if doc_id not in {p["doc_id"] for p in shown}:
            with rec.lock:
                rec.missed.append(doc_id)
                rec.seen.append(f"{doc_id}: {answer.status_code} {answer.text[:300]}")
        if len(mine) > 2 and rng.random() < 0.5:
            gone = mine.pop(0)
            with httpx.Client(base_url=url, timeout=60) as c:
                if rng.random() < 0.5:
                    r = rec.note(c.delete(f"/v1/documents/{gone}", headers=AUTH), "DELETE")
                    if r.status_code == 204:
                        with rec.lock:
                            rec.live.discard(gone)
                else:
                    body = document(gone, word(rng), 5)
                    body.pop("doc_id")
                    rec.note(c.put(f"/v1/documents/{gone}", json=body, headers=AUTH), "PUT")
                    mine.append(gone)


def reader(url: str, n: int, stop: float, rec: Record) -> None:
    with httpx.Client(base_url=url, timeout=60) as c:
        i = n
        while time.monotonic() < stop:
            rec.note(c.post("/v1/ask", json={"question": QUESTIONS[i % len(QUESTIONS)]}), "ask")
            i += 1


def _tracebacks(log: list[str]) -> str:
    text = "".join(log)
    return text[text.find("Traceback") :][:3000] if "Traceback" in text else ""


def stored_ids(url: str) -> set[str]:
    """The writers' documents the server lists, every page."""
    ids: set[str] = set()
    offset: int | None = 0
    with httpx.Client(base_url=url, timeout=60) as c:
        while offset is not None:
            page = c.get("/v1/documents", params={"offset": offset, "limit": 500}).json()
            ids |= {d["doc_id"] for d in page["items"] if d["doc_id"].startswith("w")}
            offset = page["next_offset"]
    return ids


@pytest.mark.slow
def test_concurrent_writes_and_reads_on_two_workers(seed_copy):
    server = Server(seed_copy, CROSSCHECK_API_KEYS=KEY, CROSSCHECK_WORKERS="2")
    rec = Record()
    try:
        server.wait_ready()
        stop = time.monotonic() + SECONDS
        threads = [
            threading.Thread(target=writer, args=(server.url, n, stop, rec)) for n in range(4)
        ]
        threads += [
            threading.Thread(target=reader, args=(server.url, n, stop, rec)) for n in range(4)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=SECONDS + 60)
        assert not rec.errors, (rec.errors[:5], _tracebacks(server.log))
        assert len(rec.live) >= 4 and len(rec.statuses) >= 40, (len(rec.live), len(rec.statuses))
        print(f"{len(rec.statuses)} requests, {len(rec.live)} documents kept, 0 x 5xx")
        assert not rec.missed, f"read-your-write failed: {rec.seen}"
        assert stored_ids(server.url) == rec.live  # nothing lost, nothing deleted came back
    finally:
        server.stop()
    again = Server(seed_copy, CROSSCHECK_API_KEYS=KEY, CROSSCHECK_WORKERS="2")
    try:
        again.wait_ready()
        assert stored_ids(again.url) == rec.live
    finally:
        again.stop()
