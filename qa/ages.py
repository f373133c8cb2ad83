"""Whose an age is: "Ana Ruiz, 65, a resident …" gives Ana Ruiz's age, which answers "how old
was the victim?" only when the question names her or asks about her act; an age given to a
description ("the 37-year-old driver") is the question's to judge by its act as any count is."""

from __future__ import annotations

import re

from index.models import Value
from qa.question import Question
from qa.share import names_a_party
from qa.slots import asks_act
from qa.spans import around

NAME = r"[A-Z][\w'’.-]*(?:\s+(?:de|van|von|al|bin|da|del|[A-Z][\w'’.-]*))*"
NAMED_BEFORE = re.compile(rf"({NAME}),\s*$")  # "Ana Ruiz, 65,"
NAMED_AFTER = re.compile(rf"^\s+({NAME})")  # "the 65-year-old Ana Ruiz"


def holder(v: Value, sentence: Value) -> str | None:
    """The name the age is given to, if a name: before it between commas, or right after
    "N-year-old"; None for a description ("the 31-year-old former chief")."""
    before, after = around(v, sentence)
    between_commas = after.lstrip().startswith(",")
    m = NAMED_BEFORE.search(before) if between_commas else NAMED_AFTER.match(after)
    return m.group(1) if m else None


def answers_age(q: Question, v: Value, sentence: Value) -> bool:
    """A named person's age answers only a question that names them ("how old is Ruiz?") or
    asks about the act the age's sentence tells of them ("Ana Ruiz, 65, was killed" for "how
    old was the woman who was killed?"), not a witness's ("Ana Ruiz, 65, saw …")."""
    name = holder(v, sentence)
    if name is None:
        return True
    return names_a_party(q, name) or asks_act(q, v.act)
