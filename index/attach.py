"""Which act a time expression is of: the verb it hangs from in the parse, except where a
trailing attribution took it from the clause it belongs to ("the quake struck at 11 pm
Friday, the agency reported": spaCy hangs "Friday" from "reported")."""

from __future__ import annotations

from spacy.tokens import Token

from index.lexicon import lexicon

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}


def dated_verb(root: Token, pos: frozenset[str] = frozenset({"VERB"})) -> Token | None:
    """The verb a date or time (by its root token) is of. In "CLAUSE <date>, SOURCE said."
    the date sits between the reported clause and the speaker: it dates the clause, since
    English puts an attribution's own date after its verb ("…, police said on Friday") or
    before its subject ("On Friday, police said …"), never between the two."""
    verb = next((a for a in root.ancestors if a.pos_ in pos), None)
    if verb is None or verb.lemma_.lower() not in lexicon().speech_verbs:
        return verb
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or not root.i < subject.i < verb.i:
        return verb
    # the reported clause: the speech verb's complement, or the verb the parser hung the
    # attribution from ("hit …, the service reported" parses "reported" as its adverbial)
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if verb.head is not verb and verb.head.pos_ in pos:
        clauses.append(verb.head)
    return next((c for c in clauses if c.i < root.i), verb)


def scheduled(verb: Token | None) -> Token | None:
    """The event a scheduling verb puts on the date: its subject noun ("her SENTENCING has
    been set for 12 May", "the VOTE was postponed to Monday")."""
    if verb is None or verb.lemma_.lower() not in lexicon().scheduling_verbs:
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return subject if subject is not None and subject.pos_ == "NOUN" else None


def dated_noun(root: Token) -> Token | None:
    """The noun a date modifies inside a noun phrase, if it does: "the collapse of the
    bank in March 2023", "his arrest on Monday", "the vote on Tuesday". A date
    inside a noun phrase dates what that noun names (an event: the parse cannot tell
    "the collapse" from "the bridge", so the caller matches it against the act asked)."""
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif root.dep_ not in {"npadvmod", "nmod", "appos"}:
        return None
    if head is root or head.pos_ != "NOUN":
        return None
    return head
