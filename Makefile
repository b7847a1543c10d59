# Rendición — the two commands: `make run` and `make test`. Everything else is what they use.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: setup run migrate demo test test-sqlite test-postgres browser lint format bench screenshots lock messages clean

$(STAMP): requirements/base.lock requirements/dev.lock pyproject.toml
	@PYTHON=$(PYTHON) bash tools/check-system.sh
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/base.lock -r requirements/dev.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

## setup: create .venv with the locked dependencies (does nothing when already up to date)
setup: $(STAMP)

migrate: setup
	$(BIN)/rendicion migrate --noinput

demo: migrate
	$(BIN)/rendicion load_demo

## run: set up, migrate, load the seed's demo and serve on http://$(HOST):$(PORT) (SQLite)
run: demo
	@echo "Rendición en http://$(HOST):$(PORT)/  (gestión: http://$(HOST):$(PORT)/gestion/)"
	DJANGO_RUNSERVER_HIDE_WARNING=true $(BIN)/rendicion runserver $(HOST):$(PORT)

## browser: make sure Debian's Chromium is installed for the browser tests
browser:
	@bash tools/ensure-chromium.sh

## test: the whole suite on SQLite and on a throwaway PostgreSQL, browser tests included. The two
## legs run side by side (one per core); each prints its whole output when it ends.
test: setup browser
	@$(MAKE) --no-print-directory -j2 --output-sync=target test-sqlite test-postgres

# The legs share the checkout: pytest's cache stays off so they never write the same file.
test-sqlite: setup
	$(BIN)/pytest --db=sqlite -p no:cacheprovider $(PYTEST_ARGS)

test-postgres: setup
	RENDICION_EXPECT_DB=postgres $(BIN)/pytest --db=postgres -p no:cacheprovider $(PYTEST_ARGS)

## lint: formatting, ruff's checks and the apps' layers (import-linter, pyproject.toml)
lint: setup
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/lint-imports

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## bench: performance figures as one JSON object
bench: setup
	@$(BIN)/python bench/run.py

## screenshots: the home, a space and the report (phone and desktop) and the PDF's first pages
screenshots: setup browser
	$(BIN)/python tools/screenshots.py

## lock: re-pin the dependencies after editing requirements/*.in
lock: setup
	cd requirements && ../$(BIN)/pip-compile -q --strip-extras --no-header --no-emit-index-url --no-emit-find-links -o base.lock base.in
	cd requirements && ../$(BIN)/pip-compile -q --strip-extras --no-header --no-emit-index-url --no-emit-find-links -o dev.lock dev.in

## messages: refresh and compile the Spanish catalogue in src/rendicion/locale (needs GNU gettext:
## apt-get install gettext). The .po and .mo files are committed: setup, run and test never need it.
messages: setup
	cd src/rendicion && ../../$(BIN)/rendicion makemessages --locale=es_CO --no-location --no-obsolete --ignore='*/tests/*' --ignore=conftest.py
	cd src/rendicion && ../../$(BIN)/rendicion compilemessages --locale=es_CO

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
