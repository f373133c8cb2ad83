"""One outlet's answer: the value (a date, a count, a name, a place) or the sentence of a
passage that fills what the question asks, and whom the outlet attributes it to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.lexicon import lexicon
from index.models import Value
from index.normalize import acronym, interval_norm
from qa import spans
from qa.acts import act_in, object_phrases
from qa.contact import reached
from qa.fill import fill_score
from qa.match import prime
from qa.models import QType
from qa.question import Question
from qa.reasons import gives_reason
from qa.retrieve import Hit
from qa.said import speakers
from qa.share import question_share, share
from qa.slots import asks_act, content_acts, tells_change, typed_kinds
from qa.stance import hedge_cue
from qa.where import told_places


@dataclass
class Claim:
    outlet: str
    doc_ids: list[str]
    hit: Hit
    value: Value  # the typed value, or the answering sentence
    sentence: Value
    weight: float
    origin: int = -1
    same_origin_as: str | None = None
    attributed_to: str | None = None
    hedged: bool = False  # the sentence reports the point as uncertain


def asserts(sentence: Value) -> bool:
    """The sentence states something: index time marked it neither a heading nor a
    question (`index/extract.py`)."""
    return sentence.head is None


def answers(q: Question, hit: Hit) -> list[tuple[Value, Value, float]]:
    """Every value (or sentence) of a passage that answers the question, with the sentence it
    is in and how well it answers, best first."""
    sentences = [v for v in hit.stored.values if v.kind == "sentence" and asserts(v)]
    kinds = typed_kinds(q)
    values = hit.stored.values
    found: list[tuple[Value, Value, float]] = []
    if kinds:
        extra = [*_singulars(q, values), *speakers(q, values, sentences), *told_places(q, values)]
        for v in [*values, *extra]:
            sent = spans.sentence_of(v, sentences) if v.kind in kinds else None
            score = None if sent is None else fill_score(q, v, sent, values)
            if sent is not None and score is not None:
                found.append((v, sent, score))
    else:
        for s in sentences:
            score = question_share(q, s)
            if score > 0 and _states_asked_act(q, s, values) and _reason_if_asked(q, s):
                found.append((s, s, score))
    return sorted(found, key=lambda x: -x[2])


# "a parked vehicle", "an officer": one of the thing, when it is what the act asked about
# was done to; not "a number of cars", "a group of officers" (a quantity of them)
INDEFINITE = re.compile(r"^an?\s(?!.*\bof\b)", re.IGNORECASE)


def _singulars(q: Question, values: list[Value]) -> list[Value]:
    """ "How many cars did the van hit?" — "the van crashed into a parked vehicle" says one.
    An object with "a"/"an" of the question's own act, or reached by what the question asks
    about (`qa/contact.py`), is a count of one of its head noun (the count branch then asks
    that the noun be the thing asked about). Only of the act asked: "a" is everywhere in
    news ("a witness said") and says nothing of a count there."""
    if q.qtype != QType.how_many:
        return []
    found = []
    for v in values:
        verb = (v.head or "").partition(":")[0]
        if v.kind != "object" or not INDEFINITE.match(v.text):
            continue
        if asks_act(q, verb) or reached(q, v, spans.beside(v, values)):
            one = {"lo": 1.0, "hi": 1.0, "norm": interval_norm(1, 1), "act": verb}
            found.append(v.model_copy(update={**one, "kind": "number", "head": v.key_head}))
    return found


def _reason_if_asked(q: Question, sentence: Value) -> bool:
    """A why-question is answered only by a sentence that gives a reason (`qa/reasons.py`):
    "the storm flooded 40 homes" shares "why were so many homes flooded?"'s words but says
    nothing of why; "… built on a flood plain, resulting in …" does."""
    return q.qtype != QType.why or q.copular or gives_reason(sentence.text)


def _states_asked_act(q: Question, sentence: Value, values: list[Value]) -> bool:
    """A reason is a reason for an act: "why was he jailed?" is answered only by a sentence
    that states the jailing (a sentence sharing "trial" told of the verdict); "what did the
    mayor see?" only by one that states the seeing, and "what did the mayor announce?" only
    by what the mayor said (`_said_by_asked`). Other questions answered by a sentence keep
    word overlap: requiring their act cut the stories index's verdict accuracy from 0.588 to
    0.515 ("how did the mayor react?" is answered by "Frey blasted …", a sentence without
    the word)."""
    of_act = q.qtype == QType.what and q.done  # "what did the mayor announce?"
    if (q.qtype != QType.why or q.copular) and not of_act:
        return True
    acts = content_acts(q)
    if any(w in lexicon().speech_verbs for w in acts):
        return _said_by_asked(q, sentence, values)
    if not acts:
        return True
    # the verb itself, whoever index time read as its doer ("they saw blood" has no agent)
    stated = act_in(q, sentence, values) or share(acts, sentence) > 0
    return stated or tells_change(q, sentence.norm.split())


def _said_by_asked(q: Question, sentence: Value, values: list[Value]) -> bool:
    """ "What did the minister announce?" is answered by what the minister said: a sentence
    (or a clause in it) spoken by a party the question names ("Minister Asha Rao", "the
    Department of Homeland Security" for DHS), not another speaker's."""
    asked = set(q.subject) | {w.lower() for n in q.names for w in n.split()}
    if not asked:
        return True
    inner = [v.attributed_to for v in spans.inside(sentence, values)]
    for speaker in {sentence.attributed_to, *inner} - {None}:
        words = set(re.findall(r"\w+", (speaker or "").lower()))
        if words & asked or acronym(speaker or "").lower() in asked:
            return True
    return False


def best_value(q: Question, hit: Hit) -> tuple[Value, Value, float] | None:
    """The value (or sentence) of a passage that best answers the question."""
    found = answers(q, hit)
    return found[0] if found else None


def attribution(
    lemmas: list[str], value: Value, sentence: Value, values: list[Value]
) -> str | None:
    """Who the answer is attributed to: the value's or sentence's speaker, or else the party
    whose clause inside the sentence speaks to the question ("that officials claimed was …")."""
    if value.attributed_to or sentence.attributed_to:
        return value.attributed_to or sentence.attributed_to
    best: tuple[float, str] | None = None
    for v in values:
        if v.kind == "claim" and sentence.start <= v.start and v.end <= sentence.end:
            score = share(lemmas, v)
            if score > 0 and v.attributed_to and (best is None or score > best[0]):
                best = (score, v.attributed_to)
    return best[1] if best else None


def describe(c: Claim, lemmas: list[str]) -> Claim:
    """Fill in how the outlet holds its answer: whose claim it repeats, whether it hedges."""
    c.attributed_to = attribution(lemmas, c.value, c.sentence, c.hit.stored.values)
    c.hedged = hedge_cue(c.sentence.text) is not None
    return c


def prime_words(q: Question, hits: list[Hit]) -> None:
    """Word vectors for every word a claim is matched on, in one batch: the question's acts,
    words and focus, and the heads and acts of the values in the evidence."""
    words: set[str | None] = {*q.verbs, *q.lemmas, q.focus}
    for h in hits:
        words |= h.stored.value_words
        if q.phrase:
            for v in h.stored.values:
                if v.kind in {"date", "time", "agent"}:
                    words.update(object_phrases(v, h.stored.values))
    prime(words)
