"""Whether a value fills the slot a question asks, and how well: a count of the thing and act
asked about, the doer of the act, where it happened, the party in the role asked about, the
thing the act was done to. One scorer per kind of value."""

from __future__ import annotations

import re
from collections.abc import Callable

from index.frames import by_pronoun
from index.lexicon import lexicon
from index.models import Value
from index.routes import ROUTE
from index.words import base_forms, is_verb
from qa import spans
from qa.acts import act_in, asks_act_of
from qa.ages import answers_age
from qa.contact import reached
from qa.figures import figure_counts, states_the_figure
from qa.lexicon import grammar, is_target
from qa.match import (
    any_act,
    is_outcome,
    is_person,
    prime,
    same_act,
    same_role,
    same_thing,
    same_word,
)
from qa.measures import measures
from qa.models import QType
from qa.question import Question
from qa.said import speaks_as
from qa.share import names_a_party, question_share, share, word_in
from qa.slots import (
    asks_destination,
    asks_employer,
    asks_speaker,
    asks_whereabouts,
    content_acts,
)
from qa.when import date_score, duration_answers
from qa.where import (
    TOLD_FROM,
    a_source,
    goes_to,
    lies_near_it,
    locates_act,
    on_route,
    relative_place,
)

ROLE_WINDOW = 40  # characters around a name searched for the role a question names
# prepositions that may answer a question asked with another ("crash into" ~ "collide with")
CONTACT_PREPS = {
    "into": {"with", "onto", "against"},
    "with": {"into", "against"},
    "against": {"into", "with"},
    "onto": {"into", "on"},
}
# "four units of the riot police, two units of SWAT": of two counts of the thing asked in
# one sentence, the one that names what the question names answers "how many SWAT units?"
NAMED_HERE = 0.5
PHRASE_END = re.compile(r"[,;:]|\b(and|while|but)\b|\d")


def fill_score(
    q: Question, v: Value, sentence: Value, values: list[Value] | None = None
) -> float | None:
    """How well a value (in its sentence, among its passage's values) fills the question's
    slot; None if it does not fill it."""
    score = _BY_KIND.get(v.kind)
    return None if score is None else score(q, v, sentence, values or [])


def _count(q: Question, v: Value, sentence: Value, values: list[Value]) -> float | None:
    """A count of the thing asked about, of the act asked about; a measure in its unit."""
    overlap = question_share(q, sentence)
    if q.focus and q.focus.startswith("measure:"):
        return 1.0 + overlap if measures(q.focus, v, sentence) else None
    if "year-old" in (v.head, q.focus) and v.head != q.focus:
        return None  # an age answers "how old?" only, and nothing else counts years of age
    if v.head == "year-old" and not answers_age(q, v, sentence):
        return None  # a witness's age is not the victim's
    people = q.focus in {"people", "person"} and is_person(v.head or "")
    of_name = v.head in _name_words(q)  # "2 SWAT" for "how many SWAT units?"
    if not same_thing(v.head, q.focus) and not people and not of_name:
        return None  # "how many people": any kind of person
    if not counts_the_act(q, v):
        return None
    return 1.0 + overlap + (NAMED_HERE if of_name or _named_here(q, v, sentence) else 0.0)


def _date(q: Question, v: Value, sentence: Value, values: list[Value]) -> float | None:
    return date_score(q, v, question_share(q, sentence), values)


def _duration(q: Question, v: Value, sentence: Value, values: list[Value]) -> float | None:
    ok = duration_answers(q, v, sentence, values)
    return 1.0 + question_share(q, sentence) if ok else None


def _agent(q: Question, v: Value, sentence: Value, values: list[Value]) -> float | None:
    """The doer of the act asked about, the giver of a figure, or the speaker asked for."""
    if by_pronoun(v):
        return None  # "He did so" names no one: the quote must (the "he" serves checks)
    overlap = question_share(q, sentence)
    if q.figures:  # "who put the toll at 41?": who gave it, not "a bus went off the road"
        gave = _gave_the_figure(q, v, values) or (
            any(same_word(v.head, w) for w in q.verbs) and states_the_figure(q, v, values)
        )
        return 1.0 + overlap if gave else None
    if asks_speaker(q):  # "who said he thought …?": who said it, not who thought it
        return _says_it(q, v, sentence) if v.head in lexicon().speech_verbs else None
    return 1.0 + overlap if asks_act_of(q, v, values) else None


def _place(q: Question, v: Value, sentence: Value, values: list[Value]) -> float | None:
    """Where the act asked about happened, or where the thing asked about was or went."""
    overlap = question_share(q, sentence)
    if (v.head or "").startswith(ROUTE):
        return 1.0 + overlap if on_route(q, v, sentence) else None  # only where to or from
    if q.qtype == QType.where and not _may_be_where(q, v, sentence):
        return None
    if asks_destination(q):  # "on its way to York" names no act of heading
        return 1.0 + overlap if overlap > 0 and goes_to(q, v, sentence, values) else None
    if q.places:  # "which countries sent teams?": a place in a sentence of that act
        named = set(v.norm.split()) & {w.lower() for n in q.names for w in n.split()}
        ok = not named and act_in(q, sentence, values)
        return 1.0 + overlap if ok else None
    if asks_whereabouts(q):  # "where was Kristi Noem (when …)?"
        return 0.5 + overlap if names_a_party(q, sentence.text) else None
    of_act = q.qtype == QType.where and content_acts(q) and not q.event and not q.copular
    if of_act and not act_in(q, sentence, values):
        return None  # "Where were his parents seated?" is not where they live
    return 0.5 + overlap if overlap > 0 else None


def _may_be_where(q: Question, v: Value, sentence: Value) -> bool:
    """A place the sentence names is not where it happened when it is the reference of a
    relative place, where the thing came from, or a place near the one asked about."""
    if v.head != TOLD_FROM and relative_place(v, sentence):
        return False  # "72 km southwest of Varna": not Varna, the phrase (`told_places`)
    if q.prep != "from" and a_source(v, sentence):
        return False  # "going from Leeds to York": where it was heading is York
    return not lies_near_it(q, v, sentence)  # "Amberley, near the epicentre"


def _party(q: Question, v: Value, sentence: Value, values: list[Value]) -> float | None:
    """A person or organisation: the employer, the holder of the role asked about, the giver
    of a figure, or the speaker of what the question says was said."""
    overlap = question_share(q, sentence)
    if v.kind == "organization" and asks_employer(q):
        return 1.0 + overlap if _employs(q, v, values) else None
    asked = bool(set(v.norm.split()) & set(q.lemmas)) or word_in(v.text, q.text)
    if overlap <= 0 or asked:
        return None  # off the question, or the party the question already names
    if q.copular:  # "who is the mayor?": the name next to the role ("Mayor Jacob Frey")
        near = _nearness(q.focus, v, sentence)
        return None if near is None else 0.5 + overlap + near
    if q.party and not asks_speaker(q):  # "which judge heard it?": "Judge Mira Ito"
        near = _nearness(q.party, v, sentence) if v.kind == "person" else None
        if near is not None:
            return 0.5 + overlap + near
    if q.figures:
        return 1.0 + overlap if _gave_the_figure(q, v, values) else None
    return _says_it(q, v, sentence)


def _object(q: Question, v: Value, sentence: Value, values: list[Value]) -> float | None:
    """The thing the act asked about was done to, by its verb or one of like meaning, with
    the question's preposition or one of contact; where-questions: the place it was done."""
    overlap = question_share(q, sentence)
    if q.qtype == QType.where:
        return 1.0 + overlap if locates_act(q, v, values) else None
    if not is_target(v) or not _of_the_kind(q, v):
        return None
    verb, _, prep = (v.head or "").partition(":")
    if q.passive and prep and prep != q.prep:
        return None  # "who was convicted?": whom, not what of ("convicted of fraud")
    # another act's object when its preposition names the motion itself ("sped into a
    # bus shelter" for "what did it crash into?"); "on", "for" or "with" name none
    # ("charged on two counts" is not what the money was spent on)
    by_prep = overlap > 0 and not _a_date(v, values) and reached(q, v, spans.beside(v, values))
    if not any_act(verb, q.verbs) and not by_prep:
        return None
    if v.norm in q.lemmas:
        return None  # "what did the SUV crash into" is not answered by "the SUV"
    if q.prep and prep != q.prep:
        # the preposition is the question's own verb's: another verb of its meaning takes
        # the same thing as its object ("funded political donations" for "what did he
        # spend the money on?")
        other_verb = not prep and not any(same_word(verb, w) for w in q.verbs)
        if prep not in CONTACT_PREPS.get(q.prep, ()) and not by_prep and not other_verb:
            return None
        overlap -= 0.25  # "collided with" answers "crash into", a little less directly
    return 1.0 + overlap


Scorer = Callable[[Question, Value, Value, list[Value]], float | None]
_BY_KIND: dict[str, Scorer] = {
    "number": _count,
    "date": _date,
    "time": _date,
    "duration": _duration,
    "agent": _agent,
    "place": _place,
    "person": _party,
    "organization": _party,
    "object": _object,
}


def _of_the_kind(q: Question, v: Value) -> bool:
    """An object answers "which hospital …?" only if it is one: its head noun means that
    ("the county infirmary"), or it names one ("St Luke's Hospital")."""
    if not q.thing:
        return True
    return same_thing(v.key_head, q.thing) or q.thing in re.findall(r"\w+", v.text.lower())


def _employs(q: Question, org: Value, values: list[Value]) -> bool:
    """The organisation names the question's subject's employer: it qualifies a phrase for
    that person ("an ICE officer" for "the officer"), or for the one who did the act the
    subject is named by ("an ICE officer shot …" for "the shooter")."""
    for p in values:
        inside = p.start <= org.start and org.end <= p.end and p.key_head not in org.norm.split()
        if p.kind not in {"agent", "object"} or not inside:
            continue
        act = (p.head or "").partition(":")[0]
        for noun in q.subject:
            doer = base_forms(noun) - {noun}  # "shooter" -> "shoot"
            if same_thing(p.key_head, noun) or (p.kind == "agent" and any_act(act, doer)):
                return True
    return False


def _name_words(q: Question) -> set[str]:
    return {w.lower() for n in q.qualifiers for w in n.split()}


def _named_here(q: Question, v: Value, sentence: Value) -> bool:
    """The count's own phrase (up to the next comma, clause or number) names what the
    question names the counted thing by ("two units of the Special Weapons and Tactics team
    (SWAT)" for "how many SWAT units?")."""
    if not q.qualifiers:
        return False
    after = spans.around(v, sentence)[1]
    end = PHRASE_END.search(after)
    phrase = f"{v.text} {after[: end.start() if end else len(after)]}".lower()
    return any(n.lower() in phrase for n in q.qualifiers)


def _states_verb(verb: str | None, sentence: Value) -> bool:
    """The sentence has the verb, by its word or by another of its meaning."""
    words = sentence.norm.split()
    return verb is None or share([verb], sentence) > 0 or any_act(verb, filter(is_verb, words))


def _says_it(q: Question, v: Value, sentence: Value) -> float | None:
    """ "Who said …?", "which resident told AFP …?": the sentence's speaker, where the
    sentence says what the question says was said (or, without a speech verb, shares half
    the question's words)."""
    if not speaks_as(v, sentence.attributed_to):
        return None
    speech = next((w for w in q.verbs if w in lexicon().speech_verbs), None)
    if speech not in lexicon().plain_speech_verbs and not _states_verb(speech, sentence):
        return None  # "who testified against him?" is not whoever spoke of him
    said = (
        share(q.said, sentence) if q.said else question_share(q, sentence, lexicon().speech_verbs)
    )
    if said < 0.5:
        return None
    near = _nearness(q.party, v, sentence) if q.party else None
    return 1.0 + said + (near or 0.0)  # "said resident Ana Ruiz" for "which resident …"


def _gave_the_figure(q: Question, v: Value, values: list[Value]) -> bool:
    """ "Who put the death toll at 41?" is whoever gave that figure: the party a count the
    figure holds is attributed to ("41 people have died, said Ana Ruiz"). A figure quoted
    inside a quote ("Ruiz said: 'The ministry said the number of deaths is 41'") is
    attributed to the outer speaker, as index time attributes the whole sentence."""
    return any(speaks_as(v, c.attributed_to) for c in figure_counts(q, v, values))


def counts_the_act(q: Question, v: Value) -> bool:
    """A count of an outcome (killed, injured, missing, arrested …) answers only a question
    about that outcome, and a question about an outcome only a count of it: "1,175 injured
    people" never answers how many died; "95 flights cancelled" never answers how many were
    arrested. Other counts are not judged by their verb: requiring the question's act of
    them too ("three gunshots rang out" for "how many shots were fired?") lost more right
    answers than wrong ones (typed accuracy on how-many questions 10 -> 7 of 31)."""
    if v.head in grammar().units:
        return True  # an age or a measure counts no outcome ("this 37-year-old's death")
    acts = v.acts
    asked = [w for w in [*q.verbs, *q.lemmas] if is_outcome(w)]
    if not any(is_outcome(w) for w in acts) and not (acts and asked):
        return True
    return any(same_act(a, b) for a in acts for b in asked)


def _nearness(
    role: str | None, v: Value, sentence: Value, window: int = ROLE_WINDOW
) -> float | None:
    """1 when the role asked about touches the value in its sentence ("Mayor Jacob Frey"),
    falling to 0 at `window` characters away; None when it is not that close."""
    role = role or ""
    text, a, b = sentence.text, v.start - sentence.start, v.end - sentence.start
    if text[b:].startswith(spans.POSSESSIVE) or v.text.endswith(spans.POSSESSIVE):
        return None  # "Smith's lawyer" names whose lawyer, not the lawyer
    best: float | None = None
    words = list(re.finditer(r"\w+", text[max(0, a - window) : b + window].lower()))
    # role synonyms are matched by meaning as things: the window's words in one batch
    prime([role, *(m.group() for m in words if m.group().isalpha())], ("thing",))
    for m in words:
        pos = m.start() + max(0, a - window)
        if a <= pos < b or not same_role(role, m.group()):
            continue
        gap = a - (pos + len(m.group())) if pos < a else pos - b
        near = 1 - max(0, gap) / window
        best = near if best is None else max(best, near)
    return best


def _a_date(v: Value, values: list[Value]) -> bool:
    """The value's words are a date or time of day ("on Thursday", "at 7 pm")."""
    return any(o.kind in {"date", "time"} and o.start < v.end and v.start < o.end for o in values)
