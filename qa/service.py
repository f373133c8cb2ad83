"""One `ask(question, k, outlets, story)` for every front door: route to a story, retrieve
each outlet's evidence, judge, agree, quote."""

from __future__ import annotations

import re
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from index.config import Settings
from index.embed import Embedder, embedder_for
from index.models import StoryInfo, Value
from index.store import Store
from index.words import stems
from qa.agree import agree, not_mentioned
from qa.check import check_outlets
from qa.claim_verdict import verdict
from qa.claims import Claim, best_value
from qa.evidence import leads, outlet_evidence
from qa.match import use_encoder
from qa.models import (
    Agreement,
    Answer,
    AnswerSpan,
    AskResponse,
    CheckOutlet,
    CheckResponse,
    DisputeSheet,
    PassageOut,
    QType,
    StoryRef,
)
from qa.question import Question, analyze
from qa.relevance import coverage, missing_terms
from qa.retrieve import Hit, Method, hits_of, rank_story, retrieve
from qa.sheet import facts_of, rows_of
from qa.statement import ClaimFrame, parse_claim, statement_of
from qa.stories import ROUTE_TOP, route
from qa.undated import story_day, with_story_dates
from qa.yesno import yes_no

MAX_QUESTION = 500
MAX_K = 50


@dataclass
class Gathered:
    """What a question or claim is answered from: its story and each outlet's evidence."""

    story: StoryRef
    others: list[StoryRef]
    missing: list[str]  # what the text names that no article of the story mentions
    outlet_docs: dict[str, list[str]]
    hits: list[Hit]
    cover: dict[str, float] = field(default_factory=dict)  # routing: share of the wording


Judged = tuple[Agreement, Answer, dict[str, Claim]]


class BadRequest(ValueError):
    """A question or filter the user must correct (the message says how)."""


class NotFound(BadRequest):
    """A story (or other named thing) that does not exist; the message lists what does."""


# a character that is not space in Python nor in JSON Schema's (ECMA) regexes: the schema of
# a question says it must hold one, with this same class
MEANINGFUL = re.compile(r"[^\s\x00\x1c-\x1f\x85\ufeff]")
MEANINGFUL_ECMA = "[^\\s\\u0000\\u001c-\\u001f\\u0085\\ufeff]"


def clean_question(question: str, what: str = "question") -> str:
    q = " ".join(question.replace("\x00", " ").split())
    if not MEANINGFUL.search(q):
        example = (
            "ask something like 'How many shots were fired?'"
            if what == "question"
            else "state something like 'The officer fired three shots'"
        )
        raise BadRequest(f"the {what} is empty; {example}")
    if len(q) > MAX_QUESTION:
        raise BadRequest(f"the {what} is {len(q)} characters; the limit is {MAX_QUESTION}")
    return q


def answers_first(hits: list[Hit], claims: dict[str, Claim], agreement: Agreement) -> list[Hit]:
    """The passages in which an outlet states a typed answer that is compared (it supports,
    conflicts or takes a side: a date, a number, a name, a place), then the rest; each group
    in retrieval order. An answer not comparable with the consensus (`unclear`) or an
    answering sentence moves nothing: promoting every outlet's claim pushed answer-bearing
    passages out of the top 5."""
    supports = {o.outlet for o in agreement.outlets if o.states_answer}
    typed = {
        c.hit.stored.rowid
        for c in claims.values()
        if c.value.kind != "sentence" and c.outlet in supports
    }
    return [h for h in hits if h.stored.rowid in typed] + [
        h for h in hits if h.stored.rowid not in typed
    ]


# stories whose vocabulary is kept: routing reads it for every candidate story, at 0.12 s
# each to rebuild over 500 passages (1M passages, 2,000 stories); ~100 KB each
VOCAB_CACHE = 1024


class Service:
    """Answers questions over one store. Models load lazily, once, and are shared."""

    def __init__(self, settings: Settings, store: Store | None = None) -> None:
        self.settings = settings
        self._store = store
        self._lock = threading.Lock()
        self._vocab: dict[tuple[int, str], set[str]] = {}
        self._sheets: dict[tuple[int, str], DisputeSheet] = {}
        self._sheet_lock = threading.Lock()
        self._embedder_pool = ThreadPoolExecutor(
            8, thread_name_prefix="embed"
        )  # one sheet computed at a time (CPU-bound)

    @property
    def store(self) -> Store:
        if self._store is None:
            with self._lock:
                if self._store is None:
                    self._store = Store.from_settings(self.settings)
        return self._store

    @cached_property
    def embedder(self) -> Embedder:
        embedder = embedder_for(self.settings)
        use_encoder(lambda words: embedder.encode(words, 64))  # words matched by meaning
        return embedder

    def warm_up(self) -> None:
        """Load the index, the embedder and the spaCy pipeline now rather than on first use."""
        self.store.refresh()
        self.store.stories()  # routing reads the story list: the first questions need not
        self.store.outlets()
        self.embedder.encode_one("warm up")
        analyze("warm up?", self.settings.spacy_model)

    def resolve_outlets(
        self, outlets: list[str] | None, story_docs: dict[str, list[str]], story: str
    ) -> dict[str, list[str]]:
        """Outlet name -> its doc_ids in the story, for the outlets asked for (by name or
        doc_id, case-insensitive); every outlet of the story when none is asked for."""
        if not outlets:
            return story_docs
        self.outlet_rows(outlets)  # unknown outlets are an error whatever the story
        known = self.store.outlets()
        by_doc = {d: name for name, docs in known.items() for d in docs}
        lower = {n.lower(): n for n in known}
        chosen: dict[str, list[str]] = {}
        elsewhere = []
        for o in outlets:
            name = o if o in known else by_doc.get(o) or lower.get(o.strip().lower())
            if name is not None and name in story_docs:
                chosen[name] = story_docs[name]
            elif name is not None:
                elsewhere.append(name)
        if not chosen:
            raise BadRequest(
                f"outlet(s) {', '.join(map(repr, elsewhere))} have no article in story "
                f"{story!r}; its outlets: " + ", ".join(sorted(story_docs))
            )
        return chosen

    def outlet_rows(self, outlets: list[str]) -> set[int]:
        """Passages of the outlets asked for (by name or doc_id), in any story: routing then
        picks among their stories. BadRequest naming the outlets that do not exist."""
        known = self.store.outlets()
        by_doc = {d: [d] for docs in known.values() for d in docs}
        lower = {n.lower(): docs for n, docs in known.items()}
        docs: list[str] = []
        unknown = []
        for o in outlets:
            found = known.get(o) or by_doc.get(o) or lower.get(o.strip().lower())
            if found is None:
                unknown.append(o)
            else:
                docs += found
        if unknown:
            raise NotFound(
                f"unknown outlet(s): {', '.join(map(repr, unknown))}; known outlets: "
                + ", ".join(sorted(known))
            )
        return self.store.rowids_of_docs(docs)

    def stories(self) -> dict[str, StoryInfo]:
        """Every story, as of the latest write of any process."""
        self.store.refresh()
        return self.store.stories()

    def outlets(self) -> dict[str, list[str]]:
        """Every outlet and its documents, as of the latest write of any process."""
        self.store.refresh()
        return self.store.outlets()

    def check_story(self, story: str) -> StoryInfo:
        stories = self.store.stories()
        if story not in stories:
            known = ", ".join(sorted(stories)[:20]) or "none yet"
            raise NotFound(f"no story {story!r}; known stories: {known} (GET /v1/stories)")
        return stories[story]

    def vocabulary(self, story: str) -> set[str]:
        """Stems of every word of a story's passages, titles and outlet names, once per
        generation (the relevance gate reads it)."""
        key = (self.store.story_version(story), story)
        vocab = self._vocab.get(key)
        if vocab is None:
            rows = [r for rs in self.store.story_outlets(story).values() for r in rs]
            info = self.store.stories().get(story)
            vocab = set()
            for sp in self.store.fetch(rows):
                vocab |= stems(sp.passage.text)
                # and the lemmas index time stored: "gave" is the question's "give"
                vocab |= {w for v in sp.values if v.kind == "sentence" for w in stems(v.norm)}
                vocab |= stems(f"{sp.meta.title or ''} {sp.meta.outlet or ''}")
            if info is not None:
                vocab |= stems(info.title)
            if len(self._vocab) >= VOCAB_CACHE:
                self._vocab.pop(next(iter(self._vocab)))  # the oldest
            self._vocab[key] = vocab
        return vocab

    def choose_story(
        self,
        q: Question,
        vector: np.ndarray,
        q_text: str,
        story: str | None,
        method: Method,
        outlets: list[str] | None = None,
    ) -> tuple[str | None, list[StoryRef], list[str], dict[str, float]]:
        """(story, other matching stories, question terms missing from the story, each
        matching story's coverage of the question's wording). Asked for: that story.
        Otherwise the best-routed story whose text mentions what the question names; if none
        does, the best-routed one (and what it lacks)."""
        s = self.settings
        if story is not None:
            self.check_story(story)
            return story, [], missing_terms(q, self.vocabulary(story)), {}
        hits = retrieve(
            self.store,
            vector,
            q_text,
            limit=ROUTE_TOP,
            candidates=s.candidates,
            allowed=self.outlet_rows(outlets) if outlets else None,
            method=method,
            rrf_k=s.rrf_k,
            weights=(s.dense_weight, s.lexical_weight),
        )
        routed = route(hits)
        if not routed:
            return None, [], [], {}
        # a story that mentions more of what the question says wins over one whose passages
        # merely score well ("how many died in the crash?": the crash, not the earthquake)
        cover = coverage(q, {sid: self.vocabulary(sid) for sid, _ in routed})
        routed.sort(key=lambda x: (-cover[x[0]], -x[1], x[0]))
        gaps = {sid: missing_terms(q, self.vocabulary(sid)) for sid, _ in routed}
        chosen = next((sid for sid, _ in routed if not gaps[sid]), routed[0][0])
        infos = self.store.stories()
        others = [
            StoryRef(id=sid, title=infos[sid].title, score=round(score, 4))
            for sid, score in routed
            if sid != chosen and sid in infos
        ]
        return chosen, others, gaps[chosen], cover

    def gather(
        self,
        text: str,
        q: Question,
        k: int,
        outlets: list[str] | None,
        method: Method,
        story: str | None,
        vector: np.ndarray,
    ) -> Gathered | None:
        """The story a text is about and each outlet's ranked evidence in it; None when no
        story matches at all. `vector`: the text's embedding."""
        s = self.settings
        self.store.refresh()
        if outlets:
            self.outlet_rows(outlets)
        chosen, others, missing, cover = self.choose_story(q, vector, text, story, method, outlets)
        if chosen is None:
            return None
        outlet_docs = self.resolve_outlets(outlets, self.store.story_docs(chosen), chosen)
        ranked = rank_story(
            self.store,
            vector,
            text,
            chosen,
            method=method,
            rrf_k=s.rrf_k,
            weights=(s.dense_weight, s.lexical_weight),
        )
        wanted = {d for docs in outlet_docs.values() for d in docs}
        picked = self.pick(ranked, outlet_docs, k, chosen)
        hits = [h for h in hits_of(self.store, picked) if h.stored.passage.doc_id in wanted]
        info = self.store.stories().get(chosen)
        ref = StoryRef(id=chosen, title=info.title if info else chosen)
        return Gathered(ref, others, missing, outlet_docs, hits, cover)

    def ask(
        self,
        question: str,
        k: int = 8,
        outlets: list[str] | None = None,
        method: Method = "hybrid",
        story: str | None = None,
    ) -> AskResponse:
        q_text = clean_question(question)
        if not 1 <= k <= MAX_K:
            raise BadRequest(f"k must be between 1 and {MAX_K}, not {k}")
        vector = self._embedding(q_text)
        q = analyze(q_text, self.settings.spacy_model)
        frame = self._statement(q_text) if q.qtype == QType.yes_no else None
        found = self.gather(q_text, q, k, outlets, method, story, vector.result())
        if found is None:
            agreement, answer, _ = agree(q, {}, {})
            return AskResponse(
                question=q_text, qtype=q.qtype, answer=answer, agreement=agreement, passages=[]
            )
        agreement, answer, claims = self.judge(q, found, frame)
        if story is None and agreement.verdict == "no_evidence" and not found.missing:
            taken = self.next_story(q, q_text, k, outlets, method, vector.result(), found, frame)
            if taken is not None:
                found, (agreement, answer, claims) = taken
        shown = answers_first(found.hits[: max(k, self.settings.evidence_pool)], claims, agreement)
        passages = [self._passage_out(h, rank, q, claims) for rank, h in enumerate(shown[:k], 1)]
        return AskResponse(
            question=q_text,
            qtype=q.qtype,
            story=found.story,
            other_stories=found.others,
            answer=answer,
            agreement=agreement,
            passages=passages,
        )

    def judge(self, q: Question, found: Gathered, frame: ClaimFrame | None = None) -> Judged:
        """The agreement, answer and claims of a question over its gathered evidence (a
        yes/no question's `frame`: its statement as a claim)."""
        docs = found.outlet_docs
        if found.missing:
            return not_mentioned(found.missing, found.story.title, docs)
        evidence, firsts = self.evidence(found, q)
        if frame is not None:
            return yes_no(frame, evidence, docs, firsts, self.store.copied)
        return agree(q, evidence, docs, firsts, self.store.copied)

    def next_story(
        self,
        q: Question,
        q_text: str,
        k: int,
        outlets: list[str] | None,
        method: Method,
        vector: np.ndarray,
        found: Gathered,
        frame: ClaimFrame | None = None,
    ) -> tuple[Gathered, Judged] | None:
        """A question that names no event ("At what time did the crash occur?") may match
        several stories equally; when the best-routed one has no answer, the next matching
        story that mentions everything the question names, as much of its wording as the
        first, and does answer it is taken (the first stays among `other_stories`). Only
        then: a wrong story is worse than none."""
        cover = found.cover  # as routing measured it
        for alt in found.others[: self.settings.fallback_stories]:
            if cover.get(alt.id, 0.0) < cover.get(found.story.id, 0.0):
                continue  # the question's words tell the two apart ("… revised to 38?")
            other = self.gather(q_text, q, k, outlets, method, alt.id, vector)
            if other is None or other.missing:
                continue
            tried = self.judge(q, other, frame)
            if tried[0].verdict != "no_evidence":
                first = StoryRef(id=found.story.id, title=found.story.title)
                other.others = [first, *(o for o in found.others if o.id != alt.id)]
                return other, tried
        return None

    def sheet(self, story: str) -> DisputeSheet:
        """The story's dispute sheet, computed once per index generation."""
        self.store.refresh()
        info = self.check_story(story)
        key = (self.store.story_version(story), story)
        with self._sheet_lock:
            found = self._sheets.get(key)
            if found is None:
                rows = [r for rs in self.store.story_outlets(story).values() for r in rs]
                self.embedder  # noqa: B018 -- the fact finder matches words by meaning
                facts = facts_of(self.store.fetch(rows))
                answered = rows_of(facts, lambda q: self.ask(q, story=story))
                found = DisputeSheet(
                    story=StoryRef(id=story, title=info.title),
                    generation=key[0],
                    disputed=sum(r.disputed for r in answered),
                    rows=answered,
                )
                if len(self._sheets) > 1024:
                    self._sheets.clear()
                self._sheets[key] = found
        return found

    def cached_sheet(self, story: str) -> DisputeSheet | None:
        """The sheet if it is already computed for this generation (the story list shows
        dispute counts it has, without computing every story's)."""
        return self._sheets.get((self.store.story_version(story), story))

    def _statement(self, question: str) -> ClaimFrame:
        """A yes/no question's statement as a claim, parsed while its embedding is computed
        (the parse is most of a yes/no question's cost)."""
        return parse_claim(statement_of(question, self.settings.spacy_model), self.settings)

    def _embedding(self, text: str) -> Future[np.ndarray]:
        """The text's embedding, computed in another thread while this one parses the text
        (torch and spaCy both release the interpreter: the two overlap on two cores)."""
        return self._embedder_pool.submit(self.embedder.encode_query, text)

    def check(
        self, claim: str, story: str | None = None, outlets: list[str] | None = None
    ) -> CheckResponse:
        """Each outlet's stance on a statement, within the story it is about."""
        text = clean_question(claim, what="claim")
        vector = self._embedding(text)
        q = analyze(text, self.settings.spacy_model)
        frame = parse_claim(text, self.settings)  # while the embedding is computed
        found = self.gather(
            text, q, self.settings.evidence_pool, outlets, "hybrid", story, vector.result()
        )
        if found is None:
            return CheckResponse(
                claim=text, verdict="unverified", explanation="No story is indexed.", outlets=[]
            )
        docs = found.outlet_docs
        if found.missing:
            rows = [CheckOutlet(outlet=o, doc_ids=d, stance="silent") for o, d in docs.items()]
            quoted = ", ".join(f"“{m}”" for m in found.missing)
            why = f"No article of the story “{found.story.title}” mentions {quoted}."
            return CheckResponse(
                claim=text, story=found.story, other_stories=found.others,
                verdict="unverified", explanation=why, outlets=rows,
            )  # fmt: skip
        evidence, firsts = self.evidence(found, q)
        rows = check_outlets(frame, evidence, docs, firsts, self.store.copied)
        v, why = verdict(rows, frame)
        order = {"contradicts": 0, "supports": 1, "hedges": 2, "silent": 3}
        rows.sort(key=lambda o: (order[o.stance], o.outlet))
        return CheckResponse(
            claim=text, story=found.story, other_stories=found.others,
            verdict=v, explanation=why, outlets=rows,
        )  # fmt: skip

    def pick(
        self,
        ranked: list[tuple[int, float, float, float | None]],
        outlet_docs: dict[str, list[str]],
        k: int,
        story: str,
    ) -> list[tuple[int, float, float, float | None]]:
        """The story's best passages overall, plus each outlet's own best few (its evidence
        whatever the other outlets score), in fused order."""
        s = self.settings
        by_outlet = {r: o for o, rs in self.store.story_outlets(story).items() for r in rs}
        top = {r for r, *_ in ranked[: max(k, s.evidence_pool)]}
        per: dict[str, int] = {}
        for r, *_ in ranked:
            o = by_outlet.get(r)
            if o in outlet_docs and per.get(o, 0) < s.evidence_per_outlet:
                per[o] = per.get(o, 0) + 1
                top.add(r)
        return [x for x in ranked if x[0] in top]

    def evidence(
        self, found: Gathered, q: Question
    ) -> tuple[dict[str, list[Hit]], dict[str, list[Hit]]]:
        """Per outlet, its passages that speak to the question, and its articles' leads
        besides (`qa/evidence.py`), with the relative dates of undated articles read
        against the story's days."""
        chosen = outlet_evidence(found.hits, found.outlet_docs, self.settings, bool(q.lemmas), q)
        day = story_day(self.store.stories().get(found.story.id))
        firsts = leads(found.hits, chosen)
        return (
            {o: with_story_dates(hits, day) for o, hits in chosen.items()},
            {o: with_story_dates(hits, day) for o, hits in firsts.items()},
        )

    @staticmethod
    def _passage_out(hit: Hit, rank: int, q, claims: dict[str, Claim]) -> PassageOut:
        sp = hit.stored
        claim = claims.get(sp.outlet)
        span: Value | None = None
        if claim is not None and claim.hit.stored.rowid == sp.rowid:
            span = claim.value
        else:
            found = best_value(q, hit)
            span = found[0] if found else None
        return PassageOut(
            id=sp.passage.id,
            doc_id=sp.passage.doc_id,
            outlet=sp.outlet,
            title=sp.meta.title,
            published=sp.meta.published,
            url=sp.meta.url,
            text=sp.passage.text,
            start=sp.passage.start,
            end=sp.passage.end,
            score=round(hit.score, 4),
            rank=rank,
            dense_score=None if hit.dense is None else round(hit.dense, 4),
            lexical_score=None if hit.lexical is None else round(hit.lexical, 4),
            answer_span=AnswerSpan(start=span.start, end=span.end, text=span.text)
            if span
            else None,
        )
