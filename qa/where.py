"""Which place answers a where-question: where the act asked about happened ("derailed near
the STATION", "some 60 km NORTH-EAST OF VARNA"), where the thing asked about went ("on its
way to VARNA"), not where it came from ("from Leeds")."""

from __future__ import annotations

import re

from index.lexicon import lexicon
from index.models import Value
from index.routes import ROUTE
from qa.lexicon import grammar
from qa.match import is_place
from qa.models import QType
from qa.question import Question
from qa.slots import asks_destination, of_asked_act
from qa.spans import POSSESSIVE, around, inside, sentence_of

LOCATIVE = {"in", "at", "near", "on", "outside", "inside", "along", "across"}
DIRECTIONS = {"to", "for", "towards", "toward", "into"}  # where to: "rushed TO a hospital"


def locates_act(q: Question, v: Value, values: list[Value]) -> bool:
    """A place the act asked about happened in or at ("shot the woman in a residential
    NEIGHBOURHOOD", "derailed near Kelby STATION"): a locative object of that act (or,
    for "where did the shooting take place?", of the event's own act) naming a kind of
    place, not a thing ("in her vehicle")."""
    verb, _, prep = (v.head or "").partition(":")
    if prep not in (DIRECTIONS if asks_destination(q) else LOCATIVE) or not names_place(v):
        return False
    return of_asked_act(q, verb)


def names_place(v: Value) -> bool:
    """A kind of place ("a residential neighbourhood"), or a part of one, whose place is
    what follows "of" ("in FRONT of the station", "in the back ROW of the hall")."""
    if v.key_head not in grammar().relational and is_place(v.key_head):
        return True
    _, of, rest = v.text.lower().rpartition(" of ")
    words = re.findall(r"[a-z]+", rest)
    return bool(of) and bool(words) and is_place(words[-1])


# "from Leeds", "from the town of Dover", "from Penrith in Cumbria": the place right
# after "from", or a name there and a place it lies in; not "rescuers from Spain arrived in"
SOURCE = re.compile(
    r"\b[Ff]rom\s+(?:the\s+)?(?:(?:[A-Z][\w'-]*\s+){1,4}(?:in|near|outside|of)\s+(?:the\s+)?)?$"
)


def a_source(v: Value, sentence: Value) -> bool:
    """The place is where something came from ("left from Leeds", "from Penrith in
    Cumbria"), not where it went or happened."""
    return SOURCE.search(around(v, sentence)[0]) is not None


# "to York", "bound for Leeds", "towards the border", "to the port city of Varna": a place a
# few words into a phrase of direction (a comma or clause ends it)
DESTINATION = re.compile(r"\b(?:to|for|towards?|into)\s+(?:[\w'’.-]+\s+){0,4}$", re.IGNORECASE)


def goes_to(q: Question, v: Value, sentence: Value, values: list[Value]) -> bool:
    """The place is where the thing asked about went: a destination after a mention of that
    thing, with no other name between but places ("the Danube Express, going from Ruse to
    Varna"; not "the Night Express, on its way to Burgas, hit the Danube Express", nor "the
    Danube Express hit the Night Express on its way to Burgas")."""
    if not a_destination(v, sentence):
        return False
    before = around(v, sentence)[0]
    for p in inside(sentence, values):  # places the way passes through are no other thing
        if p.kind == "place" and p.end <= v.start:
            a, b = p.start - sentence.start, p.end - sentence.start
            before = before[:a] + " " * (b - a) + before[b:]
    named = q.names or [w for w in q.lemmas if w not in q.verbs]
    mention = [rf"\b{re.escape(n)}(?:e?s)?\b" for n in named]  # "coach" or "coaches"
    ends = [m.end() for p in mention for m in re.finditer(p, before, re.I)]
    return bool(ends) and not re.search(r"\b[A-Z]", before[max(ends) :])


def on_route(q: Question, v: Value, sentence: Value) -> bool:
    """An end of a route a name gives ("the Leeds-York express", index/routes.py) answers only
    where the thing asked about, named right after the pair, was heading ("the Leeds-YORK
    Flyer") or came from ("the LEEDS-York Flyer")."""
    if asks_destination(q):
        end = "to"
    elif q.qtype == QType.where and q.prep == "from":
        end = "from"
    else:
        return False
    if v.head != f"{ROUTE}:{end}":
        return False
    words = re.findall(r"[\w'’]+", around(v, sentence)[1].lower())
    nouns = lexicon().route_nouns  # the name ends at its noun: "Leeds-York Flyer EXPRESS and …"
    name = words[: next((i + 1 for i, w in enumerate(words) if w in nouns), len(words))]
    asked = [n.lower().split() for n in q.names] or [[w] for w in q.lemmas if w not in q.verbs]
    return any(all(w in name for w in ws) for ws in asked)


def a_destination(v: Value, sentence: Value) -> bool:
    """The place is where something went: in a phrase of direction and not qualifying
    another place there ("to Leeds's station" names the station's town)."""
    before, after = around(v, sentence)
    return DESTINATION.search(before) is not None and not after.startswith(POSSESSIVE)


# "the village of Amberley, near the epicentre": a place told by where it lies from another
NEAR = re.compile(
    r"^\W*(?:near|close to|next to|outside|beside|around)\s+(?:the\s+|a\s+|its\s+)?", re.I
)


def lies_near_it(q: Question, v: Value, sentence: Value) -> bool:
    """The place is told by where it lies from the thing a "where is …?" question asks the
    place of ("Amberley, near the epicentre" for "where was the epicentre?"), or names whose
    thing another is ("Ruritania's interior ministry"): it is not that thing's place."""
    after = around(v, sentence)[1]
    if after.startswith(POSSESSIVE):
        return True  # "Ruritania's interior ministry": whose, not where
    near = NEAR.match(after) if q.copular else None  # "where WAS the epicentre?"
    if near is None:
        return False
    following = re.findall(r"[\w'-]+", after[near.end() :])[:3]
    things = {w for w in q.lemmas if w not in q.verbs}
    return any(w.lower().removesuffix("'s") in things for w in following)


# "some 60 km north-east of Varna", "30 miles (48 km) south of the capital Varna", "12 kms
# from Varna": a place told by its distance or direction from another, a few words of the
# other's description between ("of tourist hotspot Varna")
RELATIVE = re.compile(
    r"(?:\b(?:some|about|around|approximately|roughly|nearly|almost)\s+)?"
    r"(?P<dist>\b\d[\d,.]*\s*(?:km|kms|kilometres?|kilometers?|miles?|mi|metres?|meters?)\b\s*"
    r"(?:\([^)]*\)\s*)?)?"
    r"(?:(?P<dir>\b(?:north|south)(?:[\s-]?(?:east|west))?|\beast|\bwest)(?:ern)?\s+of"
    r"|(?<=[a-z])\s+from)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)


TOLD_FROM = "relative"  # the head of a place told from another


def relative_place(v: Value, sentence: Value) -> Value | None:
    """The place phrase a place anchors ("some 60 km north-east of Varna" for "Varna"): where
    something is, told from the anchor, which is not itself where it is. Its key is the
    direction and the anchor ("northeast of varna"), so two outlets that give one direction
    from one place agree; marked TOLD_FROM, it is never one with the anchor named alone
    (`qa/compare.py`)."""
    before = around(v, sentence)[0]
    m = RELATIVE.search(before)
    # the tagger often takes a foreign town for an organisation; "72 km south of" says place
    if v.kind not in {"place", "organization"} or m is None:
        return None
    if not (m.group("dir") or m.group("dist")):
        return None  # "rescuers from Spain": no distance, no direction
    start = sentence.start + m.start()
    way = re.sub(r"[\s-]", "", (m.group("dir") or "from").lower()).removesuffix("ern")
    text = sentence.text[m.start() : v.end - sentence.start]
    norm = f"{way} {v.norm}" if way == "from" else f"{way} of {v.norm}"
    told = {"kind": "place", "start": start, "text": text, "norm": norm, "head": TOLD_FROM}
    return v.model_copy(update=told)


NAME_AT_END = re.compile(r"(?:[A-Z][\w'’-]*\s?)+$")


def anchor_of(v: Value) -> Value | None:
    """The name that ends an object told by its direction ("southwest of tourist hotspot
    VARNA", where the tagger named no place), as a place to tell the object from."""
    if v.kind != "object" or not RELATIVE.search(v.text[: v.text.rfind(" ") + 1]):
        return None
    m = NAME_AT_END.search(v.text)
    if m is None:
        return None
    name = m.group().strip()
    start = v.start + m.start()
    return v.model_copy(
        update={"kind": "place", "start": start, "end": start + len(name), "text": name,
                "norm": name.lower(), "head": None}
    )  # fmt: skip


def told_places(q: Question, values: list[Value]) -> list[Value]:
    """ "Where was the epicentre?": a place told from another ("some 72 km southwest of
    Varna") is a place of its own (`relative_place`)."""
    if q.qtype != QType.where:
        return []
    sentences = [v for v in values if v.kind == "sentence"]
    found = []
    for v in values:
        anchor = v if v.kind in {"place", "organization"} else anchor_of(v)
        sentence = sentence_of(anchor, sentences) if anchor is not None else None
        told = relative_place(anchor, sentence) if anchor and sentence else None
        if told is not None:
            found.append(told)
    return found
