"""Where a value sits in its passage: the sentence it is in, the values beside it, and the
sentence's text on either side of it."""

from __future__ import annotations

from index.models import Value

POSSESSIVE = ("'s", "’s")  # after a name: whose, not who


def sentence_of(v: Value, sentences: list[Value]) -> Value | None:
    return next((s for s in sentences if s.start <= v.start and v.end <= s.end), None)


def beside(v: Value, values: list[Value]) -> list[Value]:
    """The values of the sentence a value is in."""
    sentence = sentence_of(v, [s for s in values if s.kind == "sentence"])
    return [] if sentence is None else inside(sentence, values)


def inside(sentence: Value, values: list[Value]) -> list[Value]:
    return [o for o in values if sentence.start <= o.start and o.end <= sentence.end]


def doers_of(verb: str | None, values: list[Value]) -> list[Value]:
    """The agents index time read for a verb among these values ("the van" of "slammed")."""
    return [a for a in values if a.kind == "agent" and a.head == verb]


def around(v: Value, sentence: Value) -> tuple[str, str]:
    """The sentence's text before the value and after it."""
    a, b = max(0, v.start - sentence.start), max(0, v.end - sentence.start)
    return sentence.text[:a], sentence.text[b:]
