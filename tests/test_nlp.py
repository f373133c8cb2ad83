"""index/nlp.py: sentences of a document, mended where the small model splits or glues them."""

from index.nlp import get_nlp, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, get_nlp())]


def test_a_straight_quote_closes_a_curly_one():
    # copy that mixes quote styles: the quotation is closed, the next sentence is its own
    text = (
        'The minister said the “main fault" in the dam had been found. '
        "Engineers will inspect the spillway on Monday."
    )
    assert sentences(text) == [
        'The minister said the “main fault" in the dam had been found.',
        "Engineers will inspect the spillway on Monday.",
    ]


def test_a_quotation_left_open_keeps_its_sentences_together():
    text = "“We were asleep. Then the walls shook,” she said. Rescuers arrived at dawn."
    assert sentences(text)[0] == "“We were asleep. Then the walls shook,” she said."
