"""Contact: a thing reached by motion ("sped into two parked cars", "slammed against a wall")
answers a question of contact ("what did the van hit?", "… crash into?") whatever the verb
of the motion, when the mover is the thing the question asks about."""

from __future__ import annotations

import re

from index.frames import by_pronoun
from index.models import Value
from qa.match import same_act, same_thing
from qa.question import Question

DIRECTED_PREPS = {"into", "onto", "against"}  # a direction of motion, whatever the verb
# the act every question of contact is near by meaning ("strike" ~ "hit"). A motion "into"
# something is no verb's synonym of "hit" by vector ("crash into" 0.59, "slam into" 0.58,
# "speed into" 0.47, against the act cut-off 0.62): its preposition says the contact
OF_CONTACT = "hit"
HIT_PREPS = {"", "with"}  # "struck a wall", "collided with a bus": a verb of contact's own object
IT = {"it", "they"}  # the mover told again ("… before it slammed into a wall")


def asks_contact(q: Question) -> bool:
    """The question asks what something ran into: "crash into?", or a verb of contact."""
    return q.prep in DIRECTED_PREPS or any(same_act(v, OF_CONTACT) for v in q.verbs)


def reached(q: Question, v: Value, beside: list[Value]) -> bool:
    """The object is what the thing asked about moved into or against ("the car crashed into
    a parked vehicle" for "what did the SUV hit?"): not another mover's ("the board called
    for a probe into the crash" has another doer)."""
    verb, _, prep = (v.head or "").partition(":")
    moved = prep in DIRECTED_PREPS or (prep in HIT_PREPS and same_act(verb, OF_CONTACT))
    if v.kind != "object" or not moved or not asks_contact(q):
        return False
    movers = [a for a in beside if a.kind == "agent" and a.head == verb]
    return not movers or any(_asked_about(q, a) for a in movers)


def _asked_about(q: Question, doer: Value) -> bool:
    """The doer may be what the question asks about: named by a word of its names or nouns,
    a noun of like meaning ("the car" for "the SUV"), a pronoun, or a thing told before
    ("the train" after "the Night Express"). Another named party ("the Railway Board") or
    a new thing ("another train") is not."""
    if by_pronoun(doer) or doer.text.lower() in IT:
        return True
    words = {w.lower() for n in q.names for w in n.split()} | (set(q.lemmas) - set(q.verbs))
    if set(doer.norm.split()) & words or any(same_thing(doer.key_head, w) for w in words):
        return True
    return TOLD_BEFORE.match(doer.text) is not None


# "the train", "the vehicle": a definite thing in common nouns refers back to one named before
TOLD_BEFORE = re.compile(r"^[Tt]he(?:\s+[a-z][\w-]*)+$")
