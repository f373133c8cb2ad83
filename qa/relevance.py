"""The relevance gate: a question about something no article of the story mentions has no
evidence, however well other passages score ("When does the officer's trial begin?" over
articles that never mention a trial)."""

from __future__ import annotations

import math

from index.words import stems, variants
from qa.question import Question

# Nouns that frame a question rather than name its topic (closed class, general English).
GENERIC_NOUNS = frozenset(
    [
        "people",
        "person",
        "day",
        "date",
        "time",
        "year",
        "month",
        "week",
        "hour",
        "number",
        "place",
        "city",
        "country",
        "part",
        "thing",
        "way",
        "reason",
        "kind",
        "type",
        "name",
        "amount",
        "total",
        "area",
    ]
)


def missing_terms(q: Question, vocabulary: set[str]) -> list[str]:
    """The question's names and subject words that appear nowhere in the story's text."""
    missing: list[str] = []
    for name in q.names:
        if not stems(name) <= vocabulary:
            missing.append(name)
    for noun in q.subject:
        if noun in GENERIC_NOUNS:
            continue
        if not variants(noun) & vocabulary:
            missing.append(noun)
    return missing


def coverage(q: Question, vocabularies: dict[str, set[str]]) -> dict[str, float]:
    """Per story, the share of the question's content words (generic frame nouns aside) its
    text has, in any of their forms; 1.0 for a question with none. Each word weighs by how
    few of these stories have it: "agency" found in every story decides nothing, "5.9" found
    in one decides much ("which agency gave the 5.9 reading?")."""
    words = [variants(w) for w in q.lemmas if w not in GENERIC_NOUNS]
    n = len(vocabularies)
    found = {sid: [bool(forms & v) for forms in words] for sid, v in vocabularies.items()}
    df = [sum(f[i] for f in found.values()) for i in range(len(words))]
    weight = [math.log(1 + n / (d or 1)) for d in df]
    total = sum(weight)
    if not total:
        return dict.fromkeys(vocabularies, 1.0)
    return {
        sid: sum(w for w, hit in zip(weight, f, strict=True) if hit) / total
        for sid, f in found.items()
    }
