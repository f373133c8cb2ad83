"""Story assignment: which news event a document covers, decided at index time.

A document joins the existing story it is the same event as, or starts a new one. The
evidence is general to news: the meaning of the title and lead (one embedding of both),
the named people, places and organisations of the lead, and publication dates close
together. Assignment is incremental (a document is compared with what is stored, and
nothing stored moves) and deterministic (the same documents in the same order give the
same stories). Story ids are readable slugs that never change once given.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import numpy as np

LEAD_CHARS = 600  # title + this much of the text make the signature (a news lead)
ENTITY_CHARS = 1500  # named entities counted from this much of the text
# who and where make an event; organisations are left out (agencies, wire services and
# "police" recur across unrelated events)
ENTITY_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC", "NORP", "EVENT"})
MIN_ENTITY_CHARS = 3  # two-letter acronyms ("us", "ap") collide across unrelated events
SLUG_WORDS = 6
STORY_ID = r"^[a-z0-9][a-z0-9-]{0,99}$"
SLUG_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "and",
        "or",
        "but",
        "by",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "after",
        "over",
        "into",
        "about",
        "its",
        "it",
        "this",
        "that",
        "what",
        "we",
        "know",
        "how",
        "why",
        "who",
        "when",
        "where",
    ]
)


@dataclass(frozen=True)
class StoryRules:
    """The thresholds of assignment (CROSSCHECK_STORY_* settings)."""

    min_similarity: float = 0.5
    duplicate_similarity: float = 0.8
    max_gap_days: int = 14
    entity_bonus: float = 0.05
    max_bonus_entities: int = 4

    @property
    def floor(self) -> float:
        """The cosine a story's closest member must reach for the story to be the same
        event at all (with every name bonus), so that stories below it need no reading."""
        bonus = self.entity_bonus * self.max_bonus_entities
        return min(self.duplicate_similarity, self.min_similarity - bonus)


@dataclass(frozen=True)
class Profile:
    """What assignment knows of one stored document."""

    doc_id: str
    story: str
    signature: np.ndarray  # unit vector of title + lead
    entities: frozenset[str]
    published: dt.date | None


@dataclass(frozen=True)
class Span:
    """The dates a story's documents were published (None when none is dated)."""

    first: dt.date | None
    last: dt.date | None

    def gap_days(self, day: dt.date | None) -> int:
        """Days between `day` and this span (0 inside it or when either is unknown)."""
        if day is None or self.first is None or self.last is None:
            return 0
        if day < self.first:
            return (self.first - day).days
        return max(0, (day - self.last).days)


@dataclass(frozen=True)
class Match:
    story: str
    similarity: float
    shared: int
    score: float


def signature_text(title: str | None, text: str) -> str:
    """The text whose embedding stands for the document when stories are assigned."""
    lead = text[:LEAD_CHARS]
    return f"{title}\n{lead}" if title and not text.startswith(title) else lead


def entity_keys(text: str, label: str) -> set[str]:
    """Comparable forms of a named entity: lower-case words without "the" or a possessive,
    and a person's surname alone ("Kristi Noem" ~ "Noem")."""
    words = re.findall(r"[\w-]+", re.sub(r"['’]s\b", "", text.lower()))
    words = [w for w in words if w != "the"]
    keys = {" ".join(words)}
    if label == "PERSON" and len(words) > 1:
        keys.add(words[-1])
    return {k for k in keys if len(k) >= MIN_ENTITY_CHARS}


def entities_of(ents: list[tuple[str, str, int]]) -> list[str]:
    """Named people, places and groups (text, spaCy label, document offset) of the lead."""
    out: set[str] = set()
    for text, label, start in ents:
        if label in ENTITY_LABELS and start < ENTITY_CHARS:
            out |= entity_keys(text, label)
    return sorted(out)


def score_story(
    doc: Profile, members: list[Profile], span: Span, rules: StoryRules
) -> Match | None:
    """How well `doc` fits a story of `members`; None when it is not the same event.

    The same event needs a named person or place in common and a similar title and lead (the
    closest member's cosine, plus `entity_bonus` per shared name, up to `max_bonus_entities`,
    reaching `min_similarity`), unless the two are near-duplicates; dates further apart than
    `max_gap_days` are another event. On the development data (26 articles, 4 events) the
    closest same-event document scored 0.71..0.98 and the closest other-event one 0.15..0.34,
    with no name in common; the weakest first link within an event was 0.40 with 4 names.
    """
    if not members or span.gap_days(doc.published) > rules.max_gap_days:
        return None
    sims = np.stack([m.signature for m in members]) @ doc.signature
    similarity = float(sims.max())
    story_entities = frozenset().union(*(m.entities for m in members))
    shared = len(doc.entities & story_entities)
    score = similarity + rules.entity_bonus * min(shared, rules.max_bonus_entities)
    same = similarity >= rules.duplicate_similarity or (
        score >= rules.min_similarity and shared > 0
    )
    return Match(members[0].story, similarity, shared, score) if same else None


def choose_story(
    doc: Profile, candidates: list[Profile], spans: dict[str, Span], rules: StoryRules
) -> Match | None:
    """The stored story `doc` belongs to, or None for a new story. Ties go to the older id
    (sorted order), so the choice never depends on the order rows come back in."""
    by_story: dict[str, list[Profile]] = {}
    for c in candidates:
        by_story.setdefault(c.story, []).append(c)
    best: Match | None = None
    for story in sorted(by_story):
        m = score_story(doc, by_story[story], spans.get(story, Span(None, None)), rules)
        if m is not None and (best is None or m.score > best.score):
            best = m
    return best


def slugify(title: str | None, published: dt.date | None, taken: set[str]) -> str:
    """A readable, unused story id from a headline and date ('quake-kills-380-2023-09')."""
    words = [w for w in re.findall(r"[a-z0-9]+", (title or "").lower()) if w not in SLUG_STOPWORDS]
    base = "-".join(words[:SLUG_WORDS]) or "story"
    if published is not None:
        base = f"{base}-{published:%Y-%m}"
    base = base[:90].strip("-")
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def central(signatures: np.ndarray) -> int:
    """Index of the member closest to the story's mean signature (its most central headline)."""
    mean = signatures.mean(axis=0)
    return int(np.argmax(signatures @ mean))
