# Two commands for a new user: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test lint seed bench bench-quick multi screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime $@

run: $(VENV)/.runtime
	$(BIN)/streamlit run serve.py --server.address 127.0.0.1 --server.port $(PORT)

# axe-core for the browser tests' accessibility check, where npm is installed (.ci/run installs it).
NODE_DEPS := $(if $(shell command -v npm),node_modules/.package-lock.json)

test: $(VENV)/.dev $(NODE_DEPS)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

seed: $(VENV)/.runtime
	$(BIN)/python -m indicators.cli.seed

bench: $(VENV)/.dev
	$(BIN)/python -m bench.engine
	$(BIN)/python -m bench.excel
	$(BIN)/python -m bench.dashboard
	$(BIN)/python -m bench.load
	$(BIN)/python -m bench.loadgen capacity
	$(BIN)/python -m bench.report
	$(BIN)/python -m bench.areas

# The reduced benchmarks, in about half a minute: whoever touches indicators/ runs this before committing.
# bench.engine on a tenth of the communes prints its ratio beside the goal; the call-count test fails
# when the engine does Python work per goal (the kind of slip that once made it 75 times slower).
# bench.excel and bench.report have no cheap reduced mode: a child process or LibreOffice start
# outweighs a small file, so their small-run ratios say nothing about the goal; run `make bench`.
bench-quick: $(VENV)/.dev
	$(BIN)/python -m bench.engine --scale 0.1
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/test_engine_scaling.py

# Several app servers over one PostgreSQL store behind nginx: start, check, stop (README).
multi: $(VENV)/.dev
	$(BIN)/python -m bench.multi

# Every page × vi/en × desktop/phone as PNGs in screenshots/ (for review), with axe-core's findings.
screenshots: $(VENV)/.dev $(NODE_DEPS)
	$(BIN)/python -m tests.review_screenshots screenshots

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache node_modules screenshots
