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

.PHONY: serve build test check-data bench lighthouse clean install browser referentiel textes

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	# The project's own package, editable: the hooks, scripts and tests import it from here.
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --editable .
	touch $@

install: $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's chromium and its headless shell for the browser tests (never a browser download).
browser:
	@{ command -v chromium && command -v chromium-headless-shell && command -v jq; } >/dev/null 2>&1 || bash .ci/install-chromium

# MkDocs rebuilds on a change of docs/, data/, overrides/ or a template, but never reloads
# Python code: a change of a .py file under emploi_accompagne/ or hooks/ restarts the server.
serve: $(STAMP)
	$(BIN)/watchmedo auto-restart --directory emploi_accompagne --directory hooks --recursive \
	  --patterns '*.py;*.js' --signal SIGTERM -- \
	  $(BIN)/python -m mkdocs serve --dev-addr 127.0.0.1:8000 --watch data --watch overrides --watch emploi_accompagne/annuaire/templates --watch emploi_accompagne/templates

# Data checked first; the site is written aside and moved into place only when complete,
# so a failed build leaves no site/ that could be deployed.
build: $(STAMP)
	rm -rf site site.partiel
	$(BIN)/python -m emploi_accompagne check
	$(BIN)/python -m mkdocs build --strict --clean --site-dir site.partiel || { rm -rf site.partiel; exit 1; }
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

# Reference data (départements, communes, map, the finder's index) derived from pinned
# sources (npm package, data/sources/); committed.
referentiel: $(STAMP) $(NODE_STAMP)
	$(BIN)/python scripts/derive_referentiel.py
	$(BIN)/python scripts/derive_carte.py
	$(BIN)/python -m emploi_accompagne index-trouver

# The Code du travail articles the site cites, with their identifier, state and text, derived
# from the pinned consolidated code (npm package @socialgouv/legi-data); committed.
textes: $(STAMP) $(NODE_STAMP)
	$(BIN)/python scripts/extraire_textes.py

clean:
	rm -rf site site.partiel .pytest_cache
