"""Whether two words name the same thing or act, by meaning rather than a word list: the same
lemma or stem, or (for acts, counted things and agents) word vectors from the embedding
model the product already loads; and the closed class of predicates that oppose each other.

The vectors are of the word in a neutral frame ("people fire"), cached per process. On 29
general pairs of news words that mean the same ("shoot" ~ "fire", "kill" ~ "die", "car" ~
"vehicle", "strike" ~ "hit") and 23 that do not ("shoot" ~ "kill", "kill" ~ "injure",
"crash" ~ "injure", "dead" ~ "injured"), a cosine of 0.62 in that frame took 20 of the 29 and
none of the 23; the bare word took 12 of 29 above its best cut-off."""

from __future__ import annotations

import re
import threading
import tomllib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources

import numpy as np

from index.lexicon import lexicon
from index.models import EITHER
from index.words import base_forms, stem
from qa.lexicon import grammar

# Each kind of word is read in a neutral frame: an act as "people fire", a thing as "the car".
# Cut-offs from general pairs of news words (none of them from the evaluation stories): acts,
# 29 pairs of one meaning ("shoot" ~ "fire", "kill" ~ "die", "strike" ~ "hit") and 23 of two
# ("shoot" ~ "kill", "kill" ~ "injure", "dead" ~ "injured"): 0.62 took 20 and none; things,
# 14 pairs ("car" ~ "vehicle", "quake" ~ "earthquake", "body" ~ "corpse") and 17 not ("car" ~
# "people", "officer" ~ "protester", "outlet" ~ "agency"): 0.6 took 8 and none (the highest
# unrelated pair scored 0.48). A bare word, or an act in the thing frame, separated worse.
FRAMES = {"act": ("people {}", 0.62), "thing": ("the {}", 0.6)}

Encoder = Callable[[list[str]], np.ndarray]
_encoder: Encoder | None = None
_vectors: dict[tuple[str, str], np.ndarray] = {}  # (kind, word) -> vector
_lock = threading.Lock()


def use_encoder(encode: Encoder | None) -> None:
    """Give the matcher the embedding model (the service does, once); without one, words
    match by lemma and stem only."""
    global _encoder
    if encode is not _encoder:
        _related.cache_clear()
    _encoder = encode


@contextmanager
def using_encoder(encode: Encoder | None) -> Iterator[None]:
    """The matcher with this encoder (or none) for a while, then as it was."""
    before = _encoder
    use_encoder(encode)
    try:
        yield
    finally:
        use_encoder(before)


def same_word(a: str | None, b: str | None) -> bool:
    """The same word up to inflection: lemma or stem ("deploy" ~ "deployment")."""
    if not a or not b:
        return False
    a, b = a.lower(), b.lower()
    return a == b or stem(a) == stem(b)


# "spokeswoman", "spokesman", "spokesperson": one role whatever the gender its compound names
GENDERED = re.compile(r"(?<=\w{3})(wo)?(man|men)$|(?<=\w{3})(person|persons|people)$")


# two words for one role by meaning: on 20 pairs of role nouns, synonyms scored 0.849-0.904
# (lawyer ~ attorney 0.904, doctor ~ physician 0.865, reporter ~ journalist 0.849) and
# distinct roles 0.40-0.83 (policeman ~ officer 0.827, prosecutor ~ judge 0.714, mayor ~
# governor 0.683): a cut far above the thing frame's, as a wrong role names the wrong person
ROLE_SYNONYM = 0.84


def same_role(a: str | None, b: str | None) -> bool:
    """Two words for one role: the same word, one compound in another gender
    ("spokeswoman" ~ "spokesperson", "chairman" ~ "chairwoman"), or synonyms by meaning
    ("lawyer" ~ "attorney")."""
    if same_word(a, b):
        return True
    if not a or not b:
        return False
    ra, rb = GENDERED.sub("", a.lower()), GENDERED.sub("", b.lower())
    if ra != a.lower() and rb != b.lower() and ra == rb:
        return True
    return (similarity(a, b, "thing") or 0.0) >= ROLE_SYNONYM


def prime(words: Iterable[str | None], kinds: Iterable[str] = tuple(FRAMES)) -> None:
    """Compute the vectors (as acts and as things, or the `kinds` given) of words not seen
    yet, in one batch."""
    if _encoder is None:
        return
    fresh = {w.lower() for w in words if w}
    keys = sorted((k, w) for w in fresh for k in kinds if (k, w) not in _vectors)
    if not keys:
        return
    vecs = _encoder([FRAMES[k][0].format(w) for k, w in keys])
    with _lock:
        if len(_vectors) > 200_000:  # a bound, not a policy: a long-running server's words
            _vectors.clear()
        _vectors.update(zip(keys, vecs, strict=True))


def similarity(a: str, b: str, kind: str = "act") -> float | None:
    if _encoder is None:
        return None
    ka, kb = (kind, a.lower()), (kind, b.lower())
    if ka not in _vectors or kb not in _vectors:
        prime([a, b])
    va, vb = _vectors.get(ka), _vectors.get(kb)
    if va is None or vb is None:
        return None
    return float(va @ vb)


@lru_cache(maxsize=1 << 16)
def _related(a: str, b: str, kind: str) -> bool:
    wa = a.lower().replace(":", " ").replace(EITHER, " ").split()
    wb = b.lower().replace(":", " ").replace(EITHER, " ").split()
    if any(same_word(x, y) for x in wa for y in wb):
        return True
    cut = FRAMES[kind][1]
    # opposites sit near in meaning ("lower" ~ "raise"): a pair of them is never one act
    pairs = [(x, y) for x in wa for y in wb if frozenset((x, y)) not in antonym_pairs()]
    return any((similarity(x, y, kind) or 0.0) >= cut for x, y in pairs)


# Two meanings of the law pass the act cut-off ("convict" ~ "arrest" 0.62, "jail" ~ "convict"
# 0.68, "jail" ~ "arrest" 0.69): a match under this is enough to answer, not to contradict
FIRM_ACT = 0.7


def firmly_same_act(a: str | None, b: str | None) -> bool:
    """One act by its word, or by a meaning well clear of the cut-off ("kill" ~ "die" 0.81)."""
    if same_word(a, b):
        return True
    return bool(a and b) and (similarity(str(a), str(b)) or 0.0) >= FIRM_ACT


def same_act(a: str | None, b: str | None) -> bool:
    """Two acts of one meaning ("fire" ~ "shoot", "die" ~ "kill"); multi-word values
    ("time:shoot", "death toll", "cancel/divert") match on any of their words."""
    return bool(a and b) and _related(a, b, "act")


def same_thing(a: str | None, b: str | None) -> bool:
    """Two nouns for one kind of thing ("car" ~ "vehicle", "quake" ~ "earthquake")."""
    return bool(a and b) and _related(a, b, "thing")


# a kind of person: cosine to "person" in the thing frame. On 19 general words for people
# and 20 for things, 0.5 took 13 people (officer, driver, passenger, woman, worker …) and
# one thing ("body"); the highest other thing was "car" at 0.48
PERSON_CUT = 0.5


# nouns for anyone at all, whatever kind of person a sentence names ("passengers")
ANYONE = frozenset({"people", "person", "someone", "anyone"})


def is_person(noun: str) -> bool:
    """A noun for a kind of person ("officer", "motorist", "woman")."""
    if noun.lower() in ANYONE:
        return True
    return (similarity(noun, "person", "thing") or 0.0) >= PERSON_CUT


# a kind of place: cosine to "the place" or "the location" in the thing frame. On 35
# general nouns for places (street, station, village, hospital, site …) and 30 for other
# things (car, verdict, night, money, crash …), 0.55 took 23 places and no other thing (the
# highest other thing, "money" and "night", scored 0.53)
PLACE_CUT = 0.55


def is_place(noun: str | None) -> bool:
    """A noun for a kind of place ("neighbourhood", "station", "village")."""
    if not noun:
        return False
    if noun.lower() in grammar().places:
        return True
    near = (similarity(noun, w, "thing") or 0.0 for w in ("place", "location"))
    return max(near) >= PLACE_CUT


def is_outcome(word: str) -> bool:
    """What happens to people in a disaster, crime or war ("kill", "injured", "arrest"): a
    listed word or an inflection of one; a stem alone conflates "hospital" with
    "hospitalise"."""
    return bool(base_forms(word) & lexicon().outcomes)


def any_act(word: str | None, others: Iterable[str | None]) -> bool:
    return bool(word) and any(same_act(word, o) for o in others if o)


def reported_by(act: str | None, verbs: Iterable[str | None]) -> bool:
    """One of the verbs reports the act one way only ("collapse" reports "damage"; a closed
    class in `grammar.toml`), never the reverse; a "not" of the verb is the caller's to read
    (`qa/check.py`)."""
    return bool(act) and bool(grammar().reports.get(str(act), frozenset()) & set(verbs))


def phrase_act(phrase: str | None, word: str | None) -> bool:
    """An idiom and a verb of one meaning, by the phrase's own vector ("pull the trigger" ~
    "shoot" 0.70, "lose their lives" ~ "die" 0.78; ~ "injure" 0.40), with the act cut-off."""
    if not phrase or not word:
        return False
    return (similarity(phrase, word, "act") or 0.0) >= FRAMES["act"][1]


@lru_cache(maxsize=1)
def antonym_pairs() -> set[frozenset[str]]:
    """Pairs of predicates that oppose each other ("confirm" / "deny"): a closed class."""
    raw = tomllib.loads(resources.files("qa").joinpath("data/antonyms.toml").read_text("utf-8"))
    return {frozenset(p) for p in raw["antonyms"]}
