"""Independence: outlets whose answering text shares its wording (copied wire copy, a
rewritten article) count as one origin."""

from __future__ import annotations

import re
from functools import lru_cache

from index.copies import Copied, never, reworded
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


def _rewords(c: Claim, other: Claim) -> bool:
    """The claim's answering sentence is a reworded sentence of the other's passage."""
    theirs = [v.text for v in other.hit.stored.values if v.kind == "sentence"]
    return any(reworded(c.sentence.text, t) for t in theirs or [other.sentence.text])


def _one_origin(a: Claim, b: Claim, sa: Shingles, pa: Shingles, sb: Shingles, pb: Shingles) -> bool:
    if shares_wording(sa, pb) or shares_wording(sb, pa):
        return True
    return _rewords(a, b) or _rewords(b, a)


def assign_origins(claims: list[Claim], copied: Copied = never) -> int:
    """Number the claims' origins: two claims are one origin when their answering text is
    shared (copied or reworded) or their documents copy one another (`copied`,
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
            shared = _one_origin(ci, cj, sentences[i], passages[i], sentences[j], passages[j])
            if shared or copied(docs[i], docs[j]):
                parent[find(j)] = find(i)
                if cj.same_origin_as is None:
                    cj.same_origin_as = ci.outlet
                if ci.same_origin_as is None:
                    ci.same_origin_as = cj.outlet
    for i, c in enumerate(claims):
        c.origin = find(i)
    return len({c.origin for c in claims})
