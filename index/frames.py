"""Acts with their arguments, as index time reads them from a parsed sentence: who did each
act (its agent) and what it was done to or into (its objects), quoted as noun phrases."""

from __future__ import annotations

from spacy.tokens import Span, Token

from index.attach import SUBJECT_DEPS
from index.lexicon import PRONOUNS, lexicon
from index.models import Value, ValueKind
from index.normalize import canonical_org, person_words

SINGULAR_PRONOUNS = {"he", "she"}
RELATIVE_TAGS = {"WDT", "WP"}  # "who", "which", "that" opening a relative clause
DROP_IN_PHRASE = {"relcl", "acl", "appos", "parataxis", "advcl", "punct", "cc", "conj"}


def phrase_range(head: Token, limit: int = 12) -> tuple[int, int]:
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


def subject_of(verb: Token) -> Token | None:
    """A verb's subject; in 'a shooting that officials claimed', 'officials', not 'that'; in
    "the judge, who presided", the judge (a relative pronoun stands for its noun); a
    verb joined to another, or a participle hung from it ("the governor issued a statement,
    SAYING …"), has that verb's subject."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        subject = next((c for c in subjects if c.tag_ not in RELATIVE_TAGS), subjects[0])
        if subject.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
            return verb.head  # "Judge Ito, who presided": the judge presided
        return _past_label(subject, verb)

    participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"
    if (verb.dep_ == "conj" or participle) and verb.head.pos_ in {"VERB", "AUX"}:
        return subject_of(verb.head)
    return None


def _past_label(subject: Token, verb: Token) -> Token:
    """The subject after a label that ends in a colon ("Flood Update: Minister Hale said …"
    is said by Hale, not by the update): the head of the words between the colon and the
    verb, when a label's colon lies between the subject the parse gave and its verb."""
    doc = subject.doc
    colon = next((i for i in range(verb.i - 1, subject.i, -1) if doc[i].text == ":"), None)
    if colon is None:
        return subject
    span = range(colon + 1, verb.i)
    heads = [doc[i] for i in span if doc[i].head.i not in span and not doc[i].is_punct]
    nouns = [t for t in heads if t.pos_ in {"NOUN", "PROPN", "PRON"}]
    return nouns[-1] if nouns else subject


def _agent(verb: Token) -> Token | None:
    """The doer of a verb: its active subject, or the object of a passive 'by'."""
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    subj = subject_of(verb)
    if subj is not None and subj.dep_ == "nsubjpass":
        return None
    if subj is None and verb.dep_ == "advcl" and verb.tag_ == "VBG":
        # "Frey said, calling on the agents to leave": the participle's doer is its clause's
        return _agent(verb.head) if verb.head.pos_ in {"VERB", "AUX"} else None
    if subj is not None and subj.lower_ in SINGULAR_PRONOUNS:
        return _speaker_for(verb) or subj
    return subj


def _speaker_for(verb: Token) -> Token | None:
    """ "Okafor said he had ordered a review": the one who says what "he" did, when a name
    says it ("police said he fled" leaves "he" unresolved: police are not he)."""
    clause = verb
    while clause.dep_ in {"conj", "xcomp"} and clause.head is not clause:
        clause = clause.head
    said = clause.head
    if clause.dep_ != "ccomp" or said.lemma_.lower() not in lexicon().speech_verbs:
        return None
    speaker = subject_of(said)
    return speaker if speaker is not None and speaker.pos_ == "PROPN" else None


def _acts(sent: Span) -> list[Token]:
    """The verbs of a sentence that describe acts (not speech)."""
    speech = lexicon().speech_verbs
    return [t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() not in speech]


def _named_phrase(tok: Token | None) -> Span | None:
    """The noun phrase headed by a token, unless it is a pronoun or not a noun."""
    if tok is None or tok.lower_ in PRONOUNS or tok.pos_ not in {"NOUN", "PROPN"}:
        return None
    a, b = phrase_range(tok)
    return tok.doc[a:b]


EXAMPLE_PREPS = {"including", "like", "as"}  # "ventures such AS real estate", "INCLUDING …"


def _examples(tok: Token) -> list[Token]:
    """The things a noun phrase gives as examples of itself ("personal ventures such as real
    estate and political donations", "expenditures including political contributions")."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in EXAMPLE_PREPS:
            continue
        if c.lower_ == "as" and not _after_such(c):
            continue  # "his time as mayor" gives no example
        for g in c.children:
            if g.dep_ == "pobj":
                out += [g, *g.conjuncts]
    return out


def _after_such(prep: Token) -> bool:
    such = [prep.doc[prep.i - 1]] if prep.i > 0 else []
    return any(t.lower_ == "such" for t in [*prep.children, *such])


def phrase_value(
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


def agent_values(
    sent: Span, offset: int, speaker: str | None, last_person: str | None = None
) -> list[Value]:
    """Who did each act: a noun phrase, or "he"/"she" read as the person the article named
    last (`last_person`), as "he said" is read for speakers."""
    out: list[Value] = []
    for verb in _acts(sent):
        who = _agent(verb)
        if who is not None and who.lower_ in SINGULAR_PRONOUNS and last_person:
            norm = " ".join(person_words(last_person)) or last_person.lower()
            one = sent.doc[who.i : who.i + 1]
            out.append(phrase_value("agent", one, offset, norm, verb.lemma_.lower(), speaker))
            continue
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
        out.append(phrase_value("agent", phrase, offset, norm, verb.lemma_.lower(), speaker))
    return out


def by_pronoun(v: Value) -> bool:
    """An agent value that is a "he" or "she" read as the person named last: it tells a claim
    check who did the act, but quotes no one."""
    return v.kind == "agent" and v.text.lower() in SINGULAR_PRONOUNS


def object_values(sent: Span, offset: int, speaker: str | None) -> list[Value]:
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
        for first, head in targets:
            for obj in [first, *first.conjuncts, *_examples(first)]:
                phrase = _named_phrase(obj)
                if phrase is None:
                    continue
                norm = obj.lemma_.lower()
                out.append(phrase_value("object", phrase, offset, norm, head, speaker))
    return out
