# Each target installs what it needs into .venv from the pins in pyproject.toml.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS ?=

.PHONY: install demo test lint format golden bench clean browser

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==26.3
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The main job: ingest the demo corpus (or CORPUS=DIR) into the store and summarise it.
demo: $(STAMP)
	$(BIN)/python -m dateline.demo $(if $(CORPUS),--corpus $(CORPUS),)

# Exactly what CI runs.
test: lint browser
	$(BIN)/python -m pytest -q -p no:cacheprovider

# The dashboard's browser tests (tests/dashboard/test_browser.py) drive Debian's chromium
# through its chromedriver; installed once, as root (CI runs as root) or through sudo.
BROWSER := /usr/bin/chromedriver
browser: $(BROWSER)
$(BROWSER):
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(if $(filter 0,$(shell id -u)),,sudo -E) \
		apt-get install -y -qq --no-install-recommends chromium chromium-driver

lint: $(STAMP)
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format src tests benchmarks scripts
	$(BIN)/ruff check --fix src tests benchmarks scripts

golden: $(STAMP)
	$(BIN)/python -m pytest -q tests/golden --update-golden

bench: $(STAMP)
	for script in benchmarks/*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache
