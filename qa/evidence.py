"""Which of a story's ranked passages are an outlet's evidence for a question: relevant
enough to speak to it, a few per outlet."""

from __future__ import annotations

from index.config import Settings
from qa.figures import figure_counts
from qa.question import Question
from qa.retrieve import Hit


def outlet_evidence(
    hits: list[Hit],
    outlet_docs: dict[str, list[str]],
    s: Settings,
    named: bool = True,
    q: Question | None = None,
) -> dict[str, list[Hit]]:
    """Per outlet, its best passages (up to `evidence_per_outlet`, in the hits' order) that
    are on the question's topic by meaning, that state a figure the question names
    (`q`: "which agency gave the 6.8 reading?"), or, when the question names something
    (`named`: "when did it happen?" names nothing, and its best words are noise), that use
    its words as the best passages do."""
    top = max((h.dense for h in hits if h.dense is not None), default=None)
    lex_top = max((h.lexical for h in hits if h.lexical is not None), default=None)
    out: dict[str, list[Hit]] = {o: [] for o in outlet_docs}
    if top is None:
        return out
    for h in hits:
        mine = out.get(h.stored.outlet)
        if mine is None or len(mine) >= s.evidence_per_outlet:
            continue
        if (
            on_topic(h, top, s)
            or (named and uses_its_words(h, lex_top, s))
            or (q is not None and states_a_figure(h, q))
        ):
            mine.append(h)
    return out


def leads(hits: list[Hit], evidence: dict[str, list[Hit]]) -> dict[str, list[Hit]]:
    """Per outlet, the leads of its articles (their first passage) that are not among its
    evidence: a news lead tells the event's who, what, when and where, often in other
    words than a question's ("shot and killed a motorist on Wednesday" is 0.23 by cosine
    from "what day was the woman killed?")."""
    chosen = {id(h) for hs in evidence.values() for h in hs}
    out: dict[str, list[Hit]] = {o: [] for o in evidence}
    for h in hits:
        mine = out.get(h.stored.outlet)
        if mine is not None and id(h) not in chosen and h.stored.passage.n == 0:
            mine.append(h)
    return out


def on_topic(h: Hit, top: float, s: Settings) -> bool:
    """A cosine of at least `relevance_min`, within `relevance_margin` of the story's best."""
    if h.dense is None:
        return False
    return h.dense >= s.relevance_min and h.dense >= top - s.relevance_margin


def states_a_figure(h: Hit, q: Question) -> bool:
    """The passage gives a count the question names. A passage on several topics can be far
    from the question by meaning and share only the figure with it, whose BM25 weight falls
    as more of the index is about the one story ("…had a magnitude of 6.8 with an epicentre
    …": 0.67 of the best with one story indexed, 1.34 with four)."""
    values = h.stored.values
    return any(figure_counts(q, v, values) for v in values if v.kind == "sentence")


def uses_its_words(h: Hit, lex_top: float | None, s: Settings) -> bool:
    """A BM25 score at least `relevance_lexical` of the story's best. A passage on several
    topics has a vector between them ("… the flagging-off was cancelled. … said he had
    ordered a probe": cosine 0.22 to "who ordered an inquiry?", under the 0.25 floor) while
    its words still match as well as the best passage's do."""
    if not lex_top or h.lexical is None or s.relevance_lexical <= 0:
        return False
    return h.lexical >= s.relevance_lexical * lex_top
