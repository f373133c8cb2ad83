"""Whether two words name the same thing: lemma identity, or one general-English synonym
group (`qa/data/synonyms.toml`), or antonyms that oppose two statements."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, set[str]], set[frozenset[str]]]:
    raw = tomllib.loads(resources.files("qa").joinpath("data/synonyms.toml").read_text("utf-8"))
    groups: dict[str, set[str]] = {}
    for group in raw["groups"]:
        for word in group:
            groups.setdefault(word, {word}).update(group)
    return groups, {frozenset(p) for p in raw["antonyms"]}


def related(a: str | None, b: str | None) -> bool:
    """Same lemma or in one synonym group ('gunshot' ~ 'shot', 'time:shoot' ~ 'shot')."""
    return bool(a and b) and b.lower() in kin(a)


def related_any(word: str | None, others: list[str]) -> bool:
    return bool(word) and not kin(word).isdisjoint(o.lower() for o in others if o)


@lru_cache(maxsize=1 << 14)  # thousands of lookups per answer, from a small vocabulary
def kin(word: str) -> frozenset[str]:
    """Every word `related` to `word`: itself, its bare lemma (`time:shoot` → `shoot`) and
    their synonym groups (group membership is symmetric, so this is the whole relation)."""
    groups, _ = _lexicon()
    w = word.lower()
    tail = w.split(":")[-1]
    return frozenset({w, tail} | groups.get(w, set()) | groups.get(tail, set()))


def antonym_pairs() -> set[frozenset[str]]:
    """Pairs of predicates that oppose each other ("confirm" / "deny")."""
    return _lexicon()[1]
