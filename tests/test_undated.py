"""qa/undated.py: relative dates of articles with no publication date, read against their
story's days (articles and stories written for these tests)."""

import datetime as dt

from index.models import DocumentMeta, StoryInfo
from index.normalize import UNDATED
from qa.retrieve import Hit
from qa.undated import story_day, with_story_dates
from tests.helpers import stored, value


def story(first: str, last: str) -> StoryInfo:
    return StoryInfo(
        story_id="s",
        title="t",
        outlets=[],
        doc_ids=[],
        documents=2,
        first=dt.date.fromisoformat(first),
        last=dt.date.fromisoformat(last),
    )


def test_the_storys_last_day_when_its_articles_lie_within_a_week():
    assert story_day(story("2025-05-02", "2025-05-04")) == dt.date(2025, 5, 4)
    assert story_day(story("2025-05-02", "2025-05-20")) is None  # a weekday could name two
    assert story_day(None) is None


def undated_hit(*values, published=None) -> Hit:
    sp = stored("Courier", 1, *values)
    sp.meta = DocumentMeta(doc_id=sp.meta.doc_id, outlet="Courier", published=published)
    return Hit(sp, 1.0, 0.6, None)


def test_relative_dates_of_an_undated_article_resolve_against_the_day():
    friday = value("date", "Friday", "weekday:friday", "collapse")
    spring = value("date", "12 May next year", UNDATED + "12 may next year", "sentence")
    count = value("number", "three", "3..3", "people")
    [hit] = with_story_dates([undated_hit(friday, spring, count)], dt.date(2025, 5, 4))
    got = {v.text: (v.norm, v.lo) for v in hit.stored.values}
    assert got["Friday"] == ("2025-05-02", dt.date(2025, 5, 2).toordinal())
    assert got["12 May next year"][0] == "2026-05-12"
    assert got["three"] == ("3..3", None)  # not a date: as it was


def test_a_dated_article_and_an_unknown_day_change_nothing():
    friday = value("date", "Friday", "weekday:friday", "collapse")
    dated = undated_hit(friday, published=dt.date(2025, 5, 3))
    assert with_story_dates([dated], dt.date(2025, 5, 4))[0] is dated
    undated = undated_hit(friday)
    assert with_story_dates([undated], None)[0] is undated
