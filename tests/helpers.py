"""Shared test helpers: articles written for the tests (two events in one city, one day),
extracted values and passages built by hand, and a small disk to fill."""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from index.ingest import RawDocument
from index.models import DocumentMeta, Passage, StoredPassage, Value

if TYPE_CHECKING:
    from qa.claims import Claim
    from qa.retrieve import Hit

# Two unrelated events in Duluth on the same day, two outlets each (written for these tests).
TWO_EVENTS = {
    "fire_gazette": (
        "Lakeside Gazette",
        "Warehouse fire on Garfield Avenue forces evacuation of Duluth port",
        "A fire broke out at a grain warehouse on Garfield Avenue in Duluth on Tuesday "
        "morning, sending thick smoke over the harbor. Fire Chief Shawn Krizaj said 40 "
        "firefighters fought the blaze for six hours. Two firefighters were treated for heat "
        "exhaustion. The cause of the fire is under investigation, Krizaj said.",
    ),
    "fire_herald": (
        "North Shore Herald",
        "Grain warehouse blaze in Duluth injures two firefighters",
        "Flames tore through a grain warehouse near the Duluth harbor on Tuesday, Fire Chief "
        "Shawn Krizaj said. About 40 firefighters battled the blaze on Garfield Avenue, and "
        "two of them were hurt. Investigators have not said what started the fire.",
    ),
    "vote_gazette": (
        "Lakeside Gazette",
        "Duluth city council approves new transit budget after long debate",
        "The Duluth City Council voted 7 to 2 on Tuesday evening to approve a transit budget "
        "of 12 million dollars. Council President Arlene Ebert said the plan adds three bus "
        "routes to the hillside neighborhoods. Two council members said the fares were too high.",
    ),
    "vote_herald": (
        "North Shore Herald",
        "Council backs 12 million dollar transit plan in Duluth",
        "Duluth's council approved a 12 million dollar transit budget on Tuesday by a vote of 7 "
        "to 2. Council President Arlene Ebert said three new bus routes would serve hillside "
        "neighborhoods from the spring.",
    ),
}


def two_event_raws(published: str = "2026-03-03") -> list[RawDocument]:
    return [
        RawDocument(
            meta=DocumentMeta(doc_id=doc_id, outlet=outlet, title=title, published=published),
            raw=text,
            source=f"test:{doc_id}",
        )
        for doc_id, (outlet, title, text) in TWO_EVENTS.items()
    ]


# A third outlet on the Duluth fire, for claim checks: another count, a hedge, a party's claim.
FIRE_COURIER = (
    "fire_courier",
    "Harbor Courier",
    "Duluth grain warehouse fire draws crews from three towns",
    "At least 60 firefighters from Duluth, Superior and Hermantown fought a fire at a grain "
    "warehouse on Garfield Avenue on Tuesday. It was not clear whether any firefighters were "
    "hurt. The warehouse owner, Dale Pruitt, said the fire started in an electrical panel.",
)


def claim_check_raws(published: str = "2026-03-03") -> list[RawDocument]:
    """The two Duluth events plus a third outlet on the fire."""
    doc_id, outlet, title, text = FIRE_COURIER
    extra = RawDocument(
        meta=DocumentMeta(doc_id=doc_id, outlet=outlet, title=title, published=published),
        raw=text,
        source=f"test:{doc_id}",
    )
    return [*two_event_raws(published), extra]


@contextlib.contextmanager
def small_disk(where: Path, size: str = "3m") -> Iterator[Path]:
    """A size-limited folder (a tmpfs mounted at `where`): a real full disk for the tests.
    Skips the test where mounting is not allowed (not root, no CAP_SYS_ADMIN)."""
    where.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here ({mounted.stderr.strip()})")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def fill(disk: Path) -> Path:
    """Fill a small disk to the last byte; returns the filler file (delete it to free)."""
    filler = disk / "filler"
    with open(filler, "ab", buffering=0) as f:
        for chunk in (b"\0" * 65536, b"\0" * 512, b"\0"):
            with contextlib.suppress(OSError):
                while True:
                    f.write(chunk)
    return filler


def remount_read_only(disk: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)


def value(kind: str, text: str, norm: str, head: str | None = None, start: int = 0, **kw) -> Value:
    """An extracted value as index time stores it, at `start` in its document."""
    end = start + len(text)
    return Value(kind=kind, start=start, end=end, text=text, norm=norm, head=head, **kw)


def value_in(sentence: Value, kind: str, text: str, norm: str, **kw) -> Value:
    """A value found inside a sentence value, at its offset there."""
    return value(kind, text, norm, start=sentence.start + sentence.text.index(text), **kw)


def stored(outlet: str, n: int, *values: Value, text: str = "x" * 10) -> StoredPassage:
    """A passage of document `<outlet>_<n>` holding these values (and this text)."""
    doc = f"{outlet.lower()}_{n}"
    return StoredPassage(
        rowid=hash((outlet, n)) % 10_000,
        passage=Passage(id=f"{doc}:0", doc_id=doc, n=0, start=0, end=len(text), text=text),
        meta=DocumentMeta(doc_id=doc, outlet=outlet),
        values=list(values),
    )


def hit_of(*values: Value, n: int = 1) -> Hit:
    """A retrieved passage of the Courier's document `n` holding these values."""
    from qa.retrieve import Hit

    return Hit(stored("Courier", n, *values), 1.0, 0.6, None)


def answered(question: str, hit: Hit) -> list[str]:
    """The quoted answers to a question in a retrieved passage, best first."""
    from qa.claims import answers
    from qa.question import analyze

    return [v.text for v, _, _ in answers(analyze(question), hit)]


def places_hit(text: str, norm: str, places: list[str], doer: str, act: str) -> Hit:
    """A retrieved passage of one sentence naming these places, whose subject `doer` did
    `act` ("The ferry" sailed)."""

    sentence = value("sentence", text, norm)
    named = [value_in(sentence, "place", p, p.lower(), head="GPE") for p in places]
    agent = value_in(sentence, "agent", doer, doer.split()[-1].lower(), head=act)
    return hit_of(sentence, agent, *named)


def extracted(text: str, tmp_path: Path) -> list[Value]:
    """Every value index time extracts from a text (one document, no publication date)."""
    from index.build import prepare
    from index.models import Document
    from tests.conftest import make_settings

    doc = Document(doc_id="t", outlet="Courier", published=None, text=text)
    prep = prepare(doc, "h", "test", make_settings(tmp_path))
    return [v for vs in prep.values for v in vs]


def count_claim(
    outlet: str, n: int, said: str, lo: float = 0, hi: float | None = 0, weight: float = 1.0
) -> Claim:
    """An outlet's answer that is a count ("at least 40": lo 40, hi None), in a sentence of
    its own, the passage `n` of the outlet."""
    from qa.claims import Claim
    from qa.retrieve import Hit

    sentence = value("sentence", f"The toll is {said}.", "toll")
    hit = Hit(stored(outlet, n, sentence, text=sentence.text), 1.0, 0.5, None)
    count = value("number", said, said, start=12, lo=lo, hi=hi)
    return Claim(outlet, [hit.stored.passage.doc_id], hit, count, sentence, weight)


def name_claim(outlet: str, n: int, name: str, kind: str = "person", **kw) -> Claim:
    """An outlet's answer that is a name (a person's, or a place's), in a sentence of its own
    (`kw`: more of the value, as `full`, the whole name the article gave before)."""
    from qa.claims import Claim
    from qa.retrieve import Hit

    sentence = value("sentence", f"{name} was named.", "name")
    hit = Hit(stored(outlet, n, sentence, text=sentence.text), 1.0, 0.5, None)
    kw = {"norm": name.split()[-1].lower(), **kw}
    named = value(kind, name, **kw)
    return Claim(outlet, [hit.stored.passage.doc_id], hit, named, sentence, 1.0)


def reading(claim: str, sentence: str, tmp_path: Path) -> str | None:
    """How a text's last sentence (parsed as index time parses it) reads a claim."""
    from qa.reading import read_sentence
    from qa.statement import parse_claim
    from tests.conftest import make_settings

    frame = parse_claim(claim, make_settings(tmp_path))
    values = extracted(sentence, tmp_path)
    s = [v for v in values if v.kind == "sentence"][-1]  # the last; those before give context
    inside = [v for v in values if v.kind != "sentence" and s.start <= v.start < s.end]
    read = read_sentence(frame, s, inside)
    return read[0] if read else None
