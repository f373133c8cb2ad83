"""index/extract.py: every value of a passage, on an article written for these tests."""

import datetime as dt


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


def test_a_person_named_by_surname_keeps_the_name_and_post_the_article_gave(tmp_path):
    from tests.helpers import extracted

    text = (
        "Chidi Okoro, a spokeswoman for the Harbour Authority, said the river rose overnight. "
        "Officials closed the bridge on Monday. "
        "Later, Ms Okoro told reporters the water was rising."
    )
    people = [
        (v.text, v.full, v.speaks_for) for v in extracted(text, tmp_path) if v.kind == "person"
    ]
    assert people == [
        ("Chidi Okoro", None, "Harbour Authority"),
        ("Ms Okoro", "Chidi Okoro", "Harbour Authority"),
    ]
