"""The character rules every door applies to a document's text fields (CLI files, JSONL, HTTP):
no NUL, no unpaired surrogate. Both break storage or offsets; the message says where."""

from __future__ import annotations

import re

BAD_CHARS = re.compile(r"[\x00\ud800-\udfff]")


def text_problem(value: str) -> str | None:
    """Why a text cannot be stored, or None when it can."""
    bad = BAD_CHARS.search(value)
    if bad is None:
        return None
    what = "a NUL character" if bad.group() == "\x00" else "an unpaired surrogate"
    return f"text contains {what} at offset {bad.start()}; send valid UTF-8 text"
