# Two commands matter: `make serve` (preview) and `make test` (whole suite).
# Every target installs what it needs on first use.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: serve build test check-data bench clean install browser

$(STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	touch $@

install: $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's chromium for the browser tests (never a browser download).
browser:
	@command -v chromium >/dev/null 2>&1 || bash .ci/install-chromium

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --watch data --watch hooks --watch overrides --watch emploi_accompagne

build: $(STAMP)
	$(BIN)/mkdocs build --strict --clean

check-data: $(STAMP)
	$(BIN)/python -m emploi_accompagne check

test: $(STAMP) $(NODE_STAMP) browser
	$(BIN)/python -m pytest

bench: $(STAMP) $(NODE_STAMP) browser
	$(BIN)/python -m benchmarks

clean:
	rm -rf site .pytest_cache
