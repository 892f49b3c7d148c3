"""The real command in a real terminal: ``stretchtimer run FILE --mute`` inside tmux.

It runs on a tmux server of its own (``-L``), so it never touches a person's
sessions, and it polls the pane instead of sleeping for fixed times.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROUTINE = Path(__file__).parent / "data" / "tmux-check.yaml"
TIMEOUT = 15.0

pytestmark = pytest.mark.skipif(
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

    def wait_for(self, *texts: str, gone: str | None = None) -> str:
        deadline = time.monotonic() + TIMEOUT
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if all(t in screen for t in texts) and (gone is None or gone not in screen):
                return screen
            time.sleep(0.05)
        raise AssertionError(f"waited {TIMEOUT}s for {texts!r}; the pane shows:\n{screen}")


def _environment(tmp_path: Path) -> str:
    env = {
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "TERM": "xterm-256color",
    }
    return " ".join(f"{key}={value}" for key, value in env.items())


def _command(tmp_path: Path) -> str:
    return f"env {_environment(tmp_path)} {sys.executable} -m stretchtimer run {ROUTINE} --mute"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Tmux]:
    server = Tmux(f"stretchtimer-test-{os.getpid()}-{tmp_path.name}")
    try:
        yield server
    finally:
        subprocess.run(["tmux", "-L", server.socket, "kill-server"], capture_output=True)


@pytest.fixture
def tmux(server: Tmux, tmp_path: Path) -> Tmux:
    """The app as the pane's only program; the pane reports its exit status."""
    command = f"cd {tmp_path} && {_command(tmp_path)}; echo stretchtimer exited with $?; sleep 60"
    server("new-session", "-d", "-s", "session", "-x", "80", "-y", "24", command)
    return server


def test_pause_skip_quit_in_a_real_terminal(tmux: Tmux) -> None:
    screen = tmux.wait_for("Terminal check · step 1 of 3", "First stretch", "Get ready")
    assert "Only a test routine." in screen  # the caution, with no key pressed

    tmux.keys("space")
    tmux.wait_for("PAUSED")
    deadline = time.monotonic() + TIMEOUT
    while "PAUSED" not in tmux.title() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert "PAUSED" in tmux.title()
    assert "First stretch" in tmux.title()

    tmux.keys("n")
    screen = tmux.wait_for("Second stretch", "step 2 of 3")
    assert "PAUSED" in screen  # skipping does not start the clock again

    tmux.keys("q")
    tmux.wait_for("End this session?")
    tmux.keys("y")
    screen = tmux.wait_for("Terminal check — stopped early")
    assert "Skipped: 2" in screen
    assert "Not reached: 1" in screen

    tmux.keys("q")
    tmux.wait_for("stretchtimer exited with 0")


def _session_left(screen: str) -> int:
    """Seconds on the session bar's ``m:ss left`` label."""
    label = screen.split("Session")[1].split(" left")[0].split()[-1]
    minutes, seconds = label.split(":")
    return int(minutes) * 60 + int(seconds)


def test_ctrl_z_suspends_with_the_timer_paused(server: Tmux, tmp_path: Path) -> None:
    shell = "bash --norc --noprofile -i"
    server("new-session", "-d", "-s", "session", "-x", "80", "-y", "24", "-c", str(tmp_path), shell)
    server.keys(f"PS1='$ '; {_command(tmp_path)}", "Enter")
    before = _session_left(server.wait_for("First stretch", "Get ready", "left"))
    server.keys("C-z")
    server.wait_for("Stopped", gone="First stretch")
    time.sleep(3)  # time that must not count
    server.keys("fg", "Enter")
    after = _session_left(server.wait_for("First stretch", "PAUSED"))
    assert before - after <= 1
    server.keys("q")
    server.wait_for("End this session?")
    server.keys("y")
    server.wait_for("stopped early")
    server.keys("q")
    server.wait_for("$ ", gone="stopped early")
