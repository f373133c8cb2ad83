"""Real servers for end-to-end tests: `crosscheck serve` in a subprocess (eval/serve.py),
and a small HTTP server on 127.0.0.1 that stands in for Slack's `response_url`."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from eval.serve import ServerProcess as Server
from eval.serve import free_port

__all__ = ["ResponseUrl", "Server", "free_port"]


class ResponseUrl:
    """Records JSON POSTed to it, answering with `statuses` in turn (then 200)."""

    def __init__(self, statuses: list[int] | None = None) -> None:
        self.posts: list[dict] = []
        self.statuses = list(statuses or [])
        self.received = threading.Condition()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                status = owner.statuses.pop(0) if owner.statuses else 200
                with owner.received:
                    owner.posts.append({"status": status, "json": json.loads(body)})
                    owner.received.notify_all()
                self.send_response(status)
                self.end_headers()
                self.wfile.write(b"ok" if status == 200 else b"error")

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/commands/T1/B1/xyz"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> ResponseUrl:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def wait_for(self, n: int, timeout: float = 60) -> list[dict]:
        with self.received:
            self.received.wait_for(lambda: len(self.posts) >= n, timeout)
        return self.posts
