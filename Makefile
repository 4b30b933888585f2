# Two commands for a new user: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test test-quick lint deps lock seed bench bench-quick multi screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# requirements.txt and requirements-dev.txt lock the whole tree with hashes (`make lock` writes them
# from the hand-edited requirements.in and requirements-dev.in): a package that differs is refused.
$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.txt
	touch $(VENV)/.runtime $@

run: $(VENV)/.runtime
	$(BIN)/streamlit run serve.py --server.address 127.0.0.1 --server.port $(PORT)

# Python may cache compiled modules: with PYTHONDONTWRITEBYTECODE set (some machines set it for
# every shell), each pytest worker rewrote and compiled every test module again (about 5 s of CPU
# each), and each parsing or CLI child compiled the product from source.
unexport PYTHONDONTWRITEBYTECODE

# axe-core for the browser tests' accessibility check, where npm is installed (.ci/run installs it).
NODE_DEPS := $(if $(shell command -v npm),node_modules/.package-lock.json)

test: $(VENV)/.dev $(NODE_DEPS)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(MAKE) --no-print-directory deps
	$(BIN)/python -m pytest

# Everything but the browser, PostgreSQL, AppTest, LibreOffice/Chromium and slow tests (the markers in
# pyproject.toml), spread over the cores: under a minute, for the edit-test loop. `make test` runs all.
# mypy stays: with its cache warm it rechecks only what changed (about a second).
# It ends by printing its time: the wall clock, then `times`, whose second line is the CPU time (user,
# system) of everything it ran, the pytest workers included: the figure to compare on a busy machine.
test-quick: $(VENV)/.dev
	@start=$$(date +%s); status=0; \
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/mypy && \
	$(BIN)/python -m pytest -q -n auto -m "not (browser or postgres or page or office or slow)" || status=$$?; \
	echo "make test-quick: $$(( $$(date +%s) - start )) s wall; CPU user and system, of make's shell then of all it ran:"; \
	times; exit $$status

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

# requirements.in names every package the app imports and nothing else (pyproject.toml's [tool.deptry]).
# Then tests/ and bench/ import only what the two .in files name: their excludes replace pyproject's,
# which leave those folders out; what they leave unused or take from development is not judged there.
deps: $(VENV)/.dev
	$(BIN)/deptry .
	$(BIN)/deptry tests bench --exclude '(.*/)?__pycache__/' --extend-exclude '(.*/)?__pycache__/' \
		--ignore DEP002,DEP004 --requirements-files requirements.in,requirements-dev.in

# Write the two lock files from the .in files; versions already locked stay unless an .in pin moves,
# and the dev tree holds every runtime package at the version requirements.txt locks.
UV_LOCK := $(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 --python-platform linux \
	--custom-compile-command "make lock"
lock: $(VENV)/.dev
	$(UV_LOCK) requirements.in -o requirements.txt
	$(UV_LOCK) requirements-dev.in --constraint requirements.txt -o requirements-dev.txt

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
	$(BIN)/python -m bench.compare

# The reduced benchmarks, in about half a minute: whoever touches indicators/ runs this before committing.
# bench.engine on a tenth of the communes prints its ratio beside the goal; the call-count test fails
# when the engine does Python work per goal (the kind of slip that once made it 75 times slower).
# bench.excel and bench.report have no cheap reduced mode: a child process or LibreOffice start
# outweighs a small file, so their small-run ratios say nothing about the goal; run `make bench`.
bench-quick: $(VENV)/.dev
	$(BIN)/python -m bench.engine --scale 0.1
	$(BIN)/python -m bench.compare --scale 0.1
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/test_engine_scaling.py

# Several app servers over one PostgreSQL store behind nginx: start, check, stop (docs/benchmarks.md).
multi: $(VENV)/.dev
	$(BIN)/python -m bench.multi

# Every page × vi/en × desktop/phone as PNGs in screenshots/ (for review), with axe-core's findings.
screenshots: $(VENV)/.dev $(NODE_DEPS)
	$(BIN)/python -m tests.review_screenshots screenshots

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache node_modules screenshots
