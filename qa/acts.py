"""Whether a value's act is the one a question asks about: by its verb, by the phrase of
the verb and its object, or by a doer that did both acts."""

from __future__ import annotations

from collections.abc import Callable

from index.models import Value
from qa import spans
from qa.match import phrase_act
from qa.question import Question
from qa.slots import asks_act, of_asked_act

ACTS = {"agent", "object"}  # values whose head is a verb of their sentence


def object_phrases(v: Value, values: list[Value]) -> list[str]:
    """The act of a value with what it was done to, as a phrase ("render verdict" for the
    date of "rendered a verdict on Thursday", "huddle for night"), from its own sentence."""
    if not v.head or ":" in v.head:
        return []
    inside = spans.beside(v, values)
    return [
        f"{v.head} {o.head.partition(':')[2]} {o.key_head}".replace("  ", " ")
        for o in inside
        if o.kind == "object" and o.head and o.head.partition(":")[0] == v.head
    ]


def asks_act_of(q: Question, v: Value, values: list[Value]) -> bool:
    """The question's act is the value's, by verb or, where the question names its act
    with an object ("reach its verdict"), by the two phrases' meaning ("render a verdict"
    0.84; "reach the site" 0.28)."""
    if asks_act(q, v.head):
        return True
    return bool(q.phrase) and any(phrase_act(q.phrase, p) for p in object_phrases(v, values))


def act_in(q: Question, sentence: Value, values: list[Value]) -> bool:
    """The sentence states the act asked about."""
    verbs = {(x.head or "").split(":")[0] for x in spans.inside(sentence, values) if x.kind in ACTS}
    return any(of_asked_act(q, verb) for verb in verbs if verb)


def conjoined(q: Question, v: Value, values: list[Value]) -> bool:
    """The doer of the date's act did the act asked about in the same sentence."""
    return shares_doer(v.head, values, lambda act: asks_act(q, act))


def shares_doer(act: str | None, values: list[Value], is_asked: Callable[[str], bool]) -> bool:
    """Whoever did `act` in these values also did an asked act: "an officer shot and killed a
    woman Wednesday" (its two verbs share one subject) dates the shooting by the killing;
    "rescuers searched on Saturday" does not date the quake."""
    doers = {(a.start, a.end) for a in values if a.kind == "agent" and a.head and is_asked(a.head)}
    return any(a.kind == "agent" and a.head == act and (a.start, a.end) in doers for a in values)
