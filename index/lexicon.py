"""The closed word classes of English news that index time reads (`index/data/lexicon.toml`):
speech verbs, outcomes, number words and modifiers, quantity nouns, scheduling verbs, titles,
nouns for kinds of place; and the pronouns and negations."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

NEGATIONS = {"no", "not", "never", "none", "nobody", "nothing", "neither", "nor", "n't"}
PRONOUNS = {
    "he",
    "she",
    "him",
    "her",
    "they",
    "them",
    "it",
    "i",
    "we",
    "you",
    "who",
    "which",
    "that",
    "this",
    "what",
}


@dataclass(frozen=True)
class Lexicon:
    speech_verbs: frozenset[str]
    plain_speech_verbs: frozenset[str]  # "say", "tell": no kind of speech of their own
    untold_objects: frozenset[str]  # "claimed 275 LIVES": an event, not speech
    state_adjectives: frozenset[str]
    outcomes: frozenset[str]
    modifiers: dict[str, dict]  # before the number and after it, by their words
    modifiers_after: frozenset[str]  # "or more": the ones that follow the number
    number_words: dict[str, float]
    acronym_stopwords: frozenset[str]
    titles: frozenset[str]
    quantity_nouns: frozenset[str]
    scheduling_verbs: frozenset[str]
    ordinal_words: dict[str, int]
    units: frozenset[str]  # "km", "hour": a count of them measures, it counts no thing
    place_nouns: frozenset[str]  # "city", "province": a name they qualify is a place
    route_nouns: frozenset[str]  # "train", "flight": "the Leeds-York train" runs a route
    data_nouns: frozenset[str]  # "figures": "according to the latest figures" names no one
    roles: frozenset[str]  # "judge", "witness": nouns news names people by
    posts: frozenset[str]  # "spokesman", "founder" (with the titles): posts in an organisation
    post_modifiers: frozenset[str]  # "prime", "deputy": words of a title, not its organisation


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = tomllib.loads(resources.files("index").joinpath("data/lexicon.toml").read_text("utf-8"))
    return Lexicon(
        speech_verbs=frozenset(raw["speech_verbs"]),
        plain_speech_verbs=frozenset(raw["plain_speech_verbs"]),
        untold_objects=frozenset(raw["untold_objects"]),
        state_adjectives=frozenset(raw["state_adjectives"]),
        outcomes=frozenset(raw["outcomes"]),
        modifiers=raw["number_modifiers"] | raw["number_modifiers_after"],
        modifiers_after=frozenset(raw["number_modifiers_after"]),
        number_words={k: float(v) for k, v in raw["number_words"].items()},
        acronym_stopwords=frozenset(raw["acronym_stopwords"]),
        titles=frozenset(raw["titles"]),
        quantity_nouns=frozenset(raw["quantity_nouns"]),
        scheduling_verbs=frozenset(raw["scheduling_verbs"]),
        units=frozenset(raw["units"]),
        place_nouns=frozenset(raw["place_nouns"]),
        route_nouns=frozenset(raw["route_nouns"]),
        data_nouns=frozenset(raw["data_nouns"]),
        roles=frozenset(raw["roles"]),
        posts=frozenset(raw["posts"]) | frozenset(raw["titles"]),
        post_modifiers=frozenset(raw["post_modifiers"]),
        ordinal_words={k: int(v) for k, v in raw["ordinal_words"].items()},
    )
