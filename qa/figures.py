"""The figures a question names ("who put the death toll at 41?", "when was it revised to
38?") in the counts of a value's sentence."""

from __future__ import annotations

from index.durations import HOURS
from index.models import Value
from qa import spans
from qa.lexicon import grammar
from qa.question import Question


def states_the_figure(q: Question, v: Value, values: list[Value]) -> bool:
    """ "When was the death toll revised to 38?" is when someone gave that figure: a date of
    saying ("Ruiz on Sunday said the number of deaths has been revised to 38") or of the
    figures ("at least 38 lives so far, by the latest count on Sunday") in a sentence
    that gives a count the question's figure holds ("above 500": 517, not 380)."""
    return bool(figure_counts(q, v, values))


def figure_counts(q: Question, v: Value, values: list[Value]) -> list[Value]:
    """The counts in a value's sentence that the question's figures hold."""
    if not q.figures:
        return []
    counts = [o for o in spans.beside(v, values) if o.kind == "number" and o.head != "year-old"]
    units = set(q.lemmas) & grammar().units - HOURS.keys()
    if units:  # "magnitude 7 or more": a reading in that unit, not "2,012 people"
        counts = [c for c in counts if {c.head, *c.acts} & units]
    return [c for c in counts for lo, hi in q.figures if lo <= (c.lo or 0.0) <= hi]
