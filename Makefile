# SOS-portalen. `make run` serves the portal, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
# Where the server listens: this machine only, behind a reverse proxy (docs/admin.md).
ADDRESS ?= 127.0.0.1
PORTAL_DB ?= data/portal.duckdb
# pytest-xdist workers for `make test` (each end-to-end worker runs its own server). Each
# test module runs on one worker (--dist loadfile): a module's journeys share its server.
TEST_WORKERS ?= 2
export PORTAL_DB

.PHONY: run test lint bench install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Runtime dependencies, pinned by constraints.txt so a fresh install gives what was tested.
$(VENV)/.run-installed: $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install -q -c constraints.txt -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.run-installed
	$(BIN)/pip install -q -c constraints.txt -e ".[test]"
	touch $@

install: $(VENV)/.run-installed

run: $(VENV)/.run-installed
	@if [ -f "$(PORTAL_DB)" ]; then $(BIN)/python -m portal init; \
	else $(BIN)/python -m portal init --demo; fi
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.address $(ADDRESS)

# The checks that keep the layers and types as docs/ARCHITECTURE.md says; `make test` runs
# them first.
LINT = $(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/mypy \
	&& $(BIN)/lint-imports

# -rR names every test that needed an automatic rerun, so a flaky journey is seen.
test: $(VENV)/.test-installed
	$(LINT)
	$(BIN)/python -m pytest -q -rR -n $(TEST_WORKERS) --dist loadfile

lint: $(VENV)/.test-installed
	$(LINT)

# Generated databases are kept in BENCH_DIR and reused; delete the folder after changing
# bench/generate*.py.
BENCH_DIR ?= data/bench
bench: $(VENV)/.test-installed
	$(BIN)/python -m bench.pages --workdir $(BENCH_DIR)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
