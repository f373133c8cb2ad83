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
from qa.service import BadRequest, Service
from qa.statement import statement_of
from tests.conftest import ROOT, make_settings
from tests.helpers import claim_check_raws


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
