# Erasmi: `make run` serves the platform with demo data, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export DJANGO_SETTINGS_MODULE := erasmi.settings

.PHONY: install reset run serve test test-fast test-tools bench lint format messages compilemessages check-migrations demo clean

$(VENV)/.installed: requirements.txt requirements-dev.txt constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt -c constraints.txt
	touch $@

install: $(VENV)/.installed compilemessages
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py createcachetable -v0

# The compiled catalogues are committed too, so a machine without gettext still runs.
compilemessages: $(VENV)/.installed
	if command -v msgfmt >/dev/null; then cd erasmi && ../$(PY) ../manage.py compilemessages -v0; fi

# The demo goes into an empty database only: a second `make run` keeps what users added.
demo: install
	DEBUG=1 $(PY) manage.py load_demo

# Deletes ALL data (asks first), then loads the demo anew.
reset: install
	DEBUG=1 $(PY) manage.py load_demo --reset

# The web server, a task worker (mails, exports, ...) and the scheduler (periodic jobs); Ctrl-C stops all three.
WORKER := $(PY) manage.py db_worker --no-reload --queue-name '*'
SCHEDULER := $(PY) manage.py scheduler
run: demo
	DEBUG=1 scripts/together "$(PY) manage.py runserver 127.0.0.1:8000" "$(WORKER)" "$(SCHEDULER)"

# Production-like: gunicorn, static files from WhiteNoise (set SECRET_KEY, ALLOWED_HOSTS, HTTPS=1 as in README),
# WORKERS task workers (default 2; production runs any number, on any machine that reaches the database) and
# the one scheduler.
WORKERS ?= 2
serve: install
	$(PY) manage.py collectstatic --noinput -v0
	scripts/together "$(VENV)/bin/gunicorn erasmi.wsgi --bind 127.0.0.1:8000 --workers 3" \
		$(foreach n,$(shell seq $(WORKERS)),"$(WORKER)") "$(SCHEDULER)"

test-tools:
	sh scripts/ensure-test-tools

test: install test-tools check-migrations
	$(VENV)/bin/pytest -q

test-fast: install
	$(VENV)/bin/pytest -q -m "not e2e"

check-migrations: $(VENV)/.installed
	$(PY) manage.py makemigrations --check --dry-run -v0

bench: install
	$(PY) bench/run.py

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: $(VENV)/.installed
	cd erasmi && ../$(PY) ../manage.py makemessages -l de -l en -l tr -l it -l da --no-obsolete --no-location --no-wrap

clean:
	rm -rf $(VENV) var/erasmi.sqlite3 var/static
