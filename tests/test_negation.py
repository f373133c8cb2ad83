"""index/negation.py: the clause a negation denies, on sentences written for these tests."""

import pytest

from tests.helpers import extracted


def denials(text: str, tmp_path) -> list[tuple[str, set[str]]]:
    return [
        (v.head or "", set(v.norm.split()))
        for v in extracted(text, tmp_path)
        if v.kind == "negation"
    ]


@pytest.mark.parametrize(
    "text, verb",
    [
        ("The driver did not stop at the crossing.", "stop"),
        ("The mayor pleaded not guilty to all charges.", "plead"),
        ("No one was killed in the blast.", "kill"),
        ("The council never approved the plan.", "approve"),
    ],
)
def test_the_denied_verb(text, verb, tmp_path):
    assert [v for v, _ in denials(text, tmp_path)] == [verb]


def test_a_negation_denies_its_own_clause_only(tmp_path):
    text = "The mayor pleaded not guilty to every count and testified on his own behalf."
    [(verb, words)] = denials(text, tmp_path)
    assert verb == "plead" and {"mayor", "guilty", "count"} <= words
    assert not words & {"testify", "behalf"}


def test_a_participle_clause_takes_its_sentences_subject(tmp_path):
    [(verb, words)] = denials("Despite pleading not guilty, the mayor was convicted.", tmp_path)
    assert verb == "plead" and "mayor" in words and "convict" not in words


def test_a_sentence_without_negation_denies_nothing(tmp_path):
    assert denials("The mayor testified in his own defence.", tmp_path) == []
