"""index/durations.py: durations, on phrases written for these tests."""

import pytest

from index.durations import find_durations, is_loose


@pytest.mark.parametrize(
    "text, norm, lo, hi",
    [
        ("the talks lasted three hours", "3 hour", 2.5, 3.5),  # rounding: half a unit each side
        ("after just over six hours of talks", "6 hour", 6.0, 6.5),
        ("for more than two days", "2 day", 48.0, 84.0),
        ("in less than ten minutes", "10 minute", 5 / 60, 10 / 60),
        ("a week-long strike", "1 week", 84.0, 252.0),
        ("a monthlong inquiry", "1 month", 365.0, 1095.0),
        ("a six-week campaign", "6 week", 924.0, 1092.0),
        ("for only a few hours", "2..5 hour", 2.0, 5.0),
        ("about 12 years", "12 year", 12 * 0.8 * 8766, 12 * 1.2 * 8766),
    ],
)
def test_durations_as_hours(text, norm, lo, hi):
    [d] = find_durations(text)
    assert d.norm == norm
    assert d.lo == pytest.approx(lo) and d.hi == pytest.approx(hi)
    assert text[d.start : d.end] == d.text


@pytest.mark.parametrize(
    "text",
    ["a 40-year-old teacher", "a man, 52 years old", "two years ago", "this week", "last month"],
)
def test_not_durations(text):
    assert find_durations(text) == []


@pytest.mark.parametrize(
    "text, loose",
    [
        ("95 years", False),
        ("four hours", False),
        ("a month", True),
        ("one year", True),
        ("a few weeks", True),
        ("more than 40 years", True),
        ("about four hours", True),
        ("up to 20 years", True),
    ],
)
def test_a_duration_told_loosely(text, loose):
    assert is_loose(text) == loose
