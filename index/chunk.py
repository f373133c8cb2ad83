"""Group sentences into passages: a few whole sentences each, with exact offsets."""

from __future__ import annotations

from dataclasses import dataclass

from index.models import Passage
from index.nlp import Sentence


@dataclass
class Chunk:
    passage: Passage
    sentences: list[Sentence]


def chunk(
    doc_id: str, text: str, sentences: list[Sentence], max_sentences: int, max_chars: int
) -> list[Chunk]:
    """Greedy packing of sentences; a heading always opens a new passage."""
    groups: list[list[Sentence]] = []
    for s in sentences:
        cur = groups[-1] if groups else None
        if (
            cur is None
            or s.heading
            or len(cur) >= max_sentences
            or (s.end - cur[0].start > max_chars and not all(x.heading for x in cur))
        ):
            groups.append([s])
        else:
            cur.append(s)
    chunks = []
    for n, group in enumerate(groups):
        start, end = group[0].start, group[-1].end
        passage = Passage(
            id=f"{doc_id}:{n}", doc_id=doc_id, n=n, start=start, end=end, text=text[start:end]
        )
        chunks.append(Chunk(passage, group))
    return chunks
