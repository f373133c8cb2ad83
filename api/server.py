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
    if settings.workers == 1:
        from api.app import create_app

        uvicorn.run(create_app(settings), host=host, port=port)
        return
    if not settings.torch_threads:  # share the cores between the workers' torch pools
        cores = os.cpu_count() or 1
        os.environ["CROSSCHECK_TORCH_THREADS"] = str(max(1, cores // settings.workers))
    config = TcpConfig(APP_FACTORY, factory=True, workers=settings.workers, host=host, port=port)
    with contextlib.suppress(KeyboardInterrupt):
        Multiprocess(config, sockets=[config.bind_socket()]).run()
