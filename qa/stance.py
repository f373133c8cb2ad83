"""How an outlet holds its answer: hedged (reported as uncertain) or in its own voice, and
whether the support for an answer is independent or only a party's claim repeated."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from index.words import is_plural
from qa.models import Basis


@lru_cache(maxsize=1)
def _hedge_pattern() -> re.Pattern[str]:
    raw = tomllib.loads(resources.files("qa").joinpath("data/hedges.toml").read_text("utf-8"))
    cues = sorted(raw["cues"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b", re.IGNORECASE)


def hedge_cue(sentence: str) -> str | None:
    """The first cue by which a sentence reports its point as uncertain, if any."""
    m = _hedge_pattern().search(sentence)
    return m.group(0).lower() if m else None


def basis(support: Iterable[tuple[str | None, bool]]) -> Basis:
    """From the supporting claims' (attributed_to, hedged): `independent` when one states the
    answer in its own voice, `attributed` when every one repeats a party or hedges, `none`
    when there is no support."""
    items = list(support)
    if not items:
        return "none"
    if any(party is None and not hedged for party, hedged in items):
        return "independent"
    return "attributed"


SAID = re.compile(r"\s+(said|says|say|told|added|stated)$", re.IGNORECASE)


def party_name(attributed_to: str) -> str:
    """'Homeland Security said' (as a heading attributes it) -> 'Homeland Security'."""
    return SAID.sub("", attributed_to).strip() or attributed_to


def only_claimed(parties: Iterable[str | None], hedged: int) -> str:
    """'Only DHS said so; no outlet confirms it in its own voice; 2 outlet(s) report it as
    uncertain.' for support that is all a party's word or hedged (parties named once)."""
    named: dict[str, str] = {}
    for p in parties:
        if p:
            named.setdefault(party_name(p).lower(), party_name(p))
    who = list(named.values())
    parts = []
    if who:
        more = " and others" if len(who) > 2 else ""
        one = len(who) == 1 and not is_plural(who[0].split()[-1])  # "Federal officials say"
        verb = "says" if one else "say"
        parts.append(
            f"Only {' and '.join(who[:2])}{more} {verb} so; no outlet confirms it in its own voice"
        )
    if hedged:
        parts.append(f"{hedged} outlet(s) report it as uncertain")
    return "; ".join(parts) + "." if parts else ""
