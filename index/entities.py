"""Named values in a sentence: dates (with the act they date), people, organisations and
places, from the parser's entities, normalised."""

from __future__ import annotations

import re

from spacy.tokens import Span

from index.affiliation import speaks_for
from index.attach import dated_noun, dated_verb, scheduled
from index.counts import is_count
from index.lexicon import lexicon
from index.models import Document, Value, ValueKind
from index.normalize import (
    UNDATED,
    Undated,
    canonical_org,
    canonical_person,
    canonical_place,
    normalize_date,
)

PLACE_LABELS = {"GPE", "LOC", "FAC"}
NAME_LABELS = {"ORG", "NORP", "PERSON"}


def entity_values(sent: Span, offset: int, speaker: str | None, doc: Document) -> list[Value]:
    """The sentence's dates, people, organisations and places, at document offsets."""
    out: list[Value] = []
    for ent in sent.ents:
        if ent.label_ in {"DATE", "TIME"}:
            found = _date(ent, doc)
        elif ent.label_ in NAME_LABELS and _named_as_place(ent):
            found = _place(ent, "GPE")
        elif ent.label_ == "PERSON":
            name = _whole_name(ent)
            found = _named(name, "person", name.text, canonical_person(name.text))
        elif ent.label_ in {"ORG", "NORP"}:  # the small model tags some people ORG ("TR Mehta")
            text = re.sub(r"^(an?|the)\s+", "", ent.text, flags=re.IGNORECASE)
            found = _named(ent, "organization", text, canonical_org(text))
        elif ent.label_ in PLACE_LABELS and not _attributive(ent):
            found = _place(ent, ent.label_)
        else:
            found = None
        if found is not None:
            out.append(
                found.model_copy(
                    update={
                        "start": offset + found.start,
                        "end": offset + found.end,
                        "attributed_to": speaker,
                    }
                )
            )
    return out


def _named_as_place(ent: Span) -> bool:
    """A name the tagger took for an organisation, a people or a person that a noun for a
    kind of place qualifies: "the capital, Strelsau", "the town of Amberley", "Gao
    province"; or that owns such a noun that names a place ("Ruritania's capital
    Strelsau"). The small model tags "Amberley" there an organisation and "Gao" a person."""
    root, kinds = ent.root, lexicon().place_nouns
    head = root.head
    if ent.start <= head.i < ent.end or head.lemma_.lower() not in kinds and head.lower_ != "of":
        return False
    if root.dep_ in {"appos", "compound"}:
        return True
    if root.dep_ == "pobj" and head.lower_ == "of":
        return head.head.lemma_.lower() in kinds
    if root.dep_ == "poss":  # "Acme's capital" is money, not a city: the noun must name one
        return any(c.dep_ in {"appos", "compound"} and c.ent_type_ for c in head.children)
    return False


def _place(ent: Span, label: str) -> Value:
    """A place as it ends the entity, less a possessive ("Ruritania's" is "Ruritania")."""
    text = re.sub(r"['’]s$", "", ent.text)
    start = ent.start_char  # within the sentence's doc, as `_named` gives it
    return Value(
        kind="place", start=start, end=start + len(text), text=text,
        norm=canonical_place(text), head=label,
    )  # fmt: skip


INITIAL = re.compile(r"^[A-Z]\.?$")


def _whole_name(ent: Span) -> Span:
    """A person's name through its surname: the tagger may end the name at a middle
    initial ("Judge Mira T | Ito"), and the proper nouns after it are still the name."""
    doc, end = ent.doc, ent.end
    if INITIAL.match(doc[end - 1].text):
        while end < ent.sent.end and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
    return doc[ent.start : end]


def _named(ent: Span, kind: ValueKind, text: str, norm: str) -> Value:
    """A name as it ends the entity ("the FBI" is "FBI"), offsets within the sentence's doc,
    with the organisation the sentence names the person's post in (index/affiliation.py)."""
    return Value(
        kind=kind,
        start=ent.end_char - len(text),
        end=ent.end_char,
        text=text,
        norm=norm,
        speaks_for=speaks_for(ent),
    )


def _date(ent: Span, doc: Document) -> Value | None:
    """A date with the act it dates (the verb it hangs from, and an event noun it modifies
    or a scheduling verb's subject); a relative date of an undated article is kept as
    said; a year that counts people ("2012 people") is no date."""
    if len(ent) == 1 and is_count(ent.root):
        return None
    try:
        norm, lo, hi = normalize_date(ent.text, doc.published)
    except Undated:
        norm, lo, hi = UNDATED + ent.text.lower(), None, None
    except ValueError:
        return None
    verb = dated_verb(ent.root)
    noun = dated_noun(ent.root) or scheduled(verb)
    return Value(
        kind="date",
        start=ent.start_char,
        end=ent.end_char,
        text=ent.text,
        norm=norm,
        lo=lo,
        hi=hi,
        head=verb.lemma_.lower() if verb is not None else None,
        act=noun.lemma_.lower() if noun is not None else None,
    )


def _attributive(ent: Span) -> bool:
    """A name used as a modifier ("US cities", "a Minneapolis motorist", "Texas governor")
    qualifies a noun; it does not say where something happened."""
    root = ent.root
    return (
        root.dep_ in {"compound", "amod", "nmod"}
        and root.head.pos_ in {"NOUN", "PROPN"}
        and root.head.i > ent.end - 1
        and root.head.ent_iob_ != "I"  # not inside a longer name ("New York City")
    )
