"""Request and response models of the HTTP API that are not the answer contract itself."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, field_validator

from index.models import EXAMPLE_META, DocumentMeta
from index.stories import STORY_ID
from index.validate import text_problem
from qa.service import MAX_K, MAX_QUESTION, MEANINGFUL_ECMA

MAX_DOCUMENT_CHARS = 1_000_000
EXAMPLE_TEXT = "An officer fired three shots at an SUV on Wednesday, police said."
EXAMPLE_DOC: dict[str, Any] = {
    "doc_id": "gazette_0001",
    "outlet": "Example Gazette",
    "title": "Officer fires on SUV",
    "published": "2026-01-07",
    "url": "https://example.org/story",
    "text": EXAMPLE_TEXT,
}


def _check_text(value: str) -> str:
    """Refuse text that cannot be stored as UTF-8 or would corrupt offsets."""
    problem = text_problem(value)
    if problem:
        raise ValueError(problem)
    return value


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# a date, or unknown: null or "" (an empty cell of an export means unknown at every door)
PUBLISHED_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "format": "date"},
        {"type": "string", "maxLength": 0},
        {"type": "null"},
    ],
    "title": "Published",
}
# documented as the validators enforce it: text with a NUL character is refused (422)
NO_NUL: dict[str, Any] = {"pattern": "^[^\\u0000]*$"}


def statement(description: str, example: str) -> Any:
    """A question or claim: 1..500 characters holding a non-space one (the service checks the
    same class, so the schema and the server agree)."""
    return Field(
        min_length=1,
        max_length=MAX_QUESTION,
        description=description,
        examples=[example],
        json_schema_extra={"pattern": MEANINGFUL_ECMA},
    )


class AskRequest(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"question": "How many shots were fired?", "k": 8, "outlets": None}]
        }
    )

    question: str = statement("1..500 characters, not all space.", "How many shots were fired?")
    k: int = Field(8, ge=1, le=MAX_K, description="Passages to return.")
    story: str | None = Field(
        None,
        max_length=100,
        description="Answer within this story (GET /v1/stories); by default, the story the "
        "best evidence comes from.",
        examples=[None],
    )
    outlets: list[str] | None = Field(
        None,
        max_length=100,
        description="Only these outlets (names or doc_ids).",
        examples=[["MS NOW"]],
    )


class CheckRequest(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"claim": "The officer fired three shots", "story": None}]}
    )

    claim: str = statement(
        "A statement to check, 1..500 characters, not all space.", "The officer fired three shots"
    )
    story: str | None = Field(
        None,
        max_length=100,
        description="Check within this story; by default, the story the claim is about.",
        examples=[None],
    )
    outlets: list[str] | None = Field(
        None, max_length=100, description="Only these outlets (names or doc_ids).", examples=[None]
    )


class DocumentFields(BaseModel):
    """A document's fields for PUT /v1/documents/{doc_id} (the doc_id is in the path)."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{k: v for k, v in EXAMPLE_DOC.items() if k != "doc_id"}]}
    )

    outlet: str | None = Field(
        None, max_length=200, examples=["Example Gazette"], json_schema_extra=NO_NUL
    )
    title: str | None = Field(
        None, max_length=1000, examples=["Officer fires on SUV"], json_schema_extra=NO_NUL
    )
    published: Annotated[dt.date | None, WithJsonSchema(PUBLISHED_SCHEMA)] = Field(
        None, examples=["2026-01-07"]
    )
    url: str | None = Field(
        None, max_length=2000, examples=["https://example.org/story"], json_schema_extra=NO_NUL
    )
    story: str | None = Field(
        None,
        pattern=STORY_ID,
        description="The story this document belongs to (a slug); assigned when omitted.",
        examples=[None],
    )
    text: str = Field(
        min_length=1,
        max_length=MAX_DOCUMENT_CHARS,
        description="The article text. A first line ` date YYYY-MM-DD` is read as metadata; "
        "template debris is removed.",
        examples=["An officer fired three shots at an SUV on Portland Avenue on Wednesday."],
        json_schema_extra=NO_NUL,
    )

    @field_validator("text", "outlet", "title", "url")
    @classmethod
    def _valid_text(cls, v: str | None) -> str | None:
        return _check_text(v) if isinstance(v, str) else v

    @field_validator("published", mode="before")
    @classmethod
    def _iso_date(cls, v: object) -> object:
        # a date is "YYYY-MM-DD", as the schema says; pydantic alone would read 0 as 1970-01-01;
        # "" means unknown, as it does in a JSONL line or a manifest
        if isinstance(v, str) and not v.strip():
            return None
        if isinstance(v, str) and not ISO_DATE.fullmatch(v.strip()):
            raise ValueError("published must be a date as YYYY-MM-DD, or null")  # not "0"
        if v is not None and not isinstance(v, str | dt.date):
            raise ValueError("published must be a date as YYYY-MM-DD, or null")
        return v


class DocumentIn(DocumentFields):
    """A new document (POST /v1/documents)."""

    model_config = ConfigDict(json_schema_extra={"examples": [EXAMPLE_DOC]})

    doc_id: str = Field(
        min_length=1, max_length=200, pattern=r"^[A-Za-z0-9_.\-]+$", examples=["gazette_0001"]
    )


class DocumentWritten(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"doc_id": "gazette_0001", "status": "added", "passages": 4}]
        }
    )

    doc_id: str
    status: str = Field(examples=["added"], description="added, replaced or unchanged")
    passages: int = Field(description="Passages now stored for the document.")


class PassageRef(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"id": "004_0db872d4e7fa121a:0", "n": 0, "start": 0, "end": 412}]
        }
    )

    id: str
    n: int
    start: int
    end: int


class DocumentOut(DocumentMeta):
    """A stored document: `text[start:end]` is each passage and each answer span."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                EXAMPLE_DOC
                | {
                    "passages": [
                        {"id": "gazette_0001:0", "n": 0, "start": 0, "end": len(EXAMPLE_TEXT)}
                    ]
                }
            ]
        }
    )

    text: str
    passages: list[PassageRef]


class DocumentPage(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "items": [EXAMPLE_META],
                    "total": 5,
                    "offset": 0,
                    "limit": 1,
                    "next_offset": 1,
                }
            ]
        }
    )

    items: list[DocumentMeta]
    total: int
    offset: int
    limit: int
    next_offset: int | None = Field(description="Offset of the next page, null on the last.")


class OutletOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"outlet": "MS NOW", "doc_ids": ["004_0db872d4e7fa121a"], "documents": 1}]
        }
    )

    outlet: str = Field(examples=["MS NOW"])
    doc_ids: list[str]
    documents: int


class StoryMove(BaseModel):
    """PATCH /v1/documents/{doc_id}: move the document to another (or a new) story."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"story": "gazette-shooting"}]})

    story: str = Field(pattern=STORY_ID, description="Story id: lower-case letters, digits, '-'.")


class StoryMerge(BaseModel):
    """POST /v1/stories/{story_id}/merge: move every document of the story into another."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"into": "gazette-shooting"}]})

    into: str = Field(pattern=STORY_ID)


class ErrorDetail(BaseModel):
    code: str = Field(examples=["invalid_request"])
    message: str = Field(examples=["question: String should have at least 1 character"])


class ErrorOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"error": {"code": "not_found", "message": "no document 'x'"}}]
        }
    )

    error: ErrorDetail
