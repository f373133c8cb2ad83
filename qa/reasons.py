"""Whether a sentence gives a reason or a motive: what a why-question is answered by."""

from __future__ import annotations

import re
from functools import lru_cache

from qa.lexicon import grammar


@lru_cache(maxsize=1)
def _cues() -> re.Pattern[str]:
    phrases = sorted(grammar().reasons, key=len, reverse=True)
    words = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)


def gives_reason(text: str) -> bool:
    """The text names a cause, a result or a motive ("because", "due to", "blamed on",
    "resulting in", "fearing for his life", "in self-defense", "as part of"): a closed class
    of English, read as words. "After" counts: news gives causes as sequence ("jailed
    after the judge found …")."""
    return _cues().search(text) is not None


def reason_of(text: str) -> str | None:
    """The words from the first cue of a reason on ("after the judge found he had …"), or
    None when the text gives none."""
    m = _cues().search(text)
    return text[m.start() :] if m else None
