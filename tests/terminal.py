"""Driving the real command in a real terminal: a tmux server of the tests' own.

Each server has its own socket (``-L``), so tests never touch a person's tmux
sessions, and waits poll the pane instead of sleeping for fixed times.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

import pytest

TIMEOUT = 15.0

needs_tmux = pytest.mark.skipif(
    shutil.which("tmux") is None, reason="tmux is not installed, so no real terminal to drive"
)


class Tmux:
    def __init__(self, socket: str) -> None:
        self.socket = socket

    def __call__(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        )
        return done.stdout

    def screen(self) -> str:
        return self("capture-pane", "-p", "-t", "session")

    def title(self) -> str:
        return self("display-message", "-p", "-t", "session", "#{pane_title}").strip()

    def keys(self, *keys: str) -> None:
        self("send-keys", "-t", "session", *keys)

    def wait_for(self, *texts: str, gone: str | None = None, timeout: float = TIMEOUT) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if all(t in screen for t in texts) and (gone is None or gone not in screen):
                return screen
            time.sleep(0.05)
        raise AssertionError(f"waited {timeout}s for {texts!r}; the pane shows:\n{screen}")

    def kill(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def user_environment(tmp_path: Path, extra: Mapping[str, str] | None = None) -> str:
    """``env`` arguments giving the app its own config and data folders."""
    env = {
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "TERM": "xterm-256color",
        **(extra or {}),
    }
    return "env " + " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())


def stretchtimer_command(tmp_path: Path, *args: str, env: Mapping[str, str] | None = None) -> str:
    quoted = " ".join(shlex.quote(a) for a in args)
    return f"{user_environment(tmp_path, env)} {sys.executable} -m stretchtimer {quoted}"


def start_app(server: Tmux, tmp_path: Path, command: str) -> None:
    """The app as the pane's only program; the pane reports its exit status."""
    shell = f"cd {tmp_path} && {command}; echo stretchtimer exited with $?; sleep 60"
    server("new-session", "-d", "-s", "session", "-x", "80", "-y", "24", shell)


def history_rows(tmp_path: Path) -> list[dict[str, object]]:
    """``history --json`` for the user folders that ``user_environment`` gives ``tmp_path``."""
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "stretchtimer", "history", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    rows: list[dict[str, object]] = json.loads(done.stdout)
    return rows
