"""Counts in a sentence: each number as an interval with the noun it counts and the act it is
a count of ("41 people died": 41 people, of dying), ages, and tallies ("the death toll
rose to 38")."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from index.lexicon import lexicon
from index.models import EITHER, Value
from index.normalize import (
    interval_norm,
    modifier_after,
    modifier_before,
    number_interval,
    parse_number,
)
from index.tally import lives_counted, tally_of
from index.words import base_forms

WRITTEN_ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th)$")


def ordinal_values(sent: Span, offset: int, speaker: str | None) -> list[Value]:
    """ "at least the fifth death linked to the crackdowns": an outcome that is the Nth of a
    series counts N of them (at least N, with "at least"), as a count of that outcome. Only
    for outcomes (a death, a fatality, a killing): "the second train" is one train."""
    out: list[Value] = []
    doc = sent.doc
    for tok in sent:
        n = _ordinal(tok.lower_)
        noun = tok.head
        if n is None or tok.dep_ != "amod" or noun.pos_ != "NOUN" or noun.i < tok.i:
            continue
        if not base_forms(noun.lemma_.lower()) & lexicon().outcomes:
            continue
        before = [t for t in doc[max(sent.start, tok.i - 4) : tok.i] if t.lower_ != "the"]
        modifier = modifier_before([t.lower_ for t in before])
        first = before[-len(modifier.split())] if modifier else tok
        lo, hi = number_interval(n, modifier)
        out.append(
            Value(
                kind="number",
                start=offset + first.idx,
                end=offset + noun.idx + len(noun.text),
                text=doc[first.i : noun.i + 1].text,
                norm=interval_norm(lo, hi),
                lo=lo,
                hi=None if math.isinf(hi) else hi,
                head=noun.lemma_.lower(),
                act=noun.lemma_.lower(),  # the outcome counted is the act
                attributed_to=speaker,
            )
        )
    return out


def _ordinal(word: str) -> int | None:
    written = WRITTEN_ORDINAL.match(word)
    return int(written.group(1)) if written else lexicon().ordinal_words.get(word)


def _is_age(tok: Token) -> bool:
    """NER labels ages ("37-year-old", "37 years old") as dates; they are counts of years."""
    following = "".join(t.lower_ for t in tok.doc[tok.i + 1 : tok.i + 5])
    return following.startswith(("-year-old", "year-old", "yearsold", "yearold", "-years-old"))


def _appositive_age(tok: Token) -> bool:
    """News gives a person's age between commas after the name ("Venus de Mars, 65, a
    resident"; "Smith-Jones, 31, stood"): a whole number under 120 so placed, after a
    name (the small model tags some names as organisations: "Smith-Jones"), not a place."""
    doc = tok.doc
    if not tok.text.isdigit() or not 0 < int(tok.text) < 120 or tok.i < 2:
        return False
    after = doc[tok.i + 1].text if tok.i + 1 < len(doc) else ""
    name = doc[tok.i - 2]
    person = name.ent_type_ == "PERSON" or (name.pos_ == "PROPN" and name.ent_type_ in {"", "ORG"})
    return doc[tok.i - 1].text == "," and after == "," and person


def is_count(tok: Token) -> bool:
    """NER labels a four-digit count as a year ("2012 people had been killed"); a number that
    counts a noun is a count, whatever its digits ("in 2012" has no noun to count), unless
    a preposition of time comes first ("In 2012 people voted": the parser hangs the year on
    the noun)."""
    before = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    year_prep = before in {"in", "since", "until", "during", "by", "before", "after"}
    return tok.dep_ == "nummod" and tok.head.pos_ == "NOUN" and tok.text.isdigit() and not year_prep


@dataclass
class _Number:
    """A number's tokens in its sentence: a range ("three or four"), a multiplier ("two
    thousand") and a modifier before or after ("at least", "or more") taken in."""

    first: int
    last: int
    value: float
    upper: float | None = None
    modifier: str | None = None


def number_values(sent: Span, offset: int, speaker: str | None) -> list[Value]:
    """Every count of the sentence, with the noun it counts and the act it is a count of."""
    out: list[Value] = []
    skip: set[int] = set()  # tokens taken into an earlier number ("three or four")
    for tok in sent:
        if tok.i in skip or not _counts(tok):
            continue
        number = _number_at(tok, sent, skip)
        if number is not None:
            out.append(_count_value(tok, number, sent, offset, speaker))
    return out


def _counts(tok: Token) -> bool:
    """The token is a number that may count something: not a date, time, ordinal, sum of
    money or percentage (unless NER took an age or a count for a date), nor "a"/"once"."""
    misread = _is_age(tok) or _appositive_age(tok) or (tok.ent_type_ == "DATE" and is_count(tok))
    if tok.ent_type_ in {"DATE", "TIME", "ORDINAL", "MONEY", "PERCENT"} and not misread:
        return False
    if tok.lower_ in {"a", "an", "once", "twice"}:
        return False
    return bool(tok.like_num or tok.pos_ == "NUM")


def _number_at(tok: Token, sent: Span, skip: set[int]) -> _Number | None:
    """The number starting at `tok`, with the tokens it takes in added to `skip`."""
    value = parse_number(tok.text)
    if value is None:
        return None
    doc = sent.doc
    n = _Number(tok.i, tok.i, value)
    # "three or four", "two to three", "5-7"
    if n.last + 2 < sent.end and doc[n.last + 1].lower_ in {"or", "to", "-", "–"}:
        nxt = parse_number(doc[n.last + 2].text)
        if nxt is not None and nxt > value:
            n.upper, n.last = nxt, n.last + 2
            skip.add(n.last)
    # "hundred", "thousand" multipliers: "two thousand"
    if n.last + 1 < sent.end and doc[n.last + 1].lower_ in {"hundred", "thousand", "million"}:
        mult = lexicon().number_words[doc[n.last + 1].lower_]
        n.value *= mult
        n.upper = n.upper * mult if n.upper is not None else None
        n.last += 1
        skip.add(n.last)
    n.modifier = modifier_before([t.lower_ for t in doc[max(sent.start, n.first - 3) : n.first]])
    if n.modifier is not None:
        n.first -= len(n.modifier.split())
    after = modifier_after([t.lower_ for t in doc[n.last + 1 : min(n.last + 3, sent.end)]])
    if after is not None and n.upper is None:  # "five or more people": from five up
        n.modifier = n.modifier or after
        n.last += 2
        skip.update({n.last - 1, n.last})
    return n


def _head_noun(sent: Span, last: int) -> Token | None:
    """The noun a number counts, within four tokens after it ("three gunshots", "nine
    cooling centres"), climbing compounds ("2,000 immigration agents" counts agents)."""
    doc = sent.doc
    head_tok: Token | None = None
    for j in range(last + 1, min(sent.end, last + 5)):
        t = doc[j]
        if t.pos_ in {"NOUN", "PROPN"}:
            head_tok = t
            break
        if t.text == "," and j + 1 < sent.end and doc[j + 1].like_num:
            break  # "out of the 275, 88 bodies …": the next number has the noun
        if (
            t.pos_ not in {"ADJ", "PUNCT", "NUM", "ADV"}
            and t.dep_ != "amod"  # "nine cooling centres", "two injured officers"
            and t.lower_ not in {"-", "of"}
        ):
            break
    while (
        head_tok is not None
        and head_tok.dep_ == "compound"
        and head_tok.i < head_tok.head.i <= head_tok.i + 3
        and head_tok.lemma_.lower() not in lexicon().units  # "64 km southwest" measures km
    ):
        head_tok = head_tok.head
    return head_tok


def _head_and_end(
    tok: Token, head_tok: Token | None, last: int, sent: Span
) -> tuple[str | None, int]:
    """What the number counts ("year-old" for an age, "time:<verb>" for "three times") and
    the token after the count's phrase."""
    if head_tok is None:
        return ("year-old" if _appositive_age(tok) else _unit_before(tok)), last + 1
    head, end_i = head_tok.lemma_.lower(), head_tok.i + 1
    if head == "year":  # "37-year-old", "37 years old"
        rest = [t.lower_ for t in sent.doc[end_i : min(end_i + 2, sent.end)]]
        if rest[:1] == ["old"] or rest == ["-", "old"]:
            head, end_i = "year-old", end_i + rest.index("old") + 1
    if head == "time":  # "three times": count of the verb's act
        verb = next((a for a in head_tok.ancestors if a.pos_ == "VERB"), None)
        if verb is not None:
            head = f"time:{verb.lemma_.lower()}"
    return head, end_i


def _count_value(tok: Token, n: _Number, sent: Span, offset: int, speaker: str | None) -> Value:
    """The count as a value: its interval, what it counts, and the act it is a count of."""
    doc = sent.doc
    head_tok = _head_noun(sent, n.last)
    head, end_i = _head_and_end(tok, head_tok, n.last, sent)
    lo, hi = number_interval(n.value, n.modifier, n.upper)
    act = count_act(tok, head_tok)
    tally = tally_of(tok) if head_tok is None else lives_counted(head, act)
    if tally is not None:  # "the death toll rose to 38": 38 people, of deaths
        head, act = tally
    last = doc[end_i - 1]
    return Value(
        kind="number",
        start=offset + doc[n.first].idx,
        end=offset + last.idx + len(last.text),
        text=doc[n.first : end_i].text,
        norm=interval_norm(lo, hi),
        lo=lo,
        hi=None if math.isinf(hi) else hi,
        head=head,
        act=act,
        attributed_to=speaker,
    )


def _unit_before(tok: Token) -> str | None:
    """The unit a number with no noun of its own is given in before it: "a magnitude of
    6.8", "the magnitude was 6.8" measure as "6.8-magnitude" does."""
    units = lexicon().units
    above = tok.head
    if tok.dep_ == "pobj" and above.lower_ == "of" and above.head.lemma_.lower() in units:
        return above.head.lemma_.lower()
    if tok.dep_ == "attr" and above.lemma_.lower() == "be":
        subject = next((c for c in above.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lemma_.lower() in units:
            return subject.lemma_.lower()
    return None


def count_act(tok: Token, noun: Token | None) -> str | None:
    """The act a count is of, so that a count of the injured never answers how many died:
    a state adjective on its noun ("1,175 injured people", "one person is dead"), else the
    nearest verb above it ("41 people died", "killed 380 people") or the act noun it is
    "of" ("the deployment of 2,000 officers"), else the subject of a copula ("the death toll
    was 288" -> "death toll"). A participle that only describes the thing counted ("two
    parked cars") is not its act."""
    anchor = noun or tok
    state = next((c for c in anchor.children if c.dep_ == "amod" and _is_state(c)), None)
    if state is not None:
        return state.lower_
    prev = anchor
    for a in anchor.ancestors:
        if a.pos_ == "VERB" and a.lemma_.lower() in lexicon().speech_verbs:
            # "800 have been reported injured": the state reported, not the reporting
            said = next((c for c in a.children if c.dep_ in {"oprd", "xcomp", "acomp"}), None)
            if said is not None:
                return said.lemma_.lower()
        if a.pos_ == "VERB":
            return either(a)
        if a.pos_ == "ADJ" and _is_state(a):
            return a.lemma_.lower()
        of = a.pos_ == "NOUN" and prev.dep_ == "prep" and prev.lower_ == "of"
        if of and a.lemma_.lower() not in lexicon().quantity_nouns:  # "a total of 85 flights"
            return a.lemma_.lower()
        if a.pos_ == "AUX":
            return _copula_act(a)
        prev = a
    return None


JOINERS = {",", "or", "nor", "-"}  # what may stand between acts listed with "or"


def either(verb: Token) -> str:
    """The verb's lemma, or with the verbs listed after it with "or" ("cancelled, delayed
    or diverted" -> "cancel/delay/divert"): a count of either act counts them
    all together. The small parser reads a middle one as an adverbial clause as often as a
    conjunct; only commas and "or" may stand between them, so a verb after "and" or with a
    subject of its own is another statement ("20 were arrested or detained, and 3 were
    released"), and verbs joined by "and" keep the first ("shot and killed two men" counts
    the men both acts befell)."""
    doc = verb.doc
    joined = {*verb.conjuncts, *(c for c in verb.children if c.dep_ == "advcl")}
    joined |= {x for c in list(joined) for x in c.conjuncts}
    members, ors = [verb], False
    for t in sorted((c for c in joined if c.i > verb.i), key=lambda c: c.i):
        own = set(t.subtree)
        between = {
            w.lower_
            for w in doc[members[-1].i + 1 : t.i]
            if w not in own or w.dep_ in {"cc", "punct"}
        }
        if t.pos_ != "VERB" or not between <= JOINERS:
            break
        ors = ors or bool(between & {"or", "nor"})
        members.append(t)
    if not ors:
        return verb.lemma_.lower()
    return EITHER.join(dict.fromkeys(t.lemma_.lower() for t in members))


def _is_state(tok: Token) -> bool:
    states = lexicon().state_adjectives
    return tok.lower_ in states or tok.lemma_.lower() in states


def _copula_act(be: Token) -> str | None:
    """'one person is dead' -> 'dead'; 'the death toll was 288' -> 'death toll'."""
    state = next((c for c in be.children if c.dep_ in {"acomp", "attr"} and _is_state(c)), None)
    if state is not None:
        return state.lower_
    subj = next((c for c in be.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        return None
    words = [c for c in subj.children if c.dep_ == "compound"] + [subj]
    return " ".join(w.lemma_.lower() for w in sorted(words, key=lambda w: w.i))
