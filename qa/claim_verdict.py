"""The claim check's verdict from each outlet's stance: supported, contradicted, disputed,
attributed only, or unverified, counted by independent origin, with the sentence that says
why."""

from __future__ import annotations

from qa.models import CheckOutlet, CheckVerdict
from qa.stance import only_claimed
from qa.statement import WORD, ClaimFrame


def verdict(
    outlets: list[CheckOutlet], frame: ClaimFrame | None = None
) -> tuple[CheckVerdict, str]:
    """The verdict from independent origins, and the sentence that says why. For a claim
    about what someone said ("Noem called it terrorism") or did ("the agency put the
    magnitude at 5.9"), an outlet reporting that she said it, or quoting the one who did it,
    confirms the claim in its own voice."""
    support, against = _origins(outlets, "supports"), _origins(outlets, "contradicts")
    own = [o for o in outlets if o.stance == "supports" and _own_voice(o, frame)]
    hedged = [o.outlet for o in outlets if o.stance == "hedges"]
    said = f" {len(hedged)} outlet(s) report it as uncertain." if hedged else ""
    if support and against:
        pro = f"{_count(support)} {_verb(support, 'support')} it"
        text = f"{pro}; {_count(against)} {_verb(against, 'contradict')} it."
        return "disputed", text + said
    if against:
        text = f"{_count(against)} {_verb(against, 'contradict')} it; none supports it."
        return "contradicted", text + said
    if support and own:
        text = f"{_count(support)} {_verb(support, 'support')} it; none contradicts it."
        return "supported", text + said
    if support:
        parties = [o.attributed_to for o in outlets if o.stance == "supports"]
        return "attributed_only", only_claimed(parties, len(hedged))
    if hedged:
        return "unverified", f"No outlet confirms or contradicts it.{said}"
    return "unverified", "No outlet of the story states or contradicts it."


def _own_voice(outlet: CheckOutlet, frame: ClaimFrame | None) -> bool:
    """The outlet states the claim itself, or quotes the party the claim is about."""
    if not outlet.attributed_to or (frame is not None and frame.speech):
        return True
    doers = {
        w for p in (frame.parties if frame else []) if p.kind == "agent" for w in p.norm.split()
    }
    return bool(doers & {w.lower() for w in WORD.findall(outlet.attributed_to) if len(w) > 2})


def _verb(origins: dict[str, list[str]], verb: str) -> str:
    return f"{verb}s" if len(origins) == 1 else verb


def _count(origins: dict[str, list[str]]) -> str:
    """'2 independent origins (Al Jazeera; MS NOW, copied by The Wire)'."""
    parts = [
        o if not same else f"{o}, shared with {', '.join(same)}" for o, same in origins.items()
    ]
    n = len(origins)
    return f"{n} independent origin{'s' if n > 1 else ''} ({'; '.join(parts)})"


def _origins(outlets: list[CheckOutlet], stance: str) -> dict[str, list[str]]:
    """The outlets of one stance grouped by shared wording: first outlet -> the others."""
    mine = [o for o in outlets if o.stance == stance]
    names = {o.outlet for o in mine}
    groups: dict[str, list[str]] = {}
    for o in mine:
        lead = o.same_origin_as if o.same_origin_as in names else None
        if lead is not None and lead < o.outlet:
            groups.setdefault(lead, []).append(o.outlet)
        else:
            groups.setdefault(o.outlet, [])
    return groups
