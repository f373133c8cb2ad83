"""index/counts.py: counts, the act they count, ages, on sentences written for these tests."""

import datetime as dt

import pytest

from tests.helpers import extracted


@pytest.mark.parametrize(
    "sentence, count, act",
    [
        ("Officials said 41 people were killed and 230 injured in the blast.", "41 people", "kill"),
        (
            "The hospital treated 93 injured passengers overnight.",
            "93 injured passengers",
            "injured",
        ),
        ("By noon, 17 residents had died and 60 were reported missing.", "17 residents", "die"),
        ("The death toll was 58 on Sunday.", "58", "death"),  # a tally: index/tally.py
        ("One worker is dead after the crane fell.", "One worker", "dead"),
        ("The mayor criticised the deployment of 300 soldiers.", "300 soldiers", "deployment"),
        # a participle that describes the thing counted is not the act counted
        ("The truck slammed into three parked vans.", "three parked vans", "slam"),
    ],
)
def test_a_count_records_the_act_it_counts(tmp_path, sentence, count, act):
    from index.build import prepare
    from index.models import Document
    from tests.conftest import make_settings

    doc = Document(doc_id="c", outlet="Gazette", published=dt.date(2025, 6, 4), text=sentence)
    prep = prepare(doc, "h", "test", make_settings(tmp_path))
    acts = {v.text: v.act for vs in prep.values for v in vs if v.kind == "number"}
    assert acts[count] == act


@pytest.mark.parametrize(
    "text, kind, norm",
    [
        ("The council said 2012 people had been evacuated.", "number", "2012..2012"),
        ("The stadium was built in 2012 for the games.", "date", "2012"),
        ("In 2012 people voted for change.", "date", "2012"),
    ],
)
def test_a_four_digit_count_is_not_a_year(text, kind, norm, tmp_path):
    from tests.helpers import extracted

    found = [v for v in extracted(text, tmp_path) if v.kind in {"date", "number"}]
    assert [(v.kind, v.norm) for v in found] == [(kind, norm)]


@pytest.mark.parametrize(
    "text, age",
    [
        ("Venus de Mars, 65, a resident of the street, saw paramedics arrive.", "65"),
        ("Smith-Jones, 31, stood as the verdict was read.", "31"),
        ("Police arrested 3, including John Smith, 45, on Monday.", "45"),
    ],
)
def test_a_number_between_commas_after_a_name_is_an_age(text, age, tmp_path):
    ages = [v.text for v in extracted(text, tmp_path) if v.head == "year-old"]
    assert ages == [age]


def test_a_number_between_commas_after_a_place_is_no_age(tmp_path):
    text = "In Springfield, 12, the count rose."
    assert not [v for v in extracted(text, tmp_path) if v.head == "year-old"]


@pytest.mark.parametrize(
    "text, count, act",
    [
        (
            "Over 150 flights were cancelled, delayed or diverted.",
            "Over 150 flights",
            "cancel/delay/divert",
        ),
        ("Officials said 41 people were killed or injured.", "41 people", "kill/injure"),
        # the statement after "and" is another count
        (
            "About 20 people were arrested or detained, and 3 were released.",
            "About 20 people",
            "arrest/detain",
        ),
        # both acts befell the two men
        ("Police shot and killed two men.", "two men", "kill"),
        ("Nine people were killed, injured and displaced.", "Nine people", "kill"),
        # a noun that only measures out what follows "of" is no act
        ("A total of 85 flights have been cancelled.", "85 flights", "cancel"),
        ("A group of 40 protesters marched to the hall.", "40 protesters", "march"),
    ],
)
def test_a_count_of_acts_joined_by_or_is_of_each(text, count, act, tmp_path):
    acts = {v.text: v.act for v in extracted(text, tmp_path) if v.kind == "number"}
    assert acts[count] == act


@pytest.mark.parametrize(
    "text, count",
    [
        (
            "The stabbing was at least the fifth death tied to the feud.",
            ("at least the fifth death", 5, None),
        ),
        ("It was the 3rd killing on the estate this year.", ("3rd killing", 3, 3)),
    ],
)
def test_the_nth_outcome_of_a_series_counts_n(text, count, tmp_path):
    found = [(v.text, v.lo, v.hi) for v in extracted(text, tmp_path) if v.kind == "number"]
    assert found == [count]


def test_the_nth_thing_is_one_thing(tmp_path):
    found = extracted("The second ferry left the harbour late.", tmp_path)
    assert not [v for v in found if v.kind == "number"]


@pytest.mark.parametrize(
    "text, head",
    [
        # the small parser reads "40km southwest" as a compound of "southwest"
        (
            "The storm had a top speed of 90 mph with an eye some 40km southwest of Springfield.",
            ["mph", "km"],
        ),
        ("The village lies 10 miles north of the city.", ["mile"]),
        ("About 2,000 immigration agents were sent.", ["agent"]),  # a compound: the agents
    ],
)
def test_a_count_in_a_unit_keeps_the_unit_as_its_head(text, head, tmp_path):
    numbers = [v for v in extracted(text, tmp_path) if v.kind == "number"]
    assert [v.head for v in numbers] == head


def test_a_number_before_a_comma_and_another_count_is_not_that_count(tmp_path):
    text = "Of the 140, 35 bodies have been identified so far."
    found = [(v.text, v.lo) for v in extracted(text, tmp_path) if v.kind == "number"]
    assert ("35 bodies", 35.0) in found
    assert not [t for t, lo in found if lo == 140.0 and "bodies" in t]


def test_a_modifier_after_the_number_opens_the_count(tmp_path):
    found = [
        (v.text, v.lo, v.hi, v.head)
        for v in extracted("Five or more people were hurt.", tmp_path)
        if v.kind == "number"
    ]
    assert found == [("Five or more people", 5.0, None, "people")]


@pytest.mark.parametrize(
    "text, count",
    [
        ("The tremor had a magnitude of 5.9, the agency said.", "5.9"),
        ("The magnitude was 5.9, the agency said.", "5.9"),
        ("The 5.9-magnitude tremor shook the coast.", "5.9-magnitude"),
    ],
)
def test_a_number_given_after_its_unit_is_in_that_unit(text, count, tmp_path):
    numbers = {v.text: v.head for v in extracted(text, tmp_path) if v.kind == "number"}
    assert numbers == {count: "magnitude"}
