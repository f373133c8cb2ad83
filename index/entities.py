"""Named values in a sentence: dates (with the act they date), people, organisations and
places, from the parser's entities, normalised."""

from __future__ import annotations

import re

from spacy.tokens import Span

from index.attach import dated_noun, dated_verb, scheduled
from index.counts import is_count
from index.models import Document, Value
from index.normalize import (
    UNDATED,
    Undated,
    canonical_org,
    canonical_person,
    canonical_place,
    normalize_date,
)

PLACE_LABELS = {"GPE", "LOC", "FAC"}


def entity_values(sent: Span, offset: int, speaker: str | None, doc: Document) -> list[Value]:
    out: list[Value] = []
    for ent in sent.ents:
        start = offset + ent.start_char
        end = offset + ent.end_char
        if ent.label_ in {"DATE", "TIME"}:
            if len(ent) == 1 and is_count(ent.root):
                continue
            try:
                norm, lo, hi = normalize_date(ent.text, doc.published)
            except Undated:
                norm, lo, hi = UNDATED + ent.text.lower(), None, None
            except ValueError:
                continue
            verb = dated_verb(ent.root)
            noun = dated_noun(ent.root) or scheduled(verb)
            out.append(
                Value(
                    kind="date",
                    start=start,
                    end=end,
                    text=ent.text,
                    norm=norm,
                    lo=lo,
                    hi=hi,
                    head=verb.lemma_.lower() if verb is not None else None,
                    act=noun.lemma_.lower() if noun is not None else None,
                    attributed_to=speaker,
                )
            )
        elif ent.label_ == "PERSON":
            out.append(
                Value(
                    kind="person",
                    start=start,
                    end=end,
                    text=ent.text,
                    norm=canonical_person(ent.text),
                    attributed_to=speaker,
                )
            )
        elif ent.label_ in {"ORG", "NORP"}:
            text = re.sub(r"^(an?|the)\s+", "", ent.text, flags=re.IGNORECASE)
            start = end - len(text)
            out.append(
                Value(
                    kind="organization",
                    start=start,
                    end=end,
                    text=text,
                    norm=canonical_org(text),
                    attributed_to=speaker,
                )
            )
        elif ent.label_ in PLACE_LABELS and not _attributive(ent):
            out.append(
                Value(
                    kind="place",
                    start=start,
                    end=end,
                    text=ent.text,
                    norm=canonical_place(ent.text),
                    head=ent.label_,
                    attributed_to=speaker,
                )
            )
    return out


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
