"""index/routes.py: the two ends of a route a name gives."""

from __future__ import annotations

import pytest

from index.nlp import get_nlp
from index.routes import route_values


def ends(sentence: str) -> list[tuple[str, str | None]]:
    doc = get_nlp()(sentence)
    return [(v.text, v.head) for v in route_values(doc[:], 0, None)]


def test_a_route_name_gives_where_from_and_where_to():
    assert ends("Three coaches of the Leeds-York Flyer Express came off the rails.") == [
        ("Leeds", "route:from"),
        ("York", "route:to"),
    ]
    assert ends("The Paris-Moscow flight landed late.") == [
        ("Paris", "route:from"),
        ("Moscow", "route:to"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "A Mercedes-Benz van hit a wall.",  # a maker's name, not a route
        "The Ruritania-Grand Fenwick talks ended on Monday.",  # no service runs talks
        "The Leeds - York train was late.",  # spaced: a range or an aside, not one name
    ],
)
def test_a_pair_of_names_that_names_no_route_gives_no_places(sentence):
    assert ends(sentence) == []
