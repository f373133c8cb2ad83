"""Contact: a thing reached by motion ("skidded into two parked vans", "slammed against a wall")
answers a question of contact ("what did the van hit?", "… crash into?") whatever the verb
of the motion, when the mover is the thing the question asks about."""

from __future__ import annotations

import re

from index.frames import by_pronoun
from index.lexicon import PRONOUNS
from index.models import Value
from qa.compare import compare
from qa.match import is_person, same_act, same_thing, same_word, stem
from qa.question import Question
from qa.spans import doers_of

DIRECTED_PREPS = {"into", "onto", "against"}  # a direction of motion, whatever the verb
# the act every question of contact is near by meaning ("strike" ~ "hit"). A motion "into"
# something is no verb's synonym of "hit" by vector ("crash into" 0.59, "slam into" 0.58,
# "speed into" 0.47, against the act cut-off 0.62): its preposition says the contact
OF_CONTACT = "hit"
HIT_PREPS = {"", "with"}  # "struck a wall", "collided with a bus": a verb of contact's own object
IT = {"it", "they"}  # the mover told again ("… before it slammed into a wall")
# words that stand in for a thing named elsewhere ("hit another one", "struck it")
STAND_INS = PRONOUNS | {"one", "ones", "other", "others", "another"}


def asks_contact(q: Question) -> bool:
    """The question asks what something ran into: "crash into?", or a verb of contact."""
    return q.prep in DIRECTED_PREPS or any(same_act(v, OF_CONTACT) for v in q.verbs)


def of_contact(v: Value, beside: list[Value]) -> bool:
    """An object reached by its doer's motion ("slammed into a wall") or by a verb of contact
    ("struck a wall", "collided with a bus"), that names a thing ("hit another one" names
    none). A verb with an object of its own moved that object: "ordered a probe into the
    crash" sends the probe, and its doer ran into nothing (`beside`: the sentence's values)."""
    verb, _, prep = (v.head or "").partition(":")
    if v.kind != "object" or v.key_head in STAND_INS:
        return False
    if prep in DIRECTED_PREPS:
        return not any(o.kind == "object" and o.head == verb for o in beside)
    return prep in HIT_PREPS and same_act(verb, OF_CONTACT)


def contact_acts(parties: list[Value]) -> list[str]:
    """The verbs of a claim's contact ("crash" in "the van crashed into a post")."""
    return [_verb(p) for p in parties if of_contact(p, parties)]


def reached(q: Question, v: Value, beside: list[Value]) -> bool:
    """The object is what the thing asked about moved into or against ("the lorry slid into
    a parked van" for "what did the truck hit?"): not another mover's ("the board called
    for a probe into the crash" has another doer)."""
    if not asks_contact(q) or not of_contact(v, beside):
        return False
    words = {w.lower() for n in q.names for w in n.split()} | (set(q.lemmas) - set(q.verbs))
    return moved_by(v, beside, words)


def moved_by(v: Value, beside: list[Value], words: set[str]) -> bool:
    """The mover of the object's act (among the sentence's values `beside`) may be the thing
    these words name: by one of them, a noun of like meaning ("the car" for "the SUV"), a
    pronoun, or a thing told before ("the train" after "the Night Express"); or the act has
    no doer. Another named party ("the Transport Board") or a new thing ("another train") is
    not."""
    movers = doers_of(_verb(v), beside)
    return not movers or any(_one_of(a, words) for a in movers)


def _one_of(doer: Value, words: set[str]) -> bool:
    if by_pronoun(doer) or doer.text.lower() in IT:
        return True
    if set(doer.norm.split()) & words or any(same_thing(doer.key_head, w) for w in words):
        return True
    return TOLD_BEFORE.match(doer.text) is not None


# "the train", "the vehicle": a definite thing in common nouns refers back to one named before
TOLD_BEFORE = re.compile(r"^[Tt]he(?:\s+[a-z][\w-]*)+$")


def contact_relation(parties: list[Value], inside: list[Value], stated: set[str]) -> str | None:
    """How a sentence reads what a claim says its doer ran into ("the van crashed into a
    lamp post"): `same` when the sentence's mover, the claim's doer by `moved_by`, ran
    into the same kind of thing, `conflict` when into another ("the lorry slid into a
    parked van"; by `qa/compare.py`: "a pole" ≠ "parked cars"), None when it says
    nothing of it. `parties`: the claim's doers and objects; `stated`: the stems of the
    sentence's words. Only where two motions ended ("crashed into") can they conflict: a
    van that hit a cyclist may also have slammed into a car. A sentence that names the
    claim's thing anywhere does not contradict it (a claim's own parse may have cut its
    object short: "a parked tour" for "a parked tour bus"), nor does one about another thing
    contradict a person run into; an act without a doer is the claim's doer's only when the
    sentence names it."""
    found: set[str] = set()
    reached_here = _contacts(inside)
    for claimed in (p for p in parties if of_contact(p, parties)):
        words = {w for d in doers_of(_verb(claimed), parties) for w in d.norm.split()}
        named = bool({stem(w) for w in words} & stated)
        for said in reached_here:
            if not moved_by(said, inside, words):
                continue
            if named or doers_of(_verb(said), inside):
                relation = compare(claimed, said)
                if relation != "conflict" or _ends_motion(claimed) and _ends_motion(said):
                    found.add(relation)
        if stem(claimed.key_head) in stated or is_person(claimed.key_head):
            found.discard("conflict")
    return "same" if "same" in found else "conflict" if "conflict" in found else None


# the noun that names contact ("made contact with the guard", "came into contact with it"),
# beside the verb every act of contact is near: "contact" is 0.48 from "hit" by vector
OF_CONTACT_NOUN = "contact"
WITH_WHAT = re.compile(r"\b(?:with|against)\s+(?P<thing>.+)$")


def _contacts(inside: list[Value]) -> list[Value]:
    """The things a sentence's values reach: objects of contact, and what a contact named
    by a noun was with ("made contact with the guard": the guard; "a collision with a bus":
    the bus), as a value of its own at its offsets (its head the phrase's last word)."""
    out = []
    for v in inside:
        if of_contact(v, inside):
            out.append(v)
            continue
        m = WITH_WHAT.search(v.text) if v.kind == "object" else None
        named = m and (same_word(v.key_head, OF_CONTACT_NOUN) or same_act(v.key_head, OF_CONTACT))
        words = re.findall(r"[a-z]+", m.group("thing").lower()) if m else []
        if m and named and words:
            start = v.start + m.start("thing")
            out.append(
                v.model_copy(update={"start": start, "text": m.group("thing"), "norm": words[-1]})
            )
    return out


def _ends_motion(v: Value) -> bool:
    """Where a motion ended: "crashed INTO a pole", not "hit a pole" (one contact of many)."""
    return (v.head or "").partition(":")[2] in DIRECTED_PREPS


def _verb(v: Value) -> str:
    """The verb of an object's head ("crash" of "crash:into")."""
    return (v.head or "").partition(":")[0]
