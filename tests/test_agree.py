"""qa/agree.py: clusters, origins and the verdict, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from qa.agree import agree, verdict_of
from qa.claims import Claim
from qa.question import analyze
from qa.retrieve import Hit
from tests.helpers import count_claim, stored, value, value_in

WIRE = "The ferry {} the harbour wall late on {}, the coastguard said in a statement today."
OWN = "A ferry {} the harbour wall on {}, harbour staff told this newspaper."


def report(outlet: str, n: int, text: str, verb: str, day: str, iso: str) -> Hit:
    sentence = value("sentence", text, "ferry hit harbour wall")
    ordinal = dt.date.fromisoformat(iso).toordinal()
    date = value_in(sentence, "date", day, iso, head=verb, lo=ordinal, hi=ordinal)
    return Hit(stored(outlet, n, sentence, date, text=text), 1.0, 0.6, None)


def test_a_copy_that_changed_the_value_still_counts_as_a_conflict(word_model):
    q = analyze("On what day did the ferry hit the harbour wall?")
    hits = {
        "Gazette": [
            report("Gazette", 1, WIRE.format("hit", "Friday"), "hit", "Friday", "2025-05-02")
        ],
        # the same wire text, with the day changed: shared wording, another value
        "Herald": [
            report("Herald", 2, WIRE.format("hit", "Saturday"), "hit", "Saturday", "2025-05-03")
        ],
        "Courier": [
            report("Courier", 3, OWN.format("struck", "Friday"), "strike", "Friday", "2025-05-02")
        ],
    }
    docs = {o: [h[0].stored.passage.doc_id] for o, h in hits.items()}
    agreement, answer, _ = agree(q, hits, docs)
    stances = {s.outlet: s.stance for s in agreement.outlets}
    assert stances == {"Gazette": "supports", "Courier": "supports", "Herald": "conflicts"}
    assert answer.value == "2025-05-02"
    herald = next(s for s in agreement.outlets if s.outlet == "Herald")
    assert herald.same_origin_as == "Gazette"  # one wire text …
    assert agreement.verdict == "mixed" and agreement.origins == 3  # … two reports of it
    assert "Herald reports “Saturday”" in agreement.explanation


def test_verdicts_by_origins():
    assert verdict_of(1, 0) == "single_source"
    assert verdict_of(2, 0) == "consistent"
    assert verdict_of(2, 1) == "mixed"
    assert verdict_of(1, 1) == "conflicting"


def test_with_no_majority_no_outlet_is_singled_out_as_the_one_in_conflict(word_model):
    q = analyze("On what day did the ferry hit the harbour wall?")
    hits = {
        "Gazette": [
            report("Gazette", 1, WIRE.format("hit", "Friday"), "hit", "Friday", "2025-05-02")
        ],
        "Courier": [
            report(
                "Courier", 3, OWN.format("struck", "Saturday"), "strike", "Saturday", "2025-05-03"
            )
        ],
    }
    docs = {o: [h[0].stored.passage.doc_id] for o, h in hits.items()}
    agreement, _, _ = agree(q, hits, docs)
    assert agreement.verdict == "conflicting" and agreement.origins == 2
    # one against one: each side is shown with its quote, neither marked as the odd one out
    assert {(s.outlet, s.stance, s.disputed) for s in agreement.outlets} == {
        ("Gazette", "unclear", True),
        ("Courier", "unclear", True),
    }
    assert all(s.states_answer and s.quote for s in agreement.outlets)
    assert agreement.explanation == (
        "No answer has a majority of the 2 independent origins: Gazette reports “Friday, May 2,"
        " 2025”; Courier reports “Saturday”."
    )


def test_an_outlet_without_an_answer_in_its_evidence_gives_its_leads_date_of_the_verb_asked(
    word_model,
):
    q = analyze("On what day did the ferry hit the harbour wall?")
    gazette = report("Gazette", 1, WIRE.format("hit", "Friday"), "hit", "Friday", "2025-05-02")
    courier = report("Courier", 3, OWN.format("hit", "Friday"), "hit", "Friday", "2025-05-02")
    other = report("Courier", 4, OWN.format("struck", "Friday"), "strike", "Friday", "2025-05-02")
    bare = Hit(
        stored("Courier", 5, value("sentence", "Ferries are old.", "ferry old")), 1, 0.5, None
    )
    docs = {"Gazette": ["gazette_1"], "Courier": ["courier_3"]}
    evidence = {"Gazette": [gazette], "Courier": [bare]}
    agreement, _, _ = agree(q, evidence, docs, {"Courier": [courier]})
    assert {s.outlet: s.stance for s in agreement.outlets} == {
        "Gazette": "supports",
        "Courier": "supports",
    }
    # the lead's date must be of the question's own verb, not of one like it
    agreement, _, _ = agree(q, evidence, docs, {"Courier": [other]})
    assert {s.outlet: s.stance for s in agreement.outlets}["Courier"] == "unclear"


def test_an_outlet_whose_best_answers_tie_gives_the_one_others_give(word_model):
    from qa.agree import toward_agreement

    q = analyze("Who called for calm?")

    def party(outlet: str, n: int, name: str) -> Claim:
        c = count_claim(outlet, n, name)
        c.value = value("person", name, name.split()[-1].lower())
        return c

    mine = [party("A", 1, "Ann Lee"), party("A", 1, "Bo Chan")]
    theirs = [party("B", 2, "Bo Chan")]
    options = toward_agreement({"A": mine, "B": theirs}, q)
    assert options["A"][0].value.norm == "chan"
    # without a tie the best stays first
    lee, chan = party("A", 1, "Ann Lee"), party("A", 1, "Bo Chan")
    chan.weight = 0.5
    options = toward_agreement({"A": [lee, chan], "B": theirs}, q)
    assert options["A"][0].value.norm == "lee"


def test_a_lead_that_gives_the_figure_asked_dates_it(tmp_path, word_model):
    from qa.agree import outlet_claims
    from tests.helpers import extracted

    q = analyze("When was the death toll revised to 41?")
    text = "At least 41 people have died in the flood, police said on Monday."
    lead = Hit(stored("Courier", 1, *extracted(text, tmp_path), text=text), 1.0, 0.2, None)
    docs = {"Courier": ["courier_1"]}
    # the Courier has no passage on the question's topic: only its lead, whose date of the
    # figures gives the figure asked about; the verb asked ("revise") is in neither
    claims, _ = outlet_claims(q, {"Courier": []}, docs, {"Courier": [lead]})
    assert [c.value.text for c in claims.get("Courier", [])] == ["Monday"]
    # another figure: the lead's date is of no act the question names
    q_other = analyze("When was the death toll revised to 50?")
    claims, _ = outlet_claims(q_other, {"Courier": []}, docs, {"Courier": [lead]})
    assert "Courier" not in claims


def test_outlets_whose_documents_copy_one_another_are_one_origin(word_model):
    # the two papers answer from different sentences of one wire report they both ran
    q = analyze("On what day did the ferry hit the harbour wall?")
    hits = {
        "Gazette": [
            report("Gazette", 1, WIRE.format("hit", "Friday"), "hit", "Friday", "2025-05-02")
        ],
        "Herald": [report("Herald", 2, OWN.format("hit", "Friday"), "hit", "Friday", "2025-05-02")],
    }
    docs = {o: [h[0].stored.passage.doc_id] for o, h in hits.items()}
    assert agree(q, hits, docs)[0].verdict == "consistent"
    pair = {"gazette_1", "herald_2"}
    agreement = agree(q, hits, docs, copied=lambda a, b: {a, b} == pair)[0]
    assert agreement.verdict == "single_source" and agreement.origins == 1


def test_what_an_outlet_tells_of_next_is_not_a_second_reading_of_its_answer(tmp_path, word_model):
    from tests.helpers import extracted

    q = analyze("What did the ferry run into?")
    texts = {
        "Gazette": "The ferry ran into a fishing boat on Friday.",
        "Courier": "The ferry crashed into a fishing boat on Friday night.",
        # first the wall, then the boat: another account of what it ran into
        "Herald": "The ferry rammed into the harbour wall and then hit a fishing boat.",
    }
    hits = {
        o: [Hit(stored(o, n, *extracted(t, tmp_path), text=t), 1.0, 0.6, None)]
        for n, (o, t) in enumerate(texts.items(), 1)
    }
    docs = {o: [h[0].stored.passage.doc_id] for o, h in hits.items()}
    agreement, answer, _ = agree(q, hits, docs)
    stances = {s.outlet: s.stance for s in agreement.outlets}
    assert stances == {"Gazette": "supports", "Courier": "supports", "Herald": "conflicts"}
    assert answer.display == "a fishing boat" and agreement.verdict == "mixed"
