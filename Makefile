# Two commands: `make run` and `make test`. Everything else is set up on the way.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PIP_DISABLE_PIP_VERSION_CHECK=1

.PHONY: run test lint format bench setup setup-test test-tools clean

run: setup
	$(BIN)/graphsvc run

test: setup-test
	$(BIN)/python -m pytest

lint: setup-test
	$(BIN)/ruff check graphsvc tests
	$(BIN)/ruff format --check graphsvc tests
	node tools/lint-cypher.mjs cypher

format: setup-test
	$(BIN)/ruff format graphsvc tests
	$(BIN)/ruff check --fix graphsvc tests

bench: setup
	$(BIN)/graphsvc bench --scale nrw --json bench-nrw.json

setup: $(STAMP) node_modules/.installed graphsvc/static/vendor/cytoscape.min.js translations

setup-test: setup test-tools

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Front-end libraries come from the npm registry and are served by the app (no CDN).
graphsvc/static/vendor/cytoscape.min.js: node_modules/.installed
	mkdir -p graphsvc/static/vendor
	cp node_modules/cytoscape/dist/cytoscape.min.js $@

translations: $(STAMP)
	$(BIN)/pybabel compile -d graphsvc/translations

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
