"""index/chunk.py: passages of whole sentences with exact offsets."""

from index.chunk import chunk
from index.nlp import get_nlp, split_sentences


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
