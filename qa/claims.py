"""One outlet's answer: the value (a date, a count, a name, a place) or the sentence of a
passage that fills what the question asks, and whom the outlet attributes it to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.frames import by_pronoun
from index.lexicon import lexicon
from index.models import Value
from index.normalize import acronym, interval_norm
from index.routes import ROUTE
from index.words import base_forms, is_verb
from qa import spans
from qa.acts import act_in, asks_act_of, object_phrases
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
    stem,
)
from qa.models import QType
from qa.question import LIGHT_VERBS, Question
from qa.reasons import gives_reason
from qa.retrieve import Hit
from qa.said import speakers, speaks_as
from qa.share import question_share, share
from qa.slots import (
    asks_act,
    asks_destination,
    asks_employer,
    asks_speaker,
    asks_whereabouts,
    tells_change,
    typed_kinds,
)
from qa.stance import hedge_cue
from qa.when import date_score, duration_answers
from qa.where import (
    TOLD_FROM,
    a_source,
    goes_to,
    lies_near_it,
    locates_act,
    on_route,
    relative_place,
    told_places,
)

ROLE_WINDOW = 40  # characters around a name searched for the role a question names
# prepositions that may answer a question asked with another ("crash into" ~ "collide with")
CONTACT_PREPS = {
    "into": {"with", "onto", "against"},
    "with": {"into", "against"},
    "against": {"into", "with"},
    "onto": {"into", "on"},
}


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


def _names_it(q: Question, name: str) -> bool:
    """The question names this party, as whole words ("Lee" is not in "asleep")."""
    return _word_in(name, q.text)


def _names_one(q: Question, sentence: Value) -> bool:
    """The sentence names one of the question's parties (by the last word of its name:
    "Noem" for "Kristi Noem")."""
    return any(_word_in(n.split()[-1], sentence.text) for n in q.names if n.split())


def _word_in(word: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None


def _value_score(
    q: Question, v: Value, sentence: Value, values: list[Value] | None = None
) -> float | None:
    """How well a value answers the question; None if it does not."""
    overlap = question_share(q, sentence)
    if v.kind == "number":
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
    if v.kind in {"date", "time"}:
        return date_score(q, v, overlap, values or [])
    if v.kind == "duration":
        return 1.0 + overlap if duration_answers(q, v, sentence, values or []) else None
    if v.kind == "agent":
        if by_pronoun(v):
            return None  # "He did so" names no one: the quote must (the "he" serves checks)
        if q.figures:  # "who put the toll at 41?": who gave it, not "a bus went off the road"
            gave = _gave_the_figure(q, v, values or []) or (
                any(same_word(v.head, w) for w in q.verbs) and states_the_figure(q, v, values or [])
            )
            return 1.0 + overlap if gave else None
        if asks_speaker(q):  # "who said he thought …?": who said it, not who thought it
            return _says_it(q, v, sentence) if v.head in lexicon().speech_verbs else None
        return 1.0 + overlap if asks_act_of(q, v, values or []) else None
    if v.kind == "place" and (v.head or "").startswith(ROUTE):
        return 1.0 + overlap if on_route(q, v, sentence) else None  # only where to or from
    if v.kind == "place":
        if q.qtype == QType.where and v.head != TOLD_FROM and relative_place(v, sentence):
            return None  # "72 km southwest of Varna": not Varna, the phrase (`told_places`)
        if q.qtype == QType.where and q.prep != "from" and a_source(v, sentence):
            return None  # "going from Leeds to York": where it was heading is York
        if q.qtype == QType.where and lies_near_it(q, v, sentence):
            return None  # "Amberley, near the epicentre" is not where the epicentre was
        if asks_destination(q):  # "on its way to York" names no act of heading
            return 1.0 + overlap if overlap > 0 and goes_to(q, v, sentence, values or []) else None
        if q.places:  # "which countries sent teams?": a place in a sentence of that act
            named = set(v.norm.split()) & {w.lower() for n in q.names for w in n.split()}
            ok = not named and act_in(q, sentence, values or [])
            return 1.0 + overlap if ok else None
        if asks_whereabouts(q):  # "where was Kristi Noem (when …)?"
            return 0.5 + overlap if _names_one(q, sentence) else None
        of_act = q.qtype == QType.where and _content_acts(q) and not q.event and not q.copular
        if of_act and not act_in(q, sentence, values or []):
            return None  # "Where were his parents seated?" is not where they live
        return 0.5 + overlap if overlap > 0 else None
    if v.kind == "organization" and asks_employer(q):
        return 1.0 + overlap if _employs(q, v, values or []) else None
    if v.kind in {"person", "organization"}:
        asked = bool(set(v.norm.split()) & set(q.lemmas)) or _names_it(q, v.text)
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
            return 1.0 + overlap if _gave_the_figure(q, v, values or []) else None
        return _says_it(q, v, sentence)
    if v.kind == "object" and q.qtype == QType.where:
        return 1.0 + overlap if locates_act(q, v, values or []) else None
    if v.kind == "object":
        if not is_target(v) or not _of_the_kind(q, v):
            return None
        verb, _, prep = (v.head or "").partition(":")
        if q.passive and prep and prep != q.prep:
            return None  # "who was convicted?": whom, not what of ("convicted of fraud")
        # another act's object when its preposition names the motion itself ("sped into a
        # bus shelter" for "what did it crash into?"); "on", "for" or "with" name none
        # ("charged on two counts" is not what the money was spent on)
        by_prep = (
            overlap > 0
            and not _a_date(v, values or [])
            and reached(q, v, spans.beside(v, values or []))
        )
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
    return None


# "four units of the riot police, two units of SWAT": of two counts of the thing asked in
# one sentence, the one that names what the question names answers "how many SWAT units?"
NAMED_HERE = 0.5
PHRASE_END = re.compile(r"[,;:]|\b(and|while|but)\b|\d")


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
            score = None if sent is None else _value_score(q, v, sent, values)
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


def _a_date(v: Value, values: list[Value]) -> bool:
    """The value's words are a date or time of day ("on Thursday", "at 7 pm")."""
    return any(o.kind in {"date", "time"} and o.start < v.end and v.start < o.end for o in values)


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
    acts = _content_acts(q)
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


def _content_acts(q: Question) -> list[str]:
    """The question's verbs that name an act ("jail", "seat"), not "be", "have" or "take"."""
    return [w for w in q.verbs if is_verb(w) and w not in LIGHT_VERBS]


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
