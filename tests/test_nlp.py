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


def test_abbreviations_do_not_split():
    text = (
        "Rep. Ilhan Omar and Sen. Amy Klobuchar spoke in St. Paul on Tuesday. "
        "Gov. Tim Walz met Dr. Lee at 5 p.m. in St. Cloud. Then they left."
    )
    got = sentences(text)
    assert got[0] == "Rep. Ilhan Omar and Sen. Amy Klobuchar spoke in St. Paul on Tuesday."
    assert got[-1] == "Then they left."
    assert any(s.startswith("Gov. Tim Walz met Dr. Lee") for s in got)


def test_quotes_stay_with_their_attribution():
    text = "“We will not stop. We will keep going,” the mayor said. Police left."
    assert sentences(text) == [
        "“We will not stop. We will keep going,” the mayor said.",
        "Police left.",
    ]


def test_glued_sentences_are_split_and_lines_never_crossed():
    text = "He ran to the car.”Then the police came.\nA new line starts here"
    got = sentences(text)
    assert "Then the police came." in got
    assert got[-1] == "A new line starts here"
    assert all("\n" not in s for s in got)
