"""Counts English states without a numeral of their own: a bare count whose subject is a
tally ("the death toll rose to 233", "the toll stood at 2,012" count people who died), lives
claimed ("claimed 275 lives"), and one person an outcome befell ("killed a woman")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from index.lexicon import lexicon
from index.models import Value

# verbs that count deaths in lives ("claimed 275 lives", "cost 12 lives", "lost their lives")
LIFE_TAKING = frozenset({"claim", "take", "cost", "lose"})
# nouns that name a running count of something (a closed class of English)
TALLIES = frozenset({"toll", "tally", "number", "count", "total", "figure"})
SUBJECTS = {"nsubj", "nsubjpass"}
PEOPLE = "people"


def tally_of(number: Token) -> tuple[str, str] | None:
    """(what is counted, the act or state it counts) for a number whose verb's subject is a
    tally; None otherwise. A tally of an outcome counts people ("death toll" -> people,
    death; "number of injured" -> people, injured); a tally of things counts those ("the
    number of trains cancelled" -> train, cancel). A bare "toll" is a death toll, as
    English news uses the word."""
    verb = next((a for a in number.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is None or subject.lemma_.lower() not in TALLIES:
        return None
    kind = next((c for c in subject.children if c.dep_ in {"compound", "amod"}), None)
    if kind is not None:
        return _counted(kind.lemma_.lower(), None)
    of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    thing = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if thing is not None:
        act = next((c for c in thing.children if c.dep_ in {"acl", "amod"}), None)
        return _counted(thing.lemma_.lower(), act.lemma_.lower() if act is not None else None)
    return (PEOPLE, "death") if subject.lemma_.lower() == "toll" else None


def _counted(thing: str, act: str | None) -> tuple[str, str] | None:
    outcomes = lexicon().outcomes
    if thing in outcomes:  # "the death toll", "the number of deaths", "of the injured"
        return PEOPLE, thing
    if act is not None:  # "the number of people killed", "of trains cancelled"
        return thing, act
    return None


def lives_counted(head: str | None, act: str | None) -> tuple[str, str] | None:
    """ "The crash claimed 275 lives": 275 people, deaths ("saved 30 lives" is no toll)."""
    if head == "life" and act in LIFE_TAKING:
        return PEOPLE, "death"
    return None


ARTICLES = {"a", "an"}  # "one woman" is a numeral, counted with the others


def befallen_one(sent: Span, offset: int, speaker: str | None) -> list[Value]:
    """ "An officer shot and killed a woman", "a man was injured": a count of one person
    (or thing) that an outcome befell, as "one person is dead" is. Only a singular noun
    with "a" or "an" and nothing joined to it ("a woman and her son" is two)."""
    out: list[Value] = []
    outcomes = lexicon().outcomes
    for tok in sent:
        verb = tok.head
        patient = tok.dep_ in {"dobj", "nsubjpass"} and verb.pos_ == "VERB"
        if not patient or verb.lemma_.lower() not in outcomes or tok.tag_ != "NN":
            continue
        det = next((c for c in tok.children if c.dep_ == "det"), None)
        if det is None or det.lower_ not in ARTICLES or any(c.dep_ == "conj" for c in tok.children):
            continue
        start, end = det.idx, tok.idx + len(tok.text)
        out.append(
            Value(
                kind="number",
                start=offset + start,
                end=offset + end,
                text=sent.doc.text[start:end],
                norm="1..1",
                lo=1.0,
                hi=1.0,
                head=tok.lemma_.lower(),
                act=verb.lemma_.lower(),
                attributed_to=speaker,
            )
        )
    return out


def by_article(v: Value) -> bool:
    """A count `befallen_one` read from an article ("killed a woman"): one victim, which a
    claim does not state as a count (outlets say "a driver", "a motorist" of one victim)."""
    return v.kind == "number" and v.text.split(maxsplit=1)[0].lower() in ARTICLES
