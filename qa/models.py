"""The answer contract (SPEC "Answers"): pydantic models every front door returns."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field


class QType(StrEnum):
    who = "who"
    when = "when"
    where = "where"
    how_many = "how_many"
    what = "what"
    why = "why"
    how = "how"
    yes_no = "yes_no"
    other = "other"


AnswerType = Literal["date", "number", "person", "organization", "place", "span", "none"]
Stance = Literal["supports", "conflicts", "silent", "unclear"]
Verdict = Literal["consistent", "mixed", "conflicting", "single_source", "no_evidence"]


class Answer(BaseModel):
    value: str | None = Field(None, description="Normalised consensus value.")
    display: str | None = Field(None, description="The consensus as quoted by a source.")
    type: AnswerType = "none"


class OutletStance(BaseModel):
    outlet: str
    doc_ids: list[str]
    stance: Stance
    value: str | None = None
    display: str | None = None
    passage_id: str | None = None
    attributed_to: str | None = None
    same_origin_as: str | None = None


class Agreement(BaseModel):
    score: float | None = Field(None, ge=0, le=1)
    verdict: Verdict
    origins: int = 0
    outlets: list[OutletStance]
    explanation: str


class AnswerSpan(BaseModel):
    start: int
    end: int
    text: str


class PassageOut(BaseModel):
    id: str
    doc_id: str
    outlet: str
    title: str | None
    published: dt.date | None
    url: str | None
    text: str
    start: int
    end: int
    score: float
    rank: int
    dense_score: float | None = None
    lexical_score: float | None = None
    answer_span: AnswerSpan | None = None


class AskResponse(BaseModel):
    question: str
    qtype: QType
    answer: Answer
    agreement: Agreement
    passages: list[PassageOut]
