"""The agreement score across outlets (SPEC "The agreement score").

Per outlet: its relevant evidence, the typed value (or answering sentence) that answers the
question, whether it repeats another outlet's wording (one origin) and whom it attributes
the claim to. Values are clustered by compatibility; the consensus is the cluster with the
most independent origins.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from index.extract import lexicon
from index.models import Value
from qa.models import Agreement, Answer, OutletStance, QType
from qa.question import Question
from qa.retrieve import Hit

SHINGLE = 5
SAME_ORIGIN_CONTAINMENT = 0.5
SENTENCE_SUPPORT_JACCARD = 0.2
SENTENCE_SUPPORT_SHARED = 4  # content lemmas two answering sentences share
DATE_CONTEXT_MIN = 0.5
ROLE_WINDOW = 40  # characters around a name searched for the role a question names
# prepositions that may answer a question asked with another ("crash into" ~ "collide with")
CONTACT_PREPS = {
    "into": {"with", "onto", "against"},
    "with": {"into", "against"},
    "against": {"into", "with"},
    "onto": {"into", "on"},
}
TYPED_KIND: dict[QType, tuple[str, ...]] = {
    QType.when: ("date",),
    QType.how_many: ("number",),
    QType.who: ("agent",),
    QType.where: ("place",),
}
ANSWER_TYPE = {
    "date": "date",
    "number": "number",
    "place": "place",
    "person": "person",
    "organization": "organization",
    "agent": "span",
    "object": "span",
    "sentence": "span",
}


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, set[str]], set[frozenset[str]]]:
    raw = tomllib.loads(resources.files("qa").joinpath("data/synonyms.toml").read_text("utf-8"))
    groups: dict[str, set[str]] = {}
    for group in raw["groups"]:
        for word in group:
            groups.setdefault(word, {word}).update(group)
    return groups, {frozenset(p) for p in raw["antonyms"]}


def related(a: str | None, b: str | None) -> bool:
    """Same lemma or in one synonym group ('gunshot' ~ 'shot', 'time:shoot' ~ 'shot')."""
    return bool(a and b) and b.lower() in kin(a)


def related_any(word: str | None, others: list[str]) -> bool:
    return bool(word) and not kin(word).isdisjoint(o.lower() for o in others if o)


@lru_cache(maxsize=1 << 14)  # thousands of lookups per answer, from a small vocabulary
def kin(word: str) -> frozenset[str]:
    """Every word `related` to `word`: itself, its bare lemma (`time:shoot` → `shoot`) and
    their synonym groups (group membership is symmetric, so this is the whole relation)."""
    groups, _ = _lexicon()
    w = word.lower()
    tail = w.split(":")[-1]
    return frozenset({w, tail} | groups.get(w, set()) | groups.get(tail, set()))


# -- one outlet's claim ------------------------------------------------------------------------
@dataclass
class Claim:
    outlet: str
    doc_ids: list[str]
    hit: Hit
    value: Value  # the typed value, or the answering sentence
    sentence: Value
    weight: float
    origin: int = -1
    same_origin_as: str | None = None
    attributed_to: str | None = None


def _sentence_of(v: Value, sentences: list[Value]) -> Value | None:
    return next((s for s in sentences if s.start <= v.start and v.end <= s.end), None)


def _overlap(q: Question, sentence: Value, skip: frozenset[str] = frozenset()) -> float:
    """Share of the question's content lemmas (less `skip`) the sentence has."""
    lemmas = [x for x in q.lemmas if x not in skip]
    if not lemmas:
        return 0.0
    words = {w.lower() for w in sentence.norm.split()}  # once, not once per question lemma
    return sum(1 for x in lemmas if not kin(x).isdisjoint(words)) / len(lemmas)


def asks_for_party(q: Question) -> bool:
    """'Who is the mayor?' or 'Who said …?': answered by a named person or organisation."""
    return q.qtype == QType.who and (
        q.copular or bool(q.verbs and q.verbs[0] in lexicon().speech_verbs)
    )


def typed_kinds(q: Question) -> tuple[str, ...]:
    if asks_for_party(q):
        return ("agent", "person", "organization")
    if q.qtype in TYPED_KIND:
        return TYPED_KIND[q.qtype]
    if q.qtype == QType.what and q.verbs and q.prep:
        return ("object",)
    return ()


def _value_score(q: Question, v: Value, sentence: Value) -> float | None:
    """How well a value answers the question; None if it does not."""
    overlap = _overlap(q, sentence)
    if v.kind == "number":
        if not q.focus or not (related(v.head, q.focus) or related(q.focus, v.head)):
            return None
        return 1.0 + overlap
    if v.kind == "date":
        if related_any(v.head, q.verbs + q.lemmas):
            return 1.0 + overlap
        # a date not tied to the act asked about must share most of the question's words
        return overlap if overlap >= DATE_CONTEXT_MIN else None
    if v.kind == "agent":
        return 1.0 + overlap if related_any(v.head, q.verbs) else None
    if v.kind == "place":
        return 0.5 + overlap if overlap > 0 else None
    if v.kind in {"person", "organization"}:
        if overlap <= 0 or set(v.norm.split()) & set(q.lemmas):
            return None  # off the question, or the party the question already names
        if q.copular:  # "who is the mayor?": the name next to the role ("Mayor Jacob Frey")
            near = _nearness(q, v, sentence)
            return None if near is None else 0.5 + overlap + near
        speaks = bool(sentence.attributed_to) and (
            v.text in sentence.attributed_to or sentence.attributed_to in v.text
        )
        said = _overlap(q, sentence, skip=lexicon().speech_verbs)  # what was said, not "say"
        return 1.0 + said if speaks and said >= 0.5 else None  # "who said …?": who says it
    if v.kind == "object":
        verb, _, prep = (v.head or "").partition(":")
        if not related_any(verb, q.verbs) and not (q.prep and prep == q.prep and overlap > 0):
            return None
        if v.norm in q.lemmas:
            return None  # "what did the SUV crash into" is not answered by "the SUV"
        if q.prep and prep != q.prep:
            if prep not in CONTACT_PREPS.get(q.prep, ()):
                return None
            overlap -= 0.25  # "collided with" answers "crash into", a little less directly
        return 1.0 + overlap
    return None


def _nearness(q: Question, v: Value, sentence: Value, window: int = ROLE_WINDOW) -> float | None:
    """1 when the role asked about touches the value in its sentence ("Mayor Jacob Frey"),
    falling to 0 at `window` characters away; None when it is not that close."""
    role = q.focus or ""
    text, a, b = sentence.text, v.start - sentence.start, v.end - sentence.start
    best: float | None = None
    for m in re.finditer(r"\w+", text[max(0, a - window) : b + window].lower()):
        pos = m.start() + max(0, a - window)
        if a <= pos < b or not (related(role, m.group()) or f"{role}s" == m.group()):
            continue
        gap = a - (pos + len(m.group())) if pos < a else pos - b
        near = 1 - max(0, gap) / window
        best = near if best is None else max(best, near)
    return best


def best_value(q: Question, hit: Hit) -> tuple[Value, Value, float] | None:
    """The value (or sentence) of a passage that best answers the question."""
    sentences = [v for v in hit.stored.values if v.kind == "sentence"]
    kinds = typed_kinds(q)
    best: tuple[Value, Value, float] | None = None
    if kinds:
        for v in hit.stored.values:
            if v.kind not in kinds:
                continue
            sent = _sentence_of(v, sentences)
            if sent is None:
                continue
            score = _value_score(q, v, sent)
            if score is not None and (best is None or score > best[2]):
                best = (v, sent, score)
        return best
    for s in sentences:
        if s.head == "heading":
            continue  # a section heading states nothing
        score = _overlap(q, s)
        if score > 0 and (best is None or score > best[2]):
            best = (s, s, score)
    return best


# -- comparing values --------------------------------------------------------------------------
def _interval(v: Value) -> tuple[float, float] | None:
    if v.lo is None:
        return None
    return v.lo, v.hi if v.hi is not None else math.inf


def _weekday_of(v: Value) -> str | None:
    if v.norm.startswith("weekday:"):
        return v.norm.split(":", 1)[1]
    if v.lo is not None and v.lo == v.hi:
        return dt.date.fromordinal(int(v.lo)).strftime("%A").lower()
    return None


def _content(s: Value) -> set[str]:
    return {w for w in s.norm.split() if w != "NOT"}


def _negated(s: Value) -> bool:
    return "NOT" in s.norm.split()


def compare(a: Value, b: Value, q: Question | None = None) -> str:
    """'same', 'conflict' or 'unrelated' for two claims of one kind."""
    if a.kind != b.kind:
        return "unrelated"
    if a.kind in {"number", "date"}:
        ia, ib = _interval(a), _interval(b)
        if ia and ib:
            return "same" if ia[0] <= ib[1] and ib[0] <= ia[1] else "conflict"
        wa, wb = _weekday_of(a), _weekday_of(b)
        if wa and wb:
            return "same" if wa == wb else "conflict"
        return "same" if a.norm == b.norm else "unrelated"
    if a.kind == "place":
        if a.norm == b.norm or a.norm in b.norm or b.norm in a.norm:
            return "same"
        return "conflict" if a.head == b.head else "same"  # a street lies within a city
    if a.kind == "agent":
        ha, hb = a.norm.split()[-1], b.norm.split()[-1]
        oa, ob = set(a.norm.split()[:-1]), set(b.norm.split()[:-1])
        if not related(ha, hb):
            return "conflict"
        return "same" if not oa or not ob or oa & ob else "conflict"
    if a.kind in {"object", "person", "organization"}:
        return "same" if related(a.norm, b.norm) else "conflict"
    # sentences: shared content decides whether they speak of the same thing
    ca, cb = _content(a), _content(b)
    if not ca or not cb:
        return "unrelated"
    jaccard = len(ca & cb) / len(ca | cb)
    _, antonyms = _lexicon()
    opposed = _negated(a) != _negated(b) or any(
        pair <= (ca | cb) and not pair <= ca and not pair <= cb for pair in antonyms
    )
    # both answer the question with its key words: they speak of the same thing
    on_topic = False
    if q is not None and q.lemmas:
        both = [x for x in q.lemmas if related_any(x, list(ca)) and related_any(x, list(cb))]
        on_topic = len(both) >= max(1, round(0.6 * len(q.lemmas)))
    if jaccard >= SENTENCE_SUPPORT_JACCARD or len(ca & cb) >= SENTENCE_SUPPORT_SHARED or on_topic:
        return "conflict" if opposed else "same"
    return "unrelated"


# -- independence ------------------------------------------------------------------------------
def shingles(text: str, n: int = SHINGLE) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + n]) for i in range(max(0, len(words) - n + 1))}


def shares_wording(sentence: set[tuple[str, ...]], passage: set[tuple[str, ...]]) -> bool:
    """Copied text: most of one answering sentence's word 5-grams appear in another passage."""
    return len(sentence) >= 3 and len(sentence & passage) / len(sentence) >= SAME_ORIGIN_CONTAINMENT


def assign_origins(claims: list[Claim]) -> int:
    parent = list(range(len(claims)))
    # each text's 5-grams once, not once per pair of claims
    sentences = [shingles(c.sentence.text) for c in claims]
    passages = [shingles(c.hit.stored.passage.text) for c in claims]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            if shares_wording(sentences[i], passages[j]) or shares_wording(
                sentences[j], passages[i]
            ):
                parent[find(j)] = find(i)
                if claims[j].same_origin_as is None:
                    claims[j].same_origin_as = claims[i].outlet
                if claims[i].same_origin_as is None:
                    claims[i].same_origin_as = claims[j].outlet
    for i, c in enumerate(claims):
        c.origin = find(i)
    return len({c.origin for c in claims})


# -- clusters and verdict ----------------------------------------------------------------------
@dataclass
class Cluster:
    claims: list[Claim] = field(default_factory=list)

    @property
    def origins(self) -> set[int]:
        return {c.origin for c in self.claims}

    @property
    def weight(self) -> float:
        return max(c.weight for c in self.claims)


def cluster(claims: list[Claim], q: Question | None = None) -> tuple[list[Cluster], list[Claim]]:
    """Greedy clusters in which every pair is compatible; sentences unrelated to all stay apart."""
    clusters: list[Cluster] = []
    loose: list[Claim] = []
    for c in sorted(claims, key=lambda c: -c.weight):
        relations = [[compare(c.value, m.value, q) for m in cl.claims] for cl in clusters]
        home = next(
            (
                cl
                for cl, rel in zip(clusters, relations, strict=True)
                if all(r == "same" for r in rel)
            ),
            None,
        )
        if home is not None:
            home.claims.append(c)
        elif (
            c.value.kind == "sentence"
            and clusters
            and not any(r == "conflict" for rel in relations for r in rel)
        ):
            loose.append(c)  # speaks of something else: unclear, not a conflict
        else:
            clusters.append(Cluster([c]))
    return clusters, loose


def consensus_display(cl: Cluster) -> tuple[str, str]:
    """(normalised value, quoted display) of a cluster."""
    best = max(cl.claims, key=lambda c: c.weight)
    kind = best.value.kind
    if kind == "number":
        lo = max(c.value.lo for c in cl.claims if c.value.lo is not None)
        his = [c.value.hi for c in cl.claims if c.value.hi is not None]
        hi = min(his) if his else math.inf
        value = f"{lo:g}" if lo == hi else f"{lo:g}..{'inf' if math.isinf(hi) else f'{hi:g}'}"
        exact = [c for c in cl.claims if c.value.lo == c.value.hi == lo]
        return value, (exact[0] if exact else best).value.text
    if kind == "date":
        days = [c for c in cl.claims if c.value.lo is not None and c.value.lo == c.value.hi]
        pick = max(days, key=lambda c: c.weight) if days else best
        if pick.value.lo is not None and pick.value.lo == pick.value.hi:
            day = dt.date.fromordinal(int(pick.value.lo))
            return day.isoformat(), f"{day:%A}, {day:%b} {day.day}, {day.year}"
        return pick.value.norm, pick.value.text
    if kind == "sentence":
        return best.value.text, best.value.text
    return best.value.norm, best.value.text


def attribution(q: Question, value: Value, sentence: Value, values: list[Value]) -> str | None:
    """Who the answer is attributed to: the value's or sentence's speaker, or else the party
    whose clause inside the sentence speaks to the question ("that officials claimed was …")."""
    if value.attributed_to or sentence.attributed_to:
        return value.attributed_to or sentence.attributed_to
    best: tuple[float, str] | None = None
    for v in values:
        if v.kind == "claim" and sentence.start <= v.start and v.end <= sentence.end:
            score = _overlap(q, v)
            if score > 0 and v.attributed_to and (best is None or score > best[0]):
                best = (score, v.attributed_to)
    return best[1] if best else None


def _label(c: Claim) -> str:
    return c.outlet


def agree(
    q: Question, evidence: dict[str, list[Hit]], doc_ids: dict[str, list[str]]
) -> tuple[Agreement, Answer, dict[str, Claim]]:
    """The agreement across outlets, from each outlet's relevant hits (best first)."""
    claims: list[Claim] = []
    unclear: list[str] = []
    for outlet, hits in evidence.items():
        if not hits:
            continue
        best: Claim | None = None
        for hit in hits:
            found = best_value(q, hit)
            if found is None:
                continue
            value, sentence, score = found
            weight = score + (hit.dense or 0.0)
            if best is None or weight > best.weight:
                best = Claim(outlet, doc_ids[outlet], hit, value, sentence, weight)
                best.attributed_to = attribution(q, value, sentence, hit.stored.values)
        if best is None:
            unclear.append(outlet)
        else:
            claims.append(best)
    assign_origins(claims)
    clusters, loose = cluster(claims, q)
    stances: dict[str, OutletStance] = {}
    answer = Answer()
    if not claims:
        verdict = "no_evidence"
        agreement_score = None
        explanation = (
            "No outlet has a passage that answers this question."
            if not unclear
            else f"{len(unclear)} outlet(s) have related passages, but none states an answer."
        )
        if not q.lemmas:  # "when did it happen?": nothing to match a passage's words against
            explanation += (
                " The question names nothing to look for: say which event, person or thing "
                "it is about."
            )
        origins = 0
    else:
        top = max(clusters, key=lambda cl: (len(cl.origins), cl.weight))
        support = top.origins
        conflicting = set().union(*(cl.origins for cl in clusters if cl is not top)) - support
        origins = len(support | conflicting)
        agreement_score = round(len(support) / (len(support) + len(conflicting)), 3)
        if origins == 1:
            verdict = "single_source"
        elif not conflicting:
            verdict = "consistent"
        elif len(support) > len(conflicting):
            verdict = "mixed"
        else:
            verdict = "conflicting"
        value, display = consensus_display(top)
        answer = Answer(
            value=value, display=display, type=ANSWER_TYPE.get(top.claims[0].value.kind, "span")
        )  # type: ignore[arg-type]
        for cl in clusters:
            for c in cl.claims:
                stances[c.outlet] = _stance(c, "supports" if cl is top else "conflicts")
        for c in loose:
            stances[c.outlet] = _stance(c, "unclear")
        explanation = _explain(top, clusters, display, len(support), origins, verdict)
    for outlet in unclear:
        stances[outlet] = OutletStance(outlet=outlet, doc_ids=doc_ids[outlet], stance="unclear")
    for outlet in doc_ids:
        stances.setdefault(
            outlet, OutletStance(outlet=outlet, doc_ids=doc_ids[outlet], stance="silent")
        )
    order = {"conflicts": 0, "supports": 1, "unclear": 2, "silent": 3}
    outlets = sorted(stances.values(), key=lambda s: (order[s.stance], s.outlet))
    agreement = Agreement(
        score=agreement_score,
        verdict=verdict,  # type: ignore[arg-type]
        origins=origins,
        outlets=outlets,
        explanation=explanation,
    )
    return agreement, answer, {c.outlet: c for c in claims}


def not_mentioned(
    missing: list[str], story_title: str, doc_ids: dict[str, list[str]]
) -> tuple[Agreement, Answer, dict[str, Claim]]:
    """No evidence: what the question is about appears in no article of the story."""
    quoted = ", ".join(f"“{m}”" for m in missing)
    agreement = Agreement(
        score=None,
        verdict="no_evidence",
        origins=0,
        outlets=[
            OutletStance(outlet=o, doc_ids=d, stance="silent") for o, d in sorted(doc_ids.items())
        ],
        explanation=f"No article of the story “{story_title}” mentions {quoted}.",
    )
    return agreement, Answer(), {}


def _stance(c: Claim, stance: str) -> OutletStance:
    return OutletStance(
        outlet=c.outlet,
        doc_ids=c.doc_ids,
        stance=stance,  # type: ignore[arg-type]
        value=c.value.norm if c.value.kind != "sentence" else None,
        display=c.value.text,
        passage_id=c.hit.stored.passage.id,
        attributed_to=c.attributed_to,
        same_origin_as=c.same_origin_as,
    )


def _explain(
    top: Cluster, clusters: list[Cluster], display: str, support: int, origins: int, verdict: str
) -> str:
    shown = display if len(display) <= 80 else display[:77].rsplit(" ", 1)[0] + "…"
    if verdict == "single_source":
        c = top.claims[0]
        who = f", attributing it to {c.attributed_to}" if c.attributed_to else ""
        return f"Only one independent origin ({_label(c)}) reports “{shown}”{who}."
    texts = list(dict.fromkeys(c.value.text for c in top.claims))
    if top.claims[0].value.kind in {"number", "date"} and len(texts) > 1:
        quoted = ", ".join(f"“{t}”" for t in texts)
        text = f"{support} of {origins} independent origins report compatible values ({quoted})"
    else:
        text = f"{support} of {origins} independent origins report “{shown}”"
    others = []
    for cl in clusters:
        if cl is top:
            continue
        for c in cl.claims:
            others.append(f"{_label(c)} reports “{c.value.text}”")
    if others:
        text += "; " + "; ".join(others)
    return text + "."
