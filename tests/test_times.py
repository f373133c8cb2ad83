"""index/times.py: times of day, on sentences written for these tests."""

import pytest

from index.times import DAY, find_times, overlap


@pytest.mark.parametrize(
    "text, found",
    [
        ("The bridge fell at 4:05 p.m. on Monday.", [("4:05 p.m.", "16:05", 965, 965, False)]),
        # to the hour: reporters round, half an hour either side
        ("The ferry sank at 9 am.", [("9 am", "09:00", 510, 570, False)]),
        ("Fire broke out around 10.40pm", [("around 10.40pm", "22:40", 1330, 1390, False)]),
        ("Shots rang out just after 2 a.m.", [("just after 2 a.m.", "02:00", 120, 180, False)]),
        ("It ended shortly before noon.", [("shortly before noon", "12:00", 690, 720, False)]),
        (
            "The alarm sounded just before midnight",
            [("just before midnight", "00:00", 1410, DAY, False)],
        ),
        # a zone time in brackets after a local one restates it
        (
            "The plane landed at 6:30 pm (1730 GMT).",
            [("6:30 pm", "18:30", 1110, 1110, False), ("1730 GMT", "17:30 gmt", 1050, 1050, True)],
        ),
        ("The plane landed at 1730 GMT.", [("1730 GMT", "17:30 gmt", 1050, 1050, False)]),
        # a part of the day is its span, or a third of it; "afternoon" holds no "noon"
        ("The vote came on Monday afternoon.", [("afternoon", "15:00", 720, 1080, False)]),
        (
            "The board met halfway through the afternoon.",
            [("halfway through the afternoon", "15:00", 840, 960, False)],
        ),
        ("Rain began in the late morning.", [("late morning", "11:00", 600, 720, False)]),
        ("Crowds gathered by early evening.", [("early evening", "18:30", 1080, 1140, False)]),
    ],
)
def test_times_of_day(text, found):
    got = [(t.text, t.norm, t.lo, t.hi, t.restates) for t in find_times(text)]
    assert got == found
    for t in find_times(text):
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    "text",
    [
        "In 2023 pm was a word",
        "I am 7 a man",
        "The score was 21 pm",
        "Route 66 opened",
        "13 pm",
        "She appeared on Good Morning America.",  # a title, not a time of day
    ],
)
def test_not_times(text):
    assert find_times(text) == []


def test_the_day_wraps_at_midnight():
    assert overlap((1420, 1440), (0, 20))  # "just before midnight" meets "just after midnight"
    assert not overlap((600, 660), (700, 760))
