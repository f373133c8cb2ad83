"""Values extracted from sentences written for these tests (not from the seeds)."""

import datetime as dt

import pytest

from tests.helpers import extracted


def test_values_extracted_from_a_written_article(tmp_path):
    from index.build import prepare
    from index.models import Document
    from tests.conftest import make_settings

    text = (
        "Police said a gunman fired at least five shots outside a bakery on Monday. "
        "Witnesses told reporters that two or three people were hurt. "
        "The Federal Bureau of Investigation sent some 40 agents to Springfield. "
        "The county opened nine cooling centres, and two injured officers were treated. "
        "A 9-year-old boy and his grandfather, 71 years old, were rescued."
    )
    doc = Document(doc_id="w", outlet="Gazette", published=dt.date(2025, 6, 4), text=text)
    prep = prepare(doc, "h", "test", make_settings(tmp_path))
    values = [v for vs in prep.values for v in vs]
    by_kind = {}
    for v in values:
        by_kind.setdefault(v.kind, []).append(v)
        assert text[v.start : v.end] == v.text
    shots = next(v for v in by_kind["number"] if v.head == "shot")
    assert (shots.lo, shots.hi) == (5, None) and shots.attributed_to == "Police"
    hurt = next(v for v in by_kind["number"] if v.head == "people")
    assert (hurt.lo, hurt.hi) == (2, 3)
    agents = next(v for v in by_kind["number"] if v.head == "agent")
    assert agents.lo < 40 < agents.hi
    # a participle between the number and its noun ("nine cooling centres") is skipped
    centres = next(v for v in by_kind["number"] if v.head == "centre")
    assert (centres.lo, centres.text) == (9, "nine cooling centres")
    officers = next(v for v in by_kind["number"] if v.head == "officer")
    assert (officers.lo, officers.text) == (2, "two injured officers")
    # ages, which NER calls dates, are counts of years
    ages = {(v.lo, v.text) for v in by_kind["number"] if v.head == "year-old"}
    assert ages == {(9, "9-year-old"), (71, "71 years old")}
    monday = next(v for v in by_kind["date"] if v.text == "Monday")
    assert monday.norm == "2025-06-02"
    gunman = next(v for v in by_kind["agent"] if v.head == "fire")
    assert gunman.text == "a gunman"
    assert any(v.norm == "fbi" for v in by_kind["organization"])


def test_claims_in_clauses_are_attributed_to_their_own_speaker(tmp_path):
    from index.build import prepare
    from index.models import Document
    from tests.conftest import make_settings

    text = (
        "A guard shot a man at the depot on Friday, a killing that the sheriff claimed was "
        "justified but that the governor called a tragedy. "
        "The council said the depot, which the company insisted had 12 exits, stayed shut."
    )
    doc = Document(doc_id="c", outlet="Herald", published=None, text=text)
    prep = prepare(doc, "h", "test", make_settings(tmp_path))
    values = [v for vs in prep.values for v in vs]
    claims = {v.attributed_to: v for v in values if v.kind == "claim"}
    assert "justified" in claims["the sheriff"].text and "tragedy" not in claims["the sheriff"].text
    assert "tragedy" in claims["the governor"].text
    first = next(v for v in values if v.kind == "sentence")
    assert first.attributed_to is None  # neither party speaks for the whole sentence
    exits = next(v for v in values if v.kind == "number" and v.head == "exit")
    assert exits.attributed_to == "the company"  # the clause's speaker, not the council
    second = [v for v in values if v.kind == "sentence"][1]
    assert second.attributed_to == "The council"


def test_a_place_name_used_as_a_modifier_is_not_a_location(tmp_path):
    from index.build import prepare
    from index.models import Document
    from tests.conftest import make_settings

    text = (
        "Ohio officials said the Texas governor was in Denver on Friday. "
        "A Boston firefighter was hurt when the blaze spread through New York City."
    )
    doc = Document(doc_id="p", outlet="Gazette", published=dt.date(2025, 6, 4), text=text)
    prep = prepare(doc, "h", "test", make_settings(tmp_path))
    places = {v.text for vs in prep.values for v in vs if v.kind == "place"}
    assert places == {"Denver", "New York City"}


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


def test_an_undated_articles_relative_date_is_kept_for_its_story(tmp_path):
    from index.normalize import UNDATED
    from tests.helpers import extracted

    dates = [
        v for v in extracted("The trial began in early October.", tmp_path) if v.kind == "date"
    ]
    assert [(v.norm, v.lo) for v in dates] == [(UNDATED + "early october", None)]


@pytest.mark.parametrize(
    "text, kind, norm",
    [
        ("The ministry said 2012 people had been killed.", "number", "2012..2012"),
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
        ("Bankman-Fried, 31, stood as the verdict was read.", "31"),
        ("Police arrested 3, including John Smith, 45, on Monday.", "45"),
    ],
)
def test_a_number_between_commas_after_a_name_is_an_age(text, age, tmp_path):
    ages = [v.text for v in extracted(text, tmp_path) if v.head == "year-old"]
    assert ages == [age]


def test_a_number_between_commas_after_a_place_is_no_age(tmp_path):
    text = "In Springfield, 12, the count rose."
    assert not [v for v in extracted(text, tmp_path) if v.head == "year-old"]
