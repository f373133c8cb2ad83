"""qa/check.py: claim checks, on articles written for these tests (a warehouse fire in Duluth
covered by three outlets, and a council vote the same day), through `check`, `ask` (yes/no),
HTTP and the CLI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from index.build import index_documents
from index.store import Store
from qa.check import verdict
from qa.models import CheckOutlet
from qa.service import BadRequest, Service
from qa.statement import ClaimFrame, statement_of
from tests.conftest import ROOT, make_settings
from tests.helpers import claim_check_raws, reading, value


@pytest.fixture(scope="module")
def duluth(seed_dir, tmp_path_factory):
    data = tmp_path_factory.mktemp("check") / "data"
    shutil.copytree(seed_dir, data)
    settings = make_settings(data)
    index_documents(Store.from_settings(settings), claim_check_raws(), settings)
    return settings, Service(settings)


def stances(r) -> dict[str, str]:
    return {o.outlet: o.stance for o in r.outlets}


def test_a_claim_stated_in_other_words_is_supported(duluth):
    _, service = duluth
    r = service.check("A fire broke out at a grain warehouse on Garfield Avenue")
    assert r.story is not None and "fire" in r.story.id
    assert stances(r)["Lakeside Gazette"] == "supports"
    assert r.verdict == "supported"


def test_what_only_a_named_official_says_is_attributed(duluth):
    _, service = duluth
    # the Gazette's own "fire broke out at a grain warehouse" now states a fire claim (its
    # doer "flames" read by meaning), so the claim here is one only the council president makes
    r = service.check("Three new bus routes will serve the hillside neighborhoods")
    assert stances(r)["North Shore Herald"] == "supports"
    assert r.verdict == "attributed_only" and "Ebert" in r.explanation


def test_another_count_contradicts_and_the_claim_is_disputed(duluth):
    _, service = duluth
    r = service.check("About 40 firefighters fought the blaze")
    assert stances(r)["Lakeside Gazette"] == "supports"  # 40 firefighters fought the blaze
    assert stances(r)["Harbor Courier"] == "contradicts"  # at least 60
    assert r.verdict == "disputed"
    assert "Harbor Courier" in r.explanation
    quote = next(o.quote for o in r.outlets if o.outlet == "Harbor Courier")
    doc = service.store.get_document(quote.doc_id)
    assert doc is not None and doc.text[quote.start : quote.end] == quote.text


def test_a_hedge_is_not_a_denial(duluth):
    _, service = duluth
    r = service.check("Firefighters were hurt")
    assert stances(r)["Harbor Courier"] == "hedges"  # "it was not clear whether …"


def test_a_partys_word_alone_is_attributed_only(duluth):
    _, service = duluth
    r = service.check("The warehouse fire started in an electrical panel")
    assert r.verdict == "attributed_only"
    assert "warehouse owner" in r.explanation and "own voice" in r.explanation


def test_the_opposite_act_contradicts(duluth):
    _, service = duluth
    r = service.check("The Duluth City Council rejected the transit budget")
    assert r.verdict == "contradicted", r.explanation
    assert "fire" not in (r.story.id if r.story else "")


def test_what_no_article_mentions_is_unverified(duluth):
    _, service = duluth
    r = service.check("The Duluth City Council banned electric scooters")
    assert r.verdict == "unverified"
    assert all(o.stance == "silent" for o in r.outlets)


def test_bad_claims_are_refused(duluth):
    _, service = duluth
    with pytest.raises(BadRequest, match="claim is empty"):
        service.check("   ")
    with pytest.raises(BadRequest, match="limit is 500"):
        service.check("x" * 501)


def test_yes_no_questions_are_checked_statements(duluth):
    _, service = duluth
    assert statement_of("Did the council approve it?") == "the council did approve it"
    blameless = "she still does say she is blameless"
    assert statement_of("Does she still say she is blameless?") == blameless
    assert statement_of("Did Mary-Ann Lee testify?") == "Mary-Ann Lee did testify"
    r = service.ask("Did the Duluth City Council reject the transit budget?")
    assert r.qtype == "yes_no" and r.answer.value == "no"
    assert r.agreement.verdict == "consistent"


def test_verdict_rules():
    def row(outlet: str, stance: str, party: str | None = None, same: str | None = None):
        return CheckOutlet(
            outlet=outlet, doc_ids=[outlet], stance=stance, attributed_to=party, same_origin_as=same
        )  # type: ignore[arg-type]

    assert verdict([row("A", "supports"), row("B", "silent")])[0] == "supported"
    assert verdict([row("A", "supports"), row("B", "contradicts")])[0] == "disputed"
    assert verdict([row("A", "contradicts")])[0] == "contradicted"
    only, why = verdict([row("A", "supports", "DHS"), row("B", "hedges")])
    assert only == "attributed_only" and "Only DHS" in why and "1 outlet(s)" in why
    # a claim about what DHS said is confirmed by outlets reporting that DHS said it, and a
    # claim about what DHS did by outlets quoting DHS
    said = ClaimFrame("DHS said so", ["dhs", "say"], ["say"], False, speech=True)
    assert verdict([row("A", "supports", "DHS")], said)[0] == "supported"
    doer = value("agent", "The DHS", norm="dhs", head="put")
    did = ClaimFrame("DHS put it at 3", ["dhs", "put"], ["put"], False, parties=[doer])
    assert verdict([row("A", "supports", "the DHS")], did)[0] == "supported"
    assert verdict([row("A", "supports", "the mayor")], did)[0] == "attributed_only"
    assert verdict([row("A", "hedges")])[0] == "unverified"
    # two outlets sharing one wording are one origin
    _, why = verdict([row("A", "supports", same="B"), row("B", "supports", same="A")])
    assert why.startswith("1 independent origin")


def test_check_over_http_and_the_cli(duluth):
    settings, _ = duluth
    with TestClient(create_app(settings)) as client:
        r = client.post("/v1/check", json={"claim": "About 40 firefighters fought the blaze"})
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["verdict"] == "disputed" and body["story"]["id"]
        assert {o["stance"] for o in body["outlets"]} >= {"supports", "contradicts"}
        assert client.post("/v1/check", json={"claim": ""}).status_code == 422
        bad = client.post("/v1/check", json={"claim": "fire", "story": "no-such-story"})
        assert bad.status_code == 404 and "no story" in bad.json()["error"]["message"]
    env = {**os.environ, "CROSSCHECK_DATA_DIR": str(settings.data_dir), "HF_HUB_OFFLINE": "1"}
    claim = "About 40 firefighters fought the blaze"
    run = subprocess.run(
        [sys.executable, "-m", "api.cli", "check", claim, "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert json.loads(run.stdout)["verdict"] == "disputed"


def test_a_date_of_a_conjoined_act_dates_the_claims_act(word_model):
    from qa.check import _conjoined

    claimed = value("date", "March 15", "2026-03-15", "shoot")
    said = value("date", "Wednesday", "2026-01-07", "kill", start=40)
    officer_shoots = value("agent", "An officer", "officer", "shoot")
    officer_kills = value("agent", "An officer", "officer", "kill")
    rescuers_search = value("agent", "rescuers", "rescuer", "kill", start=60)
    assert _conjoined(claimed, said, [officer_shoots, officer_kills, said])
    assert not _conjoined(claimed, said, [officer_shoots, rescuers_search, said])


def test_a_count_that_is_its_verbs_subject_can_contradict(word_model):
    from qa.check import _count_conflict

    five = value("number", "five shots", "5..5", "shot", act="fire", lo=5, hi=5)
    frame = ClaimFrame("The officer fired five shots", ["officer", "fire", "shot"], ["fire"], False)
    frame.values = [five]
    rang = value("number", "three gunshots", "3..3", "gunshot", start=10, act="ring", lo=3, hi=3)
    subject = value("agent", "three gunshots", "gunshot", "ring", start=10)
    assert _count_conflict(frame, [rang, subject])
    # what someone did something to is another count ("pleaded not guilty to two counts")
    assert not _count_conflict(frame, [rang])
    # a unit measures, it does not count the claim's thing
    km = value("number", "64 km", "64..64", "km", act="be", lo=64, hi=64)
    depth = value("number", "18 km", "18..18", "km", start=20, act="be", lo=18, hi=18)
    unit_frame = ClaimFrame("The epicentre was 64 km away", ["epicentre", "km"], [], False)
    unit_frame.values = [km]
    assert not _count_conflict(unit_frame, [depth])


@pytest.mark.parametrize(
    "claim, sentence, stance",
    [
        # a duration the claim states must be the one the sentence gives
        ("The mayor was sentenced to 12 years in prison.",
         "The mayor was sentenced to 12 years in prison on Monday.", "supports"),
        ("The mayor was sentenced to 12 years in prison.",
         "The mayor was sentenced to four years in prison on Monday.", "contradicts"),
        ("The mayor was sentenced to 12 years in prison.",
         "The mayor faces a maximum sentence of 40 years in prison.", None),
    ],
)  # fmt: skip
def test_a_claimed_duration_is_compared(claim, sentence, stance, tmp_path):
    assert reading(claim, sentence, tmp_path) == stance


def test_a_victim_named_with_an_article_is_no_count_a_claim_states(tmp_path):
    claim = "A gunman killed a teacher in Springfield"
    said = "The gunman killed the teacher in Springfield on Monday."  # no count given
    assert reading(claim, said, tmp_path) == "supports"


@pytest.mark.parametrize(
    "claim, text, stance",
    [
        # a "not" denies its own clause: the plea, not the testimony
        ("The mayor testified in his own defence.",
         "The mayor pleaded not guilty to every count and testified on his own behalf.",
         "supports"),
        ("The mayor pleaded guilty.",
         "The mayor pleaded not guilty to every count and testified on his own behalf.",
         "contradicts"),
        # a negated clause of the claim's act denies it as a sentence stating it supports it
        ("The victim's identity was released.",
         "Police named no suspect in the crash, and the identity of the driver was not released.",
         "contradicts"),
        ("Officers were injured.", "None of the officers appears injured.", "contradicts"),
        # "she" is the person the article named last
        ("Dana Holt pleaded guilty.",
         "Dana Holt arrived at the court on Monday. She pleaded not guilty to all charges.",
         "contradicts"),
    ],
)  # fmt: skip
def test_a_negation_denies_the_claim_only_in_its_clause(claim, text, stance, tmp_path):
    assert reading(claim, text, tmp_path) == stance


@pytest.mark.parametrize(
    "claim, text, stance",
    [
        # the act of the claim's main clause must be stated; its setting ("before he fired")
        # alone says nothing of whether the car hit him
        ("The car hit the guard before he fired.",
         "The car moved forward and the guard standing in front of the car fired two shots.",
         None),
        ("The car hit the guard before he fired.",
         "The car hit the guard, who then fired two shots.", "supports"),
    ],
)  # fmt: skip
def test_the_main_act_of_a_claim_must_be_stated(claim, text, stance, tmp_path):
    assert reading(claim, text, tmp_path) == stance


def test_an_outlet_silent_in_its_evidence_is_read_in_its_leads(tmp_path):
    from qa.check import read_outlets
    from qa.retrieve import Hit
    from qa.statement import parse_claim
    from tests.helpers import extracted, stored

    def hit(text: str, n: int) -> Hit:
        return Hit(stored("Courier", n, *extracted(text, tmp_path), text=text), 1.0, 0.5, None)

    frame = parse_claim("The driver's name has been released.", make_settings(tmp_path))
    evidence = {"Courier": [hit("Traffic was heavy on the bridge.", 1)]}
    lead = hit("The driver, whose name was not released, died at the scene.", 2)
    assert read_outlets(frame, evidence, {"Courier": ["courier_1"]}) == {}
    read = read_outlets(frame, evidence, {"Courier": ["courier_1"]}, {"Courier": [lead]})
    assert read["Courier"][1] == "contradicts"


def test_a_claim_about_what_was_said_is_read_by_what_was_said(tmp_path):
    claim = "The agency said the guard acted in self-defense."
    said = "Agency officials claimed the guard acted in self-defense."
    assert reading(claim, said, tmp_path) == "supports"


@pytest.mark.parametrize(
    "claim, sentence, stance",
    [
        # what someone says is stated by any verb of saying
        ("The senator says he is innocent.", "The senator maintains his innocence.", "supports"),
        ("The senator says he is innocent.", "The senator was innocent, the jury found.", None),
        # "people" is stated by any noun for a kind of person, not by a thing
        ("People were trapped.", "Dozens of residents were trapped in the rubble.", "supports"),
        ("People were trapped.", "Several cars were trapped in the rubble.", None),
        # a time named by the story's event need not be repeated ...
        ("Residents were trapped in the rubble after the storm.",
         "Residents were trapped in the rubble on Sunday.", "supports"),
        # ... but a clause is a claim of its own
        ("The guard fired after the driver accelerated.", "The guard fired two shots.", None),
        # an approximation centred on the claimed figure states it
        ("2,000 officers were sent to the city.",
         "About 2,000 officers were sent to the city on Monday.", "supports"),
        ("The blast was 30 km from the border.",
         "The blast was some 30 km from the border, officials said.", "supports"),
        # an open claim is not confirmed by an estimate of its bound
        ("More than 2,000 officers were sent to the city.",
         "About 2,000 officers were sent to the city on Monday.", None),
        # a thing of like meaning the sentence is about states the claim's thing
        ("The death toll in the ferry crash was 41.",
         "The death toll rose to 41 in the worst ferry accident in years.",
         "supports"),
        # a verb of like meaning states the act only when done by or to the claim's party
        ("Okafor was acquitted.",
         "At the trial, friends of Okafor cooperated with prosecutors.", None),
        # an act with the adjective it predicates is read as a whole, by meaning
        ("Okafor was found guilty of fraud.",
         "A jury convicted Okafor of fraud on Friday.", "supports"),
        ("Okafor was found not guilty of fraud.",
         "A jury convicted Okafor of fraud on Friday.", "contradicts"),
        # …not as its bare verb ("find" is 0.67 from "look")
        ("Okafor was found guilty of fraud.",
         "None of the jurors looked at Okafor as the fraud verdict was read.", None),
        # the claim's doer named by a noun of like meaning; a magnitude given after its unit
        ("The earthquake had a magnitude of 5.9.",
         "The agency said the quake had a magnitude of 5.9 and struck at dawn.", "supports"),
        ("The earthquake had a magnitude of 5.9.",
         "The 6.1-magnitude quake struck at dawn, the agency said.", "contradicts"),
    ],
)  # fmt: skip
def test_a_sentence_states_a_claim_in_other_words(claim, sentence, stance, tmp_path, word_model):
    assert reading(claim, sentence, tmp_path) == stance


@pytest.mark.parametrize(
    "claim, text, stance",
    [
        # a claim about an event is stated where a thing of like meaning happened
        ("The crash happened on Tuesday evening.",
         "The collision occurred at about 7 pm on Tuesday, on the ring road.", "supports"),
        ("The crash happened on Wednesday.",
         "The collision occurred at about 7 pm on Tuesday, on the ring road.", "contradicts"),
        ("The crash happened on Tuesday.",
         "The accident took place shortly after 7 pm on Tuesday.", "supports"),
        # something else that happened is not the event
        ("The crash happened on Saturday.",
         "A protest occurred outside the town hall on Friday.", None),
    ],
)  # fmt: skip
def test_an_event_is_read_by_what_happened(claim, text, stance, tmp_path, word_model):
    assert reading(claim, text, tmp_path) == stance


@pytest.mark.parametrize(
    "claim, text, stance",
    [
        ("The van crashed into a lamp post.", "The van ploughed into a post.", "supports"),
        ("The van crashed into a lamp post.",
         "The van then sped into two parked cars.", "contradicts"),
    ],
)  # fmt: skip
def test_what_the_claims_doer_ran_into_is_read_by_meaning(
    claim, text, stance, tmp_path, word_model
):
    assert reading(claim, text, tmp_path) == stance


@pytest.mark.parametrize(
    "claim, text, stance",
    [
        # "made contact with" names the contact a claim's "hit" states; hedged, it hedges
        ("The lorry hit the guard.",
         "It is not clear whether the lorry made contact with the guard.", "hedges"),
        ("The lorry hit the guard.", "The lorry made contact with the guard.", "supports"),
    ],
)  # fmt: skip
def test_a_contact_named_by_a_noun_is_read_as_contact(claim, text, stance, tmp_path, word_model):
    assert reading(claim, text, tmp_path) == stance


@pytest.mark.parametrize(
    "claim, text, stance",
    [
        # an act that reports the claim's act states it …
        ("The harbour district was damaged.",
         "Several warehouses in the harbour district collapsed in the storm.", "supports"),
        ("The town hall was damaged in the blast.",
         "The blast destroyed the town hall on Friday.", "supports"),
        # … one way only: a damage reports no collapse
        ("Several warehouses in the harbour district collapsed.",
         "The harbour district was damaged in the storm.", None),
        # and a "not" of the reporting act denies nothing of the act it reports
        ("The harbour district was damaged.",
         "The warehouses in the harbour district did not collapse in the storm.", None),
    ],
)  # fmt: skip
def test_an_act_that_reports_the_claims_act_states_it(claim, text, stance, tmp_path, word_model):
    assert reading(claim, text, tmp_path) == stance
