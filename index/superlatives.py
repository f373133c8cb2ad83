"""The superlatives a sentence states ("the strongest", "the most powerful"), read once at
index time: a claim of one (`qa/superlatives.py`) is then checked against them without
tagging an article's sentences again at query time."""

from __future__ import annotations

from spacy.tokens import Span

from index.models import Value


def superlative_values(sent: Span, offset: int, speaker: str | None) -> list[Value]:
    """One value per superlative, as written, with its adjective's lemma as norm: "strongest"
    ("strong"), "most powerful" ("powerful"); not "most" of a quantity ("most deaths")."""
    out: list[Value] = []
    for t in sent:
        if t.tag_ == "JJS" and t.lower_ not in {"most", "least"}:
            words, lemma = sent.doc[t.i : t.i + 1], t.lemma_.lower()
        elif (
            t.tag_ == "RBS" and t.lower_ == "most" and t.i + 1 < sent.end and t.nbor().tag_ == "JJ"
        ):
            words, lemma = sent.doc[t.i : t.i + 2], t.nbor().lemma_.lower()
        else:
            continue
        start = offset + words.start_char
        out.append(Value(
            kind="superlative", start=start, end=start + len(words.text), text=words.text,
            norm=lemma, attributed_to=speaker,
        ))  # fmt: skip
    return out
