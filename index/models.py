"""Pydantic models at the index boundary: documents, passages and extracted values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from index.stories import STORY_ID

ValueKind = Literal[
    "sentence",
    "claim",
    "date",
    "time",
    "duration",
    "number",
    "person",
    "organization",
    "place",
    "agent",
    "object",
    "negation",
    "superlative",
]


EXAMPLE_META: dict[str, Any] = {
    "doc_id": "004_0db872d4e7fa121a",
    "outlet": "MS NOW",
    "title": "An Immigration and Customs Enforcement agent shot and killed a woman",
    "published": "2026-01-07",
    "url": None,
}


class DocumentMeta(BaseModel):
    """What is known of a document's source. A null outlet means unknown."""

    model_config = ConfigDict(json_schema_extra={"examples": [EXAMPLE_META]})

    doc_id: str = Field(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9_.\-]+$")
    outlet: str | None = None
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    story: str | None = Field(
        None,
        pattern=STORY_ID,
        description="The story (news event) the document belongs to. Given on ingest it is "
        "kept; otherwise it is assigned at index time.",
    )

    @field_validator("published", "outlet", "title", "url", "story", mode="before")
    @classmethod
    def _blank_is_unknown(cls, v: object) -> object:
        # "" (an empty cell of an export) means unknown at every door, as null does
        return None if isinstance(v, str) and not v.strip() else v


class StoryInfo(BaseModel):
    """A story: one news event and the documents that cover it."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "story_id": "ice-shooting-minneapolis-fatal-officer-involved",
                    "title": "ICE Shooting in Minneapolis: What We Know",
                    "outlets": ["Al Jazeera", "MS NOW"],
                    "doc_ids": ["003_a36c5d73aa037ea8", "004_0db872d4e7fa121a"],
                    "documents": 2,
                    "first": "2026-01-07",
                    "last": "2026-01-07",
                }
            ]
        }
    )

    story_id: str
    title: str = Field(description="The most central headline of its documents.")
    outlets: list[str]
    doc_ids: list[str]
    documents: int
    first: dt.date | None = Field(None, description="Earliest publication date.")
    last: dt.date | None = Field(None, description="Latest publication date.")


class Document(DocumentMeta):
    """A document with its cleaned text (the text every offset points into)."""

    text: str


class Passage(BaseModel):
    """A run of whole sentences: `document.text[start:end] == text`."""

    id: str
    doc_id: str
    n: int
    start: int
    end: int
    text: str


EITHER = "/"  # joins the acts of a count of acts joined by "or": "cancel/delay/divert"


class Value(BaseModel):
    """A typed value found in a passage at index time, with document offsets."""

    kind: ValueKind
    start: int
    end: int
    text: str
    norm: str = Field(description="Normalised key compared across outlets.")
    lo: float | None = Field(None, description="Lower bound (numbers; dates as ordinal days).")
    hi: float | None = Field(None, description="Upper bound; null means unbounded above.")
    head: str | None = Field(None, description="Head noun of a number, verb of an agent.")
    act: str | None = Field(
        None, description="The act a count is of: 'injure' in '1,175 injured people'."
    )
    attributed_to: str | None = None
    full: str | None = Field(
        None, description="A person's whole name as the article gave it before ('Ana Ruiz')."
    )
    speaks_for: str | None = Field(
        None,
        description="The organisation a named person holds a post in, as the sentence names it "
        "('Interior Ministry' for 'Interior Ministry spokesman Karl Brant').",
    )

    @property
    def acts(self) -> list[str]:
        """The words of its act; a count of acts joined by "or" names each of them."""
        return (self.act or "").replace(EITHER, " ").split()

    @property
    def of_either(self) -> bool:
        """A count of acts joined by "or" ("150 flights were cancelled, delayed or
        diverted"): of all of them together, so at least the count of any one."""
        return EITHER in (self.act or "")

    @property
    def key_head(self) -> str:
        """The last word of the normalised key: a phrase's head noun ("ice officer" ->
        "officer"); "" for an empty key."""
        words = self.norm.split()
        return words[-1] if words else ""


def unknown_outlet_label(doc_id: str) -> str:
    """The outlet name shown for a document of unknown outlet: its own, never shared."""
    return f"{doc_id} (unknown outlet)"


def outlet_of(outlet: str | None, doc_id: str) -> str:
    """The outlet a document counts under."""
    return outlet if outlet else unknown_outlet_label(doc_id)


@dataclass
class StoredPassage:
    """A passage as read back for answering, with its document's metadata and values."""

    rowid: int
    passage: Passage
    meta: DocumentMeta
    values: list[Value]

    @property
    def outlet(self) -> str:
        return outlet_of(self.meta.outlet, self.meta.doc_id)

    @cached_property
    def value_words(self) -> frozenset[str]:
        """The words of its values' heads and acts ("time:shoot" gives "time" and "shoot"),
        read once per passage (the stored passage is cached per generation)."""
        words: set[str] = set()
        for v in self.values:
            if v.kind != "sentence":
                words.update((v.head or "").replace(":", " ").split(), v.acts)
        return frozenset(words)
