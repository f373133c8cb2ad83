"""The rules every door applies to a document's text (CLI files, JSONL, HTTP, the page): no
NUL, no unpaired surrogate (both break storage or offsets; the message says where), and no
more than CROSSCHECK_MAX_DOCUMENT_BYTES."""

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


def size_problem(text: str, max_bytes: int) -> str | None:
    """Why a text is too large to index, or None."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size <= max_bytes:
        return None
    return (
        f"the text is {size:,} bytes; the limit is {max_bytes:,} "
        "(CROSSCHECK_MAX_DOCUMENT_BYTES): split it, or raise the limit"
    )
