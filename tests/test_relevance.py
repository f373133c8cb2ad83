"""qa/relevance.py: what a question needs a story's text to mention, and how much of it."""

from __future__ import annotations

from index.words import stems
from qa.question import analyze
from qa.relevance import coverage, missing_terms

QUAKE = stems("The agency said the quake had a magnitude of 5.9 and killed hundreds.")
SHOOTING = stems("The agency said its officer shot a driver; the agency gives few details.")


def test_a_word_every_story_has_weighs_less_than_one_only_one_has():
    q = analyze("Which agency gave the 5.9 reading?")
    cover = coverage(q, {"quake": QUAKE, "shooting": SHOOTING})
    # both have "agency"; only the quake has "5.9", only the shooting "give"; "reading" none.
    # Equal counts, equal weights here: neither wins on coverage alone
    assert cover["quake"] == cover["shooting"]
    three = coverage(q, {"quake": QUAKE, "shooting": SHOOTING, "other": stems("5.9 agency")})
    assert three["shooting"] > three["quake"]  # "5.9" is now in two stories, "gave" in one


def test_coverage_is_one_for_a_question_of_frame_words_only():
    q = analyze("What time was it?")
    assert coverage(q, {"a": QUAKE, "b": SHOOTING}) == {"a": 1.0, "b": 1.0}


def test_missing_terms_name_what_the_story_lacks():
    q = analyze("When does the officer's trial begin?")
    assert missing_terms(q, SHOOTING) == ["trial"]
    assert missing_terms(analyze("Who shot the driver?"), SHOOTING) == []
