"""The API does what its OpenAPI schema says: schemathesis against a real `crosscheck serve`
(examples, coverage, fuzzing and stateful phases; a fixed seed and a bounded number of
examples, so the run is repeatable and takes under a minute)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.servers import Server

KEY = "contract-key"
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")


@pytest.mark.slow
def test_the_api_matches_its_schema(seed_copy, tmp_path):
    # with Slack configured, as a deployment would be: unsigned requests get 401, not 503
    server = Server(seed_copy, CROSSCHECK_API_KEYS=KEY, CROSSCHECK_SLACK_SIGNING_SECRET="s3cret")
    try:
        server.wait_ready()
        run = subprocess.run(
            [
                str(SCHEMATHESIS),
                "run",
                f"{server.url}/openapi.json",
                "--header",
                f"Authorization: Bearer {KEY}",
                "--max-examples",
                "20",
                "--seed",
                "1",
                "--no-color",
            ],
            capture_output=True,
            text=True,
            timeout=300,
            cwd=tmp_path,  # its cache of earlier failures stays out of the checkout
        )
    finally:
        log = server.stop()
    assert run.returncode == 0, run.stdout[-6000:] + "\n--- server log ---\n" + log[-3000:]
    for phase in ("Examples", "Coverage", "Fuzzing", "Stateful"):
        assert phase in run.stdout, phase  # every phase ran
