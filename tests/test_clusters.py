"""qa/clusters.py: outlets' answers grouped by compatibility, and the consensus value."""

from __future__ import annotations

from qa.clusters import cluster, consensus_display, strongest
from tests.helpers import count_claim, name_claim


def test_an_open_count_joins_the_cluster_nearest_its_bound():
    # "at least 40" fits 40 and 52 alike; it reports 40
    claims = [
        count_claim("A", 1, "52 people", 52, 52, weight=3.0),
        count_claim("B", 2, "at least 40 people", 40, None, weight=2.5),
        count_claim("C", 3, "40 people", 40, 40, weight=1.0),
    ]
    for i, c in enumerate(claims):
        c.origin = i
    groups = [{c.outlet for c in cl.claims} for cl in cluster(claims)]
    assert sorted(groups, key=len) == [{"A"}, {"B", "C"}]


def test_answers_that_are_all_the_same_make_one_cluster_its_value_their_common_ground():
    claims = [
        count_claim("A", 1, "three", 3, 3),
        count_claim("B", 2, "three or four", 3, 4),
        count_claim("C", 3, "at least two", 2, None),
    ]
    for i, c in enumerate(claims):
        c.origin = i
    (only,) = cluster(claims)
    assert strongest([only]) is only
    assert consensus_display(only) == ("3", "three")


def test_a_person_is_valued_by_the_whole_name_the_article_gave():
    claims = [name_claim("A", 1, "Okoro", full="Chidi Okoro"), name_claim("B", 2, "Okoro")]
    for i, c in enumerate(claims):
        c.origin = i
    (only,) = cluster(claims)
    assert consensus_display(only) == ("Chidi Okoro", "Okoro")  # shown as quoted


def test_a_place_told_from_another_is_valued_in_words():
    told = name_claim("A", 1, "some 60 km north-east of Varna", "place", norm="northeast of varna",
                      head="relative")  # fmt: skip
    told.origin = 0
    (only,) = cluster([told])
    assert consensus_display(only) == ("northeast of varna", "some 60 km north-east of Varna")


def test_a_date_of_an_act_near_the_asked_one_by_meaning_contradicts_nothing(word_model):
    import datetime as dt

    from qa.clusters import against_top
    from qa.question import analyze

    def dated(outlet: str, n: int, text: str, day: dt.date, act: str):
        o = day.toordinal()
        return name_claim(outlet, n, text, kind="date", norm=day.isoformat(), head=act, lo=o, hi=o)

    thursday = dt.date(2025, 3, 6)
    claims = [
        dated("A", 1, "Thursday", thursday, "convict"),
        dated("B", 2, "Thursday", thursday, "convict"),
        dated("C", 3, "last year", dt.date(2024, 5, 1), "arrest"),  # 0.62 from "convict"
        dated("D", 4, "in May", dt.date(2024, 5, 1), "convict"),
    ]
    for i, c in enumerate(claims):
        c.origin = i
    groups = cluster(claims)
    top = strongest(groups)
    conflicting, loose = against_top(groups, top, analyze("When was Omar Hale convicted?"))
    assert [c.outlet for cl in conflicting for c in cl.claims] == ["D"]
    assert [c.outlet for c in loose] == ["C"]
