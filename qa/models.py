"""The answer contract (SPEC "Answers"): pydantic models every front door returns."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

EXAMPLE: dict[str, Any] = {
    "question": "How many shots were fired?",
    "qtype": "how_many",
    "story": {
        "id": "ice-shooting-minneapolis-fatal-officer-involved",
        "title": "ICE Shooting in Minneapolis",
        "score": 1.9,
    },
    "other_stories": [],
    "answer": {"value": "3", "display": "three gunshots", "type": "number"},
    "agreement": {
        "score": 1.0,
        "verdict": "consistent",
        "origins": 3,
        "outlets": [
            {
                "outlet": "MS NOW",
                "doc_ids": ["004_0db872d4e7fa121a"],
                "stance": "supports",
                "value": "3",
                "display": "three gunshots",
                "passage_id": "004_0db872d4e7fa121a:3",
                "attributed_to": None,
                "same_origin_as": None,
            },
            {
                "outlet": "Al Jazeera",
                "doc_ids": ["003_a36c5d73aa037ea8"],
                "stance": "supports",
                "value": "3-4",
                "display": "three or four times",
                "passage_id": "003_a36c5d73aa037ea8:6",
                "attributed_to": "The witness",
                "same_origin_as": None,
            },
        ],
        "explanation": "3 of 3 independent origins report compatible values "
        "(“three gunshots”, “three or four times”, “at least two shots”).",
    },
    "passages": [
        {
            "id": "004_0db872d4e7fa121a:3",
            "doc_id": "004_0db872d4e7fa121a",
            "outlet": "MS NOW",
            "title": "An Immigration and Customs Enforcement agent shot and killed a woman",
            "published": "2026-01-07",
            "url": None,
            "text": "The car briefly moves in reverse, then starts to drive off when three "
            "gunshots ring out, and the car crashes into a parked vehicle.",
            "start": 1210,
            "end": 1341,
            "score": 1.0,
            "rank": 1,
            "dense_score": 0.52,
            "lexical_score": 4.1,
            "answer_span": {"start": 1274, "end": 1288, "text": "three gunshots"},
        }
    ],
}


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
Basis = Literal["independent", "attributed", "none"]


class Quote(BaseModel):
    """A sentence of a stored document: `text == document.text[start:end]`."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "doc_id": "004_0db872d4e7fa121a",
                    "start": 1210,
                    "end": 1322,
                    "text": "The car briefly moves in reverse, then starts to drive off when "
                    "three gunshots ring out.",
                }
            ]
        }
    )

    doc_id: str
    start: int
    end: int
    text: str


class Answer(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [EXAMPLE["answer"]]})

    value: str | None = Field(None, description="Normalised consensus value.")
    display: str | None = Field(None, description="The consensus as quoted by a source.")
    type: AnswerType = "none"


class OutletStance(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [EXAMPLE["agreement"]["outlets"][0]]})

    outlet: str
    doc_ids: list[str]
    stance: Stance
    value: str | None = None
    display: str | None = None
    passage_id: str | None = None
    attributed_to: str | None = None
    same_origin_as: str | None = None
    hedged: bool = Field(
        False, description="The outlet reports the point as uncertain (allegedly, unclear, …)."
    )
    disputed: bool = Field(
        False,
        description="The outlet states one side of a dispute that no majority settles "
        "(stance `unclear`: none is singled out as the one in conflict).",
    )
    quote: Quote | None = Field(None, description="The sentence the outlet's answer is in.")

    @property
    def notes(self) -> list[str]:
        """How the outlet holds its answer, as shown after its stance."""
        return [
            n for n, on in (("hedged", self.hedged), ("one side, no majority", self.disputed)) if on
        ]

    @property
    def states_answer(self) -> bool:
        """Its answer is compared with the others': it supports, conflicts or takes a side."""
        return self.stance in {"supports", "conflicts"} or self.disputed


class Agreement(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [EXAMPLE["agreement"]]})

    score: float | None = Field(None, ge=0, le=1)
    verdict: Verdict
    origins: int = 0
    basis: Basis = Field(
        "none",
        description="independent: an origin states it in its own voice; attributed: all "
        "support repeats a party's claim or is hedged; none: no evidence.",
    )
    outlets: list[OutletStance]
    explanation: str


class AnswerSpan(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [EXAMPLE["passages"][0]["answer_span"]]}
    )

    start: int
    end: int
    text: str


class PassageOut(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [EXAMPLE["passages"][0]]})

    id: str
    doc_id: str
    outlet: str
    title: str | None
    published: dt.date | None
    url: str | None
    text: str
    start: int
    end: int
    score: float = Field(description="Retrieval score (dense and BM25 ranks fused).")
    rank: int = Field(
        description="1 = shown first. Passages in which an outlet states a typed answer come "
        "first, then the rest; each group by retrieval score."
    )
    dense_score: float | None = None
    lexical_score: float | None = None
    answer_span: AnswerSpan | None = None


class StoryRef(BaseModel):
    """The story an answer comes from (or another that also matched the question)."""

    model_config = ConfigDict(json_schema_extra={"examples": [EXAMPLE["story"]]})

    id: str
    title: str
    score: float | None = Field(None, description="Routing score (sum of its best hits').")


class AskResponse(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [EXAMPLE]})

    question: str
    qtype: QType
    story: StoryRef | None = Field(
        None, description="The story answered within: the one asked for, or the best match."
    )
    other_stories: list[StoryRef] = Field(
        default_factory=list, description="Other stories whose passages also matched."
    )
    answer: Answer
    agreement: Agreement
    passages: list[PassageOut]


CheckStance = Literal["supports", "contradicts", "hedges", "silent"]
CheckVerdict = Literal["supported", "contradicted", "disputed", "attributed_only", "unverified"]


CHECK_EXAMPLE: dict[str, Any] = {
    "claim": "The officer fired two shots",
    "story": {"id": "ice-shooting-minneapolis-fatal-officer-involved", "title": "ICE Shooting"},
    "other_stories": [],
    "verdict": "supported",
    "explanation": "2 independent origins (001_…; 002_…) support it; none contradicts it.",
    "outlets": [
        {
            "outlet": "001_23725710cfcf808a (unknown outlet)",
            "doc_ids": ["001_23725710cfcf808a"],
            "stance": "supports",
            "quote": {
                "doc_id": "001_23725710cfcf808a",
                "start": 687,
                "end": 781,
                "text": "As the SUV began to move forward, another ICE officer fired at least "
                "two shots at close range.",
            },
            "passage_id": "001_23725710cfcf808a:2",
            "attributed_to": None,
            "same_origin_as": None,
        }
    ],
}


class CheckOutlet(BaseModel):
    """One outlet's stance on a claim, with the sentence it is read from."""

    model_config = ConfigDict(json_schema_extra={"examples": [CHECK_EXAMPLE["outlets"][0]]})

    outlet: str
    doc_ids: list[str]
    stance: CheckStance
    quote: Quote | None = None
    passage_id: str | None = None
    attributed_to: str | None = None
    same_origin_as: str | None = None


class CheckResponse(BaseModel):
    """`POST /v1/check`: whether the outlets of a story support a statement."""

    model_config = ConfigDict(json_schema_extra={"examples": [CHECK_EXAMPLE]})

    claim: str
    story: StoryRef | None = None
    other_stories: list[StoryRef] = Field(default_factory=list)
    verdict: CheckVerdict
    explanation: str
    outlets: list[CheckOutlet]


FactKind = Literal["when", "where", "who", "count", "outcome", "what"]

SHEET_ROW_EXAMPLE: dict[str, Any] = {
    "kind": "count",
    "question": "How many shots were fired?",
    "verdict": "consistent",
    "disputed": False,
    "answer": EXAMPLE["answer"],
    "explanation": EXAMPLE["agreement"]["explanation"],
    "outlets": EXAMPLE["agreement"]["outlets"],
}


class SheetRow(BaseModel):
    """One fact of a story's dispute sheet: the question asked, its verdict and each
    outlet's value with its quote."""

    model_config = ConfigDict(json_schema_extra={"examples": [SHEET_ROW_EXAMPLE]})

    kind: FactKind
    question: str = Field(description="The question this row answers (ask it for passages).")
    verdict: Verdict
    disputed: bool = Field(description="Outlets give values that conflict.")
    answer: Answer
    explanation: str
    outlets: list[OutletStance]


class DisputeSheet(BaseModel):
    """`GET /v1/stories/{id}/sheet`: the facts a desk checks first, disputed ones first."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "story": EXAMPLE["story"],
                    "generation": 3,
                    "disputed": 0,
                    "rows": [SHEET_ROW_EXAMPLE],
                }
            ]
        }
    )

    story: StoryRef
    generation: int = Field(description="Index generation the sheet was computed for.")
    disputed: int = Field(description="How many rows are disputed.")
    rows: list[SheetRow]
