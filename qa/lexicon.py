"""Closed classes of English the question side reads (`qa/data/grammar.toml`): verbs with no
passive, units of measure and which measure question each answers, nouns for kinds of place,
verbs of going somewhere, words that give a reason."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from index.lexicon import lexicon
from index.models import Value
from index.words import base_forms


@dataclass(frozen=True)
class Grammar:
    intransitive: frozenset[str]
    units: frozenset[str]
    measures: dict[str, frozenset[str]]  # "fast" -> units of speed
    measure_words: dict[str, frozenset[str]]  # "deep" -> words that mark a depth
    measure_nouns: dict[str, str]  # "depth" -> "deep": "what is the depth …?" asks how deep
    places: frozenset[str]  # "country", "city": what "which countries …?" asks for
    roles: frozenset[str]  # "judge", "lawyer": "which judge …?" asks who holds the role
    at_adverbials: frozenset[str]  # "range" in "at close range": no target
    relational: frozenset[str]  # "front" in "in front of": no place of its own
    motion: frozenset[str]  # "head", "send": "where …?" asks where to
    reasons: frozenset[str]  # "because", "due to": what a why-answer says
    institutions: frozenset[str]  # "ministry", "police": a description that names one
    org_kinds: frozenset[str]  # "agency": "which agency …?" asks who
    opposites: frozenset[frozenset[str]]  # "strong" / "weak": two ends of one scale
    general_changes: frozenset[str]  # "revise": a change of a figure, in no direction
    directed_changes: frozenset[str]  # "lower", "raise": one in a direction
    reports: dict[str, frozenset[str]]  # "damage" -> "collapse", "destroy": acts that report it


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    raw = tomllib.loads(resources.files("qa").joinpath("data/grammar.toml").read_text("utf-8"))
    return Grammar(
        intransitive=frozenset(raw["intransitive"]),
        units=lexicon().units,  # index time reads them too (index/data/lexicon.toml)
        measures={k: frozenset(v) for k, v in raw["measures"].items()},
        measure_words={k: frozenset(v) for k, v in raw["measure_words"].items()},
        measure_nouns={n: k for k, ns in raw["measure_nouns"].items() for n in ns},
        places=lexicon().place_nouns,  # index time reads them too
        roles=lexicon().roles,  # index time reads them too
        at_adverbials=frozenset(raw["at_adverbials"]),
        relational=frozenset(raw["relational"]),
        motion=frozenset(raw["motion"]),
        reasons=frozenset(raw["reasons"]),
        institutions=frozenset(raw["institutions"]),
        org_kinds=frozenset(raw["org_kinds"]),
        opposites=frozenset(frozenset(p) for p in raw["opposites"]),
        general_changes=frozenset(raw["figure_changes"]["general"]),
        directed_changes=frozenset(raw["figure_changes"]["directed"]),
        reports={k: frozenset(v) for k, v in raw["reports"].items()},
    )


def is_target(v: Value) -> bool:
    """An object value that names what an act was done to or aimed at: not the adverbial
    of "fired at close range"."""
    _, _, prep = (v.head or "").partition(":")
    return not (prep == "at" and v.key_head in grammar().at_adverbials)


def is_institution(word: str) -> bool:
    """A noun for an institution, in any of its forms ("ministry", "authorities")."""
    return bool(base_forms(word.lower()) & grammar().institutions)
