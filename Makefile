# Everything a newcomer needs: `make run`, `make install` and `make test` on a machine with python3 and make.
# Versions come from uv.lock; `make lock` moves them on purpose, `make test-latest` says what would move.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ARGS ?=
# The uv that set-up brings into the virtual environment when none is on PATH (also pinned in the lock).
UV_VERSION := 0.13.9
UV ?= $(shell command -v uv 2>/dev/null || echo $(BIN)/uv)
LATEST := .venv-latest
CHECKED := src tests benchmarks scripts
# Test workers: one per core, and at least 4. Most of the suite's time is spent waiting on
# subprocesses, terminals and sockets rather than computing, so 2 cores keep 4 workers busy
# (measured: 155 s against 199 s with 2 workers on a 2-core machine, same load).
WORKERS := $(shell n=$$(nproc 2>/dev/null || echo 2); [ "$$n" -lt 4 ] && n=4; echo $$n)

export UV_PROJECT_ENVIRONMENT := $(VENV)
# The system Python is the one the README asks for; uv must not fetch another.
export UV_PYTHON_DOWNLOADS := never
# Everything set-up installs is compiled to bytecode as it is installed (uv leaves that to the
# first import otherwise, which under PYTHONDONTWRITEBYTECODE=1 happens on every start).
export UV_COMPILE_BYTECODE := 1
# `make install`: the locked versions, as constraints on the tool's own environment.
TOOL_CONSTRAINTS := $(VENV)/tool-constraints.txt

.PHONY: run install uninstall test test-quick lint bench sounds gallery compiled i18n lock test-latest clean

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV)

$(UV): | $(BIN)/python
	@$(BIN)/python -m pip install -q "uv==$(UV_VERSION)" > $(VENV)/install.log 2>&1 || { cat $(VENV)/install.log; exit 1; }

$(STAMP): pyproject.toml uv.lock Makefile | $(UV) $(BIN)/python
	@if $(UV) sync -q --locked --python $(BIN)/python --extra dev --extra audio > $(VENV)/install.log 2>&1; then :; \
	else echo "set-up: simpleaudio could not be built (are the ALSA headers, libasound2-dev, or a C compiler missing?); installing without it, sound falls back to a command-line player or the bell"; \
	  $(UV) sync -q --locked --python $(BIN)/python --extra dev > $(VENV)/install.log 2>&1 || { cat $(VENV)/install.log; exit 1; }; fi
	@# The project itself is installed editable: its modules are compiled where they are.
	@$(BIN)/python -m compileall -q src > /dev/null
	@touch $(STAMP)

run: $(STAMP)
	@$(BIN)/stretchtimer $(ARGS)

# `stretchtimer` on your PATH, as `uv tool install` puts it: its own environment (uv's tool
# folder), the versions in uv.lock, compiled to bytecode, the audio extra where it builds.
install: | $(UV)
	@$(UV) export -q --frozen --no-hashes --no-dev --extra audio --no-emit-project -o $(TOOL_CONSTRAINTS)
	@if $(UV) tool install -q --reinstall --python $(PYTHON) -c $(TOOL_CONSTRAINTS) '.[audio]' > $(VENV)/tool-install.log 2>&1; then :; \
	else echo "install: simpleaudio could not be built (are the ALSA headers, libasound2-dev, or a C compiler missing?); installing without it, sound falls back to a command-line player or the bell"; \
	  $(UV) tool install -q --reinstall --python $(PYTHON) -c $(TOOL_CONSTRAINTS) . > $(VENV)/tool-install.log 2>&1 || { cat $(VENV)/tool-install.log; exit 1; }; fi
	@bin="$$($(UV) tool dir --bin)"; case ":$$PATH:" in \
	  *":$$bin:"*) echo "install: stretchtimer is now $$bin/stretchtimer";; \
	  *) echo "install: stretchtimer is now $$bin/stretchtimer; $$bin is not on your PATH: add the line  export PATH=\"$$bin:\$$PATH\"  to ~/.bashrc (or your shell's start-up file) and open a new terminal";; esac

uninstall: | $(UV)
	@bin="$$($(UV) tool dir --bin)"; \
	if $(UV) tool list 2>/dev/null | grep -q '^stretchtimer '; then \
	  $(UV) tool uninstall -q stretchtimer && echo "uninstall: removed $$bin/stretchtimer and its environment"; \
	else echo "uninstall: stretchtimer was not installed in $$bin"; fi

lint: $(STAMP)
	$(BIN)/ruff check $(CHECKED)
	$(BIN)/ruff format --check $(CHECKED)
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -n $(WORKERS)

# The quick loop: everything but the end-to-end tests in tmux (tests/e2e/), no lint.
test-quick: $(STAMP)
	$(BIN)/pytest -n $(WORKERS) -m "not e2e"

# Refresh the lock on purpose (its own commit): every package to the newest its bounds allow.
lock: | $(UV)
	$(UV) lock --upgrade

# The whole suite against the newest versions the bounds allow, in a separate environment;
# first the list of what would move in the lock.
test-latest: | $(UV)
	@echo "test-latest: what 'make lock' would change:"
	@$(UV) lock --upgrade --dry-run 2>&1 | sed 's/^/  /'
	@test -x $(LATEST)/bin/python || $(PYTHON) -m venv $(LATEST)
	@if ! $(UV) pip install -q --python $(LATEST)/bin/python --upgrade -e '.[dev,audio]' > $(LATEST)/install.log 2>&1; then \
	  echo "test-latest: installing without the audio extra"; \
	  $(UV) pip install -q --python $(LATEST)/bin/python --upgrade -e '.[dev]' || exit 1; fi
	$(LATEST)/bin/ruff check $(CHECKED)
	$(LATEST)/bin/ruff format --check $(CHECKED)
	$(LATEST)/bin/mypy
	$(LATEST)/bin/pytest -n $(WORKERS)

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# Write every sound theme, then measure it against the rules in scripts/sound_analysis.py.
sounds: $(STAMP)
	$(BIN)/python scripts/make_sounds.py
	$(BIN)/python scripts/make_sounds.py --check

# docs/figures.md, drawn from the figure library (a test checks it is current), and docs/figures/*.png:
# each keyframe as a picture of its dots.
gallery: $(STAMP)
	$(BIN)/python scripts/make_gallery.py
	$(BIN)/python scripts/figure_pngs.py
	$(BIN)/python scripts/compile_bundled.py

# The bundled routines (every language) and the figure library, compiled to msgpack inside the
# package, so a start of a bundled routine reads no YAML (a test checks they are current).
compiled: $(STAMP)
	$(BIN)/python scripts/compile_bundled.py

# The catalogs (docs/translating.md): extract the words a person reads into the template,
# bring each language's .po up to it, write the pseudo-locale, compile every .mo.
LOCALE := src/stretchtimer/locale
POT := $(LOCALE)/stretchtimer.pot
LANGUAGES := de es
i18n: $(STAMP)
	@mkdir -p $(LOCALE)
	@$(BIN)/pybabel -q extract -F babel.cfg --no-default-keywords -k _ -k ngettext:1,2 -k N_ \
	  -c Translators: --add-location=file --sort-by-file --width=100 \
	  --project=stretchtimer --version="$$($(BIN)/python -c 'import stretchtimer; print(stretchtimer.__version__)')" \
	  --copyright-holder="stretchtimer's authors" -o $(POT).new src/stretchtimer
	@$(BIN)/python scripts/catalogs.py template $(POT).new $(POT)
	@for language in $(LANGUAGES); do \
	  $(BIN)/pybabel -q update --init-missing --no-fuzzy-matching --ignore-pot-creation-date --width=100 \
	    -D stretchtimer -i $(POT) -d $(LOCALE) -l $$language || exit 1; done
	@$(BIN)/python scripts/catalogs.py pseudo $(POT) $(LOCALE)/en_XA/LC_MESSAGES/stretchtimer.po
	@$(BIN)/pybabel compile --statistics -D stretchtimer -d $(LOCALE)

clean:
	rm -rf $(VENV) $(LATEST) .pytest_cache .mypy_cache .ruff_cache dist build
