"""Each outlet's evidence (qa/evidence.py) on passages built by hand."""

from pathlib import Path

from qa.evidence import outlet_evidence
from qa.retrieve import Hit
from tests.conftest import make_settings
from tests.helpers import stored


def hit(outlet: str, n: int, dense: float | None, lexical: float | None) -> Hit:
    return Hit(stored(outlet, n), 0.5, dense, lexical)


def ids(hits: list[Hit]) -> list[str]:
    return [h.stored.passage.doc_id for h in hits]


def test_by_meaning_within_the_margin(tmp_path: Path):
    s = make_settings(tmp_path)
    hits = [hit("A", 1, 0.70, None), hit("B", 2, 0.45, None), hit("B", 3, 0.39, None)]
    ev = outlet_evidence(hits, {"A": ["a"], "B": ["b"]}, s)
    assert ids(ev["B"]) == ["b_2"]  # 0.39 is more than 0.3 under the best


def test_a_passage_with_the_questions_words_counts_despite_its_vector(tmp_path: Path):
    s = make_settings(tmp_path)
    hits = [hit("A", 1, 0.41, 3.0), hit("B", 2, 0.22, 4.0), hit("C", 3, 0.22, 1.0)]
    ev = outlet_evidence(hits, {"A": ["a"], "B": ["b"], "C": ["c"]}, s)
    assert ids(ev["B"]) == ["b_2"]  # under the cosine floor, best by words
    assert ev["C"] == []  # neither close in meaning nor in words
    off = make_settings(tmp_path, relevance_lexical=0.0)
    assert outlet_evidence(hits, {"B": ["b"]}, off)["B"] == []


def test_at_most_the_per_outlet_number_and_only_the_storys_outlets(tmp_path: Path):
    s = make_settings(tmp_path, evidence_per_outlet=2)
    hits = [hit("A", i, 0.6, None) for i in range(1, 5)] + [hit("Z", 9, 0.8, None)]
    ev = outlet_evidence(hits, {"A": ["a"]}, s)
    assert ids(ev["A"]) == ["a_1", "a_2"] and "Z" not in ev


def test_a_question_that_names_nothing_is_not_matched_by_its_words(tmp_path: Path):
    s = make_settings(tmp_path)
    hits = [hit("A", 1, 0.41, 3.0), hit("B", 2, 0.05, 4.0)]
    ev = outlet_evidence(hits, {"A": ["a"], "B": ["b"]}, s, named=False)
    assert ids(ev["A"]) == ["a_1"] and ev["B"] == []


def test_the_leads_of_an_outlets_articles_outside_its_evidence():
    from dataclasses import replace

    from qa.evidence import leads

    def at(h: Hit, n: int) -> Hit:
        return replace(
            h, stored=replace(h.stored, passage=h.stored.passage.model_copy(update={"n": n}))
        )

    chosen, lead, later = (
        hit("A", 1, 0.6, None),
        hit("A", 2, 0.1, None),
        at(hit("A", 3, 0.1, None), 4),
    )
    out = leads([chosen, lead, later, hit("B", 5, 0.1, None)], {"A": [chosen]})
    assert ids(out["A"]) == ["a_2"] and "B" not in out  # only the story's outlets


def test_a_passage_that_gives_the_figure_asked_about_counts(tmp_path: Path):
    from qa.question import analyze
    from tests.helpers import value, value_in

    s = make_settings(tmp_path)

    def far(outlet: str, n: int, figure: str) -> Hit:
        sentence = value("sentence", f"The quake measured {figure}.", "quake measure")
        count = value_in(sentence, "number", figure, figure, lo=float(figure), hi=float(figure))
        return Hit(stored(outlet, n, sentence, count), 0.5, 0.02, 0.5)

    hits = [hit("A", 1, 0.41, 3.0), far("B", 2, "6.1"), far("C", 3, "5.4")]
    q = analyze("Which agency gave the 6.1 reading?")
    ev = outlet_evidence(hits, {"A": ["a"], "B": ["b"], "C": ["c"]}, s, q=q)
    # far by meaning and by words, but it states the 6.1 the question names
    assert ids(ev["B"]) == ["b_2"] and ev["C"] == []
    no_figure = analyze("Which agency gave the reading?")
    assert outlet_evidence(hits, {"B": ["b"]}, s, q=no_figure)["B"] == []
