"""Independence: outlets whose answering text shares its wording (copied wire copy, a
rewritten article) count as one origin."""

from __future__ import annotations

from functools import lru_cache

from index.copies import Copied, never, words_of
from qa.claims import Claim

SHINGLE = 5
SAME_ORIGIN_CONTAINMENT = 0.5
Shingles = frozenset[tuple[str, ...]]


@lru_cache(maxsize=1 << 13)
def shingles(text: str, n: int = SHINGLE) -> Shingles:
    """A text's word 5-grams, once per text (a story's passages answer question after
    question)."""
    words = words_of(text)
    return frozenset(tuple(words[i : i + n]) for i in range(max(0, len(words) - n + 1)))


def shares_wording(sentence: Shingles, passage: Shingles) -> bool:
    """Copied text: most of one answering sentence's word 5-grams appear in another passage."""
    return len(sentence) >= 3 and len(sentence & passage) / len(sentence) >= SAME_ORIGIN_CONTAINMENT


def assign_origins(claims: list[Claim], copied: Copied = never) -> int:
    """Number the claims' origins: two claims are one origin when their answering text is
    shared or their documents copy one another, reworded or not (`copied`,
    `index/copies.py`); each claim names an outlet it shares its origin with."""
    parent = list(range(len(claims)))
    # each text's 5-grams once, not once per pair of claims
    sentences = [shingles(c.sentence.text) for c in claims]
    passages = [shingles(c.hit.stored.passage.text) for c in claims]
    docs = [c.hit.stored.passage.doc_id for c in claims]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            ci, cj = claims[i], claims[j]
            shared = shares_wording(sentences[i], passages[j]) or shares_wording(
                sentences[j], passages[i]
            )
            if shared or copied(docs[i], docs[j]):
                parent[find(j)] = find(i)
                if cj.same_origin_as is None:
                    cj.same_origin_as = ci.outlet
                if ci.same_origin_as is None:
                    ci.same_origin_as = cj.outlet
    for i, c in enumerate(claims):
        c.origin = find(i)
    return len({c.origin for c in claims})
