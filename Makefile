# Plein: `make run` to try it, `make test` to test it. Both set up .venv themselves.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
BENCH_EMPLOYEES ?= 50000
# Test workers (pytest-xdist); each gets its own test database.
PYTEST_WORKERS ?= auto

.PHONY: run test install install-test migrate seed bench loadtest lint messages clean screenshots

$(VENV)/bin/activate:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] < (3, 11) and "Plein needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: $(VENV)/bin/activate requirements.txt
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt
	$(PIP) install --quiet -r requirements-test.txt
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

migrate: install
	$(PY) manage.py migrate --no-input

run: migrate
	$(PY) manage.py seed_demo --if-empty --port $(PORT)
	@echo ""
	@echo "Plein draait op http://$(HOST):$(PORT)/ — log in met een van de demo-accounts hierboven (wachtwoord: plein-demo)."
	@echo "De achtergrondwerker (mail, periodieke taken) draait ernaast; Ctrl-C stopt beide."
	@# The worker beside the web server, one command: Ctrl-C (or runserver ending) stops both.
	@$(PY) manage.py run_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install-test
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS) --dist load $(PYTEST_ARGS)

bench: install-test
	$(PY) -m bench --employees $(BENCH_EMPLOYEES)

# A workday's load against a production-like stack it starts itself (PostgreSQL at LOADTEST_POSTGRES,
# its own Redis and mail server); LOADTEST_ARGS="--faults" stops them in turn. docs/performance.md.
LOADTEST_ARGS ?=
$(VENV)/.installed-loadtest: $(VENV)/.installed-test requirements-loadtest.txt
	$(PIP) install --quiet -r requirements-loadtest.txt
	touch $@

loadtest: $(VENV)/.installed-loadtest
	$(PY) -m loadtest $(LOADTEST_ARGS)

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# Refresh and compile the Dutch translations: the frame's (templates/, intranet/) in locale/, each
# app's in <app>/locale/.
APPS := home people social news teams directregelen rooms agenda launcher prikbord search insights privacy mustread api
messages: install
	$(PY) manage.py makemessages -l nl --no-obsolete -i '.venv/*' -i 'tests/*' -i 'bench/*' $(foreach a,$(APPS),-i '$(a)/*')
	for app in $(APPS); do mkdir -p $$app/locale && (cd $$app && ../$(PY) ../manage.py makemessages -l nl --no-obsolete); done
	$(PY) manage.py compilemessages -l nl --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles test-media .pytest_cache

screenshots: install-test
	$(PY) -m tests.screenshots
