"""qa/share.py: how much of a question a sentence states, on sentences written for these
tests."""

from qa.question import analyze
from qa.share import names_a_party, question_share, share, word_in
from tests.helpers import value


def test_the_share_of_lemmas_a_sentence_has_by_stem():
    s = value("sentence", "Crews evacuated the flooded ward.", "crew evacuate flood ward")
    assert share(["evacuation", "ward"], s) == 1.0  # "evacuation" ~ "evacuate" by stem
    assert share(["ward", "bridge"], s) == 0.5
    assert share([], s) == 0.0


def test_a_questions_share_leaves_out_what_it_is_told_to():
    q = analyze("When did crews evacuate the ward?")
    s = value("sentence", "Crews said the ward was safe.", "crew say ward safe")
    assert question_share(q, s) == 2 / 3
    assert question_share(q, s, frozenset({"evacuate"})) == 1.0


def test_a_word_is_found_whole_and_a_party_by_its_last_name():
    assert word_in("Lee", "Officer LEE said so")
    assert not word_in("Lee", "he was asleep")  # inside another word
    assert word_in("St. Luke's", "taken to St. Luke's hospital")  # punctuation kept literal
    q = analyze("Where was Kristi Noem when the shooting happened?")
    assert names_a_party(q, "Noem was in Texas at the time.")
    assert not names_a_party(q, "The secretary was in Texas at the time.")
    assert not names_a_party(analyze("Where did it happen?"), "Noem was in Texas.")  # none named
