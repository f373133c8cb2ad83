"""The gold-question file format (JSONL, one question per line) and its loader."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError, field_validator

from qa.models import Basis, QType, Verdict

DEFAULT_GOLD = Path(__file__).with_name("gold.jsonl")


class GoldError(ValueError):
    """A gold file that cannot be used; the message names the file and line."""


class GoldQuestion(BaseModel):
    id: str = Field(min_length=1)
    question: str = Field(min_length=1)
    qtype: QType
    answers: list[str] = Field(
        default_factory=list, description="Any of these in a passage marks it answer-bearing."
    )
    docs: list[str] = Field(default_factory=list, description="Every document that answers it.")
    verdict: Verdict
    conflicting_docs: list[str] = Field(default_factory=list)
    value: list[str] | None = Field(None, description="Acceptable typed answers, if typed.")
    hedged_docs: list[str] | None = Field(
        None, description="Documents that report the point as uncertain, where labelled."
    )
    basis: Basis | None = Field(None, description="independent, attributed or none, if labelled.")
    note: str | None = None
    group: str = Field(
        "gold", description="The gold file it came from (its folder's name for a gold.jsonl)."
    )

    @field_validator("value", mode="before")
    @classmethod
    def _one_or_many(cls, v: object) -> object:
        return [v] if isinstance(v, str) else v

    @property
    def answerable(self) -> bool:
        return bool(self.docs and self.answers)


def group_name(path: Path) -> str:
    """'seeds' for the product's own gold set, a story folder's name for its gold.jsonl, else
    the file's stem."""
    path = Path(path)
    if path.resolve() == DEFAULT_GOLD.resolve():
        return "seeds"
    return path.parent.name if path.name == "gold.jsonl" else path.stem


def gold_files(paths: list[Path]) -> list[Path]:
    """Gold files named, a folder standing for every gold.jsonl beneath it (sorted)."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found = sorted(p.rglob("gold.jsonl"))
            if not found:
                raise GoldError(f"{p}: no gold.jsonl in this folder")
            out += found
        else:
            out.append(p)
    return out


def load_golds(paths: list[Path]) -> list[GoldQuestion]:
    """Several gold files (or folders) as one list; ids must be unique across them."""
    out: list[GoldQuestion] = []
    seen: dict[str, Path] = {}
    for path in gold_files(paths):
        for q in load_gold(path):
            if q.id in seen:
                raise GoldError(f"{path}: id {q.id!r} also in {seen[q.id]}")
            seen[q.id] = path
            out.append(q)
    return out


def load_gold(path: Path = DEFAULT_GOLD) -> list[GoldQuestion]:
    """Read and check a gold file: valid JSON per line, valid fields, unique ids."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read: {exc}") from None
    out: list[GoldQuestion] = []
    seen: set[str] = set()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            q = GoldQuestion.model_validate(json.loads(line) | {"group": group_name(path)})
        except (json.JSONDecodeError, ValidationError) as exc:
            raise GoldError(f"{path}:{n}: {exc}") from None
        if q.id in seen:
            raise GoldError(f"{path}:{n}: duplicate id {q.id!r}")
        if q.verdict != "no_evidence" and not q.answerable:
            raise GoldError(f"{path}:{n}: {q.id!r} needs answers and docs unless no_evidence")
        seen.add(q.id)
        out.append(q)
    if not out:
        raise GoldError(f"{path}: no questions")
    return out
