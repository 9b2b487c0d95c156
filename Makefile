# Two commands: `make run` and `make test`. Everything else is set up on the way.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
export PIP_DISABLE_PIP_VERSION_CHECK=1

.PHONY: run test test-fast lint format bench loadtest neo4j cypher setup setup-test test-tools clean

run: setup
	$(BIN)/graphsvc run

test: setup-test
	$(BIN)/python -m pytest

# The daily loop: no browser, no second engine.
test-fast: setup-test
	$(BIN)/python -m pytest -m "not e2e and not served and not neo4j"

lint: setup-test
	$(BIN)/ruff check graphsvc tests tools
	$(BIN)/ruff format --check graphsvc tests tools
	$(BIN)/mypy graphsvc
	$(BIN)/bandit -r graphsvc -q
	node tools/lint-cypher.mjs cypher tests/cypher

format: setup-test
	$(BIN)/ruff format graphsvc tests tools
	$(BIN)/ruff check --fix graphsvc tests tools

bench: setup
	$(BIN)/graphsvc bench --scale nrw --json bench-nrw.json

# A real Neo4j Community on a free loopback port for trying (tools/neo4j, from Maven Central);
# prints its URL and the line that points `make run` at it; Ctrl-C stops it.
neo4j: setup
	$(BIN)/python -m graphsvc.dev.neo4j

# 8 and 32 clients for 60 s each against graphsvc run on loopback (about 3 minutes); the
# table goes into docs/performance.md.
loadtest: setup
	$(BIN)/graphsvc loadtest --clients 8 --clients 32 --seconds 60 --docs docs/performance.md

# Regenerate cypher/generated/ from graphsvc/domain/graph_model.py.
cypher: setup
	$(BIN)/python -m graphsvc.graph.bulk cypher/generated

# The app alone: no test tools, no Cypher linter.
VENDOR := graphsvc/static/vendor
VENDOR_FILES := $(VENDOR)/cytoscape.min.js $(VENDOR)/layout-base.js $(VENDOR)/cose-base.js \
	$(VENDOR)/cytoscape-fcose.js

setup: $(RUN_STAMP) node_modules/.installed-run $(VENDOR_FILES) translations

setup-test: setup $(TEST_STAMP) node_modules/.installed-test test-tools

$(RUN_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(TEST_STAMP): $(RUN_STAMP) pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

node_modules/.installed-run: package.json package-lock.json
	npm ci --omit=dev --no-audit --no-fund --loglevel=error
	touch $@

node_modules/.installed-test: node_modules/.installed-run
	npm ci --no-audit --no-fund --loglevel=error
	touch $@ node_modules/.installed-run

# Front-end libraries come from the npm registry and are served by the app (no CDN); the
# list is package.json's "vendor" map (the compound-aware layout fcose needs its two base
# libraries beside it), which docker-compose.yml and the wheel build use too.
$(VENDOR_FILES) &: node_modules/.installed-run package.json
	node tools/vendor.mjs

translations: $(RUN_STAMP)
	$(BIN)/pybabel compile --statistics -d graphsvc/translations >/dev/null

# Browser tests drive Debian's Chromium (Playwright's own download does not work here);
# docker-compose validates docker-compose.yml without a Docker engine.
test-tools:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	{ docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null 2>&1; } || missing="$$missing docker-compose"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "missing:$$missing (install with apt-get) for the browser and compose tests"; exit 1; fi; \
	fi

clean:
	rm -rf $(VENV) node_modules graphsvc/static/vendor
