"""Dates in articles with no publication date, told relative to their day of writing
("Friday", "yesterday", "12 May next year"), resolved against their story's days."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import lru_cache

from index.models import StoryInfo, Value
from index.normalize import UNDATED, WEEKDAY, normalize_date
from qa.retrieve import Hit

# within a week a weekday names one day of the story's span; over a longer span it may
# name two, and the article could have been written on any of them
STORY_SPAN_DAYS = 6


def story_day(info: StoryInfo | None) -> dt.date | None:
    """The day an undated article of the story is read as written on: the story's last
    dated day, if its dated articles lie within a week (a breaking story's do)."""
    if info is None or info.first is None or info.last is None:
        return None
    return info.last if (info.last - info.first).days <= STORY_SPAN_DAYS else None


def with_story_dates(hits: list[Hit], day: dt.date | None) -> list[Hit]:
    """The hits, those of undated articles with their relative dates resolved against
    `day` (the others, and every hit when `day` is None, as they are)."""
    if day is None:
        return hits
    return [_resolved(h, day) if h.stored.meta.published is None else h for h in hits]


def _resolved(hit: Hit, day: dt.date) -> Hit:
    if not any(_relative(v) for v in hit.stored.values):
        return hit  # most passages: nothing to copy
    values = [_resolve(v, day) if _relative(v) else v for v in hit.stored.values]
    return replace(hit, stored=replace(hit.stored, values=values))


def _relative(v: Value) -> bool:
    return v.kind == "date" and v.norm.startswith((UNDATED, WEEKDAY))


def _resolve(v: Value, day: dt.date) -> Value:
    found = _on_day(v.text, day)
    if found is None:
        return v
    norm, lo, hi = found
    return v.model_copy(update={"norm": norm, "lo": lo, "hi": hi})


@lru_cache(maxsize=4096)
def _on_day(text: str, day: dt.date) -> tuple[str, float | None, float | None] | None:
    """A relative date read on `day`, once per text and day: every question over the story
    meets the same few, and dateparser takes 1-2 ms for one ("early October")."""
    try:
        return normalize_date(text, day)
    except ValueError:
        return None
