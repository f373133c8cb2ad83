"""Clean an article's raw text: read the ` date YYYY-MM-DD` header, drop template debris.

The debris patterns are data (`index/data/debris.toml`), general to web articles.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

HEADER = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+|[ \t]*\n|\Z)")
NAME_ONLY = re.compile(r"^[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){1,3}$")
CLEAN_VERSION = "1"  # bump when cleaning changes, so unchanged files are re-indexed


@dataclass(frozen=True)
class DebrisRules:
    lines: list[re.Pattern[str]]
    inline: list[re.Pattern[str]]
    bios: list[re.Pattern[str]]


@dataclass
class Cleaned:
    text: str
    published: dt.date | None
    dropped: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def debris_rules() -> DebrisRules:
    """Load the debris patterns shipped with the package."""
    raw = tomllib.loads(resources.files("index").joinpath("data/debris.toml").read_text("utf-8"))
    return DebrisRules(
        lines=[re.compile(p, re.IGNORECASE) for p in raw["lines"]],
        # an inline cut takes the blanks before it with it, so "word [LINK]." becomes "word."
        inline=[re.compile(r"[ \t]*(?:" + p + ")", re.IGNORECASE) for p in raw["inline"]],
        bios=[re.compile(p) for p in raw["bios"]],
    )


def parse_header(raw: str) -> tuple[dt.date | None, str]:
    """Split a leading ` date YYYY-MM-DD` header from the text."""
    m = HEADER.match(raw)
    if not m:
        return None, raw
    try:
        published = dt.date.fromisoformat(m.group(1))
    except ValueError:
        return None, raw
    return published, raw[m.end() :]


def is_debris_line(line: str, rules: DebrisRules | None = None) -> bool:
    rules = rules or debris_rules()
    return any(p.search(line) for p in rules.lines)


def clean(raw: str) -> Cleaned:
    """Normalise line ends, read the date header and drop debris; the result is stored text."""
    rules = debris_rules()
    raw = raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    published, body = parse_header(raw)
    kept: list[str] = []
    dropped: list[str] = []
    for line in body.split("\n"):
        text = line
        for pattern in rules.inline:
            dropped.extend(m.group(0).strip() for m in pattern.finditer(text))
            text = pattern.sub("", text)
        text = text.strip()
        if not text:
            kept.append("")
            continue
        if is_debris_line(text, rules):
            dropped.append(text)
            continue
        if any(p.match(text) for p in rules.bios):
            dropped.append(text)
            # the byline: a name-only line right before the bio
            while kept and not kept[-1]:
                kept.pop()
            if kept and NAME_ONLY.match(kept[-1]):
                dropped.append(kept.pop())
            continue
        kept.append(text)
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return Cleaned(text=text, published=published, dropped=dropped)
