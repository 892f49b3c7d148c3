# Everything a newcomer needs: `make run` and `make test` on a machine with python3 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ARGS ?=

.PHONY: run test lint bench sounds clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@if $(BIN)/python -m pip install -q -e '.[dev,audio]' > $(VENV)/install.log 2>&1; then :; \
	else echo "set-up: simpleaudio could not be built (are the ALSA headers, libasound2-dev, missing?); installing without it, sound falls back to a command-line player or the bell"; \
	  $(BIN)/python -m pip install -q -e '.[dev]' > $(VENV)/install.log 2>&1 || { cat $(VENV)/install.log; exit 1; }; fi
	@touch $(STAMP)

run: $(STAMP)
	@$(BIN)/stretchtimer $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

sounds: $(STAMP)
	$(BIN)/python scripts/make_sounds.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache dist build
