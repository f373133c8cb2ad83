"""Which dates and durations answer a question: a date of the act asked about (not of its
telling, nor of someone else's act), a duration of that act or of the time since an event,
in a unit near the one asked for."""

from __future__ import annotations

import re

from index.durations import HOURS
from index.lexicon import lexicon
from index.models import Value
from index.tally import TALLIES
from index.words import is_verb
from qa import spans
from qa.acts import asks_act_of, conjoined
from qa.figures import states_the_figure
from qa.match import any_act, phrase_act, same_word, stem
from qa.question import LIGHT_VERBS, Question
from qa.share import share
from qa.slots import since_clause

# a date tied to no act must share this much of the question's words
DATE_CONTEXT_MIN = 0.5
UNIT_SPAN = 31  # "how many days?" is answered in hours to months, not years or minutes
# "the worst in 80 years", "the first in more than a decade": a span reaching back
SPAN_BACK = re.compile(r"\bin\s+(?:(?:more|less|fewer) than\s+|over\s+|nearly\s+|almost\s+)?$")
LARGEST_UNIT = max(HOURS, key=HOURS.__getitem__)  # "year": no larger unit is told in


def time_since(q: Question, v: Value, sentence: Value) -> bool | None:
    """For a question about the time since an event: the duration is a span reaching back
    ("in 80 years") in a sentence about that event (it shares the clause's words); None
    for other questions."""
    words = since_clause(q)
    if words is None:
        return None
    spans_back = SPAN_BACK.search(spans.around(v, sentence)[0]) is not None
    return bool(words) and share(words, sentence) > 0 and spans_back


def near_unit(units: float, unit: str) -> bool:
    """A span told in about the unit asked for: from 1/31 of it up to 31 of it, or any
    number of the largest unit ("80 years" answers "how many years?"; no larger unit
    would be used)."""
    return units >= 1 / UNIT_SPAN and (unit == LARGEST_UNIT or units <= UNIT_SPAN)


def duration_answers(
    q: Question, v: Value, sentence: Value, values: list[Value] | None = None
) -> bool:
    """A duration of the act asked about ("deliberated for four hours", "four hours of
    deliberations"; "a month-long trial" when the question's subject is the trial), or the
    time since the event a "since" question names; for "how many days …?", in a unit near
    that one (a day, weeks; not 40 years)."""
    middle = ((v.lo or 0.0) + (v.hi or 0.0)) / 2  # hours
    if q.focus in HOURS and not near_unit(middle / HOURS[q.focus], q.focus):
        return False
    since = time_since(q, v, sentence)
    if since is not None:
        return since
    if q.measured:  # "the longest jail term the captain faces": a duration in a sentence
        return share(q.measured, sentence) > 0  # about jail, whatever its verb ("could get")
    # the act: the question's verb, or the word that ends it ("how long did the jury
    # DELIBERATE?", "how long was the TRIAL?"; a short question's verb is often tagged
    # as a noun or adjective); the rest only by identity: "jury" ~ "trial" by meaning
    words = [w for w in q.lemmas if w not in {"long", q.focus}]
    acts = q.verbs or words[-1:]
    subject = {stem(w) for w in q.subject}
    # a state asked with "be" ("in detention") is an act by meaning ("detained")
    return any(
        any_act(act, acts) or stem(act) in subject or phrase_act(q.state, act)
        for act in spanned(v, values or [])
    )


# verbs that only say how long something went on: "the strike LASTED a week" is the strike's
SPAN_VERBS = frozenset({"last", "span", "take"})


def spanned(v: Value, values: list[Value]) -> list[str]:
    """The acts a duration measures: its verb's, or for a verb of lasting its subject's
    ("a hearing that lasted two days" measures the hearing)."""
    head = v.head or ""
    if head not in SPAN_VERBS:
        return [head]
    return [head] + [a.key_head for a in spans.doers_of(head, spans.beside(v, values))]


def date_score(q: Question, v: Value, overlap: float, values: list[Value]) -> float | None:
    """A date answers "when?" when it dates the act asked about; a date of someone saying
    something ("Ruiz said on Sunday that …") dates the statement, not the event, unless the
    question asks when something was said. A date of another act ("jailed in August", "the
    jury rendered a verdict on Thursday") never answers when the trial began, however many
    of the question's words its sentence shares, unless the one who did it did the act
    asked about too ("shot and killed a woman Wednesday" dates the shooting)."""
    acts = [*q.verbs, *q.lemmas]
    if v.act and v.act not in TALLIES and any(same_word(v.act, a) for a in acts):
        # "the collapse of the bank in November 2022" dates the collapse, and "declared a week
        # of mourning on Tuesday" the mourning, whatever verb the date hangs from; the noun by
        # its word, not its meaning ("a verdict on Thursday" is 0.62+ from "trial" by vectors)
        return 1.0 + overlap
    speech = lexicon().speech_verbs
    if v.head in speech or TALLIES & {v.head, v.act}:  # "said on Sunday", "figures on Sunday"
        if states_the_figure(q, v, values):
            return 1.0 + overlap
        if v.head in speech and not any(w in speech for w in q.verbs):
            return None
    if q.event:  # "when did the crash happen?": the crash's own date
        acts.append("happen")
    if of_another_party(q, v, values):
        return None
    if any_act(v.head, acts) or asks_act_of(q, v, values) or conjoined(q, v, values):
        return 1.0 + overlap
    if q.verbs and not q.event and is_verb(v.head) and v.head not in LIGHT_VERBS:
        return None
    # a date not tied to the act asked about must share most of the question's words, the
    # act among them ("the government has until February 1 to decide on a second trial"
    # does not date when the trial began)
    sentence = next((s for s in spans.beside(v, values) if s.kind == "sentence"), None)
    if q.verbs and not q.event and sentence is not None and not share(q.verbs, sentence):
        return None
    return overlap if overlap >= DATE_CONTEXT_MIN else None


def of_another_party(q: Question, v: Value, values: list[Value]) -> bool:
    """The date's act was done by or to a person the question does not name: "Ana Ruiz, who
    was convicted … in early 2022" does not date when Omar Hale was convicted."""
    asked = {w for n in q.names for w in re.findall(r"\w+", n.lower())}
    if not asked:
        return False
    verb = (v.head or "").partition(":")[0]
    people = [p for p in values if p.kind == "person"]
    for a in values:
        if a.kind not in {"agent", "object"} or (a.head or "").partition(":")[0] != verb:
            continue
        named = [p for p in people if a.start <= p.start and p.end <= a.end]
        if named and not any(set(re.findall(r"\w+", p.text.lower())) & asked for p in named):
            return True
    return False
