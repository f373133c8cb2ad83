"""The one sentence that says why a question got its verdict."""

from __future__ import annotations

from qa.clusters import Cluster
from qa.compare import INTERVAL_KINDS
from qa.question import Question

SHOWN = 80  # characters of an answer quoted in the sentence


def explain(
    top: Cluster, against: list[Cluster], display: str, support: int, origins: int, verdict: str
) -> str:
    """'3 of 4 independent origins report “Wednesday”; Herald reports “Saturday”.'"""
    shown = display if len(display) <= SHOWN else display[: SHOWN - 3].rsplit(" ", 1)[0] + "…"
    if verdict == "single_source":
        c = top.claims[0]
        who = f", attributing it to {c.attributed_to}" if c.attributed_to else ""
        return f"Only one independent origin ({c.outlet}) reports “{shown}”{who}."
    others = [f"{c.outlet} reports “{c.value.text}”" for cl in against for c in cl.claims]
    if verdict == "conflicting":  # no side is the consensus: each is named alike
        names = ", ".join(dict.fromkeys(c.outlet for c in top.claims))
        sides = "; ".join([f"{names} {'report' if ',' in names else 'reports'} “{shown}”", *others])
        return f"No answer has a majority of the {origins} independent origins: {sides}."
    texts = list(dict.fromkeys(c.value.text for c in top.claims))
    if top.claims[0].value.kind in INTERVAL_KINDS and len(texts) > 1:
        quoted = ", ".join(f"“{t}”" for t in texts)
        text = f"{support} of {origins} independent origins report compatible values ({quoted})"
    else:
        text = f"{support} of {origins} independent origins report “{shown}”"
    if others:
        text += "; " + "; ".join(others)
    return text + "."


def no_answer(q: Question, unclear: list[str]) -> str:
    text = (
        "No outlet has a passage that answers this question."
        if not unclear
        else f"{len(unclear)} outlet(s) have related passages, but none states an answer."
    )
    if not q.lemmas:  # "when did it happen?": nothing to match a passage's words against
        text += (
            " The question names nothing to look for: say which event, person or thing it is about."
        )
    return text


def not_mentioned(missing: list[str], story_title: str) -> str:
    quoted = ", ".join(f"“{m}”" for m in missing)
    return f"No article of the story “{story_title}” mentions {quoted}."
