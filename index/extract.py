"""Typed values found at index time: dates, numbers, entities, agents and attributions.

For each passage, every sentence is stored as a `sentence` value (its content lemmas, its
negation and who it is attributed to), every claim a party makes inside a clause ("a shooting
that officials claimed was self-defense") as a `claim` value scoped to that clause, and every
date, number (as an interval with its head noun), person, organisation, place and act's
agent with offsets into the document. The question side (`qa/`) only reads and compares
these. The word lists are data (`index/data/lexicon.toml`), general to English news.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re

import dateparser
from spacy.tokens import Span, Token

from index.attach import SUBJECT_DEPS, dated_verb
from index.chunk import Chunk
from index.lexicon import NEGATIONS, PRONOUNS, lexicon
from index.models import Document, Value, ValueKind
from index.tally import tally_of
from index.temporal import RESTATED, duration_values, outside, time_values

EXTRACT_VERSION = "14"  # 12: durations; 13: dates in attributions; 14: tallies
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = [m.lower() for m in calendar.month_name[1:] + calendar.month_abbr[1:]] + ["sept"]
QUOTES = set('“”"')
CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
CLAUSE_BREAKS = {";", "—", "–", ":"}
CLAUSE_OPENERS = {"that", "which", "who", "whom"}
DROP_IN_PHRASE = {"relcl", "acl", "appos", "parataxis", "advcl", "punct", "cc", "conj"}
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d|21\d\d)\b")
NUMERIC = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")


# -- normalisers (pure functions, unit-tested on their own) -----------------------------------
def normalize_date(text: str, published: dt.date | None) -> tuple[str, float | None, float | None]:
    """A date expression as (norm, first day, last day) in ordinal days; ValueError if none.

    Weekdays and relative words resolve against `published`; without it a weekday is kept
    as `weekday:<name>` and other relative expressions are refused.
    """
    t = re.sub(r"[^\w\s,/-]", "", text.lower()).strip()
    t = re.sub(r"^(on|by|since|in|during|from|until|early|late|last|this past)\s+", "", t)
    t = re.sub(r"\s+(morning|afternoon|evening|night)$", "", t).strip()
    if t in WEEKDAYS:
        if published is None:
            return f"weekday:{t}", None, None
        day = published - dt.timedelta(days=(published.weekday() - WEEKDAYS.index(t)) % 7)
        return day.isoformat(), day.toordinal(), day.toordinal()
    relative = {"today": 0, "tonight": 0, "yesterday": -1}
    if t in relative:
        if published is None:
            raise ValueError("relative date without a publication date")
        day = published + dt.timedelta(days=relative[t])
        return day.isoformat(), day.toordinal(), day.toordinal()
    if t in {"this week", "week", "last week", "earlier this week"}:
        if published is None:
            raise ValueError("relative date without a publication date")
        monday = published - dt.timedelta(days=published.weekday())
        if t == "last week":
            monday -= dt.timedelta(days=7)
        iso = monday.isocalendar()
        return f"week:{iso.year}-W{iso.week:02d}", monday.toordinal(), monday.toordinal() + 6
    has_year = YEAR.search(t) is not None
    has_month = any(re.search(rf"\b{m}\b", t) for m in MONTHS)
    if not (has_year or has_month):
        raise ValueError(f"not a calendar date: {text!r}")
    if not has_year and published is None:
        raise ValueError("a month or day without a year needs the publication date")
    base = dt.datetime.combine(published or dt.date(2000, 1, 1), dt.time())
    data = dateparser.date.DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "past",
            "PREFER_DAY_OF_MONTH": "first",
        },
    ).get_date_data(t)
    if data is None or data.date_obj is None:
        raise ValueError(f"unparsed date: {text!r}")
    day = data.date_obj.date()
    period = data.period or "day"
    if period == "year" or (has_year and not has_month and re.fullmatch(r"\d{4}", t)):
        first, last = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
        return str(day.year), first.toordinal(), last.toordinal()
    if period == "month":
        first = day.replace(day=1)
        nxt = (first + dt.timedelta(days=32)).replace(day=1)
        return f"{first:%Y-%m}", first.toordinal(), nxt.toordinal() - 1
    return day.isoformat(), day.toordinal(), day.toordinal()


def parse_number(text: str) -> float | None:
    """'2,000' -> 2000, 'three' -> 3, '1.6' -> 1.6; None if not a number."""
    t = text.lower().strip()
    if NUMERIC.match(t):
        return float(t.replace(",", ""))
    return lexicon().number_words.get(t)


def number_interval(
    value: float, modifier: str | None, upper: float | None = None
) -> tuple[float, float]:
    """The interval a number phrase states: 'at least 2' -> [2, inf), 'some 2,000' -> ~2000.

    A hedge on a small count ('about three') keeps the count: it is not a range of people.
    """
    lo, hi = value, upper if upper is not None else value
    if not modifier:
        return lo, hi
    rule = lexicon().modifiers[modifier]
    whole = float(value).is_integer()
    step = rule.get("step", 0) if whole else 0
    unbounded = rule["hi"] == "inf"
    hedge = rule["lo"] != 1.0 and not unbounded and rule["hi"] != 1.0
    if hedge and whole and value < 20:
        return lo, hi
    lo = value * rule["lo"] + max(step, 0)
    hi = math.inf if unbounded else hi * rule["hi"] + min(step, 0)
    return lo, hi


def acronym(name: str) -> str:
    """'the Department of Homeland Security' -> 'DHS'; a single word stays itself."""
    stop = lexicon().acronym_stopwords
    words = [w for w in re.split(r"[\s\-]+", name.strip()) if w and w.lower() not in stop]
    words = [w for w in words if w[:1].isupper()]
    if len(words) >= 2:
        return "".join(w[0] for w in words).upper()
    return words[0].upper() if words and words[0].isupper() else (words[0] if words else name)


def canonical_person(name: str) -> str:
    """'Mayor Jacob Frey' and 'Frey' -> 'frey' (titles and possessives dropped)."""
    titles = lexicon().titles
    words = [w.strip(".,").lower() for w in name.replace("’s", "").replace("'s", "").split()]
    words = [w for w in words if w and w not in titles]
    return words[-1] if words else name.lower()


def canonical_org(name: str) -> str:
    return acronym(name).lower()


def canonical_place(name: str) -> str:
    t = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE).replace(".", "")
    return re.sub(r"\s+", " ", t).lower()


# -- span helpers -----------------------------------------------------------------------------
def _phrase(head: Token, limit: int = 12) -> tuple[int, int]:
    """Token range [i, j) of a noun phrase without its relative clauses and appositions."""
    keep = [head]
    stack = [c for c in head.children if c.dep_ not in DROP_IN_PHRASE]
    while stack:
        t = stack.pop()
        keep.append(t)
        stack.extend(c for c in t.children if c.dep_ not in DROP_IN_PHRASE - {"cc", "conj"})
    lo = min(t.i for t in keep)
    hi = max(t.i for t in keep) + 1
    if hi - lo > limit:
        lo = max(lo, head.i - limit + 1)
        hi = head.i + 1
    doc = head.doc
    while hi > lo + 1 and (doc[lo].tag_ in {"WP", "WDT"} or doc[lo].is_punct):
        lo += 1
    while hi > lo + 1 and doc[hi - 1].is_punct:
        hi -= 1
    while hi > lo + 1 and doc[lo].is_punct:
        lo += 1
    return lo, hi


def _subject(verb: Token) -> Token | None:
    """A verb's subject; in 'a shooting that officials claimed', 'officials', not 'that'."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        return next((c for c in subjects if c.tag_ not in {"WDT", "WP"}), subjects[0])
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        return _subject(verb.head)
    return None


def _agent(verb: Token) -> Token | None:
    """The doer of a verb: its active subject, or the object of a passive 'by'."""
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    subj = _subject(verb)
    if subj is not None and subj.dep_ == "nsubjpass":
        return None
    return subj


class DocumentContext:
    """Running state through a document: the last named person, for 'he said'."""

    def __init__(self) -> None:
        self.last_person: tuple[str, str] | None = None


def _speaker_of(tok: Token, sent: Span, ctx: DocumentContext) -> tuple[str, int] | None:
    """If `tok` is a speech verb or 'according to', who speaks and where the phrase starts."""
    if tok.lemma_.lower() in lexicon().speech_verbs and tok.pos_ in {"VERB", "AUX"}:
        subj = _subject(tok)
        if subj is None or subj.dep_ == "nsubjpass":
            return None
        if subj.lower_ in PRONOUNS:
            if subj.lower_ in {"he", "she"} and ctx.last_person:
                return ctx.last_person[0], subj.i
            return None
        a, b = _phrase(subj)
        return sent.doc[a:b].text, a
    if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
        objs = [c for c in tok.nbor().children if c.dep_ == "pobj"]
        if objs:
            a, b = _phrase(objs[0])
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


def _number_values(sent: Span, offset: int, speaker: str | None) -> list[Value]:
    lex = lexicon()
    out: list[Value] = []
    doc = sent.doc
    skip: set[int] = set()
    for tok in sent:
        if tok.i in skip:
            continue
        if tok.ent_type_ in {"DATE", "TIME", "ORDINAL", "MONEY", "PERCENT"} and not _is_age(tok):
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
        modifier = None
        for n in (3, 2, 1):
            if first - n >= sent.start:
                words = " ".join(t.lower_ for t in doc[first - n : first])
                if words in lex.modifiers:
                    modifier, first = words, first - n
                    break
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
        lo, hi = number_interval(value, modifier, upper)
        act = _count_act(tok, head_tok)
        tally = tally_of(tok) if head_tok is None else None
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
            try:
                norm, lo, hi = normalize_date(ent.text, doc.published)
            except ValueError:
                continue
            verb = dated_verb(ent.root)
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


def _acts(sent: Span) -> list[Token]:
    """The verbs of a sentence that describe acts (not speech)."""
    speech = lexicon().speech_verbs
    return [t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() not in speech]


def _named_phrase(tok: Token | None) -> Span | None:
    """The noun phrase headed by a token, unless it is a pronoun or not a noun."""
    if tok is None or tok.lower_ in PRONOUNS or tok.pos_ not in {"NOUN", "PROPN"}:
        return None
    a, b = _phrase(tok)
    return tok.doc[a:b]


def _phrase_value(
    kind: ValueKind, phrase: Span, offset: int, norm: str, head: str, speaker: str | None
) -> Value:
    """A value quoting a noun phrase of the sentence, with document offsets."""
    return Value(
        kind=kind,
        start=offset + phrase.start_char,
        end=offset + phrase.end_char,
        text=phrase.text,
        norm=norm,
        head=head,
        attributed_to=speaker,
    )


def _agent_values(sent: Span, offset: int, speaker: str | None) -> list[Value]:
    out: list[Value] = []
    for verb in _acts(sent):
        who = _agent(verb)
        phrase = _named_phrase(who)
        if phrase is None or who is None:
            continue
        orgs = [canonical_org(e.text) for e in phrase.ents if e.label_ == "ORG"]
        orgs += [
            t.text.lower()
            for t in phrase
            if t.text.isupper() and len(t.text) > 1 and not any(t.text.lower() == o for o in orgs)
        ]
        norm = " ".join(dict.fromkeys([*orgs, who.lemma_.lower()]))
        out.append(_phrase_value("agent", phrase, offset, norm, verb.lemma_.lower(), speaker))
    return out


def _object_values(sent: Span, offset: int, speaker: str | None) -> list[Value]:
    """What an act was done to or into: 'crashed into a utility pole' -> pole (crash:into)."""
    out: list[Value] = []
    for verb in _acts(sent):
        targets: list[tuple[Token, str]] = []
        for c in verb.children:
            if c.dep_ in {"dobj", "obj"}:
                targets.append((c, verb.lemma_.lower()))
            elif c.dep_ == "prep":
                targets += [
                    (g, f"{verb.lemma_.lower()}:{c.lower_}") for g in c.children if g.dep_ == "pobj"
                ]
        for obj, head in targets:
            phrase = _named_phrase(obj)
            if phrase is None:
                continue
            out.append(_phrase_value("object", phrase, offset, obj.lemma_.lower(), head, speaker))
    return out


def content_lemmas(sent: Span) -> list[str]:
    return [
        t.lemma_.lower()
        for t in sent
        if t.pos_ in CONTENT_POS and not t.is_stop and not t.is_punct and len(t.text) > 1
    ]


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
        typed = [t for t in times if t.head != RESTATED] + outside(
            times,
            durations
            + _entity_values(sent, offset, speaker, document)
            + numbers
            + _agent_values(sent, offset, speaker)
            + _object_values(sent, offset, speaker),
        )
        for v in typed:  # a value inside an attributed clause is that party's claim
            scope = next((c for c in claims if c.start <= v.start and v.end <= c.end), None)
            values.append(
                v.model_copy(update={"attributed_to": scope.attributed_to}) if scope else v
            )
        values += claims
        for ent in sent.ents:
            if ent.label_ == "PERSON":
                ctx.last_person = (ent.text, canonical_person(ent.text))
    return values
