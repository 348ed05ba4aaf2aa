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

.PHONY: run test install install-test migrate seed bench lint messages clean

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
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install-test
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS) --dist load $(PYTEST_ARGS)

bench: install-test
	$(PY) -m bench --employees $(BENCH_EMPLOYEES)

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Refresh and compile the Dutch translations: the frame's (templates/, intranet/) in locale/, each
# app's in <app>/locale/.
APPS := home people social news teams directregelen rooms launcher prikbord search insights
messages: install
	$(PY) manage.py makemessages -l nl --no-obsolete -i '.venv/*' -i 'tests/*' -i 'bench/*' $(foreach a,$(APPS),-i '$(a)/*')
	for app in $(APPS); do mkdir -p $$app/locale && (cd $$app && ../$(PY) ../manage.py makemessages -l nl --no-obsolete); done
	$(PY) manage.py compilemessages -l nl --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles test-media .pytest_cache
