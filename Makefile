# plainspeak: `make run` starts the service, `make test` runs every test.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
DATA ?= ../shared/data
HOST ?= 127.0.0.1
PORT ?= 8000
# Debian packages the tests drive: a real browser and emoji font, Redis, LibreOffice.
SYSTEM_PACKAGES := chromium fonts-noto-color-emoji redis-server libreoffice-writer-nogui python3-uno

.PHONY: run test test-fast bench system-packages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

run: $(VENV)/.installed
	$(BIN)/plainspeak serve --host $(HOST) --port $(PORT)

system-packages:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
		echo "installing:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	else \
		echo "The tests need these Debian packages:$$missing"; \
		echo "Install them with: sudo apt-get install$$missing"; \
		exit 1; \
	fi

test: system-packages $(VENV)/.installed-test
	$(BIN)/python -m pytest

# Everything but the browser, Redis and LibreOffice tests.
test-fast: $(VENV)/.installed-test
	$(BIN)/python -m pytest -m "not browser and not redis and not libreoffice"

# Every benchmark, against ../shared/data (DATA=...), written to docs/benchmarks.md.
bench: system-packages $(VENV)/.installed-test
	$(BIN)/python benchmarks/run_all.py --data $(DATA)

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis test-artifacts
