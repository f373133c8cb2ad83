"""Running the HTTP app under uvicorn: one process, or `CROSSCHECK_WORKERS` processes."""

from __future__ import annotations

import contextlib
import os
import socket

import uvicorn
from uvicorn.supervisors import Multiprocess

from index.config import Settings

APP_FACTORY = "api.app:create_app"


class TcpConfig(uvicorn.Config):
    """uvicorn's Config, whose listening socket for several workers is marked as TCP.

    uvicorn (0.54) binds the socket it shares between workers with `proto` 0. Accepted
    connections inherit it, and asyncio only sets TCP_NODELAY on sockets whose `proto` is
    IPPROTO_TCP, so every keep-alive response after the first waited on the client's delayed
    ACK (about 40 ms on Linux; Kludex/uvicorn#3149). Re-opening the descriptor lets Python read
    the real protocol from the kernel."""

    def bind_socket(self) -> socket.socket:
        sock = super().bind_socket()
        if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.proto == 0:
            sock = socket.socket(fileno=sock.detach())  # family, type and proto from the fd
            sock.set_inheritable(True)
        return sock


def serve(settings: Settings, host: str, port: int) -> None:
    """Serve until interrupted; several workers share one listening socket."""
    # the cores shared between the workers' torch pools and the write process (with idle
    # OpenMP threads asleep, index/__init__.py): on 2 cores, 20k passages, 8 clients asking,
    # a one-document write's median went from 609 to 554 ms (p90 979 -> 937), an idle ask
    # 36.1 -> 32.9 ms
    if not settings.torch_threads:
        share = settings.workers + int(settings.write_process)
        threads = max(1, (os.cpu_count() or 1) // share)
        os.environ["CROSSCHECK_TORCH_THREADS"] = str(threads)
        settings = settings.model_copy(update={"torch_threads": threads})
    if settings.workers == 1:
        from api.app import create_app

        uvicorn.run(create_app(settings), host=host, port=port)
        return
    config = TcpConfig(APP_FACTORY, factory=True, workers=settings.workers, host=host, port=port)
    with contextlib.suppress(KeyboardInterrupt):
        Multiprocess(config, sockets=[config.bind_socket()]).run()
