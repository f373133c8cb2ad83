"""Normalisers of what index time quotes (pure functions): dates to days, numbers to
intervals, names of people, organisations and places to the form they are compared in."""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re

import dateparser
from dateutil.relativedelta import relativedelta

from index.lexicon import lexicon

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = [m.lower() for m in calendar.month_name[1:] + calendar.month_abbr[1:]] + ["sept"]
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d|21\d\d)\b")
NUMERIC = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")


class Undated(ValueError):
    """A date told relative to the day of writing ("yesterday", "early October", "next
    year") in a text whose day of writing is not known."""


# the norm of such a date, kept so that a reader who learns the day can resolve it; a
# weekday keeps its name, which compares with other weekdays before any day is known
UNDATED = "undated:"
WEEKDAY = "weekday:"
# words before a date that qualify it without changing the day ("on", "early", "since")
QUALIFIERS = "on|by|since|in|during|from|until|early|late|mid|around"


def normalize_date(text: str, published: dt.date | None) -> tuple[str, float | None, float | None]:
    """A date expression as (norm, first day, last day) in ordinal days; ValueError if none.

    Weekdays and relative words resolve against `published`; without it a weekday is kept
    as `weekday:<name>` and other relative expressions raise `Undated`.
    """
    t = re.sub(r"[^\w\s,/-]", "", text.lower()).strip()
    shifted = _shifted(t, published)
    if shifted is not None:
        return shifted
    t = re.sub(rf"^({QUALIFIERS}|last|this past)\s+", "", t)
    t = re.sub(r"\s+(morning|afternoon|evening|night)$", "", t).strip()
    if t in WEEKDAYS:
        if published is None:
            return WEEKDAY + t, None, None
        day = published - dt.timedelta(days=(published.weekday() - WEEKDAYS.index(t)) % 7)
        return day.isoformat(), day.toordinal(), day.toordinal()
    relative = {"today": 0, "tonight": 0, "yesterday": -1}
    if t in relative:
        if published is None:
            raise Undated("relative date without a publication date")
        day = published + dt.timedelta(days=relative[t])
        return day.isoformat(), day.toordinal(), day.toordinal()
    if t in {"this week", "week", "last week", "earlier this week"}:
        if published is None:
            raise Undated("relative date without a publication date")
        monday = published - dt.timedelta(days=published.weekday())
        if t == "last week":
            monday -= dt.timedelta(days=7)
        iso = monday.isocalendar()
        return f"week:{iso.year}-W{iso.week:02d}", monday.toordinal(), monday.toordinal() + 6
    has_year = YEAR.search(t) is not None
    has_month = _has_month(t)
    if not (has_year or has_month):
        raise ValueError(f"not a calendar date: {text!r}")
    if not has_year and published is None:
        raise Undated("a month or day without a year needs the publication date")
    base = dt.datetime.combine(published or dt.date(2000, 1, 1), dt.time())
    data = dateparser.date.DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "past",
            "PREFER_DAY_OF_MONTH": "first",
        },
    ).get_date_data(t)
    if data is None or data.date_obj is None:
        raise ValueError(f"unparsed date: {text!r}")
    day = data.date_obj.date()
    period = data.period or "day"
    if period == "year" or (has_year and not has_month and re.fullmatch(r"\d{4}", t)):
        first, last = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
        return str(day.year), first.toordinal(), last.toordinal()
    if period == "month":
        first = day.replace(day=1)
        nxt = (first + dt.timedelta(days=32)).replace(day=1)
        return f"{first:%Y-%m}", first.toordinal(), nxt.toordinal() - 1
    return day.isoformat(), day.toordinal(), day.toordinal()


# "last year", "12 May next year", "early last month": a calendar year or month counted
# from the publication date ("the past year" is a span of twelve months, not a calendar year)
SHIFTED = re.compile(r"\b(last|next|this)\s+(year|month)$")
LEAD = re.compile(rf"^(({QUALIFIERS})\s+)+")


def _shifted(t: str, published: dt.date | None) -> tuple[str, float | None, float | None] | None:
    """A date named relative to the publication's year or month, or None if not one."""
    m = SHIFTED.search(t)
    if m is None:
        return None
    if published is None:
        raise Undated("relative date without a publication date")
    step = {"last": -1, "next": 1, "this": 0}[m.group(1)]
    rest = LEAD.sub("", t[: m.start()].strip(" ,") + " ").strip()
    if m.group(2) == "month":
        if rest:
            raise ValueError(f"unparsed date: {t!r}")
        first = published.replace(day=1) + relativedelta(months=step)
        after = first + relativedelta(months=1)
        return f"{first:%Y-%m}", first.toordinal(), after.toordinal() - 1
    year = published.year + step
    if not rest:
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        return str(year), first.toordinal(), last.toordinal()
    if not _has_month(rest) or YEAR.search(rest):
        raise ValueError(f"unparsed date: {t!r}")
    return normalize_date(f"{rest} {year}", published)


def _has_month(t: str) -> bool:
    return any(re.search(rf"\b{m}\b", t) for m in MONTHS)


def parse_number(text: str) -> float | None:
    """'2,000' -> 2000, 'three' -> 3, '1.6' -> 1.6; None if not a number."""
    t = text.lower().strip()
    if NUMERIC.match(t):
        return float(t.replace(",", ""))
    return lexicon().number_words.get(t)


def number_text(x: float) -> str:
    """A number as stored and shown: whole numbers and anything from a thousand up in full,
    never in exponent form ("4600000000", not "4.6e+09"); "5.9" as it is; "inf"."""
    if math.isinf(x):
        return "inf"
    return f"{x:.0f}" if abs(x) >= 1000 or float(x).is_integer() else f"{x:g}"


def interval_norm(lo: float, hi: float) -> str:
    """ "2000..2000", "151..inf", "4000000000..4600000000"."""
    return f"{number_text(lo)}..{number_text(hi)}"


def modifier_before(words: list[str]) -> str | None:
    """The number modifier that ends these lower-cased words, the longest first ("no more
    than", "more than", "about"): the words right before a number."""
    lex = lexicon()
    for n in (3, 2, 1):
        m = " ".join(words[-n:])
        if len(words) >= n and m in lex.modifiers and m not in lex.modifiers_after:
            return m
    return None


def modifier_after(words: list[str]) -> str | None:
    """The number modifier these lower-cased words start with ("or more"): the words right
    after a number."""
    m = " ".join(words[:2])
    return m if m in lexicon().modifiers_after else None


def number_interval(
    value: float, modifier: str | None, upper: float | None = None
) -> tuple[float, float]:
    """The interval a number phrase states: 'at least 2' -> [2, inf), 'some 2,000' -> ~2000.

    A hedge on a small count ('about three') keeps the count: it is not a range of people.
    """
    lo, hi = value, upper if upper is not None else value
    if not modifier:
        return lo, hi
    rule = lexicon().modifiers[modifier]
    whole = float(value).is_integer()
    step = rule.get("step", 0) if whole else 0
    unbounded = rule["hi"] == "inf"
    hedge = rule["lo"] != 1.0 and not unbounded and rule["hi"] != 1.0
    if hedge and whole and value < 20:
        return lo, hi
    lo = value * rule["lo"] + max(step, 0)
    hi = math.inf if unbounded else hi * rule["hi"] + min(step, 0)
    return lo, hi


def acronym(name: str) -> str:
    """'the Department of Homeland Security' -> 'DHS'; a single word stays itself."""
    stop = lexicon().acronym_stopwords
    words = [w for w in re.split(r"[\s\-]+", name.strip()) if w and w.lower() not in stop]
    words = [w for w in words if w[:1].isupper()]
    if len(words) >= 2:
        return "".join(w[0] for w in words).upper()
    return words[0].upper() if words and words[0].isupper() else (words[0] if words else name)


def canonical_person(name: str) -> str:
    """'Mayor Jacob Frey' and 'Frey' -> 'frey' (titles and possessives dropped)."""
    words = person_words(name)
    return words[-1] if words else name.lower()


def person_words(name: str) -> list[str]:
    """'Mayor Jacob Frey's' -> ['jacob', 'frey']: a name's own words, lower-cased."""
    titles = lexicon().titles
    words = [w.strip(".,").lower() for w in name.replace("’s", "").replace("'s", "").split()]
    return [w for w in words if w and w not in titles]


def canonical_org(name: str) -> str:
    return acronym(name).lower()


def canonical_place(name: str) -> str:
    t = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE).replace(".", "")
    return re.sub(r"\s+", " ", t).lower()
