"""index/html.py and .html sources: the article's text and metadata from a saved page, by
the same rules for `crosscheck index` and the page's upload."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.html import extract_article
from index.ingest import read_paths

PAGE = (
    "<html><head><title>Dam spillway opened after week of rain</title>"
    '<meta property="og:site_name" content="Glen Herald">'
    '<meta property="article:published_time" content="2026-04-02T08:00:00Z">'
    '<link rel="canonical" href="https://glenherald.example/dam"></head><body>'
    "<nav>Home | News | Sport | Contact us</nav><article>"
    "<h1>Dam spillway opened after week of rain</h1>"
    "<p>Engineers opened the spillway of the Glenmore dam on Thursday after a week of heavy "
    "rain raised the reservoir to its highest level since 1998, the water board said.</p>"
    "<p>Residents of three villages downstream were told to move cars away from the river, "
    "and the board said no homes were at risk.</p></article>"
    "<footer>Leave a Comment · Scroll to Top · © Glen Herald</footer></body></html>"
)


def test_article_text_without_navigation_and_its_metadata():
    a = extract_article(PAGE)
    assert "opened the spillway" in a.text and "three villages" in a.text
    assert "Contact us" not in a.text and "Leave a Comment" not in a.text
    assert a.title == "Dam spillway opened after week of rain"
    assert a.outlet == "Glen Herald"
    assert str(a.published) == "2026-04-02"
    assert a.url == "https://glenherald.example/dam"


def test_a_page_with_no_article_is_an_error():
    with pytest.raises(ValueError, match="no article text"):
        extract_article("<html><body><nav>Home</nav></body></html>")


def test_index_reads_html_files_and_the_manifest_wins(tmp_path: Path):
    (tmp_path / "dam_1.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "empty_2.html").write_text("<html><body></body></html>", encoding="utf-8")
    manifest = [{"file": "dam_1.html", "outlet": "Herald (print)"}]
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    docs, errors = read_paths([tmp_path])
    assert [d.meta.doc_id for d in docs] == ["dam_1"]
    assert docs[0].meta.outlet == "Herald (print)"  # the desk's metadata over the page's
    assert docs[0].meta.title == "Dam spillway opened after week of rain"
    assert "Contact us" not in docs[0].raw
    assert len(errors) == 1 and "empty_2.html" in errors[0].source
