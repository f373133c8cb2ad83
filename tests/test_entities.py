"""index/entities.py: dates and names of sentences written for these tests."""

import datetime as dt


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


def test_an_undated_articles_relative_date_is_kept_for_its_story(tmp_path):
    from index.normalize import UNDATED
    from tests.helpers import extracted

    dates = [
        v for v in extracted("The trial began in early October.", tmp_path) if v.kind == "date"
    ]
    assert [(v.norm, v.lo) for v in dates] == [(UNDATED + "early october", None)]


def test_a_name_runs_on_past_a_middle_initial(tmp_path):
    from tests.helpers import extracted

    # the tagger ends this name at "A" (and tags no "Stone")
    text = "Judge David A Stone adjourned the hearing on Monday."
    people = {v.text: v.norm for v in extracted(text, tmp_path) if v.kind == "person"}
    assert people == {"David A Stone": "stone"}


def test_a_name_a_noun_for_a_kind_of_place_qualifies_is_a_place(tmp_path):
    from tests.helpers import extracted

    # the tagger reads "Amberley" as an organisation and "Gao" as a person here
    for text, place in [
        ("The convoy reached the town of Amberley at dawn.", "Amberley"),
        ("Troops moved into Gao province on Monday.", "Gao"),
    ]:
        assert [v.text for v in extracted(text, tmp_path) if v.kind == "place"] == [place]
    # a possessor of "capital" in its sense of money stays what it was
    kinds = {v.text: v.kind for v in extracted("Acme's capital was gone.", tmp_path)}
    assert kinds.get("Acme") == "organization"
