from index.chunk import chunk
from index.nlp import get_nlp, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, get_nlp())]


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


def test_passages_are_whole_sentences_with_exact_offsets():
    text = "Title line\n\nOne. Two is here. Three is here.\nFour is here. Five is here."
    sents = split_sentences(text, get_nlp())
    chunks = chunk("d", text, sents, max_sentences=2, max_chars=500)
    starts = {s.start for s in sents}
    ends = {s.end for s in sents}
    for c in chunks:
        p = c.passage
        assert text[p.start : p.end] == p.text
        assert p.start in starts and p.end in ends
    assert chunks[0].passage.text.startswith("Title line")  # heading opens a passage
    assert [c.passage.id for c in chunks] == [f"d:{i}" for i in range(len(chunks))]
