"""How much of a question a sentence states: the share of its content lemmas the sentence
has, by stem."""

from __future__ import annotations

import re
from functools import lru_cache

from index.models import Value
from index.words import stems
from qa.match import stem
from qa.question import Question


def question_share(q: Question, sentence: Value, skip: frozenset[str] = frozenset()) -> float:
    """Share of the question's content lemmas (less `skip`) the sentence has."""
    return share([x for x in q.lemmas if x not in skip], sentence)


def share(lemmas: list[str], sentence: Value) -> float:
    """Share of these lemmas the sentence (or clause) has, by stem."""
    if not lemmas:
        return 0.0
    stems = sentence_stems(sentence.norm)
    return sum(1 for x in lemmas if stem(x) in stems) / len(lemmas)


@lru_cache(maxsize=1 << 14)
def sentence_stems(norm: str) -> frozenset[str]:
    """A sentence's stems, once per sentence: each is read for every value in it."""
    return frozenset(stems(norm))


def names_a_party(q: Question, text: str) -> bool:
    """The text names one of the question's parties by the last word of its name ("Noem" for
    "Kristi Noem")."""
    return any(word_in(n.split()[-1], text) for n in q.names if n.split())


def word_in(word: str, text: str) -> bool:
    """The word is in the text as a whole word, in any case ("Lee" is not in "asleep")."""
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None
