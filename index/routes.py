"""The places a route's name gives: "the Leeds-York express" runs from Leeds to York."""

from __future__ import annotations

from spacy.tokens import Span, Token

from index.lexicon import lexicon
from index.models import Value
from index.normalize import canonical_place

ROUTE = "route"  # a place's head "route:from" / "route:to": an end of the route named after it


def route_values(sent: Span, offset: int, speaker: str | None) -> list[Value]:
    """Both ends of each route a name in the sentence gives: two capitalised words joined by
    a bare hyphen, in a name whose head is a noun for a service that runs a route ("the
    Leeds-York express", "a Paris-Moscow flight"); not "a Mercedes-Benz van" or "the
    Israel-Hamas war"."""
    out: list[Value] = []
    for dash in (t for t in sent if t.text in {"-", "–"} and 0 < t.i - sent.start < len(sent) - 1):
        left, right = dash.nbor(-1), dash.nbor(1)
        if not (_end(left) and _end(right) and not left.whitespace_ and not dash.whitespace_):
            continue
        if _head(right).lemma_.lower() not in lexicon().route_nouns:
            continue
        for tok, end in ((left, "from"), (right, "to")):
            start = offset + tok.idx
            out.append(Value(
                kind="place", start=start, end=start + len(tok.text), text=tok.text,
                norm=canonical_place(tok.text), head=f"{ROUTE}:{end}", attributed_to=speaker,
            ))  # fmt: skip
    return out


def _end(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.ent_type_ != "PERSON"


def _head(tok: Token) -> Token:
    """The noun a name's words qualify ("York" in "York Flyer Express": "Express")."""
    while tok.dep_ in {"compound", "punct"} and tok.head.i > tok.i:
        tok = tok.head
    return tok
