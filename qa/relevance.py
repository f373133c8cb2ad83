"""The relevance gate: a question about something no article of the story mentions has no
evidence, however well other passages score ("When does the officer's trial begin?" over
articles that never mention a trial)."""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

from qa.question import Question

# Nouns that frame a question rather than name its topic (closed class, general English).
GENERIC_NOUNS = frozenset(
    [
        "people",
        "person",
        "day",
        "date",
        "time",
        "year",
        "month",
        "week",
        "hour",
        "number",
        "place",
        "city",
        "country",
        "part",
        "thing",
        "way",
        "reason",
        "kind",
        "type",
        "name",
        "amount",
        "total",
        "area",
    ]
)
WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def stems(text: str) -> set[str]:
    """Stemmed lower-case words of a text (hyphenated words count word by word)."""
    return set(_stemmer().stemWords(WORD.findall(text.lower())))


def variants(word: str) -> set[str]:
    """Forms a term may take in an article: its stem, the act of an agent noun ("shooter" →
    "shoot"), and the other spelling of -our/-or ("neighbour" ~ "neighbor")."""
    w = word.lower()
    forms = {w}
    if w.endswith("our"):
        forms.add(w[:-3] + "or")
    elif w.endswith("or") and len(w) > 4:
        forms.add(w[:-2] + "our")
    if w.endswith("er") and len(w) > 5:
        forms.add(w[:-2])
        if len(w) > 6 and w[-3] == w[-4]:  # "shooter" -> "shoot"; "robber" -> "rob"
            forms.add(w[:-3])
    return set(_stemmer().stemWords(sorted(forms)))


def missing_terms(q: Question, vocabulary: set[str]) -> list[str]:
    """The question's names and subject words that appear nowhere in the story's text."""
    missing: list[str] = []
    for name in q.names:
        if not stems(name) <= vocabulary:
            missing.append(name)
    for noun in q.subject:
        if noun in GENERIC_NOUNS:
            continue
        if not variants(noun) & vocabulary:
            missing.append(noun)
    return missing


def coverage(q: Question, vocabulary: set[str]) -> float:
    """Share of the question's content words (generic frame nouns aside) that the story's
    text has, in any of their forms; 1.0 for a question with none."""
    words = [w for w in q.lemmas if w not in GENERIC_NOUNS]
    if not words:
        return 1.0
    return sum(bool(variants(w) & vocabulary) for w in words) / len(words)
