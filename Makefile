# Borderless: `make run` starts the platform with demo data, `make test` runs the whole suite.
# Both set up everything they need by themselves (virtual environment, pinned dependencies,
# compiled translations; `make test` also installs Debian's Chromium for the browser tests).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | md5sum | cut -c1-12)
PO_FILES := $(wildcard locale/*/LC_MESSAGES/*.po locale-django/*/LC_MESSAGES/*.po)
MO_FILES := $(PO_FILES:.po=.mo)
HOST ?= 127.0.0.1
PORT ?= 8000
# pytest-xdist workers for `make test` (one per core; `make test PYTEST_WORKERS=0` runs in one process).
# Whole files go to a worker, in the order tests/conftest.py gives them (slow modules first).
PYTEST_WORKERS ?= auto

.PHONY: run serve test fuzz lint install messages makemessages browser db demo clean bench bench-quickscan bench-instruments bench-matching bench-network

run: install messages db demo
	@echo "Borderless runs on http://$(HOST):$(PORT)/ (demo accounts: see README.md), with a worker for its jobs"
	HOST=$(HOST) PORT=$(PORT) PYTHON=$(BIN)/python bash scripts/run

# Production: migrate, reference data, collectstatic, then gunicorn on HOST:PORT with WEB_CONCURRENCY
# workers of WEB_THREADS threads. Needs at least SECRET_KEY and ALLOWED_HOSTS; see README.md.
serve: install messages
	HOST=$(HOST) PORT=$(PORT) PYTHON=$(BIN)/python bash scripts/serve

test: install messages browser lint
	$(BIN)/python manage.py check
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder $(PYTEST_ARGS)

# The API fuzzer alone, looking much further than the bounded run in `make test`.
fuzz: install messages
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-100} FUZZ_SECONDS=$${FUZZ_SECONDS:-600} $(BIN)/python -m pytest -p no:cacheprovider tests/api/test_fuzz.py $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

install: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	bash scripts/ensure-system-packages
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	rm -f $(VENV)/.installed-*
	touch $@

messages: install $(MO_FILES)

%.mo: %.po
	$(BIN)/python manage.py compilemessages --ignore=$(VENV) >/dev/null

makemessages: install
	$(BIN)/python manage.py makemessages --no-obsolete --no-location -l de -l nl --ignore=$(VENV) --ignore=staticfiles --ignore=tests

browser:
	@bash scripts/ensure-browser

db: install
	$(BIN)/python manage.py migrate --noinput

demo: db
	$(BIN)/python manage.py load_reference_data
	$(BIN)/python manage.py load_taxonomy
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py load_instruments
	$(BIN)/python manage.py compute_network --sync --reason manual

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles test-artifacts

bench: bench-quickscan bench-instruments bench-matching bench-network

bench-quickscan: install
	$(BIN)/python bench/quickscan.py $(BENCH_ARGS)

bench-instruments: install
	$(BIN)/python bench/instruments.py $(BENCH_ARGS)

bench-matching: install
	$(BIN)/python bench/matching.py $(BENCH_ARGS)

bench-network: install
	$(BIN)/python bench/network.py $(BENCH_ARGS)
