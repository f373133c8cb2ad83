"""index/superlatives.py and qa/superlatives.py: the superlatives a sentence states; a
claimed superlative is stated only by one of like meaning, and its scope is no act a
sentence must repeat (claims read as `check` reads them)."""

from __future__ import annotations

import pytest

from index.nlp import get_nlp
from index.superlatives import superlative_values
from qa.superlatives import scope
from tests.helpers import reading


def test_superlatives_as_written_with_their_adjective():
    doc = get_nlp()("It was the most powerful storm and the deadliest, though most homes stood.")
    found = [(v.text.lower(), v.norm) for v in superlative_values(doc[:], 0, None)]
    assert found == [("most powerful", "powerful"), ("deadliest", "deadly")]


def test_the_scope_of_a_superlative_is_its_clause():
    doc = get_nlp()("This was the strongest storm ever recorded in Ruritania.")
    assert [t.text for t in scope(doc)] == ["recorded", "ever", "in", "Ruritania"]


CLAIM = "This was the strongest storm ever recorded in Ruritania."


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        # one degree in other words, its scope in other words: stated
        ("Forecasters said it was the most powerful storm to ever hit the country.", "supports"),
        # no superlative: a powerful storm is not the most powerful ever
        ("A rare, powerful storm struck Ruritania on Friday.", None),
        # the scale's other end, which the model puts near it, states nothing
        ("It was the weakest storm ever recorded in Ruritania.", None),
        # another degree: the deadliest storm need not be the strongest
        ("It was the deadliest storm ever recorded in Ruritania.", None),
    ],
)
def test_a_claimed_superlative_needs_one_of_like_meaning(word_model, tmp_path, sentence, stance):
    assert reading(CLAIM, sentence, tmp_path) == stance
