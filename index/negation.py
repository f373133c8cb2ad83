"""The clauses a sentence denies: each negated verb with its subject and complements, so that
a "not" denies only its own clause ("he pleaded not guilty and took the stand" denies the plea,
not the testimony)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from index.frames import subject_of
from index.lexicon import NEGATIONS
from index.models import Value
from index.words import content_lemmas

# coordinated clauses and their conjunctions are clauses of their own
OTHER_CLAUSES = {"conj", "cc"}
# clauses whose subject is the one of the clause above ("despite denying", "refused to go")
SUBJECTLESS = {"advcl", "pcomp", "xcomp"}


def negated_verb(tok: Token) -> Token | None:
    """The verb a negation word denies: "did not testify" -> testify, "pleaded not guilty"
    -> pleaded, "no one was killed" -> killed, "there were no casualties" -> were."""
    return next((a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}), None)


def clause_tokens(verb: Token) -> list[Token]:
    """A verb's clause: its subtree without coordinated clauses, with its subject (a second
    conjunct's or a participle's subject is the first verb's: "X pleaded and did not
    testify", "despite denying the charge, she was fined")."""
    keep = [verb]
    stack = [c for c in verb.children if c.dep_ not in OTHER_CLAUSES]
    while stack:
        t = stack.pop()
        keep.append(t)
        stack.extend(t.children)
    subject = subject_of(verb)
    if subject is None and verb.dep_ in SUBJECTLESS:
        above = next((a for a in verb.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        subject = subject_of(above) if above is not None else None
    if subject is not None and subject not in keep:
        keep.extend(subject.subtree)
    return sorted(keep, key=lambda t: t.i)


def negation_values(sent: Span, offset: int, speaker: str | None) -> list[Value]:
    """One value per negated clause: its span, content lemmas and the denied verb as head."""
    out: list[Value] = []
    seen: set[int] = set()
    for tok in sent:
        if not (tok.dep_ == "neg" or tok.lower_ in NEGATIONS):
            continue
        verb = negated_verb(tok)
        if verb is None or verb.i in seen:
            continue
        seen.add(verb.i)
        toks = clause_tokens(verb)
        first, last = toks[0], toks[-1]
        out.append(
            Value(
                kind="negation",
                start=offset + first.idx,
                end=offset + last.idx + len(last.text),
                text=sent.doc.text[first.idx : last.idx + len(last.text)],
                norm=" ".join(dict.fromkeys(content_lemmas(toks))),
                head=verb.lemma_.lower(),
                attributed_to=speaker,
            )
        )
    return out
