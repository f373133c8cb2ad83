"""Normalisers (index/normalize.py) on expressions written for these tests."""

import datetime as dt
import math

import pytest

from index.normalize import (
    acronym,
    canonical_person,
    canonical_place,
    normalize_date,
    number_interval,
    parse_number,
)

FRI = dt.date(2025, 3, 14)  # a Friday


def day(s: str) -> float:
    return dt.date.fromisoformat(s).toordinal()


@pytest.mark.parametrize(
    "text, published, norm",
    [
        ("Wednesday", FRI, "2025-03-12"),
        ("on Friday", FRI, "2025-03-14"),
        ("Saturday", FRI, "2025-03-08"),
        ("Tuesday", None, "weekday:tuesday"),
        ("today", FRI, "2025-03-14"),
        ("yesterday", FRI, "2025-03-13"),
        ("March 15, 2024", None, "2024-03-15"),
        ("Oct. 3, 2019", FRI, "2019-10-03"),
        ("2020", None, "2020"),
        ("this week", FRI, "week:2025-W11"),
    ],
)
def test_dates(text, published, norm):
    assert normalize_date(text, published)[0] == norm


def test_date_intervals():
    _, lo, hi = normalize_date("this week", FRI)
    assert (lo, hi) == (day("2025-03-10"), day("2025-03-16"))
    _, lo, hi = normalize_date("2020", None)
    assert (lo, hi) == (day("2020-01-01"), day("2020-12-31"))


@pytest.mark.parametrize("text", ["65", "recent years", "today"])
def test_not_dates_without_context(text):
    with pytest.raises(ValueError):
        normalize_date(text, None)


def test_numbers_and_intervals():
    assert parse_number("2,000") == 2000 and parse_number("three") == 3
    assert parse_number("1.6") == 1.6 and parse_number("officers") is None
    assert number_interval(2, "at least") == (2, math.inf)
    assert number_interval(3, None, 4) == (3, 4)
    assert number_interval(10, "more than") == (11, math.inf)
    assert number_interval(10, "fewer than") == (0, 9)
    lo, hi = number_interval(2000, "some")
    assert lo < 2000 < hi and hi - lo < 1000
    assert number_interval(3, "about") == (3, 3)  # a small hedged count stays a count


def test_names():
    assert canonical_person("Mayor Jacob Frey") == canonical_person("Frey") == "frey"
    assert canonical_person("Gov. Tim Walz’s") == "walz"
    assert acronym("the Department of Homeland Security") == "DHS"
    assert acronym("Federal Bureau of Investigation") == "FBI" == acronym("FBI")
    assert canonical_place("St. Paul") == canonical_place("St Paul")


NOV = dt.date(2023, 11, 3)


@pytest.mark.parametrize(
    "text, norm",
    [
        ("last year", "2022"),
        ("late last year", "2022"),
        ("next year", "2024"),
        ("November last year", "2022-11"),
        ("in January next year", "2024-01"),
        ("12 May next year", "2024-05-12"),
        ("May 12 next year", "2024-05-12"),
        ("early last month", "2023-10"),
        ("this month", "2023-11"),
    ],
)
def test_years_and_months_counted_from_the_publication(text, norm):
    assert normalize_date(text, NOV)[0] == norm


def test_last_month_in_january_is_last_years_december():
    norm, lo, hi = normalize_date("last month", dt.date(2024, 1, 9))
    assert norm == "2023-12" and hi - lo == 30


@pytest.mark.parametrize("text", ["last year", "12 May next year"])
def test_a_shifted_year_needs_a_publication_date(text):
    with pytest.raises(ValueError):
        normalize_date(text, None)


@pytest.mark.parametrize("text", ["the past year", "over the last year and a half"])
def test_spans_of_time_are_not_calendar_years(text):
    with pytest.raises(ValueError):
        normalize_date(text, NOV)


@pytest.mark.parametrize("text", ["yesterday", "early October", "next year", "this week"])
def test_a_relative_date_without_a_day_of_writing_is_undated_not_refused(text):
    from index.normalize import Undated

    with pytest.raises(Undated):
        normalize_date(text, None)


def test_the_modifier_before_a_number_is_the_longest_that_fits():
    from index.normalize import modifier_before

    assert modifier_before(["killed", "no", "more", "than"]) == "no more than"
    assert modifier_before(["killed", "more", "than"]) == "more than"
    assert modifier_before(["toll", "above"]) == "above"
    assert modifier_before(["the", "toll", "at"]) is None
    assert modifier_before([]) is None
