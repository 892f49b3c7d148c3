"""Shared fixtures: every test runs with its own empty config and data folders, in English."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from stretchtimer.i18n import use_language


@pytest.fixture(autouse=True)
def isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Keep tests away from the real config, routines and history."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    # A reminder's lock and socket live here: each test has its own, so none refuses another.
    runtime = home / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    return home


@pytest.fixture(autouse=True)
def in_english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts in English, whatever the machine's locale, and a test that
    chooses a language leaves English behind for the next.

    ``LANGUAGE`` is the variable gettext reads first and the only one it alone
    reads, so setting it changes nothing else about the locale; programs the
    test starts (tmux panes, subprocesses) inherit it.
    """
    monkeypatch.setenv("LANGUAGE", "en")
    use_language(["en"])
    yield
    use_language(["en"])
