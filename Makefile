# `make run` and `make test` set everything up on a fresh machine with Python 3.11.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PORT ?= 8501

.PHONY: setup run test test-fast lint bench chromium postgresql nginx clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-* && touch $@

# Debian's Chromium for the browser tests (Playwright cannot download browsers here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

# Debian's PostgreSQL server for the store's tests, which start a throwaway one of their own.
postgresql:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq postgresql >/dev/null; }

# Debian's nginx, for the test of deploy/'s proxy in front of two dashboards.
nginx:
	@command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nginx >/dev/null; }

# The same launcher as an installed package's `itinerary app` (`streamlit run app.py`
# works too, with .streamlit/config.toml).
run: $(STAMP)
	$(BIN)/itinerary app --port $(PORT)

test: $(STAMP) chromium postgresql nginx
	$(BIN)/pytest

test-fast: $(STAMP)
	$(BIN)/pytest -m "not browser"

# ESLint, pinned in package-lock.json, for the map's and the page's own scripts.
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# ruff, ESLint, and radon: no function above complexity C, and A on average.
lint: $(STAMP) node_modules/.installed
	$(BIN)/ruff check .
	npx --no-install eslint
	@worst=$$($(BIN)/radon cc --min D -s itinerary itinerary_app app.py); \
	  if [ -n "$$worst" ]; then echo "radon: above complexity C:"; echo "$$worst"; exit 1; fi
	@$(BIN)/radon cc -a -s itinerary itinerary_app app.py | tail -1 | grep -q "Average complexity: A" \
	  || { echo "radon: the average complexity is not A"; exit 1; }

# Prints the geocoding, standalone, scale, browser, upload and export tables (about fifteen
# minutes; see README).
bench: $(STAMP) chromium postgresql
	$(BIN)/python bench/geocode.py
	$(BIN)/python bench/standalone.py
	$(BIN)/python bench/scale.py
	$(BIN)/python bench/browser.py
	$(BIN)/python bench/upload.py
	$(BIN)/python bench/exports.py
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/store.py
	$(BIN)/python bench/sessions.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache node_modules
