"""A session through the real command in a real terminal: keys, the title, Ctrl+Z, the figure."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from harness import DATA, Tmux, stretchtimer_command

ROUTINE = DATA / "terminal-check.yaml"


def _command(tmp_path: Path) -> str:
    return stretchtimer_command(tmp_path, "run", str(ROUTINE), "--mute")


@pytest.fixture
def tmux(server: Tmux, tmp_path: Path) -> Tmux:
    server.start(_command(tmp_path))
    return server


def test_pause_skip_quit_in_a_real_terminal(tmux: Tmux) -> None:
    # The caution shows with no key pressed (the frame may reach tmux in more than one write).
    tmux.wait_for(
        "Terminal check · step 1 of 3", "First stretch", "Get ready", "Only a test routine."
    )

    tmux.keys("space")
    tmux.wait_for("PAUSED")
    title = tmux.wait_until(lambda t: "PAUSED" in t, read=tmux.title, what="PAUSED in the title")
    assert "First stretch" in title

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
    server.start("bash --norc --noprofile -i")
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


def _braille_rows(screen: str) -> list[str]:
    return [line for line in screen.splitlines() if any(0x2801 <= ord(c) <= 0x28FF for c in line)]


def test_the_figure_moves_in_a_real_terminal_and_f_hides_it(server: Tmux, tmp_path: Path) -> None:
    routine = DATA / "figure-check.yaml"
    server.start(stretchtimer_command(tmp_path, "run", str(routine), "--mute"))
    first = _braille_rows(server.wait_for("Cat-cow", "Rep 1 of 20"))
    assert len(first) >= 5  # the figure is on screen beside the instructions
    server.wait_until(lambda s: _braille_rows(s) != first, what="the figure to move")
    server.keys("f")
    server.wait_until(lambda s: _braille_rows(s) == [], what="the figure to go")
    assert "figure = false" in (tmp_path / "config" / "stretchtimer" / "config.toml").read_text()
    server.keys("q")
    server.wait_for("End this session?")
    server.keys("y")
    server.wait_for("stopped early")
