"""Whether one document copies another: wire copy two papers ran with a few words edited
("stole" / "looted", "customers" / "users") is one origin, whichever of its sentences
answers a question."""

from __future__ import annotations

import re
from collections.abc import Callable
from difflib import SequenceMatcher
from functools import lru_cache

Copied = Callable[[str, str], bool]  # (doc_id, doc_id) -> one copies the other
Words = tuple[str, ...]
# a sentence edited word by word keeps its order: on the development stories every copied
# pair's sentences of 15 words or more align at 0.84 to 0.95, independent outlets' at 0.73
# at most
REWORDED_RATIO = 0.8
REWORDED_MIN_WORDS = 15
# a copy is mostly the copied text: the copied pairs of the development stories share 33% to
# 83% of the shorter one's long sentences; an article that quotes two sentences of a wire
# report among twelve of its own (17%) is no copy of it
COPY_SHARE = 0.3
COPY_MIN_SENTENCES = 2
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def never(a: str, b: str) -> bool:
    """No two documents copy one another (where no story's texts are at hand)."""
    return False


def words_of(text: str) -> Words:
    return tuple(re.findall(r"\w+", text.lower()))


def reworded(wa: Words, wb: Words) -> bool:
    """One sentence (its words) edited into the other: both long, and their words align in
    order (a few swapped) even where few 5-grams survive."""
    if min(len(wa), len(wb)) < REWORDED_MIN_WORDS:
        return False
    sa, sb = set(wa), set(wb)
    if len(sa & sb) / min(len(sa), len(sb)) < REWORDED_RATIO:  # cheap first, in any order
        return False
    return SequenceMatcher(None, wa, wb, autojunk=False).ratio() >= REWORDED_RATIO


@lru_cache(maxsize=1 << 10)
def long_sentences(text: str) -> tuple[Words, ...]:
    """The words of each sentence of REWORDED_MIN_WORDS words or more, once each (a rough
    split is enough here)."""
    found = (words_of(s) for s in SENTENCE_END.split(text))
    return tuple(dict.fromkeys(w for w in found if len(w) >= REWORDED_MIN_WORDS))


def copies(a: str, b: str) -> bool:
    """One text copies the other: at least COPY_MIN_SENTENCES and COPY_SHARE of the shorter
    one's long sentences are the other's, as they are or reworded (read once per pair of
    documents: `Store.copied` keeps the answer)."""
    short, other = sorted((long_sentences(a), long_sentences(b)), key=len)
    same = set(other)
    shared = sum(s in same or any(reworded(s, o) for o in other) for s in short)
    return shared >= COPY_MIN_SENTENCES and shared >= COPY_SHARE * len(short)
