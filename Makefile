# One command to run the app, one to test it. Everything is installed from the project's files.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.8
HOST ?= 127.0.0.1
PORT ?= 8000
# Production is the default of inkoop/settings.py; every target here is for development.
DEV := DJANGO_DEBUG=1

.PHONY: run test venv systeem browser libreoffice migrate demo lint format bench-scale bench-pdf bench-diff worker clean schermafbeeldingen

venv: $(VENV)/.installed

$(VENV)/.installed: requirements-dev.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -q --disable-pip-version-check uv==$(UV_VERSION)
	@$(BIN)/uv pip install -q --python $(BIN)/python -r requirements-dev.lock \
		|| $(BIN)/python -m pip install -q --disable-pip-version-check -r requirements-dev.lock
	@touch $@

# WeasyPrint needs Pango; Debian's packages are installed when missing (as root only).
systeem:
	@if ! ldconfig -p | grep -q libpangoft2-1.0.so.0; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null; \
		else echo "Installeer Pango voor PDF's: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0"; fi; \
	fi

# Headless Chromium for the browser tests comes from Debian, never from a Playwright download.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else echo "Geen /usr/bin/chromium: browsertests worden overgeslagen (sudo apt-get install chromium)"; fi; \
	fi

# LibreOffice from Debian opens the .docx exports in a test (converted back to PDF, read with
# pdftotext) and made the word-processor fixture under tests/fixtures/docx/.
libreoffice:
	@if [ ! -x /usr/bin/soffice ] || ! command -v pdftotext >/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui poppler-utils >/dev/null; \
		else echo "Geen LibreOffice: de test die een .docx in LibreOffice opent wordt overgeslagen (sudo apt-get install libreoffice-writer-nogui poppler-utils)"; fi; \
	fi

migrate: venv systeem
	@mkdir -p var
	@$(DEV) $(BIN)/python manage.py migrate --noinput -v0

demo: migrate
	@$(DEV) $(BIN)/python manage.py gemeenten_bijwerken >/dev/null
	@$(DEV) $(BIN)/python manage.py load_demo

run: demo
	@echo "App: http://$(HOST):$(PORT)/  (demologins in README.md)"
	@$(DEV) SITE_URL=http://$(HOST):$(PORT) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Both cores (pytest-xdist), in random order (pytest-randomly). Tests that talk to the one real
# Celery worker (marker "integration") run afterwards in one process: the worker reads the
# database pytest-django creates for that process ("test_" + name).
test: venv systeem browser libreoffice
	@$(DEV) $(BIN)/python -m pytest -n $(or $(PYTEST_WORKERS),auto) -m "not integration" $(PYTEST_ARGS)
	@$(DEV) $(BIN)/python -m pytest -p no:xdist -m integration $(PYTEST_ARGS)

worker: venv
	@mkdir -p var
	@$(DEV) $(BIN)/celery -A inkoop worker --beat --schedule var/celerybeat-schedule --loglevel=INFO --concurrency=1

# ruff (lint and format), djlint (templates), import-linter (the layers of docs/architecture.md).
lint: venv
	@$(BIN)/ruff check .
	@$(BIN)/ruff format --check .
	@$(BIN)/djlint templates --lint --profile=django
	@PYTHONPATH=. $(BIN)/lint-imports --no-cache

format: venv
	@$(BIN)/ruff format .
	@$(BIN)/ruff check --fix .

bench-scale: venv
	@$(BIN)/python tests/benchmarks/bench_scale.py

bench-pdf: venv systeem
	@$(DEV) $(BIN)/python tests/benchmarks/bench_pdf.py

# 30 sections of 20,000 characters compared with a draft; last line: sections= chars= diff_s=
bench-diff: venv
	@$(DEV) $(BIN)/python tests/benchmarks/bench_diff.py

# Screenshots of the main pages at 1280 and 390 px (docs/afbeeldingen/schermen/, docs/interface.md),
# from the demo in a temporary database, served on a free port.
schermafbeeldingen: venv systeem browser
	@$(DEV) $(BIN)/python tests/schermafbeeldingen.py

clean:
	rm -rf $(VENV) var .pytest_cache
