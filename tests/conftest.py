"""Shared fixtures: a real index of the seeds in a temporary data dir, built once."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
# in-process apps and `crosscheck index` would renice the test process itself (niceness
# cannot be given back): the tests of niceness set it where they measure it
os.environ.setdefault("CROSSCHECK_READ_NICE", "0")
os.environ.setdefault("CROSSCHECK_INDEX_NICE", "0")

from index.build import index_documents  # noqa: E402
from index.config import Settings  # noqa: E402
from index.ingest import read_paths  # noqa: E402
from index.store import Store  # noqa: E402
from qa.service import Service  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def make_settings(data_dir: Path, **kw) -> Settings:
    return Settings(data_dir=data_dir, **kw)


def build_index(data_dir: Path, paths: list[Path] | None = None) -> Store:
    settings = make_settings(data_dir)
    store = Store.from_settings(settings)
    raws, errors = read_paths(paths or [SEEDS])
    assert not errors
    index_documents(store, raws, settings)
    return store


@pytest.fixture(scope="session")
def seed_dir(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("seed-index")
    build_index(data).close()
    return data


@pytest.fixture()
def seed_copy(seed_dir, tmp_path) -> Path:
    """A private copy of the seed index, for tests that write."""
    dst = tmp_path / "data"
    shutil.copytree(seed_dir, dst)
    return dst


@pytest.fixture(scope="session")
def service(seed_dir) -> Service:
    return Service(make_settings(seed_dir))


@pytest.fixture()
def word_model():
    """qa/match.py with the embedding model (as a Service sets it up), restored after."""
    from index.embed import embedder_for
    from qa.match import using_encoder

    embedder = embedder_for(Settings())
    with using_encoder(lambda words: embedder.encode(words, 64)):
        yield


@pytest.fixture()
def no_word_model():
    """qa/match.py matching by word form only, restored after."""
    from qa.match import using_encoder

    with using_encoder(None):
        yield
