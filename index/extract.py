"""Typed values found at index time: dates, numbers, entities, agents and attributions
(agents and objects are read in `frames.py`, values normalised in `normalize.py`).

For each passage, every sentence is stored as a `sentence` value (its content lemmas, its
negation and who it is attributed to), every claim a party makes inside a clause ("a shooting
that officials claimed was self-defense") as a `claim` value scoped to that clause, and every
date, number (as an interval with its head noun), person, organisation, place and act's
agent with offsets into the document. The question side (`qa/`) only reads and compares
these. The word lists are data (`index/data/lexicon.toml`), general to English news.
"""

from __future__ import annotations

import math
import re

from spacy.tokens import Span, Token

from index.attach import dated_noun, dated_verb
from index.chunk import Chunk
from index.frames import agent_values, object_values, phrase_range, subject_of
from index.lexicon import NEGATIONS, PRONOUNS, lexicon
from index.models import Document, Value
from index.negation import negation_values
from index.normalize import (
    UNDATED,
    Undated,
    canonical_org,
    canonical_person,
    canonical_place,
    modifier_before,
    normalize_date,
    number_interval,
    parse_number,
)
from index.tally import befallen_one, lives_counted, tally_of
from index.temporal import RESTATED, duration_values, outside, time_values
from index.words import content_lemmas

EXTRACT_VERSION = "24"  # 22: "2012 people"; 23: "around Friday"; 24: negated clauses, "he" did
QUOTES = set('“”"')
PLACE_LABELS = {"GPE", "LOC", "FAC"}
CLAUSE_BREAKS = {";", "—", "–", ":"}
CLAUSE_OPENERS = {"that", "which", "who", "whom"}
DROP_IN_PHRASE = {"relcl", "acl", "appos", "parataxis", "advcl", "punct", "cc", "conj"}


class DocumentContext:
    """Running state through a document: the last named person, for 'he said'."""

    def __init__(self) -> None:
        self.last_person: tuple[str, str] | None = None


def _speaker_of(tok: Token, sent: Span, ctx: DocumentContext) -> tuple[str, int] | None:
    """If `tok` is a speech verb or 'according to', who speaks and where the phrase starts."""
    if tok.lemma_.lower() in lexicon().speech_verbs and tok.pos_ in {"VERB", "AUX"}:
        subj = subject_of(tok)
        if subj is None or subj.dep_ == "nsubjpass":
            return None
        if subj.lower_ in PRONOUNS:
            if subj.lower_ in {"he", "she"} and ctx.last_person:
                return ctx.last_person[0], subj.i
            return None
        a, b = phrase_range(subj)
        return sent.doc[a:b].text, a
    if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
        objs = [c for c in tok.nbor().children if c.dep_ == "pobj"]
        if objs:
            a, b = phrase_range(objs[0])
            return sent.doc[a:b].text, tok.i
    return None


def _in_clause(tok: Token) -> bool:
    """Whether a verb speaks inside a relative or subordinate clause, not for the sentence."""
    return (
        tok.dep_ in {"relcl", "acl"}
        or any(a.dep_ in {"relcl", "acl"} for a in tok.ancestors)
        or any(c.dep_ == "mark" for c in tok.children)
    )


def _clause_end(tok: Token, sent: Span) -> int:
    """Token index where the clause holding `tok` ends: a dash, semicolon, or 'but that'."""
    doc = sent.doc
    for t in doc[tok.i + 1 : sent.end]:
        if t.text in CLAUSE_BREAKS:
            return t.i
        if t.dep_ == "cc" and t.i + 1 < sent.end and doc[t.i + 1].lower_ in CLAUSE_OPENERS:
            return t.i
    return sent.end


def _speakers(sent: Span, ctx: DocumentContext) -> tuple[str | None, list[Value]]:
    """Who the sentence is attributed to, and the claims its clauses attribute to others.

    A speech verb in the main clause attributes the whole sentence ("DHS said …"); one inside
    a relative clause ("a shooting that officials claimed was self-defense but that the mayor
    called reckless") attributes only its own clause, as a `claim` value.
    """
    best: tuple[int, str] | None = None
    claims: list[Value] = []
    doc = sent.doc
    for tok in sent:
        found = _speaker_of(tok, sent, ctx)
        if found is None:
            continue
        who, first = found
        if _in_clause(tok):
            end = _clause_end(tok, sent)
            while end > first + 1 and doc[end - 1].is_punct and doc[end - 1].text not in QUOTES:
                end -= 1
            span = doc[min(first, tok.i) : end]
            claims.append(
                Value(
                    kind="claim",
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    norm=" ".join(content_lemmas(doc[tok.i + 1 : end])),
                    attributed_to=who,
                )
            )
            continue
        depth = len(list(tok.ancestors))
        if best is None or depth < best[0]:
            best = (depth, who)
    return (best[1] if best else None), claims


def _is_age(tok: Token) -> bool:
    """NER labels ages ("37-year-old", "37 years old") as dates; they are counts of years."""
    following = "".join(t.lower_ for t in tok.doc[tok.i + 1 : tok.i + 5])
    return following.startswith(("-year-old", "year-old", "yearsold", "yearold", "-years-old"))


def _appositive_age(tok: Token) -> bool:
    """News gives a person's age between commas after the name ("Venus de Mars, 65, a
    resident"; "Bankman-Fried, 31, stood"): a whole number under 120 so placed, after a
    name (the small model tags some names as organisations: "Bankman-Fried"), not a place."""
    doc = tok.doc
    if not tok.text.isdigit() or not 0 < int(tok.text) < 120 or tok.i < 2:
        return False
    after = doc[tok.i + 1].text if tok.i + 1 < len(doc) else ""
    name = doc[tok.i - 2]
    person = name.ent_type_ == "PERSON" or (name.pos_ == "PROPN" and name.ent_type_ in {"", "ORG"})
    return doc[tok.i - 1].text == "," and after == "," and person


def _is_count(tok: Token) -> bool:
    """NER labels a four-digit count as a year ("2012 people had been killed"); a number that
    counts a noun is a count, whatever its digits ("in 2012" has no noun to count), unless
    a preposition of time comes first ("In 2012 people voted": the parser hangs the year on
    the noun)."""
    before = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    year_prep = before in {"in", "since", "until", "during", "by", "before", "after"}
    return tok.dep_ == "nummod" and tok.head.pos_ == "NOUN" and tok.text.isdigit() and not year_prep


def _number_values(sent: Span, offset: int, speaker: str | None) -> list[Value]:
    lex = lexicon()
    out: list[Value] = []
    doc = sent.doc
    skip: set[int] = set()
    for tok in sent:
        if tok.i in skip:
            continue
        age = _appositive_age(tok)
        misread = _is_age(tok) or age or (tok.ent_type_ == "DATE" and _is_count(tok))
        if tok.ent_type_ in {"DATE", "TIME", "ORDINAL", "MONEY", "PERCENT"} and not misread:
            continue
        if tok.lower_ in {"a", "an", "once", "twice"} or not (tok.like_num or tok.pos_ == "NUM"):
            continue
        value = parse_number(tok.text)
        if value is None:
            continue
        first, last = tok.i, tok.i
        upper = None
        # "three or four", "two to three", "5-7"
        if last + 2 < sent.end and doc[last + 1].lower_ in {"or", "to", "-", "–"}:
            nxt = parse_number(doc[last + 2].text)
            if nxt is not None and nxt > value:
                upper, last = nxt, last + 2
                skip.add(last)
        # "hundred", "thousand" multipliers: "two thousand"
        if last + 1 < sent.end and doc[last + 1].lower_ in {"hundred", "thousand", "million"}:
            mult = lex.number_words[doc[last + 1].lower_]
            value *= mult
            upper = upper * mult if upper is not None else None
            last += 1
            skip.add(last)
        modifier = modifier_before([t.lower_ for t in doc[max(sent.start, first - 3) : first]])
        if modifier is not None:
            first -= len(modifier.split())
        # head noun: "three gunshots", "37-year-old", "three or four times" (after 'shot')
        head_tok: Token | None = None
        j = last + 1
        while j < sent.end and j <= last + 4:
            t = doc[j]
            if t.pos_ in {"NOUN", "PROPN"}:
                head_tok = t
                break
            if (
                t.pos_ not in {"ADJ", "PUNCT", "NUM", "ADV"}
                and t.dep_ != "amod"  # "nine cooling centres", "two injured officers"
                and t.lower_ not in {"-", "of"}
            ):
                break
            j += 1
        while (
            head_tok is not None
            and head_tok.dep_ == "compound"
            and head_tok.i < head_tok.head.i <= head_tok.i + 3
        ):
            head_tok = head_tok.head  # "2,000 immigration agents" counts agents
        head = head_tok.lemma_.lower() if head_tok is not None else None
        end_i = last + 1
        if head_tok is not None:
            end_i = head_tok.i + 1
            if head == "year":  # "37-year-old", "37 years old"
                rest = [t.lower_ for t in doc[end_i : min(end_i + 2, sent.end)]]
                if rest[:1] == ["old"] or rest == ["-", "old"]:
                    head, end_i = "year-old", end_i + rest.index("old") + 1
            if head == "time":  # "three times": count of the verb's act
                verb = next((a for a in head_tok.ancestors if a.pos_ == "VERB"), None)
                if verb is not None:
                    head = f"time:{verb.lemma_.lower()}"
        if age and head_tok is None:
            head = "year-old"
        lo, hi = number_interval(value, modifier, upper)
        act = _count_act(tok, head_tok)
        tally = tally_of(tok) if head_tok is None else lives_counted(head, act)
        if tally is not None:  # "the death toll rose to 233": 233 people, of deaths
            head, act = tally
        start = offset + doc[first].idx
        end = offset + doc[end_i - 1].idx + len(doc[end_i - 1].text)
        out.append(
            Value(
                kind="number",
                start=start,
                end=end,
                text=doc[first:end_i].text,
                norm=f"{lo:g}..{'inf' if math.isinf(hi) else f'{hi:g}'}",
                lo=lo,
                hi=None if math.isinf(hi) else hi,
                head=head,
                act=act,
                attributed_to=speaker,
            )
        )
    return out


def _count_act(tok: Token, noun: Token | None) -> str | None:
    """The act a count is of, so that a count of the injured never answers how many died:
    a state adjective on its noun ("1,175 injured people", "one person is dead"), else the
    nearest verb above it ("288 people died", "killed 632 people") or the act noun it is
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
        if a.pos_ == "VERB" or (a.pos_ == "ADJ" and _is_state(a)):
            return a.lemma_.lower()
        if a.pos_ == "NOUN" and prev.dep_ == "prep" and prev.lower_ == "of":
            return a.lemma_.lower()
        if a.pos_ == "AUX":
            return _copula_act(a)
        prev = a
    return None


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


def _entity_values(sent: Span, offset: int, speaker: str | None, doc: Document) -> list[Value]:
    out: list[Value] = []
    for ent in sent.ents:
        start = offset + ent.start_char
        end = offset + ent.end_char
        if ent.label_ in {"DATE", "TIME"}:
            if len(ent) == 1 and _is_count(ent.root):
                continue
            try:
                norm, lo, hi = normalize_date(ent.text, doc.published)
            except Undated:
                norm, lo, hi = UNDATED + ent.text.lower(), None, None
            except ValueError:
                continue
            verb = dated_verb(ent.root)
            noun = dated_noun(ent.root)
            out.append(
                Value(
                    kind="date",
                    start=start,
                    end=end,
                    text=ent.text,
                    norm=norm,
                    lo=lo,
                    hi=hi,
                    head=verb.lemma_.lower() if verb is not None else None,
                    act=noun.lemma_.lower() if noun is not None else None,
                    attributed_to=speaker,
                )
            )
        elif ent.label_ == "PERSON":
            out.append(
                Value(
                    kind="person",
                    start=start,
                    end=end,
                    text=ent.text,
                    norm=canonical_person(ent.text),
                    attributed_to=speaker,
                )
            )
        elif ent.label_ in {"ORG", "NORP"}:
            text = re.sub(r"^(an?|the)\s+", "", ent.text, flags=re.IGNORECASE)
            start = end - len(text)
            out.append(
                Value(
                    kind="organization",
                    start=start,
                    end=end,
                    text=text,
                    norm=canonical_org(text),
                    attributed_to=speaker,
                )
            )
        elif ent.label_ in PLACE_LABELS and not _attributive(ent):
            out.append(
                Value(
                    kind="place",
                    start=start,
                    end=end,
                    text=ent.text,
                    norm=canonical_place(ent.text),
                    head=ent.label_,
                    attributed_to=speaker,
                )
            )
    return out


def _attributive(ent: Span) -> bool:
    """A name used as a modifier ("US cities", "a Minneapolis motorist", "Texas governor")
    qualifies a noun; it does not say where something happened."""
    root = ent.root
    return (
        root.dep_ in {"compound", "amod", "nmod"}
        and root.head.pos_ in {"NOUN", "PROPN"}
        and root.head.i > ent.end - 1
        and root.head.ent_iob_ != "I"  # not inside a longer name ("New York City")
    )


def extract_values(
    chunk: Chunk, document: Document, ctx: DocumentContext | None = None
) -> list[Value]:
    """All typed values of a passage, with document offsets."""
    ctx = ctx or DocumentContext()
    values: list[Value] = []
    for s in chunk.sentences:
        sent, offset = s.span, s.offset
        speaker, claims = _speakers(sent, ctx)
        claims = [
            c.model_copy(update={"start": c.start + offset, "end": c.end + offset}) for c in claims
        ]
        lemmas = content_lemmas(sent)
        negated = any(t.dep_ == "neg" or t.lower_ in NEGATIONS for t in sent)
        values.append(
            Value(
                kind="sentence",
                start=s.start,
                end=s.end,
                text=document.text[s.start : s.end],
                norm=" ".join(lemmas + (["NOT"] if negated else [])),
                head="heading" if s.heading else None,
                attributed_to=speaker,
            )
        )
        times = time_values(sent, offset, speaker)
        durations = duration_values(sent, offset, speaker)
        numbers = outside(durations, _number_values(sent, offset, speaker))  # "four hours"
        numbers += befallen_one(sent, offset, speaker)  # "killed a woman": one
        typed = [t for t in times if t.head != RESTATED] + outside(
            times,
            durations
            + _entity_values(sent, offset, speaker, document)
            + numbers
            + agent_values(sent, offset, speaker, ctx.last_person[0] if ctx.last_person else None)
            + object_values(sent, offset, speaker),
        )
        for v in typed:  # a value inside an attributed clause is that party's claim
            scope = next((c for c in claims if c.start <= v.start and v.end <= c.end), None)
            values.append(
                v.model_copy(update={"attributed_to": scope.attributed_to}) if scope else v
            )
        values += claims
        values += negation_values(sent, offset, speaker)
        for ent in sent.ents:
            if ent.label_ == "PERSON":
                ctx.last_person = (ent.text, canonical_person(ent.text))
    return values
