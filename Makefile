# Two commands matter: `make serve` (preview) and `make test` (whole suite).
# Every target installs what it needs on first use.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: dates in the output (sitemap, freshness) come from the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: serve build test check-data bench lighthouse clean install browser referentiel

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

# Data checked first; the site is written aside and moved into place only when complete,
# so a failed build leaves no site/ that could be deployed.
build: $(STAMP)
	rm -rf site site.partiel
	$(BIN)/python -m emploi_accompagne check
	$(BIN)/mkdocs build --strict --clean --site-dir site.partiel || { rm -rf site.partiel; exit 1; }
	mv site.partiel site

check-data: $(STAMP)
	$(BIN)/python -m emploi_accompagne check

test: $(STAMP) $(NODE_STAMP) browser
	$(BIN)/python -m pytest

bench: $(STAMP) $(NODE_STAMP) browser
	$(BIN)/python -m benchmarks

# Only the Lighthouse scores (5 page types and a stock Material page, 3 runs each).
lighthouse: $(STAMP) $(NODE_STAMP) browser
	$(BIN)/python -m benchmarks --lighthouse-only

# Reference data (départements, communes, map) derived from pinned sources; committed.
referentiel: $(STAMP) $(NODE_STAMP)
	$(BIN)/python scripts/derive_referentiel.py
	$(BIN)/python scripts/derive_carte.py

clean:
	rm -rf site site.partiel .pytest_cache
