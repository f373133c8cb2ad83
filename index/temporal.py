"""Values of time expressions in a parsed sentence: times of day and durations (found by
`times.py` and `durations.py`), each with the act it is of, and the values they hide."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from spacy.tokens import Span

from index.attach import dated_verb
from index.durations import Duration, find_durations
from index.models import Value, ValueKind
from index.times import TimeOfDay, find_times

RESTATED = "(restated)"  # the head of a time told again on another clock
VERBS = frozenset({"VERB", "AUX"})
DURATION_MODIFIER = {"amod", "compound", "nmod", "nummod", "npadvmod"}


class Found(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def norm(self) -> str: ...
    @property
    def lo(self) -> float: ...
    @property
    def hi(self) -> float: ...


F = TypeVar("F", bound=Found)


def time_values(sent: Span, offset: int, speaker: str | None) -> list[Value]:
    """Times of day ("just after 11 pm"), each with the verb it is the time of; a time told
    again on another clock has the head RESTATED (kept only to hide the number in it)."""

    def head(span: Span, t: TimeOfDay) -> str | None:
        return RESTATED if t.restates else _verb(span)

    return _values("time", sent, offset, speaker, find_times(sent.text), head)


def duration_values(sent: Span, offset: int, speaker: str | None) -> list[Value]:
    """Durations ("just over four hours"), each with the act it measures: the noun it is
    of or modifies ("hours of deliberations", "a month-long trial"), else its verb
    ("testified for three days")."""

    def head(span: Span, _: Duration) -> str | None:
        return _measured(span)

    return _values("duration", sent, offset, speaker, find_durations(sent.text), head)


def outside(found: list[Value], values: list[Value]) -> list[Value]:
    """Values not inside a time of day or duration: "2200 GMT" and "four hours" are no
    count, "7 pm" no agent or object."""
    return [v for v in values if not any(t.start < v.end and v.start < t.end for t in found)]


def _values(
    kind: ValueKind,
    sent: Span,
    offset: int,
    speaker: str | None,
    found: Sequence[F],
    head: Callable[[Span, F], str | None],
) -> list[Value]:
    out: list[Value] = []
    base = sent.start_char
    for f in found:
        span = sent.doc.char_span(base + f.start, base + f.end, alignment_mode="expand")
        out.append(
            Value(
                kind=kind,
                start=offset + base + f.start,
                end=offset + base + f.end,
                text=f.text,
                norm=f.norm,
                lo=f.lo,
                hi=f.hi,
                head=head(span, f) if span is not None else None,
                attributed_to=speaker,
            )
        )
    return out


def _verb(span: Span) -> str | None:
    verb = dated_verb(span.root, VERBS)
    return verb.lemma_.lower() if verb is not None else None


def _measured(span: Span) -> str | None:
    """What a duration measures: "hours OF deliberations", "a five-week TRIAL", or the verb
    it is an adverbial of."""
    root = span.root
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is not None:
        return pobj.lemma_.lower()
    for tok in span:  # "a month-long trial": a modifier of a noun outside the span
        outside = not span.start <= tok.head.i < span.end
        if outside and tok.dep_ in DURATION_MODIFIER and tok.head.pos_ == "NOUN":
            return tok.head.lemma_.lower()
    return _verb(span)
