# Attributed: everyday commands. `make help` lists them.
#
# A fresh machine needs Python 3.11+ and make; everything else goes into .venv.

.DEFAULT_GOAL := help
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

# python3.11 if there is one, else python3 (checked to be 3.11 or newer).
PYTHON ?= $(shell command -v python3.11 >/dev/null 2>&1 && echo python3.11 || echo python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check
MANAGE := $(PY) manage.py

HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# Test processes (pytest-xdist): one per core by default; TEST_WORKERS=0 runs them in this one.
TEST_WORKERS ?= auto
SIZE ?= 10k
DB ?= postgres
BENCH_ARGS ?=

.PHONY: help run install install-dev install-app dotenv migrate bootstrap test lint format schema \
	schema-check migrations-check layers-check deploy-check check requirements clean bench bench-peers \
	bench-scale-out \
	sdk sdk-check

help: ## Show this help
	@echo "Attributed: make targets (start with: make run, make test)"
	@echo
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) \
		| awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-18s %s\n", $$1, $$2}'
	@echo
	@echo "Variables: PYTHON=$(PYTHON) HOST=$(HOST) PORT=$(PORT) PYTEST_ARGS='$(PYTEST_ARGS)'"
	@echo "           TEST_WORKERS=$(TEST_WORKERS) (make test: processes, 0 for one)"
	@echo "           SIZE=$(SIZE) DB=$(DB) BENCH_ARGS='$(BENCH_ARGS)' (make bench)"
	@echo "DATABASE_URL from the environment is honoured by every target (default: SQLite)."

# --- Environment ------------------------------------------------------------------------------

$(PY):
	@echo "==> Creating $(VENV) with $(PYTHON)"
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
		|| { echo "Python 3.11 or newer is required (PYTHON=$(PYTHON))." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

# Stamp files: re-install only when a requirements file (or pyproject.toml) changes.
$(VENV)/.installed-base: requirements/base.txt pyproject.toml | $(PY)
	@echo "==> Installing runtime requirements (requirements/base.txt)"
	$(PIP) install --quiet -r requirements/base.txt
	@$(MAKE) --no-print-directory install-app
	@touch $@

$(VENV)/.installed-dev: requirements/dev.txt pyproject.toml | $(PY)
	@echo "==> Installing development requirements (requirements/dev.txt)"
	$(PIP) install --quiet -r requirements/dev.txt
	@$(MAKE) --no-print-directory install-app
	@touch $@

# The app itself, editable. The build backend's chatter goes to a log, shown on failure.
install-app: | $(PY)
	@echo "$(PIP) install --no-deps -e ."
	@$(PIP) install --quiet --no-deps -e . > $(VENV)/install-app.log 2>&1 \
		|| { cat $(VENV)/install-app.log; exit 1; }

install: $(VENV)/.installed-base ## Create .venv and install the runtime requirements

install-dev: $(VENV)/.installed-dev ## Create .venv and install runtime + development requirements

# .env is git-ignored and read by the settings. Its SECRET_KEY is generated here, once.
dotenv: | $(PY)
	@if [ ! -f .env ] || ! grep -qE '^(export )?SECRET_KEY=.' .env; then \
		echo "==> Writing a freshly generated SECRET_KEY to .env"; \
		umask 077; touch .env; \
		sed -i -E '/^(export )?SECRET_KEY=[[:space:]]*$$/d' .env; \
		if [ -s .env ] && [ -n "$$(tail -c1 .env)" ]; then echo >> .env; fi; \
		$(PY) -c 'import secrets; print("SECRET_KEY=" + secrets.token_urlsafe(50))' >> .env; \
	fi

# --- Running ----------------------------------------------------------------------------------

run migrate bootstrap: override export DJANGO_SETTINGS_MODULE = config.settings.local

migrate: install dotenv ## Apply database migrations
	@echo "==> Applying migrations"
	$(MANAGE) migrate --noinput

bootstrap: install dotenv ## Seed an empty database and create the admin user (idempotent)
	$(MANAGE) bootstrap --host $(HOST) --port $(PORT)

run: migrate bootstrap ## Set up everything and serve on http://127.0.0.1:8000/ (DEBUG on)
	@echo "==> Serving on http://$(HOST):$(PORT)/ (Ctrl-C to stop)"
	$(MANAGE) runserver $(HOST):$(PORT)

# --- Quality ----------------------------------------------------------------------------------

test lint format schema schema-check migrations-check: override export DJANGO_SETTINGS_MODULE = config.settings.test

test: install-dev ## Run the test suite (DATABASE_URL selects the database; PYTEST_ARGS adds options)
	@if [ -n "$${DATABASE_URL:-}" ]; then \
		echo "==> Running tests on DATABASE_URL=$$(sed -E 's#(://[^:@/]*):[^@/]*@#\1:***@#' <<< "$$DATABASE_URL")"; \
	else \
		echo "==> Running tests on SQLite (DATABASE_URL not set)"; \
	fi
	$(VENV)/bin/pytest --numprocesses $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

lint: install-dev ## ruff check and ruff format --check
	@echo "==> ruff check"
	$(VENV)/bin/ruff check .
	@echo "==> ruff format --check"
	$(VENV)/bin/ruff format --check .

format: install-dev ## Apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

schema: install-dev ## Regenerate openapi.yaml (the committed contract); fails on any warning
	@echo "==> OpenAPI schema (spectacular --validate --fail-on-warn) -> openapi.yaml"
	$(MANAGE) spectacular --validate --fail-on-warn --file openapi.yaml

schema-check: install-dev ## Fail if openapi.yaml is not what the code generates
	@echo "==> openapi.yaml is current (spectacular --validate --fail-on-warn)"
	@mkdir -p build
	$(MANAGE) spectacular --validate --fail-on-warn --file build/openapi.yaml
	@diff -u openapi.yaml build/openapi.yaml > build/openapi.diff \
		|| { head -n 60 build/openapi.diff; \
		     echo "openapi.yaml differs from the generated schema: run 'make schema' and commit it." >&2; \
		     exit 1; }

migrations-check: install-dev ## Fail if the models have changes without a migration
	@echo "==> makemigrations --check --dry-run"
	$(MANAGE) makemigrations --check --dry-run

layers-check: install-dev ## The layers' import contracts (import-linter; pyproject.toml)
	@echo "==> lint-imports (the domain imports neither the API nor the admin; no cycles)"
	$(VENV)/bin/lint-imports --no-cache

# Production settings with a throwaway key unless SECRET_KEY is set in the environment.
deploy-check: override export DJANGO_SETTINGS_MODULE = config.settings.production
deploy-check: install ## manage.py check --deploy under production settings
	@echo "==> check --deploy (config.settings.production)"
	@if [ -z "$${SECRET_KEY:-}" ]; then \
		export SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')"; \
	fi; \
	$(MANAGE) check --deploy --fail-level WARNING

check: lint migrations-check layers-check schema-check sdk-check deploy-check ## All static checks: lint, migrations, layers, schema, clients, deploy

.PHONY: evaluate
evaluate: override export DJANGO_SETTINGS_MODULE = config.settings.test
evaluate: install ## Score the suggested attributions against fixtures/gold/; fails below the targets
	$(MANAGE) evaluate_suggestions fixtures/gold/*.json --min-f1 0.75 --min-speech-act 0.8
	@# The seed article's own, higher targets (its row is in the table above).
	@$(MANAGE) evaluate_suggestions fixtures/gold/seed_article.json --min-f1 0.85 --min-speech-act 0.9 >/dev/null

# --- Client SDKs ------------------------------------------------------------------------------
# Generated from the committed openapi.yaml into clients/ (committed too, so that a developer
# can use them without generating): the Python client by openapi-python-client (pinned in the
# dev extra), the TypeScript types by openapi-typescript (pinned, with TypeScript 5, in
# clients/typescript/package-lock.json, installed with `npm ci`). SDK_OUT chooses where.

SDK_OUT ?= clients
NPM_STAMP := clients/typescript/node_modules/.package-lock.json

$(NPM_STAMP): clients/typescript/package-lock.json
	@command -v npm >/dev/null || { echo "make sdk needs Node.js 20+ (node and npm)." >&2; exit 1; }
	cd clients/typescript && npm ci --no-audit --no-fund --loglevel=error

sdk: install-dev $(NPM_STAMP) ## Generate clients/ from openapi.yaml: the Python client and the TypeScript types
	@echo "==> Python client -> $(SDK_OUT)/python/attributed_api_client"
	@mkdir -p build $(SDK_OUT)/python $(SDK_OUT)/typescript
	$(PY) clients/python/generator_input.py openapi.yaml build/openapi-python-client.yaml
	$(VENV)/bin/openapi-python-client generate --path build/openapi-python-client.yaml \
		--config clients/python/generator.yaml --meta none --fail-on-warning --overwrite \
		--output-path $(SDK_OUT)/python/attributed_api_client
	@# PEP 561: the generated code is typed (it passes mypy --strict); --meta none omits the marker.
	touch $(SDK_OUT)/python/attributed_api_client/py.typed
	@echo "==> TypeScript types -> $(SDK_OUT)/typescript/schema.d.ts"
	clients/typescript/node_modules/.bin/openapi-typescript openapi.yaml \
		--output $(SDK_OUT)/typescript/schema.d.ts

sdk-check: ## Fail if clients/ is not what `make sdk` generates from openapi.yaml
	@echo "==> clients/ is current (make sdk into build/sdk, compared)"
	@rm -rf build/sdk && mkdir -p build
	@$(MAKE) --no-print-directory sdk SDK_OUT=build/sdk > build/sdk.log 2>&1 || { cat build/sdk.log; exit 1; }
	@diff -ru --exclude=__pycache__ clients/python/attributed_api_client build/sdk/python/attributed_api_client > build/sdk.diff \
		&& diff -u clients/typescript/schema.d.ts build/sdk/typescript/schema.d.ts >> build/sdk.diff \
		|| { head -n 60 build/sdk.diff; \
		     echo "clients/ differs from what openapi.yaml generates: run 'make sdk' and commit it." >&2; \
		     exit 1; }

# --- Benchmark --------------------------------------------------------------------------------

bench: install ## Benchmark (README, Performance): SIZE=10k|100k|1m DB=postgres|sqlite BENCH_ARGS=...
	$(PY) -m bench run --size $(SIZE) --db $(DB) $(BENCH_ARGS)

bench-scale-out: install ## Reads over primary and replica under load, read-your-writes checked (the rig; README)
	$(PY) -m bench.scale_out $(BENCH_ARGS)

# The benchmark's peers (Datasette: BENCH_ARGS=--peer datasette) in their own virtualenv, so
# that their dependencies never mix with the product's.
PEERS_VENV := .venv-peers

$(PEERS_VENV)/.installed: requirements/peers.txt
	@echo "==> Installing the benchmark's peers (requirements/peers.txt) into $(PEERS_VENV)"
	@test -x $(PEERS_VENV)/bin/python || $(PYTHON) -m venv $(PEERS_VENV)
	$(PEERS_VENV)/bin/python -m pip --disable-pip-version-check install --quiet -r requirements/peers.txt
	@touch $@

bench-peers: $(PEERS_VENV)/.installed ## Install the benchmark's peers (Datasette) into .venv-peers

# --- Maintenance ------------------------------------------------------------------------------

requirements: install-dev ## Re-pin requirements/*.txt from pyproject.toml (pip-tools)
	$(VENV)/bin/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links \
		--output-file requirements/base.txt pyproject.toml
	$(VENV)/bin/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links \
		--extra dev --output-file requirements/dev.txt pyproject.toml

clean: ## Remove build output and caches (keeps .venv, .env and the database)
	rm -rf build staticfiles .pytest_cache .ruff_cache
	find . -path ./.venv -prune -o -type d -name __pycache__ -prune -exec rm -rf {} +
