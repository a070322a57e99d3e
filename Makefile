# The two commands of the README, and the set-up they do on a fresh clone.
#   make site   build the site from the data in the repo into site/
#   make test   run every test (unit, build, browser)
# Set-up is incremental: a virtual environment in .venv/ with pinned packages, the pinned
# browser-side packages in node_modules/, and (for tests) Debian's Chromium.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: site site-strict test serve validate extract setup clean chromium
.DEFAULT_GOAL := site

site: $(VENV)/.site-installed node_modules/.installed
	$(PY) -m scripts build

site-strict: $(VENV)/.site-installed node_modules/.installed
	$(PY) -m scripts build --strict

test: $(VENV)/.test-installed node_modules/.installed chromium
	$(PY) -m pytest

serve: $(VENV)/.site-installed node_modules/.installed
	$(PY) -m scripts serve

validate: $(VENV)/.site-installed
	$(PY) -m scripts validate

extract: $(VENV)/.site-installed
	$(PY) -m scripts extract

setup: $(VENV)/.test-installed node_modules/.installed

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-installed: $(VENV)/bin/python requirements/site.txt pyproject.toml
	$(PY) -m pip install --quiet -r requirements/site.txt
	touch $@

$(VENV)/.test-installed: $(VENV)/.site-installed requirements/test.txt
	$(PY) -m pip install --quiet -r requirements/test.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Browser tests drive Debian's Chromium; install it when missing (root or sudo needed).
# CHROMIUM_PATH names another Chromium-based browser to use instead (CI on GitHub).
chromium:
	@[ -n "$$CHROMIUM_PATH" ] || command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

clean:
	rm -rf site build .pytest_cache
