# Two commands on a fresh machine: `make serve` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: install serve test test-milvus index lint clean browser

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first, pinned: the CPU build of this version is on the machine;
	# anything else pulls gigabytes of CUDA packages.
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

index: $(STAMP)
	$(BIN)/crosscheck index seeds/

serve: $(STAMP)
	$(BIN)/crosscheck serve --index-seeds --host 127.0.0.1 --port 8000

# The page's browser tests drive Debian's Chromium (Playwright's own download is not
# reachable here). Installed when missing and we are root; otherwise those tests skip and say so.
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } || \
		echo "chromium is not installed: the browser tests will be skipped"

test: $(STAMP) browser
	$(BIN)/python -m pytest -q
	$(MAKE) test-milvus

# The answer tests again with passages searched in Milvus (milvus-lite, a file per test),
# and the backend's own contract tests (same ranks as the local backend).
test-milvus: $(STAMP)
	CROSSCHECK_BACKEND=milvus $(BIN)/python -m pytest -q tests/test_answers.py tests/test_milvus.py

lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/mypy

clean:
	rm -rf var .pytest_cache
