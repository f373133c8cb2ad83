"""Independence: outlets whose answering text shares its wording (copied wire copy, a
rewritten article) count as one origin."""

from __future__ import annotations

import re
from functools import lru_cache

from qa.claims import Claim

SHINGLE = 5
SAME_ORIGIN_CONTAINMENT = 0.5
Shingles = frozenset[tuple[str, ...]]


@lru_cache(maxsize=1 << 13)
def shingles(text: str, n: int = SHINGLE) -> Shingles:
    """A text's word 5-grams, once per text (a story's passages answer question after
    question)."""
    words = re.findall(r"\w+", text.lower())
    return frozenset(tuple(words[i : i + n]) for i in range(max(0, len(words) - n + 1)))


def shares_wording(sentence: Shingles, passage: Shingles) -> bool:
    """Copied text: most of one answering sentence's word 5-grams appear in another passage."""
    return len(sentence) >= 3 and len(sentence & passage) / len(sentence) >= SAME_ORIGIN_CONTAINMENT


def assign_origins(claims: list[Claim]) -> int:
    parent = list(range(len(claims)))
    # each text's 5-grams once, not once per pair of claims
    sentences = [shingles(c.sentence.text) for c in claims]
    passages = [shingles(c.hit.stored.passage.text) for c in claims]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            if shares_wording(sentences[i], passages[j]) or shares_wording(
                sentences[j], passages[i]
            ):
                parent[find(j)] = find(i)
                if claims[j].same_origin_as is None:
                    claims[j].same_origin_as = claims[i].outlet
                if claims[i].same_origin_as is None:
                    claims[i].same_origin_as = claims[j].outlet
    for i, c in enumerate(claims):
        c.origin = find(i)
    return len({c.origin for c in claims})
