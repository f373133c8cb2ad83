"""Dispute sheets computed in the background, newest stories first, after start-up and after
each write (of any process), so that the desk's page opens a sheet from the cache."""

from __future__ import annotations

import logging
import threading

from api.routers.stories import newest_first
from qa.service import Service

log = logging.getLogger("crosscheck.api")
POLL_SECONDS = 2.0


class SheetWarmer:
    def __init__(self, service: Service, stories: int) -> None:
        self.service = service
        self.stories = stories
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sheet-warmer", daemon=True)
        self._done_generation: int | None = None

    def start(self) -> None:
        if self.stories > 0:
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.warm_once()
            except Exception:  # a background nicety must never take the server down
                log.exception("computing dispute sheets in the background failed")
            self._stop.wait(POLL_SECONDS)

    def warm_once(self) -> None:
        """Compute the newest stories' sheets once for the current generation."""
        stories = self.service.stories()  # refreshes to the latest write
        generation = self.service.store.generation()
        if generation == self._done_generation:
            return
        for info in newest_first(list(stories.values()))[: self.stories]:
            if self._stop.is_set() or self.service.store.generation() != generation:
                return  # a newer write: start over with it
            self.service.sheet(info.story_id)
        self._done_generation = generation
