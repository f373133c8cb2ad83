"""Who said it: a sentence's speaker as a party that answers "who said …?" or "who gave
the figure?", also where the tagger found no name for it ("…," said Okoro)."""

from __future__ import annotations

import re
import string

from index.lexicon import PRONOUNS
from index.models import Value
from index.normalize import canonical_org, canonical_person
from qa.lexicon import is_institution
from qa.question import Question
from qa.slots import asks_for_party

ARTICLES = {"the", "a", "an"}


def speaks_as(v: Value, party: str | None) -> bool:
    """The value names the party a sentence or count is attributed to ("The National
    Institute" for "National Institute of Geophysics", an article aside)."""
    p = re.sub(r"^(?:the|a|an)\s+", "", party or "", flags=re.IGNORECASE)
    return bool(p) and (v.text in p or p in v.text)


def speakers(q: Question, values: list[Value], sentences: list[Value]) -> list[Value]:
    """ "Who told AFP …?", "who gave the figure?": a sentence's speaker (or a clause's) is a
    party that answers, also where the tagger found no name there ("said Amrani"). A name
    the tagger found there answers already; a pronoun names no one."""
    if not asks_for_party(q):
        return []
    names = [v for v in values if v.kind in {"person", "organization"}]
    found = []
    # a claim's speaker too: "Rao said, 'The ministry said the toll was 41'" has two
    for s in [*sentences, *(v for v in values if v.kind == "claim")]:
        party = s.attributed_to or ""
        at = s.text.find(party) if party.lower() not in PRONOUNS else -1
        if not party or at < 0:
            continue
        start, end = s.start + at, s.start + at + len(party)
        taken = any(n.start < end and start < n.end for n in names)
        named = None if taken else named_speaker(party, start, end, names)
        if named is not None:
            found.append(named)
    return found


def _an_institution(text: str, words: list[str]) -> bool:
    """A description that names one institution: a noun for one ends it ("the interior
    ministry", "the local authorities", "state media"), not "a ministry source"."""
    indefinite = re.match(r"\s*an?\s", text, re.IGNORECASE) is not None
    return not indefinite and is_institution(words[-1])


def named_speaker(text: str, start: int, end: int, names: list[Value]) -> Value | None:
    """A speaker's name the tagger missed ("Amrani") as a person, compared with the others by
    name and valued by the whole name the passage gives it elsewhere ("Ana Amrani"); an
    institution named by a description ("the interior ministry") as an organisation; not
    another description ("a local official", "the latest figures"), which names no one."""
    words = [w for w in re.findall(r"[\w'’-]+", text) if w.lower() not in ARTICLES]
    if not words:
        return None
    if not all(w[:1].isupper() for w in words):
        if not _an_institution(text, words):
            return None
        # valued as the tagger's organisations are: "the interior ministry" is "Interior
        # Ministry" ("im")
        norm = canonical_org(string.capwords(text))
        return Value(kind="organization", start=start, end=end, text=text, norm=norm)
    norm = canonical_person(text)
    whole = [n.full or n.text for n in names if n.kind == "person" and n.norm == norm]
    full = max(whole, key=len) if whole else None
    return Value(kind="person", start=start, end=end, text=text, norm=norm, full=full)
