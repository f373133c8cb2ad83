"""Yes/no questions, answered as the claim check of their statement (the question is parsed
as asked: "Did he plead guilty?" has the act, its agent and its polarity): outlets that
support it say yes, outlets that contradict it say no; the consensus is the side with more
independent origins."""

from __future__ import annotations

from index.copies import Copied, never
from qa.agree import verdict_of
from qa.check import read_outlets
from qa.claims import Claim
from qa.models import Agreement, Answer
from qa.outlets import ordered, sides, stance_of
from qa.retrieve import Hit
from qa.stance import basis
from qa.statement import ClaimFrame


def yes_no(
    frame: ClaimFrame,
    evidence: dict[str, list[Hit]],
    doc_ids: dict[str, list[str]],
    further: dict[str, list[Hit]] | None = None,
    copied: Copied = never,
) -> tuple[Agreement, Answer, dict[str, Claim]]:
    read = read_outlets(frame, evidence, doc_ids, further, copied)
    claims = {o: c for o, (c, _) in read.items()}
    yes = [c for c, stance in read.values() if stance == "supports"]
    no = [c for c, stance in read.values() if stance == "contradicts"]
    if not yes and not no:
        return _no_answer(claims, doc_ids), Answer(), {}
    top, other = (yes, no) if _origins(yes) >= _origins(no) else (no, yes)
    v = verdict_of(_origins(top), _origins(other))
    word = "yes" if top is yes else "no"
    lead = max(top, key=lambda c: c.weight)
    stances = {o: stance_of(c, "unclear") for o, c in claims.items()}
    stances |= sides(top, other, split=v == "conflicting")
    agreement = Agreement(
        score=round(_origins(top) / (_origins(top) + _origins(other)), 3),
        verdict=v,
        origins=_origins(top) + _origins(other),
        basis=basis((c.attributed_to, c.hedged) for c in top),
        outlets=ordered(stances, doc_ids),
        explanation=_explain(word, top, other),
    )
    answer = Answer(value=word, display=lead.sentence.text, type="span")
    return agreement, answer, {c.outlet: c for c in top + other}


def _origins(claims: list[Claim]) -> int:
    return len({c.origin for c in claims})


def _no_answer(claims: dict[str, Claim], doc_ids: dict[str, list[str]]) -> Agreement:
    hedged = {o: stance_of(c, "unclear") for o, c in claims.items()}
    text = (
        f"{len(hedged)} outlet(s) report it as uncertain; none says yes or no."
        if hedged
        else "No outlet says whether it is so."
    )
    return Agreement(verdict="no_evidence", outlets=ordered(hedged, doc_ids), explanation=text)


def _explain(word: str, top: list[Claim], other: list[Claim]) -> str:
    side = ", ".join(c.outlet for c in top)
    text = f"{_origins(top)} independent origin(s) say {word} ({side})"
    if other:
        against = "no" if word == "yes" else "yes"
        names = ", ".join(c.outlet for c in other)
        text += f"; {_origins(other)} say {against} ({names})"
    return text + "."
