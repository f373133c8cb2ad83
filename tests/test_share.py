"""qa/share.py: how much of a question a sentence states, on sentences written for these
tests."""

from qa.question import analyze
from qa.share import question_share, share
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
