"""Routing: which story a question is about, when the asker does not say."""

from __future__ import annotations

from qa.retrieve import Hit

ROUTE_TOP = 10  # global hits that vote for a story


def route(hits: list[Hit], top: int = ROUTE_TOP) -> list[tuple[str, float]]:
    """Stories that the best hits come from, with the sum of their fused scores, best first
    (ties: by id, so the order is deterministic). A story with several strong passages beats
    one stray passage that happens to rank first."""
    votes: dict[str, float] = {}
    for h in hits[:top]:
        story = h.stored.meta.story
        if story is not None:
            votes[story] = votes.get(story, 0.0) + h.score
    return sorted(votes.items(), key=lambda x: (-x[1], x[0]))
