"""Shared fixtures: every test runs with its own empty config and data folders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from terminal import Tmux


@pytest.fixture(autouse=True)
def isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Keep tests away from the real config, routines and history."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    return home


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Tmux]:
    """A tmux server of the test's own (its socket named for the worker and the test)."""
    server = Tmux(f"stretchtimer-test-{os.getpid()}-{tmp_path.name}")
    try:
        yield server
    finally:
        server.kill()
