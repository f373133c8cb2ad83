"""Synthetic data for benchmarks, built from the seed articles (nothing is downloaded).

- A corpus: new documents made of seed sentences re-combined in random order, under
  invented outlets, dates and URLs, written as JSONL for `crosscheck index`.
- A store of many stories: the indexed seed documents copied under invented outlets into
  `stories` named stories, each story's embeddings moved along its own random direction so
  that stories are apart in the embedding space as real events are, written through the
  store's own write path (no embedding or parsing is paid for).
- Vectors: normalised mixtures of seed-sentence embeddings plus Gaussian noise, so that
  they spread over the same region of the embedding space as real passages do (pure random
  vectors in 384 dimensions have no neighbourhood structure at all; `kind="random"` gives
  them as the worst case).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Literal

import numpy as np

from index.build import document_from_raw
from index.config import Settings
from index.ingest import read_paths
from index.nlp import get_nlp, split_sentences
from index.store import IndexedDocument, Store

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
OUTLETS = [
    "Northern Ledger", "Capitol Wire", "Riverside Post", "Metro Daily", "The Evening Courier",
    "Lakeside Herald", "Prairie News Service", "Harbor Times", "Union Dispatch", "Valley Report",
]  # fmt: skip


def seed_sentences(settings: Settings, seeds: Path = SEEDS) -> list[str]:
    """Every sentence of the cleaned seed articles, in order."""
    raws, _ = read_paths([seeds])
    nlp = get_nlp(settings.spacy_model)
    out: list[str] = []
    for raw in raws:
        doc = document_from_raw(raw)
        out += [doc.text[s.start : s.end] for s in split_sentences(doc.text, nlp)]
    return [s for s in out if len(s.split()) >= 4]


def write_corpus(
    path: Path, sentences: list[str], passages: int, per_passage: int = 3, seed: int = 0
) -> int:
    """Write documents holding about `passages` passages to `path` (JSONL); returns the
    number of documents. Each has 6-30 sentences in paragraphs of up to three."""
    rng = np.random.default_rng(seed)
    wanted = passages * per_passage * 1.1  # sentences; chunking packs about 3 per passage
    written = n_sentences = 0
    day0 = dt.date(2025, 1, 1)
    with path.open("w", encoding="utf-8") as f:
        while n_sentences < wanted:
            k = int(rng.integers(6, 31))
            picked = [sentences[i] for i in rng.choice(len(sentences), size=k, replace=False)]
            paragraphs = [" ".join(picked[i : i + 3]) for i in range(0, k, 3)]
            outlet = OUTLETS[int(rng.integers(len(OUTLETS)))] if rng.random() < 0.9 else None
            row = {
                "doc_id": f"synth_{written:06d}",
                "outlet": outlet,
                "title": picked[0][:120],
                "published": (day0 + dt.timedelta(days=int(rng.integers(0, 700)))).isoformat(),
                "url": f"https://news.example.org/{written}" if rng.random() < 0.7 else None,
                "text": "\n\n".join(paragraphs),
            }
            f.write(json.dumps(row) + "\n")
            written += 1
            n_sentences += k
    return written


def vectors(
    bases: np.ndarray,
    n: int,
    seed: int,
    kind: Literal["perturbed", "random"] = "perturbed",
    noise: float = 0.05,
    chunk: int = 100_000,
) -> np.ndarray:
    """`n` unit vectors: each a random mixture of three base embeddings plus noise per
    dimension (or, for `kind="random"`, isotropic Gaussian directions)."""
    rng = np.random.default_rng(seed)
    d = bases.shape[1]
    out = np.empty((n, d), dtype=np.float32)
    for lo in range(0, n, chunk):
        m = min(chunk, n - lo)
        if kind == "random":
            x = rng.standard_normal((m, d), dtype=np.float32)
        else:
            pick = rng.integers(0, len(bases), (m, 3))
            weights = rng.dirichlet([1.0, 1.0, 1.0], m).astype(np.float32)
            x = np.einsum("mk,mkd->md", weights, bases[pick])
            x += rng.standard_normal((m, d), dtype=np.float32) * noise
        out[lo : lo + m] = x / np.linalg.norm(x, axis=1, keepdims=True)
    return out


def _unit(x: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=-1, keepdims=True)).astype(np.float32)


def _source_documents(source: Store) -> list[IndexedDocument]:
    """The source store's documents as they were written: passages, embeddings, values."""
    out = []
    for doc in source.all_documents():
        stored = source.fetch(sorted(source.rowids_of_docs([doc.doc_id])))
        _, emb = source.embeddings([sp.rowid for sp in stored])
        out.append(
            IndexedDocument(
                doc.model_copy(update={"story": None}),
                "",
                "synthetic",
                [sp.passage for sp in stored],
                emb,
                [sp.values for sp in stored],
            )
        )
    return out


def story_documents(
    source: Store, passages: int, stories: int, seed: int = 0, shift: float = 0.3
) -> list[IndexedDocument]:
    """About `passages` passages in `stories` named stories, copied from `source`'s documents
    (texts, offsets and typed values unchanged). Story i's embeddings are the originals plus
    `shift` along the story's own random direction, renormalised."""
    rng = np.random.default_rng(seed)
    docs = _source_documents(source)
    per_doc = sum(len(d.passages) for d in docs) / len(docs)
    per_story = max(1, round(passages / stories / per_doc))
    day0 = dt.date(2024, 1, 1)
    out = []
    for s in range(stories):
        direction = _unit(np.asarray(rng.standard_normal(docs[0].embeddings.shape[1])))
        for j in range(per_story):
            src = docs[int(rng.integers(len(docs)))]
            doc_id = f"story{s:04d}_{j:03d}"
            emb = _unit(src.embeddings + shift * direction)
            document = src.document.model_copy(
                update={
                    "doc_id": doc_id,
                    "outlet": OUTLETS[j % len(OUTLETS)],
                    "story": f"synthetic-{s:04d}",
                    "published": day0 + dt.timedelta(days=s),
                    "url": None,
                }
            )
            moved = [
                p.model_copy(update={"id": f"{doc_id}:{p.n}", "doc_id": doc_id})
                for p in src.passages
            ]
            out.append(
                IndexedDocument(
                    document, f"synthetic-{doc_id}", "synthetic", moved, emb, src.values,
                    signature=emb[0],
                )
            )  # fmt: skip
    return out
