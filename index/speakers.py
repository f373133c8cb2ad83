"""Who a sentence is attributed to ("DHS said …", "according to police"), and the claims
its clauses attribute to other parties ("a shooting that officials claimed was self-defense")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from index.frames import phrase_range, subject_of
from index.lexicon import PRONOUNS, lexicon
from index.models import Value
from index.words import content_lemmas

QUOTES = set('“”"')
CLAUSE_BREAKS = {";", "—", "–", ":"}
CLAUSE_OPENERS = {"that", "which", "who", "whom"}


class DocumentContext:
    """Running state through a document: the last named person, for 'he said'; the whole
    name of each person named so far, by surname, for a later 'Ruiz'; and the organisation
    each holds a post in, for a later 'Ruiz said'."""

    def __init__(self) -> None:
        self.last_person: str | None = None
        self.names: dict[str, str] = {}
        self.posts: dict[str, str] = {}


def remember_person(sent: Span, speaker: str | None, ctx: DocumentContext) -> None:
    """Whom a later "he said" means: the sentence's speaker when a person ("The Chief
    Secretary further said …"), else the last person it names. A name the tagger took for a
    person in passing ("bodies were sent to Bhubaneshwar") does not displace the speaker."""
    people = [e for e in sent.ents if e.label_ == "PERSON"]
    if speaker is not None and _a_person(speaker, people):
        ctx.last_person = speaker
    elif people:
        ctx.last_person = people[-1].text


def _a_person(speaker: str, people: list[Span]) -> bool:
    """A speaker named as a person, or by a title or role held by one ("the chief secretary",
    "a railway official")."""
    words, lex = speaker.lower().split(), lexicon()
    return (
        any(p.text in speaker for p in people)
        or bool(words)
        and words[-1] in lex.titles | lex.roles
    )


def _speaker_of(tok: Token, sent: Span, ctx: DocumentContext) -> tuple[str, int] | None:
    """If `tok` is a speech verb or 'according to', who speaks and where the phrase starts."""
    if _speech_verb(tok):
        if not _says_something(tok):
            return None  # "she testified for an hour": an act, with nothing said in it
        subj = subject_of(tok)
        if subj is None or subj.dep_ == "nsubjpass":
            return None
        if subj.lower_ in PRONOUNS:
            if subj.lower_ in {"he", "she"} and ctx.last_person:
                return ctx.last_person, subj.i
            return None
        a, b = phrase_range(subj)
        return sent.doc[a:b].text, a
    if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
        objs = [c for c in tok.nbor().children if c.dep_ == "pobj"]
        source = _source_of(objs[0]) if objs else None
        if source is not None:
            a, b = phrase_range(source)
            return sent.doc[a:b].text, tok.i
    return None


def _source_of(obj: Token) -> Token | None:
    """Whom "according to" names: its object, or for a record of figures whose they are
    ("figures FROM the ministry"; "ministry figures" and "official figures" as they are);
    "the latest figures" names no one."""
    if obj.lemma_.lower() not in lexicon().data_nouns:
        return obj
    for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ in {"from", "by", "of"}):
        owner = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if owner is not None:
            return owner
    named = any(c.dep_ == "compound" or c.lower_ == "official" for c in obj.children)
    return obj if named else None


SAID = {"ccomp", "xcomp", "dobj", "obj", "parataxis"}  # what was said, or what was given


def _says_something(tok: Token) -> bool:
    """A speech verb that frames what is said: anything but a sentence's own predicate
    with nothing said ("the treasurer TESTIFIED for an hour"); a trailing "…, police said"
    (often parsed as a conjunct), a relative clause's gap and a participle's clause all do,
    as does a predicate with a clause, an object ("gave the toll") or a quote; not one
    whose object tells an event ("the crash claimed 275 lives")."""
    objects = [c for c in tok.children if c.dep_ in {"dobj", "obj"}]
    if any(c.lemma_.lower() in lexicon().untold_objects for c in objects):
        return False
    if tok.dep_ != "ROOT" or any(c.dep_ in SAID for c in tok.children):
        return True
    return _has_quote(tok.sent)


def _has_quote(span: Span) -> bool:
    return any(t.text in QUOTES for t in span)


def _in_clause(tok: Token) -> bool:
    """Whether a verb speaks inside a relative or subordinate clause, a participle's
    ("police fired tear gas, SAYING …") or what another speaker says ("Rao said, 'The
    ministry SAID the toll was 41'": the toll is the ministry's, as Rao reports it), or in a
    clause joined to the outlet's own ("It was the worst storm in years, and one expert
    CALLED it …"), not for the sentence."""
    return (
        tok.dep_ in {"relcl", "acl"}
        or _joined_clause(tok)
        or _participle_speaks(tok)
        or any(a.dep_ in {"relcl", "acl"} for a in tok.ancestors)
        or any(c.dep_ == "mark" for c in tok.children)
        or any(_speech_verb(a) for a in tok.ancestors)
    )


def _joined_clause(tok: Token) -> bool:
    """A speech verb heading a clause that "and" or "but" joins to one that says nothing,
    with what it says after it ("…, and one expert CALLED it the worst in years"); not a
    frame the parser hung on the clause before ("The guard fired, the chief SAID.")."""
    if tok.dep_ != "conj" or _speech_verb(tok.head):
        return False
    joined = any(c.dep_ == "cc" and c.i < tok.i for c in tok.head.children)
    return joined and any(not c.is_punct for c in tok.rights)


def _speech_verb(tok: Token) -> bool:
    return tok.lemma_.lower() in lexicon().speech_verbs and tok.pos_ in {"VERB", "AUX"}


def _participle_speaks(tok: Token) -> bool:
    """A participle that speaks with no quote (", saying …", ", telling reporters …"): what
    follows is the speaker's, the clause the participle hangs on the outlet's own. With a
    quote ("…, saying: “…”") the sentence is the speaker's."""
    participle = tok.tag_ == "VBG" and tok.dep_ == "advcl"
    return participle and not _has_quote(tok.doc[tok.i : tok.sent.end])


def _clause_end(tok: Token, sent: Span) -> int:
    """Token index where the clause holding `tok` ends: a dash, semicolon, or 'but that'."""
    doc = sent.doc
    for t in doc[tok.i + 1 : sent.end]:
        if t.text in CLAUSE_BREAKS:
            return t.i
        if t.dep_ == "cc" and t.i + 1 < sent.end and doc[t.i + 1].lower_ in CLAUSE_OPENERS:
            return t.i
    return sent.end


def speakers(sent: Span, ctx: DocumentContext) -> tuple[str | None, list[Value]]:
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
            # "the mayor, who said it was fair": the claim is the clause, not the mayor
            begin = tok.i if _participle_speaks(tok) else max(min(first, tok.i), tok.left_edge.i)
            span = doc[begin:end]
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
