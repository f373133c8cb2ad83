"""`crosscheck serve` in a child process on a free port of 127.0.0.1: started, timed to
`/readyz`, its peak memory read, stopped. Used by `crosscheck bench` and the end-to-end tests."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def status_bytes(pid: int, field: str = "VmHWM") -> int | None:
    """A live process's memory from /proc (Linux): `VmHWM` its peak resident memory,
    `VmRSS` its resident memory now; None where unreadable."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def peak_rss_bytes(pid: int) -> int | None:
    return status_bytes(pid, "VmHWM")


class ServerProcess:
    """`python -m api.cli serve` with `CROSSCHECK_DATA_DIR=data_dir` and extra variables.

    Its stderr (the server log) is read continuously, so a chatty server never blocks on a
    full pipe, and `wait_ready` can tell when every worker has started."""

    def __init__(self, data_dir: Path, **env: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workers = int(env.get("CROSSCHECK_WORKERS", os.environ.get("CROSSCHECK_WORKERS", 1)))
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "api.cli", "serve", "--port", str(self.port)],
            cwd=ROOT,
            env={**os.environ, "CROSSCHECK_DATA_DIR": str(data_dir), **env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            errors="replace",
        )
        self.log: list[str] = []
        self._reader = threading.Thread(target=self._read_log, daemon=True)
        self._reader.start()

    def _read_log(self) -> None:
        assert self.proc.stderr is not None  # started with stderr=PIPE
        for line in self.proc.stderr:
            self.log.append(line)

    def _workers_started(self) -> int:
        return sum("Application startup complete" in line for line in list(self.log))

    def wait_ready(self, timeout: float = 120) -> float:
        """Block until `/readyz` answers 200 and every worker has started; returns the seconds
        from process start to the first 200 (the cold start)."""
        deadline = time.monotonic() + timeout
        first: float | None = None
        with httpx.Client(timeout=2) as client:
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    self._reader.join(timeout=5)
                    raise RuntimeError("".join(self.log)[-5000:])
                if first is None:
                    with contextlib.suppress(httpx.HTTPError):  # not listening yet
                        if client.get(f"{self.url}/readyz").status_code == 200:
                            first = time.perf_counter() - self.started
                if first is not None and self._workers_started() >= self.workers:
                    return first
                time.sleep(0.02)
        raise TimeoutError(f"the server did not become ready in {timeout:.0f} s")

    def peak_rss(self) -> int | None:
        """Peak RSS of the server: the largest of its processes (one per worker)."""
        pids = [self.proc.pid, *children(self.proc.pid)]
        sizes = [r for r in (peak_rss_bytes(p) for p in pids) if r]
        return max(sizes) if sizes else None

    def stop(self) -> str:
        """Stop the server; returns what it wrote to stderr (its log)."""
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._reader.join(timeout=5)
        return "".join(self.log)


def children(pid: int) -> list[int]:
    """Child process ids (Linux /proc), for servers that fork workers."""
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(c) for c in text.split()]
