"""qa/said.py: a sentence's speaker as a party that answers, on sentences written for these
tests."""

from __future__ import annotations

from qa.question import analyze
from qa.said import named_speaker, speakers, speaks_as
from tests.helpers import value, value_in


def test_a_speaker_is_named_by_its_words_an_article_aside():
    ruiz = value("person", "National Ferry Board", "nfb")
    assert speaks_as(ruiz, "The National Ferry Board")
    assert not speaks_as(ruiz, "the harbour master")
    assert not speaks_as(ruiz, None)


def test_a_name_the_tagger_missed_is_a_person_and_a_description_is_no_one():
    earlier = value("person", "Chidi Okoro", "okoro")
    found = named_speaker("Okoro", 40, 45, [earlier])
    assert found is not None and (found.kind, found.norm, found.full) == (
        "person",
        "okoro",
        "Chidi Okoro",
    )
    assert named_speaker("a local official", 0, 16, []) is None
    assert named_speaker("the latest figures", 0, 18, []) is None


def test_only_a_question_for_a_party_takes_speakers_and_never_a_pronoun():
    said = value("sentence", "“The river rose,” said Okoro.", "river rise say okoro")
    said = said.model_copy(update={"attributed_to": "Okoro"})
    he = value("sentence", "“It rose,” he said.", "rise say", start=40)
    he = he.model_copy(update={"attributed_to": "he"})
    named = value_in(he, "person", "he", "he")
    who = analyze("Who said the river rose?")
    assert [v.text for v in speakers(who, [said, he, named], [said, he])] == ["Okoro"]
    what = analyze("What rose?")
    assert speakers(what, [said], [said]) == []


def test_the_speaker_of_a_reported_claim_answers_too():
    text = "Rao said, “The Harbour Board said that 41 people died.”"
    sentence = value("sentence", text, "rao say harbour board say 41 people die")
    sentence = sentence.model_copy(update={"attributed_to": "Rao"})
    claim = value_in(sentence, "claim", "The Harbour Board said that 41 people died", "die")
    claim = claim.model_copy(update={"attributed_to": "The Harbour Board"})
    who = analyze("Who put the death toll at 41?")
    found = [v.text for v in speakers(who, [sentence, claim], [sentence])]
    assert found == ["Rao", "The Harbour Board"]


def test_an_institution_named_by_a_description_is_an_organisation():
    found = named_speaker("the interior ministry", 0, 21, [])
    assert found is not None and (found.kind, found.norm) == ("organization", "im")
    survey = named_speaker("Ruritania's geological survey", 0, 29, [])
    assert survey is not None and survey.kind == "organization"
    assert named_speaker("a ministry source", 0, 17, []) is None
    assert named_speaker("local residents", 0, 15, []) is None
