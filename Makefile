# KAM-Kurs: the two commands of the README, and a few helpers.
#   make site   builds the course into _build/html (sets everything up first)
#   make test   runs all tests (sets everything up first)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
# npm test dependencies (an LMS runtime, SCORM schemas, a GIFT parser): tests/package.json
NPM_READY := tests/node_modules/.package-lock.json

.PHONY: site test check lint benchmark serve clean

$(READY): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(READY)

$(NPM_READY): tests/package.json tests/package-lock.json
	npm ci --prefix tests --ignore-scripts --no-audit --no-fund --loglevel=error

site: $(READY)
	$(BIN)/jupyter-book build . -W -n --keep-going

test: $(READY) $(NPM_READY)
	$(BIN)/ruff check .
	$(BIN)/pytest

check: $(READY)
	$(BIN)/python -m exercises check

benchmark: $(READY)
	$(BIN)/python tests/benchmark.py

serve: site
	$(BIN)/python -m http.server --directory _build/html 8000

clean:
	rm -rf _build
