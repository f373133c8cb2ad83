"""The slot a question asks to fill: which kinds of value answer it (a date, a count, the
doer of its act, an employer, a place …), read from the question alone."""

from __future__ import annotations

import re
from collections.abc import Iterable

from index.durations import HOURS
from index.lexicon import lexicon
from index.words import is_verb
from qa.lexicon import grammar
from qa.match import any_act, phrase_act
from qa.models import QType
from qa.question import EVENT_VERBS, LIGHT_VERBS, Question

TYPED_KIND: dict[QType, tuple[str, ...]] = {
    QType.when: ("date",),
    QType.how_many: ("number",),
    QType.who: ("agent",),
    QType.where: ("place", "object"),
}


# "which agency did the shooter work for?", "who employs the pilot?": the employer of the
# question's subject, named with that person ("an ICE officer", "a Reuters reporter")
EMPLOYER = re.compile(r"\bwork(s|ed|ing)? for\b|\bemploy", re.IGNORECASE)


def asks_employer(q: Question) -> bool:
    return q.qtype in {QType.who, QType.what} and bool(q.subject) and bool(EMPLOYER.search(q.text))


def asks_for_party(q: Question) -> bool:
    """'Who is the mayor?' or 'Who said …?': answered by a named person or organisation."""
    return q.qtype == QType.who and (
        q.copular or asks_speaker(q) or bool(q.figures) or bool(q.party)
    )


def asks_speaker(q: Question) -> bool:
    """ "Who said …?", "who told …?": the question asks for the speaker."""
    return q.qtype == QType.who and bool(q.verbs) and q.verbs[0] in lexicon().speech_verbs


def _measure_kinds(measure: str) -> tuple[str, ...]:
    """What answers a measure question, by its units: units of time a duration ("how long
    did it last?"), others a number ("how fast …?", "what magnitude …?"), both for both
    ("how long is the bridge?")."""
    units = grammar().measures.get(measure, frozenset())
    kinds = ("duration",) if units & HOURS.keys() else ()
    return kinds + ("number",) if units - HOURS.keys() or not units else kinds


def typed_kinds(q: Question) -> tuple[str, ...]:
    if asks_employer(q):
        return ("organization",)
    if q.passive:  # "who was killed?": the one the act was done to
        return ("object",)
    if q.copular and q.qtype == QType.who:  # "who is the mayor?": a name, not a doer
        return ("person", "organization")
    if asks_for_party(q):
        return ("agent", "person", "organization")
    if q.focus == "clock":  # "at what time …?": a time of day, not the date
        return ("time",)
    if q.focus and q.focus.startswith("measure:"):
        return _measure_kinds(q.focus.partition(":")[2])
    if q.qtype == QType.how_many and q.focus in HOURS:  # "for how many days …?"
        return ("duration",)
    if q.qtype in TYPED_KIND:
        return TYPED_KIND[q.qtype]
    if q.places:
        return ("place",)
    if q.qtype == QType.what and q.verbs and q.prep:
        return ("object",)
    return ()


def asks_act(q: Question, word: str | None) -> bool:
    """The act the question asks about, by its verb or by its idiom as a whole; a change of a
    figure in no direction ("revised") is each directed change asked ("lowered")."""
    return any_act(word, q.verbs) or phrase_act(q.phrase, word) or tells_change(q, [word])


def tells_change(q: Question, words: Iterable[str | None]) -> bool:
    """Words that tell a change of a figure in no direction ("revised") where the question
    asks one in a direction ("why was the toll lowered?")."""
    g = grammar()
    asked = any(v in g.directed_changes for v in q.verbs)
    return asked and any(w in g.general_changes for w in words)


# "where was Kristi Noem (when …)?": where that party was, answered only where it is named
WHEREABOUTS = re.compile(r"^\s*(?i:where (is|was|are|were))\s+[A-Z]")


def asks_whereabouts(q: Question) -> bool:
    return bool(q.names) and WHEREABOUTS.match(q.text) is not None


def asks_destination(q: Question) -> bool:
    """ "Where was the train heading?", "where were the injured rushed?": where to."""
    if q.qtype != QType.where or q.event or q.prep == "from":  # "… sail from?": where from
        return False
    return any(v in grammar().motion for v in q.verbs)


# "how many years had passed since …?", "how long has it been since …?": the time since an
# event, not the length of an act
SINCE_ASKED = re.compile(r"\b(?:pass(?:ed)?|elapsed?|been|gone by)\s+since\b(?P<clause>.*)$", re.I)


def since_clause(q: Question) -> list[str] | None:
    """The question's words that name the event a "since" question counts from ("the region
    saw a quake this strong": region, quake, strong); None when it asks no time since."""
    asked = SINCE_ASKED.search(q.text)
    if asked is None:
        return None
    clause = asked.group("clause")
    return [w for w in q.lemmas if re.search(rf"\b{re.escape(w)}", clause, re.I)]


def of_asked_act(q: Question, verb: str) -> bool:
    """The act asked about: the question's own; for "where did the shooting take place?",
    the event's act ("the shooting" -> shot) or an event happening ("the incident occurred
    in …"), since "take place" names no act of its own ("standing in the street")."""
    if not q.event:
        return asks_act(q, verb)
    return any_act(verb, q.subject) or verb in EVENT_VERBS


def content_acts(q: Question) -> list[str]:
    """The question's verbs that name an act ("jail", "seat"), not "be", "have" or "take"."""
    return [w for w in q.verbs if is_verb(w) and w not in LIGHT_VERBS]
