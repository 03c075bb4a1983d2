# Dalslandsportalen. `make help` lists the targets; CI calls `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# The demo identity provider (demo_idp): loopback only, never in production.
IDP_PORT ?= 8001
IDP := DJANGO_SETTINGS_MODULE=demo_idp.settings $(BIN)/python manage.py
export UV_PYTHON_DOWNLOADS := never
export DJANGO_SETTINGS_MODULE ?= config.settings.dev

.DEFAULT_GOAL := help

.PHONY: help
help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv

$(VENV)/.installed: requirements.lock $(BIN)/uv
	$(BIN)/uv pip sync --quiet --python $(BIN)/python requirements.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

.PHONY: install
install: $(VENV)/.installed ## Create the virtual environment and install the locked dependencies

.PHONY: lock
lock: $(BIN)/uv ## Re-resolve requirements.lock from pyproject.toml
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python $(BIN)/python -o requirements.lock

.PHONY: messages
messages: install ## Compile the sv and en message catalogues (compiled ones are committed)
	@if command -v msgfmt >/dev/null; then \
		$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v0; \
	else echo "gettext is not installed: using the committed .mo catalogues"; fi

.PHONY: setup
setup: install messages ## Migrate the database and load the demo content
	mkdir -p var
	$(BIN)/python manage.py migrate --no-input -v0
	$(BIN)/python manage.py seed_demo

.PHONY: idp-setup
idp-setup: install ## Prepare the demo identity provider: its database, test persons and clients
	mkdir -p var
	$(IDP) migrate --no-input -v0
	$(IDP) seed_idp --portal-url http://$(HOST):$(PORT) --portal-url http://localhost:$(PORT)

.PHONY: run
run: setup idp-setup ## Set everything up and serve the demo on http://$(HOST):$(PORT)
	@echo ""
	@echo "  Dalslandsportalen: http://$(HOST):$(PORT)/"
	@echo "  Employees:         http://$(HOST):$(PORT)/medarbetare/  'Logga in med kommunens konto',"
	@echo "                     then pick a test person at the demo identity provider"
	@echo "  Residents:         http://$(HOST):$(PORT)/mina-sidor/   'Logga in med e-legitimation'"
	@echo "  Identity provider: http://127.0.0.1:$(IDP_PORT)/  (demo only: anyone can be anyone)"
	@echo "  Admin:             http://$(HOST):$(PORT)/admin/  user 'admin', password 'dalsland-demo-2026' (demo only)"
	@echo "                     second factor: the code from '$(BIN)/python manage.py demo_totp admin'"
	@echo "                     (or secret DALSLANDSPORTALENDEMOTOTPSECRETX in an authenticator app)"
	@echo "  Background:        the task worker sends e-mails ('manage.py task_worker'; they are"
	@echo "                     written to var/mail/); the scheduler runs scheduled publishing, content"
	@echo "                     review, retries of e-mails and purging ('manage.py run_scheduler')"
	@echo ""
	@$(IDP) runserver 127.0.0.1:$(IDP_PORT) --noreload & idp=$$!; \
	$(BIN)/python manage.py run_scheduler & scheduler=$$!; \
	$(BIN)/python manage.py task_worker --no-reload --queue-name '*' -v0 & worker=$$!; \
	trap 'kill $$idp $$scheduler $$worker 2>/dev/null' EXIT INT TERM; \
	DEMO_IDP_URL=http://127.0.0.1:$(IDP_PORT) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The production stack on this machine (deploy/): gunicorn, the task worker, the scheduler and
# Varnish, with production settings and the environment of the shell; honcho ignores any .env
# file.
PROD := DJANGO_SETTINGS_MODULE=config.settings.production $(BIN)/python manage.py
SERVE_VARS := SECRET_KEY ALLOWED_HOSTS DATABASE_URL REDIS_URL PORTAL_BASE_URL TRUSTED_PROXY_COUNT

.PHONY: serve
serve: install messages ## Production stack: gunicorn, task worker, scheduler, Varnish on 127.0.0.1:8100 (PostgreSQL, Redis)
	@missing=""; for name in $(SERVE_VARS); do [ -n "$${!name}" ] || missing="$$missing $$name"; done; \
	if [ -n "$$missing" ]; then \
		echo "make serve needs in the environment:$$missing"; \
		echo "  SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL (postgresql://…), REDIS_URL (redis://…: the"; \
		echo "  cache and sessions every process shares; throttles would count per process without"; \
		echo "  it), PORTAL_BASE_URL and TRUSTED_PROXY_COUNT (1 behind this Varnish);"; \
		echo "  see docs/configuration.md"; exit 1; fi
	@case "$$DATABASE_URL" in postgres://*|postgresql://*|postgis://*) ;; \
		*) echo "make serve needs PostgreSQL: DATABASE_URL=postgresql://user:password@host:5432/name"; exit 1;; esac
	@[ -x /usr/sbin/varnishd ] || { echo "Varnish is not installed: apt-get install varnish"; exit 1; }
	@[ -x $(BIN)/honcho ] || { echo "honcho is missing from $(VENV): make install"; exit 1; }
	@echo "Checking the production settings (manage.py check --deploy)"
	@$(PROD) check --deploy --fail-level ERROR || { echo "make serve: the production settings refuse to start (above)"; exit 1; }
	mkdir -p var
	$(PROD) migrate --no-input -v0
	$(PROD) collectstatic --no-input -v0
	@echo ""
	@echo "  Varnish:  http://$${VARNISH_LISTEN:-127.0.0.1:8100}/  (put the TLS proxy in front of it)"
	@echo "  gunicorn: http://$${GUNICORN_BIND:-127.0.0.1:8200}/"
	@echo ""
	DJANGO_SETTINGS_MODULE=config.settings.production VARNISH_URL=http://$${VARNISH_LISTEN:-127.0.0.1:8100} exec $(BIN)/honcho -f deploy/Procfile -d . -e /dev/null start

.PHONY: test
test: install messages node_modules/.installed ## Run the whole suite on SQLite (DATABASE_URL=postgresql://… for PostgreSQL)
	mkdir -p var
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python -m pytest $(PYTEST_ARGS)

.PHONY: lint
lint: install ## ruff check, ruff format check and the import layers (import-linter, pyproject.toml)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

.PHONY: clean
clean: ## Remove the demo database, media and static files (var/)
	rm -rf var
