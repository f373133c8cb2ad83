"""`crosscheck serve` in a child process on a free port of 127.0.0.1: started, timed to
`/readyz`, its peak memory read, stopped. Used by `crosscheck bench` and the end-to-end tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def peak_rss_bytes(pid: int) -> int | None:
    """A live process's peak resident memory (Linux `VmHWM`), or None where unreadable."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


class ServerProcess:
    """`python -m api.cli serve` with `CROSSCHECK_DATA_DIR=data_dir` and extra variables."""

    def __init__(self, data_dir: Path, **env: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "api.cli", "serve", "--port", str(self.port)],
            cwd=ROOT,
            env={**os.environ, "CROSSCHECK_DATA_DIR": str(data_dir), **env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def wait_ready(self, timeout: float = 120) -> float:
        """Block until `/readyz` answers 200; seconds since the process was started."""
        deadline = time.monotonic() + timeout
        with httpx.Client(timeout=2) as client:
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    raise RuntimeError(self.proc.stderr.read().decode(errors="replace"))
                try:
                    if client.get(f"{self.url}/readyz").status_code == 200:
                        return time.perf_counter() - self.started
                except httpx.HTTPError:
                    pass
                time.sleep(0.02)
        raise TimeoutError(f"the server did not become ready in {timeout:.0f} s")

    def peak_rss(self) -> int | None:
        return peak_rss_bytes(self.proc.pid)

    def stop(self) -> str:
        """Stop the server; returns what it wrote to stderr (its log)."""
        self.proc.terminate()
        try:
            _, err = self.proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate()
        return err.decode(errors="replace")
