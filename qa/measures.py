"""A number in the unit of the measure a question asks ("how fast?", "how deep?", "what
magnitude?"), read at the number in its sentence."""

from __future__ import annotations

import re

from index.models import Value
from qa import spans
from qa.lexicon import grammar
from qa.match import stem

PER_HOUR = re.compile(r"^\s*(/\s*h\b|/\s*hr\b|per hour\b|an hour\b|kmph\b|mph\b)", re.I)


def measures(focus: str, v: Value, sentence: Value) -> bool:
    """A number in a unit of the measure asked for ("how fast?": km/h, mph; "how deep?": km,
    metres). A length answers "how fast" only as a rate ("128 km/h", "80 miles per hour"),
    and "how deep" only as a depth ("a depth of 18 km", "18 km below"), not a distance."""
    kind = focus.split(":", 1)[1]
    units = grammar().measures.get(kind, frozenset())
    head = (v.head or "").lower()
    before, after = spans.around(v, sentence)
    if kind not in grammar().measures:  # a unit asked by name, named at the number
        return _unit_named(kind, v, before, after)
    if kind == "fast":
        return head in units or (head in grammar().measures["far"] and bool(PER_HOUR.match(after)))
    if head not in units:
        return False
    following = after.split(maxsplit=1)[0].strip(".,;:").lower() if after.strip() else ""
    marks = {v.act or "", following}
    words = grammar().measure_words.get(kind)
    if words is not None:
        return bool(marks & words)
    # a number marked as another measure ("a depth of 8 km") is not a distance
    others = {w for k, ws in grammar().measure_words.items() if k != kind for w in ws}
    return not marks & others


UNIT_LINKS = {"of", "at", "was", "is"}  # "a magnitude of", "put the magnitude at", "… was"


def _unit_named(unit: str, v: Value, before: str, after: str) -> bool:
    """The number is given in `unit`: "5.9-magnitude", "magnitude 5.9", "a magnitude of
    5.9", "put the magnitude at 5.9", "the magnitude was 5.9", "5.9 magnitude"; not a number
    a few words past another that was."""

    def words(text: str) -> list[str]:
        return [stem(w) for w in re.findall(r"[a-z]+", text.lower())]

    u, prev, own = stem(unit), words(before)[-2:], words(v.text)
    linked = len(prev) == 2 and prev[0] == u and prev[1] in UNIT_LINKS
    return u in own or prev[-1:] == [u] or linked or words(after)[:1] == [u]
