"""The answering contract on the seeds, through `Service.ask` only."""

import re

import pytest

from qa.service import BadRequest

DHS = re.compile(r"DHS|Homeland Security|McLaughlin|Noem|[Ff]ederal officials", re.I)


def by_doc(resp, prefix):
    return next(o for o in resp.agreement.outlets if any(d.startswith(prefix) for d in o.doc_ids))


def test_when(service):
    r = service.ask("When did the shooting happen?")
    assert r.qtype == "when"
    assert r.answer.value == "2026-01-07" and "Wednesday" in r.answer.display
    assert r.agreement.verdict == "mixed"
    o = by_doc(r, "001_")
    assert o.stance == "conflicts" and o.value == "2024-03-15"
    assert "March 15, 2024" in r.agreement.explanation


def test_how_many_shots_shows_each_outlets_value(service):
    r = service.ask("How many shots were fired?")
    assert r.qtype == "how_many"
    shown = {o.display for o in r.agreement.outlets if o.display}
    assert any("at least two" in s for s in shown)
    assert any("three gunshots" in s for s in shown)
    assert any("three or four" in s for s in shown)
    # consistent only because the intervals [2,inf), [3,3] and [3,4] all contain 3
    if r.agreement.verdict == "consistent":
        assert r.answer.value == "3"


def test_crash_disagreement_is_visible(service):
    r = service.ask("What did the SUV crash into?")
    stances = {o.outlet: o for o in r.agreement.outlets}
    aj = stances["Al Jazeera"]
    assert "pole" in aj.display and aj.stance == "conflicts"
    assert stances["MS NOW"].stance == "supports" and "vehicle" in stances["MS NOW"].display
    assert r.agreement.verdict in {"mixed", "conflicting"}


def test_who_fired(service):
    r = service.ask("Who fired?")
    assert r.agreement.verdict == "consistent"
    assert re.search(r"officer|agent", r.answer.display, re.I)
    supporting = [o for o in r.agreement.outlets if o.stance == "supports"]
    assert all(re.search(r"officer|agent", o.display, re.I) for o in supporting)


def test_shared_wire_sentence_is_one_origin(service):
    r = service.ask("What did the shooting mark?")
    o2, o3 = by_doc(r, "002_"), by_doc(r, "003_")
    assert "dramatic escalation" in o2.display and "dramatic escalation" in o3.display
    assert o2.same_origin_as == o3.outlet or o3.same_origin_as == o2.outlet
    assert r.agreement.origins < len([o for o in r.agreement.outlets if o.display])


def test_self_defence_claim_is_attributed(service):
    r = service.ask("Did DHS say the officer acted in self-defense?")
    reporting = [o for o in r.agreement.outlets if o.display and "self-def" in o.display.lower()]
    assert len(reporting) >= 3
    for o in reporting:  # every outlet reporting it names the party, never the mayor or a witness
        assert o.attributed_to and DHS.search(o.attributed_to), o


def test_off_corpus_question_has_no_evidence(service):
    for q in ["What is the boiling point of mercury?", "Who won the 1998 chess olympiad?"]:
        r = service.ask(q)
        assert r.agreement.verdict == "no_evidence" and r.agreement.score is None
        assert r.answer.value is None


def test_passages_and_spans_point_into_documents(service):
    r = service.ask("How many shots were fired?", k=10)
    assert [p.rank for p in r.passages] == list(range(1, 11))
    for p in r.passages:
        doc = service.store.get_document(p.doc_id)
        assert doc.text[p.start : p.end] == p.text
        if p.answer_span:
            assert doc.text[p.answer_span.start : p.answer_span.end] == p.answer_span.text


def test_outlet_filter_and_bad_input(service):
    r = service.ask("How many shots were fired?", outlets=["MS NOW"])
    assert {p.outlet for p in r.passages} == {"MS NOW"}
    with pytest.raises(BadRequest, match="unknown outlet"):
        service.ask("Who fired?", outlets=["Daily Planet"])
    for bad in ["", "   ", "x" * 501]:
        with pytest.raises(BadRequest):
            service.ask(bad)
    with pytest.raises(BadRequest):
        service.ask("Who fired?", k=0)


@pytest.mark.parametrize(
    "question",
    [
        "When did the shooting happen?",
        "How many shots were fired?",
        "In what city did the shooting take place?",
    ],
)
def test_passages_stating_an_outlets_typed_answer_come_first(service, question):
    r = service.ask(question, k=10)
    compared = {"supports", "conflicts"}  # an answer not comparable moves nothing
    stated = {
        o.passage_id for o in r.agreement.outlets if o.value is not None and o.stance in compared
    }
    shown = [p.id in stated for p in r.passages]
    assert any(shown), "some outlet's answer should be among the passages"
    assert shown == sorted(shown, reverse=True), "a passage without an answer came first"
    for group in (True, False):  # each group keeps retrieval order
        scores = [p.score for p, s in zip(r.passages, shown, strict=True) if s is group]
        assert scores == sorted(scores, reverse=True)
    assert [p.rank for p in r.passages] == list(range(1, len(r.passages) + 1))


@pytest.mark.parametrize("question", ["When did it happen?", "Where was that?", "Who did it?"])
def test_a_question_that_names_nothing_says_so(service, question):
    r = service.ask(question)
    assert r.agreement.verdict == "no_evidence"
    assert "names nothing to look for" in r.agreement.explanation


def test_a_question_that_names_something_gets_no_such_hint(service):
    r = service.ask("When did the volcano on the moon erupt?")
    assert "names nothing" not in r.agreement.explanation
