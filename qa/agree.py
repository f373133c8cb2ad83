"""The agreement score across outlets (SPEC "The agreement score"): each outlet's answer,
clustered by compatibility (`qa/clusters.py`); the consensus is the cluster with the most
independent origins; the verdict from the origins for and against it."""

from __future__ import annotations

from index.copies import Copied, never
from index.models import Value
from qa import explain
from qa.claims import Claim, answers, describe, prime_words
from qa.clusters import Cluster, against_top, cluster, consensus_display, strongest
from qa.compare import compare
from qa.figures import states_the_figure
from qa.match import same_word
from qa.models import Agreement, Answer, OutletStance
from qa.origins import assign_origins
from qa.outlets import ordered, sides, stance_of
from qa.question import Question
from qa.retrieve import Hit
from qa.slots import typed_kinds
from qa.stance import basis, only_claimed

ANSWER_TYPE = {
    "date": "date",
    "time": "span",  # the SPEC's answer types have no time of day: the quoted time, "HH:MM"
    "duration": "span",  # nor a duration: the quoted one, "4 hour"
    "number": "number",
    "place": "place",
    "person": "person",
    "organization": "organization",
    "agent": "span",
    "object": "span",
    "sentence": "span",
}
TIE = 1e-9  # answers whose weights differ by less are a tie


def outlet_claims(
    q: Question,
    evidence: dict[str, list[Hit]],
    doc_ids: dict[str, list[str]],
    further: dict[str, list[Hit]] | None = None,
) -> tuple[dict[str, list[Claim]], list[str]]:
    """Each outlet's answers from its relevant hits, best first; the outlets with hits but no
    answer. An outlet whose evidence fills no typed slot is read further (`further`: its
    articles' leads, `qa/evidence.leads`) for a value of the question's own verb."""
    further = further or {}
    prime_words(q, [h for hits in [*evidence.values(), *further.values()] for h in hits])
    claims: dict[str, list[Claim]] = {}
    unclear: list[str] = []
    for outlet, hits in evidence.items():
        found = _claims(q, outlet, doc_ids[outlet], hits)
        if not found and typed_kinds(q):
            more = _claims(q, outlet, doc_ids[outlet], further.get(outlet, []))
            found = [c for c in more if _of_the_verb_asked(q, c.value) or _gives_figure(q, c)]
        if not found:
            if hits:
                unclear.append(outlet)
            continue
        found.sort(key=lambda c: -c.weight)
        claims[outlet] = found
    for found in toward_agreement(claims, q).values():
        describe(found[0], q.lemmas)  # the others are read only to reconcile (below)
    return claims, unclear


def toward_agreement(options: dict[str, list[Claim]], q: Question) -> dict[str, list[Claim]]:
    """An outlet whose best answers tie ("Minnesota Democrats, including Mayor Jacob Frey
    and Rep. Ilhan Omar, called on …", a seed: three parties of one weight) answers with
    the one the most other outlets also give among their best; without a tie nothing
    moves."""
    tied = {o: [c for c in cs if c.weight >= cs[0].weight - TIE] for o, cs in options.items()}
    for outlet, mine in tied.items():
        if len(mine) < 2 or mine[0].value.kind == "sentence":
            continue  # sentences that tie are alike already
        others = [c for o, cs in tied.items() if o != outlet for c in cs]
        agree = [sum(compare(c.value, x.value, q) == "same" for x in others) for c in mine]
        best = agree.index(max(agree))  # the first of the best: the order of weight holds
        options[outlet].insert(0, options[outlet].pop(best))
    return options


def _claims(q: Question, outlet: str, docs: list[str], hits: list[Hit]) -> list[Claim]:
    return [
        Claim(outlet, docs, hit, value, sentence, score + (hit.dense or 0.0))
        for hit in hits
        for value, sentence, score in answers(q, hit)
    ]


def _of_the_verb_asked(q: Question, v: Value) -> bool:
    """A date or count of the question's own verb, the same word ("killed … on Wednesday"
    for "what day was the woman killed?"), not an act of like meaning nor an age."""
    act = v.head if v.kind in {"date", "time"} else v.act
    words = (act or "").replace(":", " ").split()
    return any(same_word(w, verb) for w in words for verb in q.verbs)


def _gives_figure(q: Question, c: Claim) -> bool:
    """A date in a lead that gives the figure the question names ("at least 41 dead, by the
    count police gave on Monday" for "when was the toll revised to 41?"): the figure ties it
    to the question as the verb would."""
    return bool(q.figures) and states_the_figure(q, c.value, c.hit.stored.values)


def reconcile(
    best: list[Claim], options: dict[str, list[Claim]], top: Cluster, q: Question
) -> bool:
    """An outlet whose best answer disagrees with the consensus, but that also states the
    consensus value in its evidence, supports it: a second value in its text (an earlier
    toll, a parse of the wrong phrase) is not the outlet contradicting the others. Only for
    typed values; returns whether any outlet changed its answer."""
    lead = max(top.claims, key=lambda c: c.weight)
    changed = False
    for i, c in enumerate(best):
        if c in top.claims or c.value.kind == "sentence":
            continue
        alt = next(
            (
                a
                for a in options[c.outlet][1:]
                if compare(a.value, lead.value, q) == "same" and not _next_act(c, a)
            ),
            None,
        )
        if alt is not None:
            best[i] = describe(alt, q.lemmas)
            changed = True
    return changed


def _next_act(best: Claim, alt: Claim) -> bool:
    """The object of another act in the best answer's own sentence ("rammed into the
    derailed coaches and then hit a goods train"): a second thing the outlet tells of, not a
    second reading of the one it answers with."""
    one_sentence = best.sentence.start == alt.sentence.start and best.hit is alt.hit
    objects = best.value.kind == alt.value.kind == "object"
    return one_sentence and objects and best.value.head != alt.value.head


def verdict_of(support: int, conflicting: int) -> str:
    if support + conflicting == 1:
        return "single_source"
    if not conflicting:
        return "consistent"
    return "mixed" if support > conflicting else "conflicting"


def agree(
    q: Question,
    evidence: dict[str, list[Hit]],
    doc_ids: dict[str, list[str]],
    further: dict[str, list[Hit]] | None = None,
    copied: Copied = never,
) -> tuple[Agreement, Answer, dict[str, Claim]]:
    """The agreement across outlets, from each outlet's relevant hits (best first) and, for
    a typed answer, its `further` hits (`copied`: whether one document copies
    another)."""
    options, unclear = outlet_claims(q, evidence, doc_ids, further)
    claims = [found[0] for found in options.values()]
    stances = {o: OutletStance(outlet=o, doc_ids=doc_ids[o], stance="unclear") for o in unclear}
    if not claims:
        agreement = Agreement(
            verdict="no_evidence",
            outlets=ordered(stances, doc_ids),
            explanation=explain.no_answer(q, unclear),
        )
        return agreement, Answer(), {}
    clusters, top = consensus(claims, options, q, copied)
    against, loose = against_top(clusters, top, q)
    support = top.origins
    # a copy of a supporter's text that changed the value ("late on Saturday" in one paper's
    # copy of a wire report that says Friday) is a report of another value, so it counts as
    # a conflicting origin even though its wording is shared with a supporter
    conflicting = set().union(*(cl.origins for cl in against))
    verdict = verdict_of(len(support), len(conflicting))
    value, display = consensus_display(top)
    answer = Answer(
        value=value, display=display, type=ANSWER_TYPE.get(top.claims[0].value.kind, "span")
    )
    others = [c for cl in against for c in cl.claims]
    stances |= sides(top.claims, others, split=verdict == "conflicting")
    stances |= {c.outlet: stance_of(c, "unclear") for c in loose}
    grounds = basis((c.attributed_to, c.hedged) for c in top.claims)
    origins = len(support) + len(conflicting)
    explanation = explain.explain(top, against, display, len(support), origins, verdict)
    if grounds == "attributed":
        hedged = sum(c.hedged for c in [*top.claims, *loose])
        explanation += " " + only_claimed((c.attributed_to for c in top.claims), hedged)
    agreement = Agreement(
        score=round(len(support) / origins, 3),
        verdict=verdict,
        origins=origins,
        basis=grounds,
        outlets=ordered(stances, doc_ids),
        explanation=explanation,
    )
    return agreement, answer, {c.outlet: c for c in claims}


def consensus(
    claims: list[Claim], options: dict[str, list[Claim]], q: Question, copied: Copied
) -> tuple[list[Cluster], Cluster]:
    """The clusters of the outlets' answers and the consensus among them, after outlets
    that also state the consensus value take it (`reconcile`); origins are assigned anew
    when an answer changed."""
    assign_origins(claims, copied)
    clusters = cluster(claims, q)
    top = strongest(clusters)
    if reconcile(claims, options, top, q):
        for c in claims:
            c.origin, c.same_origin_as = -1, None
        assign_origins(claims, copied)
        clusters = cluster(claims, q)
        top = strongest(clusters)
    return clusters, top


def not_mentioned(
    missing: list[str], story_title: str, doc_ids: dict[str, list[str]]
) -> tuple[Agreement, Answer, dict[str, Claim]]:
    """No evidence: what the question is about appears in no article of the story."""
    agreement = Agreement(
        score=None,
        verdict="no_evidence",
        origins=0,
        outlets=[
            OutletStance(outlet=o, doc_ids=d, stance="silent") for o, d in sorted(doc_ids.items())
        ],
        explanation=explain.not_mentioned(missing, story_title),
    )
    return agreement, Answer(), {}
