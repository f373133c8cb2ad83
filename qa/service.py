"""One `ask(question, k, outlets)` for every front door: retrieve, judge, agree, quote."""

from __future__ import annotations

import threading
from functools import cached_property

from index.config import Settings
from index.embed import Embedder, embedder_for
from index.models import Value
from index.store import Store
from qa.agree import Claim, agree, best_value
from qa.models import AnswerSpan, AskResponse, PassageOut
from qa.question import analyze
from qa.retrieve import Hit, Method, retrieve

MAX_QUESTION = 500
MAX_K = 50


class BadRequest(ValueError):
    """A question or filter the user must correct (the message says how)."""


def clean_question(question: str) -> str:
    q = " ".join(question.replace("\x00", " ").split())
    if not q:
        raise BadRequest("the question is empty; ask something like 'How many shots were fired?'")
    if len(q) > MAX_QUESTION:
        raise BadRequest(f"the question is {len(q)} characters; the limit is {MAX_QUESTION}")
    return q


def answers_first(hits: list[Hit], claims: dict[str, Claim]) -> list[Hit]:
    """The passages in which an outlet states a typed answer (a date, a number, a name, a
    place), then the rest; each group in retrieval order. An answering *sentence* (untyped
    questions) moves nothing: there, retrieval ranks better than word overlap does."""
    typed = {c.hit.stored.rowid for c in claims.values() if c.value.kind != "sentence"}
    return [h for h in hits if h.stored.rowid in typed] + [
        h for h in hits if h.stored.rowid not in typed
    ]


class Service:
    """Answers questions over one store. Models load lazily, once, and are shared."""

    def __init__(self, settings: Settings, store: Store | None = None) -> None:
        self.settings = settings
        self._store = store
        self._lock = threading.Lock()

    @property
    def store(self) -> Store:
        if self._store is None:
            with self._lock:
                if self._store is None:
                    self._store = Store.from_settings(self.settings)
        return self._store

    @cached_property
    def embedder(self) -> Embedder:
        return embedder_for(self.settings)

    def warm_up(self) -> None:
        """Load the index, the embedder and the spaCy pipeline now rather than on first use."""
        self.store.refresh()
        self.embedder.encode_one("warm up")
        analyze("warm up?", self.settings.spacy_model)

    def resolve_outlets(
        self, outlets: list[str] | None
    ) -> tuple[dict[str, list[str]], set[int] | None]:
        """Outlet name -> doc_ids for the outlets asked for (by name or doc_id), and their rows."""
        known = self.store.outlets()
        if not outlets:
            return known, None
        chosen: dict[str, list[str]] = {}
        by_doc = {d: name for name, docs in known.items() for d in docs}
        unknown = []
        for o in outlets:
            name = o if o in known else by_doc.get(o)
            if name is None:
                match = [n for n in known if n.lower() == o.strip().lower()]
                name = match[0] if match else None
            if name is None:
                unknown.append(o)
            else:
                chosen[name] = known[name]
        if unknown:
            raise BadRequest(
                f"unknown outlet(s): {', '.join(map(repr, unknown))}; known outlets: "
                + ", ".join(sorted(known))
            )
        rows = self.store.rowids_of_docs(d for docs in chosen.values() for d in docs)
        return chosen, rows

    def ask(
        self, question: str, k: int = 8, outlets: list[str] | None = None, method: Method = "hybrid"
    ) -> AskResponse:
        q_text = clean_question(question)
        if not 1 <= k <= MAX_K:
            raise BadRequest(f"k must be between 1 and {MAX_K}, not {k}")
        s = self.settings
        self.store.refresh()
        outlet_docs, allowed = self.resolve_outlets(outlets)
        q = analyze(q_text, s.spacy_model)
        vector = self.embedder.encode_one(q_text)
        hits = retrieve(
            self.store,
            vector,
            q_text,
            limit=max(k, s.evidence_pool),
            candidates=s.candidates,
            allowed=allowed,
            method=method,
            rrf_k=s.rrf_k,
            weights=(s.dense_weight, s.lexical_weight),
        )
        evidence = self.evidence(hits, outlet_docs)
        agreement, answer, claims = agree(q, evidence, outlet_docs)
        shown = answers_first(hits, claims)
        passages = [self._passage_out(h, rank, q, claims) for rank, h in enumerate(shown[:k], 1)]
        return AskResponse(
            question=q_text, qtype=q.qtype, answer=answer, agreement=agreement, passages=passages
        )

    def evidence(self, hits: list[Hit], outlet_docs: dict[str, list[str]]) -> dict[str, list[Hit]]:
        """Per outlet, its passages relevant enough to speak to the question, best first."""
        s = self.settings
        top = max((h.dense for h in hits if h.dense is not None), default=None)
        out: dict[str, list[Hit]] = {o: [] for o in outlet_docs}
        if top is None:
            return out
        for h in hits:
            if h.dense is None or h.dense < s.relevance_min or h.dense < top - s.relevance_margin:
                continue
            out.setdefault(h.stored.outlet, []).append(h)
        return out

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
