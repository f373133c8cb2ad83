"""Article text and metadata from a saved web page (trafilatura), for `crosscheck index` of
.html files and uploads on the desk's page alike."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import trafilatura

# below this, what trafilatura finds is a page's chrome ("Home"), not an article: the
# shortest article of the seeds and stories is over 150 words
MIN_WORDS = 10


@dataclass
class Article:
    text: str
    title: str | None
    published: dt.date | None
    url: str | None
    outlet: str | None


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def extract_article(html: str) -> Article:
    """The main text of a news page without navigation, comments or boilerplate; ValueError
    when the page has no article text."""
    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_precision=True
    )
    words = len(text.split()) if text else 0
    if words < MIN_WORDS:
        raise ValueError(f"no article text found in the HTML page ({words} words of text)")
    meta = trafilatura.extract_metadata(html)
    return Article(
        text=text or "",
        title=getattr(meta, "title", None) or None,
        published=_date(getattr(meta, "date", None)),
        url=getattr(meta, "url", None) or None,
        outlet=getattr(meta, "sitename", None) or None,
    )
