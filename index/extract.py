"""Every typed value of a passage at index time, read sentence by sentence: the sentence
itself (its content lemmas, negation and speaker), and the values the modules beside it find
in it: speakers and attributed claims (`speakers.py`), counts (`counts.py`), dates and names
(`entities.py`), times and durations (`temporal.py`), agents and objects (`frames.py`),
negated clauses (`negation.py`). The question side (`qa/`) only reads and compares these.
The word lists are data (`index/data/lexicon.toml`), general to English news.
"""

from __future__ import annotations

import re

from index.chunk import Chunk
from index.counts import number_values, ordinal_values
from index.entities import entity_values
from index.frames import agent_values, object_values
from index.lexicon import NEGATIONS
from index.models import Document, Value
from index.money import money_values
from index.negation import negation_values
from index.normalize import person_words
from index.routes import route_values
from index.speakers import DocumentContext, remember_person, speakers
from index.superlatives import superlative_values
from index.tally import befallen_one
from index.temporal import RESTATED, duration_values, outside, time_values
from index.words import content_lemmas

# 22: "2012 people"; 23: "around Friday"; 24: negated clauses, "he" did; 25: counts of acts
# joined by "or"; 26: the event a scheduling verb dates; 27: "the fifth death"; 28: ", saying";
# 29: amounts of money (index/money.py); 30: numbers from a thousand up written in full;
# 31: content words on spaCy's stop list ("name", "call", "put"); 32: a relative pronoun
# stands for its noun; 33: a name runs on past a middle initial; 34: a count in a unit keeps
# the unit as its head ("64 km southwest of"); 35: a sentence that asks is marked "question";
# 36: parts of the day ("late morning"), and "afternoon" is no "noon"; 37: a participle's
# speech (", saying …") is a claim of its own clause, and "testified for an hour" no speech;
# 38: "halfway through the evening"; 39: a straight quote closes a curly one (sentences),
# and a subject after a label and its colon ("Flood Update: Minister Hale said"); 40: a
# person's whole name as the article gave it before ("Ruiz" -> "Ana Ruiz"); 41: "of the 140,
# 35 bodies" counts 35 bodies, and "the crash claimed nine lives" is no speech; 42: "five or
# more people" is a count from five up; 43: a name a noun for a kind of place qualifies is a
# place ("the town of Amberley"); 44: what one speaker reports another said is the other's
# claim; 45: "a magnitude of 6.8" is a count in that unit; 46: the organisation a named
# person holds a post in ("Ana Ruiz, the head of the Rescue Agency": index/affiliation.py);
# 47: the two ends of a route a name gives ("the Leeds-York express": index/routes.py); 48: a
# speech verb in a clause joined to the outlet's own speaks for its clause only; 49:
# "according to the latest figures" names no party; 50: "he said" is the last speaker who is a
# person before the last person named; 51: only a post names the organisation a person speaks
# for ("FTX founder", not "Ponzi schemer" nor "Prime Minister"); 52: superlatives
# ("the most powerful"), read once here rather than by tagging sentences at query time; 53:
# each thing of a list and each example ("such as", "including") is an object of the act
EXTRACT_VERSION = "53"
# a sentence ending in a question mark (inside quotes or not) asks; it states no answer
QUESTION_END = re.compile(r"\?[\s\"'”’)]*$")
__all__ = ["EXTRACT_VERSION", "DocumentContext", "extract_values"]


def _mark(heading: bool, text: str) -> str | None:
    """A sentence's head: "heading", "question" ("What did bystanders observe?" in an
    article's list of open points), or None for a sentence that states something."""
    return "heading" if heading else "question" if QUESTION_END.search(text) else None


def extract_values(
    chunk: Chunk, document: Document, ctx: DocumentContext | None = None
) -> list[Value]:
    """All typed values of a passage, with document offsets."""
    ctx = ctx or DocumentContext()
    values: list[Value] = []
    for s in chunk.sentences:
        sent, offset = s.span, s.offset
        speaker, claims = speakers(sent, ctx)
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
                head=_mark(s.heading, document.text[s.start : s.end]),
                attributed_to=speaker,
            )
        )
        times = time_values(sent, offset, speaker)
        durations = duration_values(sent, offset, speaker)
        money = money_values(sent, offset, speaker)  # "$4 billion", "50,000 rupees"
        numbers = outside(durations + money, number_values(sent, offset, speaker))
        numbers += money  # the number of "four hours" is a duration's, of "$8" an amount's
        numbers += befallen_one(sent, offset, speaker)  # "killed a woman": one
        numbers += ordinal_values(sent, offset, speaker)  # "the fifth death": five
        typed = [t for t in times if t.head != RESTATED] + outside(
            times,
            durations
            + entity_values(sent, offset, speaker, document)
            + numbers
            + agent_values(sent, offset, speaker, ctx.last_person)
            + object_values(sent, offset, speaker)
            + route_values(sent, offset, speaker),
        )
        for v in _as_named_before(typed, ctx):  # inside an attributed clause: the party's claim
            scopes = [c for c in claims if c.start <= v.start and v.end <= c.end]
            scope = min(scopes, key=lambda c: c.end - c.start, default=None)  # the innermost
            values.append(
                v.model_copy(update={"attributed_to": scope.attributed_to}) if scope else v
            )
        values += claims
        values += negation_values(sent, offset, speaker)
        values += superlative_values(sent, offset, speaker)
        remember_person(sent, speaker, ctx)
    return values


def _as_named_before(values: list[Value], ctx: DocumentContext) -> list[Value]:
    """People by the whole name the article gave them before: news names a person in full
    once ("Ana Ruiz, 33, said") and by surname after ("said Ruiz"). The longest name seen
    so far for each surname is kept in `ctx`, as is the organisation the article first named
    the person's post in ("Ana Ruiz, the head of the Rescue Agency")."""
    out = []
    for v in values:
        if v.kind == "person":
            known = ctx.names.get(v.norm, "")
            if len(person_words(v.text)) > len(person_words(known)):
                ctx.names[v.norm] = known = v.text
            if known != v.text:
                v = v.model_copy(update={"full": known})
            if v.speaks_for:
                ctx.posts.setdefault(v.norm, v.speaks_for)
            elif v.norm in ctx.posts:
                v = v.model_copy(update={"speaks_for": ctx.posts[v.norm]})
        out.append(v)
    return out
