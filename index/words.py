"""Words as search sees them: numbers kept whole, English stems, and the other forms a
question's word may take in an article. Shared by the lexical index and the relevance gate,
so both read a text the same way."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

import Stemmer
from lemminflect import getAllInflections, getLemma

if TYPE_CHECKING:
    from spacy.tokens import Token

# "5.9" and "7" are words of a question ("the 5.9 reading", "on 7 counts"): bm25s's default
# pattern (two or more word characters) dropped both, so a magnitude or a count never matched.
TOKEN_PATTERN = r"(?u)\b\d+(?:\.\d+)?\b|\b\w\w+\b"
WORD = re.compile(r"\d+(?:\.\d+)?|[^\W_]+")
THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")  # "1,000" is the word "1000"
CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
# spaCy's stop list holds nouns and verbs that carry a sentence's content: "whose NAME was
# not released", "CALLED on the agents to leave", "PUT the toll at 41"; as a noun, verb or
# adjective they are content (a question keeps them, so a sentence must too)
CONTENT_STOP_WORDS = frozenset(
    {
        "name", "call", "put", "give", "take", "make", "show", "move", "keep", "side",
        "part", "front", "back", "top", "bottom", "amount", "full", "empty", "serious",
        "whole",
    }
)  # fmt: skip


@lru_cache(maxsize=1)
def stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


# English plurals that no stemmer joins to their singular
IRREGULAR = {"people": "person", "men": "man", "women": "woman", "children": "child"}


@lru_cache(maxsize=1 << 15)
def stem(word: str) -> str:
    """One word's stem, an irregular plural read as its singular ("people" -> "person")."""
    w = IRREGULAR.get(word.lower(), word.lower())
    return _kept_agent(w, stemmer().stemWord(w))


def _kept_agent(word: str, stemmed: str) -> str:
    """A noun for one who does or holds something keeps its "-er" where the stemmer cut it:
    "officer" is not "office", "prisoner" not "prison", "reporter" not "report" (a question
    about an office was answered by sentences about an officer). A verb in "-er" keeps the
    stemmer's cut, which its other forms share ("deliver", "delivered")."""
    base = word[:-1] if word.endswith("ers") else word
    if not base.endswith("er") or stemmed.endswith("er") or len(base) < 6 or is_verb(base):
        return stemmed
    return base


def normalize(text: str) -> str:
    return THOUSANDS.sub("", text)


def stems(text: str) -> set[str]:
    """Stemmed lower-case words of a text (hyphenated words count word by word)."""
    words = [IRREGULAR.get(w, w) for w in WORD.findall(normalize(text).lower())]
    stemmed = stemmer().stemWords(words)  # one C call
    return {_kept_agent(w, s) for w, s in zip(words, stemmed, strict=True)}


def variants(word: str) -> set[str]:
    """Stems a word may take in an article: its own, the act of an agent noun ("shooter" →
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
    return {stem(f) for f in forms}


def expand(text: str) -> str:
    """The text with the other forms of its words appended (for a query, not a passage)."""
    extra = {v for w in WORD.findall(text.lower()) for v in variants(w)} - stems(text)
    return " ".join([text, *sorted(extra)])


@lru_cache(maxsize=1 << 14)
def is_verb(lemma: str | None) -> bool:
    """A verb lemminflect knows ("strike", "collapse"), not a noun act ("death")."""
    return bool(lemma) and bool(getAllInflections(lemma, upos="VERB"))


@lru_cache(maxsize=1 << 12)
def is_plural(noun: str) -> bool:
    """A plural common noun ("officials", "witnesses"), not a name that ends in s
    ("Reuters", "Jones") nor an acronym ("DHS")."""
    word = noun.lower()
    if noun.isupper():
        return False
    lemma = next(iter(getLemma(word, upos="NOUN")), word)
    return lemma != word and word in getAllInflections(lemma, upos="NOUN").get("NNS", ())


@lru_cache(maxsize=1 << 12)
def base_forms(word: str) -> frozenset[str]:
    """The word's lemmas as a noun, verb or adjective ("injuries" -> injury, "killed" ->
    kill): its inflections, not its derivations ("hospital" is no form of "hospitalise")."""
    w = word.lower()
    return frozenset({w, *(x for u in ("NOUN", "VERB", "ADJ") for x in getLemma(w, upos=u))})


def content_lemmas(tokens: Iterable[Token]) -> list[str]:
    """The lemmas of parsed tokens that carry content: nouns, names, verbs, adjectives and
    numbers, not stop words."""
    return [
        t.lemma_.lower()
        for t in tokens
        if t.pos_ in CONTENT_POS
        and (not t.is_stop or t.lemma_.lower() in CONTENT_STOP_WORDS)
        and not t.is_punct
        and len(t.text) > 1
    ]
