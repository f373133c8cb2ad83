"""The dispute sheet of a story: which facts a desk checks first, found in the frames index
time stored (each sentence's acts with their agents, objects, counts and dates), each asked
as a question so that one machinery (evidence per outlet, stance, agreement) fills every row.

The rows are the SPEC's key facts — when, where, who acted, counts of what the articles count,
whether people of the story were hurt, killed or arrested — and the other acts whose object
two or more outlets report ("what did the car crash into?"). Nothing here names a story's
words: the nouns and verbs come from the story's own frames."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getInflection

from index.frames import by_pronoun
from index.lexicon import lexicon
from index.models import StoredPassage, Value
from index.words import is_verb
from qa.lexicon import grammar, is_target
from qa.match import is_outcome, is_person, same_act, same_thing
from qa.models import AskResponse, FactKind, SheetRow
from qa.question import EVENT_VERBS, LIGHT_VERBS

# verbs that say something happened: the event's noun is their subject ("the shooting
# occurred", "took place": extraction keeps the verb "take")
HAPPENED = frozenset(EVENT_VERBS | {"take", "unfold"})
# verbs with no act of their own, and aspect verbs ("began to move"): never a sheet's act
NO_ACT = LIGHT_VERBS | {"make", "begin", "start", "continue"}
# prepositions whose object is what an act reached ("crash into", "collide with"); others
# ("during", "on", "for") mostly give a time or a setting, which the when/where rows ask
REACH_PREPS = frozenset({"into", "onto", "with", "against", "at", "over"})
MAX_OBJECT_ROWS = 8  # each row costs one answer (~20-40 ms on the seeds)
MAX_COUNT_ROWS = 6
MAX_OUTCOME_ROWS = 6


@dataclass(frozen=True)
class Fact:
    """A question the sheet asks of a story, and what kind of fact it is."""

    kind: FactKind
    question: str


@lru_cache(maxsize=4096)
def inflect(lemma: str, tag: str) -> str:
    """A verb or noun lemma in the form a question needs ("shoot", VBD -> "shot")."""
    if lemma == "person" and tag == "NNS":
        return "people"  # lemminflect's first plural is "persons"
    forms = getInflection(lemma, tag=tag)
    return forms[0] if forms else lemma


def participle(act: str) -> str | None:
    """'were fired' for "fire", 'were dead' for "dead", 'died' for "die" (a verb with no
    passive); None for an act that is neither a verb nor a state."""
    if is_state(act):
        return f"were {act}"
    if not is_verb(act):
        return None
    if act in grammar().intransitive:
        return inflect(act, "VBD")
    return f"were {inflect(act, 'VBN')}"


@lru_cache(maxsize=1)
def _no_act() -> frozenset[str]:
    """Verbs never asked about: no act of their own, 'it happened', or someone speaking."""
    return frozenset(NO_ACT | HAPPENED | lexicon().speech_verbs)


def is_state(word: str) -> bool:
    return word in lexicon().state_adjectives


def _common(v: Value) -> str | None:
    """The head noun of a phrase written in lower case ("the officer"): a kind of thing or
    person, not a name ("Smith-Jones", "Acme")."""
    head = v.key_head
    return head if head.isalpha() and head in v.text else None


def _by_outlet(values: Iterable[tuple[str, Value]], key) -> dict[str, set[str]]:
    """key -> the outlets that have a value with that key."""
    out: dict[str, set[str]] = defaultdict(set)
    for outlet, v in values:
        k = key(v)
        if k:
            out[k].add(outlet)
    return out


def _ranked(groups: dict[str, set[str]], least: int = 1) -> list[str]:
    """Keys reported by most outlets first (then alphabetical: deterministic)."""
    return [
        k for k, o in sorted(groups.items(), key=lambda x: (-len(x[1]), x[0])) if len(o) >= least
    ]


def _merge(keys: list[str], same) -> list[str]:
    """The first key of every group of keys of one meaning."""
    kept: list[str] = []
    for k in keys:
        if not any(same(k, o) for o in kept):
            kept.append(k)
    return kept


def event_noun(values: list[tuple[str, Value]]) -> str | None:
    """What the story's articles call the event: a subject of 'occurred' or 'took place',
    the one most outlets use (then most sentences)."""
    subjects = {
        n for _, v in values if v.kind == "agent" and v.head in HAPPENED and (n := _common(v))
    }
    users: dict[str, set[str]] = defaultdict(set)
    uses: Counter[str] = Counter()
    for outlet, v in values:
        if v.kind == "sentence":
            for w in subjects & set(v.norm.split()):
                users[w].add(outlet)
                uses[w] += 1
    ranked = sorted(users, key=lambda w: (-len(users[w]), -uses[w], w))
    return ranked[0] if ranked else None


def who_fact(values: list[tuple[str, Value]]) -> Fact | None:
    """'Who killed the woman?': the act most outlets report someone doing in their own voice
    (not a speech or event verb), with the object they most often name for it."""
    skip = _no_act()
    acts = _by_outlet(
        (
            x
            for x in values
            if x[1].kind == "agent" and x[1].attributed_to is None and not by_pronoun(x[1])
        ),
        lambda v: v.head if v.head and v.head not in skip and is_verb(v.head) else None,
    )
    ranked = _ranked(acts, least=2)
    if not ranked:
        return None
    act = ranked[0]
    objects = _by_outlet((x for x in values if x[1].kind == "object" and x[1].head == act), _common)
    named = _ranked(objects)
    tail = f" the {named[0]}" if named else ""
    return Fact("who", f"Who {inflect(act, 'VBD')}{tail}?")


def count_facts(values: list[tuple[str, Value]]) -> list[Fact]:
    """'How many shots were fired?' for every counted thing and act two outlets report, and
    for every count of an outcome (killed, injured, arrested) even from one. Units are not
    counted things ("1.6km")."""
    units = grammar().units
    groups = _by_outlet(
        (x for x in values if x[1].kind == "number" and x[1].head and x[1].act),
        lambda v: (
            f"{v.head}|{v.acts[0]}"
            if v.head.isalpha() and v.head not in units and participle(v.acts[0])
            else None
        ),
    )
    keys = [k for k in _ranked(groups) if len(groups[k]) >= 2 or is_outcome(k.split("|")[1])]
    facts = []
    for key in _merge(keys, _same_count)[:MAX_COUNT_ROWS]:
        noun, act = key.split("|")
        facts.append(Fact("count", f"How many {inflect(noun, 'NNS')} {participle(act)}?"))
    return facts


def _same_count(a: str, b: str) -> bool:
    (na, aa), (nb, ab) = a.split("|"), b.split("|")
    return same_thing(na, nb) and same_act(aa, ab)


def object_facts(passages: list[StoredPassage]) -> list[Fact]:
    """'What did the car crash into?' for every act whose object two or more outlets report.
    An act with a reaching preposition is keyed by its agent rather than its verb: outlets
    tell one collision as "crashed into", "rammed into", "collided with", and word vectors
    do not join those verbs (crash ~ ram 0.46)."""
    frames: dict[tuple[str, str], set[str]] = defaultdict(set)  # (agent, act) -> outlets
    for sp in passages:
        for v in sp.values:
            for agent in _agents_of(v, sp.values):
                frames[(agent, v.head or "")].add(sp.outlet)
    groups: list[tuple[tuple[str, str], set[str]]] = []
    for (agent, act), outlets in sorted(frames.items(), key=lambda x: (-len(x[1]), x[0])):
        for key, members in groups:
            if _same_frame((agent, act), key):
                members |= outlets
                break
        else:
            groups.append(((agent, act), set(outlets)))
    facts: list[Fact] = []
    for (agent, act), outlets in groups:
        if len(outlets) >= 2 and len(facts) < MAX_OBJECT_ROWS:
            verb, _, prep = act.partition(":")
            facts.append(Fact("what", f"What did the {agent} {verb}{' ' + prep if prep else ''}?"))
    return facts


def _agents_of(v: Value, values: list[Value]) -> set[str]:
    """The common nouns that are the subject of the act `v` is the object of."""
    verb, _, prep = (v.head or "").partition(":")
    if v.kind != "object" or not verb or verb in _no_act() or (prep and prep not in REACH_PREPS):
        return set()
    if not is_target(v):
        return set()
    return {n for a in values if a.kind == "agent" and a.head == verb and (n := _common(a))}


def _same_frame(a: tuple[str, str], b: tuple[str, str]) -> bool:
    (agent_a, act_a), (agent_b, act_b) = a, b
    (va, _, pa), (vb, _, pb) = act_a.partition(":"), act_b.partition(":")
    if pa and pb:  # reached something: the same kind of agent is the same point
        return same_thing(agent_a, agent_b)
    return pa == pb and same_act(va, vb) and same_thing(agent_a, agent_b)


def outcome_facts(passages: list[StoredPassage], people: list[str]) -> list[Fact]:
    """'Were any officers hurt?' for every outcome (hurt, killed, arrested) a sentence says of
    a kind of person the story's articles name, where that person is not the one doing it
    ("an officer killed a woman" asks nothing about officers killed)."""
    found: dict[str, set[str]] = defaultdict(set)
    for sp in passages:
        doers = {(v.key_head, v.head) for v in sp.values if v.kind == "agent"}
        for v in sp.values:
            if v.kind != "sentence":
                continue
            words = set(v.norm.split())
            for noun in words & set(people):
                for w in words:
                    if is_outcome(w) and participle(w) and (noun, w) not in doers:
                        found[f"{noun}|{w}"].add(sp.outlet)
    facts = []
    for key in _merge(_ranked(found), _same_count)[:MAX_OUTCOME_ROWS]:
        noun, act = key.split("|")
        said = participle(act) or ""
        asked = f"Were any {inflect(noun, 'NNS')} {said.removeprefix('were ')}?"
        if not said.startswith("were "):
            asked = f"Did any {inflect(noun, 'NNS')} {act}?"
        facts.append(Fact("outcome", asked))
    return facts


def people_of(values: list[tuple[str, Value]]) -> list[str]:
    """Kinds of person two or more outlets name as acting (officer, driver, protester)."""
    groups = _by_outlet((x for x in values if x[1].kind == "agent"), _common)
    return [n for n in _ranked(groups, least=2) if is_person(n)][:6]


def facts_of(passages: list[StoredPassage]) -> list[Fact]:
    """The questions a story's dispute sheet asks, key facts first."""
    values = [(sp.outlet, v) for sp in passages for v in sp.values]
    event = event_noun(values)
    subject = f"the {event}" if event else "it"
    facts = [
        Fact("when", f"When did {subject} happen?"),
        Fact("where", f"Where did {subject} happen?"),
    ]
    who = who_fact(values)
    if who:
        facts.append(who)
    facts += count_facts(values)
    facts += outcome_facts(passages, people_of(values))
    facts += object_facts(passages)
    return facts


KIND_ORDER = ("when", "where", "who", "count", "outcome", "what")
DISPUTED = frozenset({"conflicting", "mixed"})


def rows_of(facts: list[Fact], answer: Callable[[str], AskResponse]) -> list[SheetRow]:
    """Each fact answered. A key fact (when, where, who, a count, an outcome) is kept when an
    outlet answers it; another act's object only when outlets disagree on it. Rows that
    repeat an earlier row's answers are dropped; disputed rows first."""
    rows: list[SheetRow] = []
    seen: set[frozenset[tuple[str, str | None]]] = set()
    for fact in facts:
        r = answer(fact.question)
        a = r.agreement
        stated = frozenset((o.outlet, o.passage_id) for o in a.outlets if o.states_answer)
        disputed = a.verdict in DISPUTED
        if not stated or stated in seen or (fact.kind == "what" and not disputed):
            continue
        seen.add(stated)
        rows.append(
            SheetRow(
                kind=fact.kind,
                question=fact.question,
                verdict=a.verdict,
                disputed=disputed,
                answer=r.answer,
                explanation=a.explanation,
                outlets=a.outlets,
            )
        )
    rows.sort(key=lambda row: (not row.disputed, KIND_ORDER.index(row.kind)))
    return rows
