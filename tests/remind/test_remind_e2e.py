"""The real ``stretchtimer remind`` in a real 40x6 terminal (tmux)."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from terminal import Tmux, needs_tmux, stretchtimer_command

#: The prompt comes after 20 s of active time; allow for a slow, shared machine.
PROMPT_TIMEOUT = 45.0


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    server = Tmux(f"stretchtimer-remind-{uuid.uuid4().hex[:8]}")
    try:
        yield server
    finally:
        server.kill()


@needs_tmux
def test_remind_prompts_runs_the_routine_comes_back_and_postpones(
    tmux: Tmux, tmp_path: Path
) -> None:
    command = stretchtimer_command(
        tmp_path,
        "remind",
        "--every",
        "20s",
        "--micro-every",
        "0",
        "--idle-source",
        "terminal",
        "--mute",
        env={"DBUS_SESSION_BUS_ADDRESS": ""},
    )
    # shutil (and so Textual) would take a COLUMNS/LINES left in the environment
    # over the real 40x6 of the pane.
    shell = (
        f"cd {tmp_path} && unset COLUMNS LINES && {command};"
        " echo stretchtimer exited with $?; sleep 60"
    )
    tmux("new-session", "-d", "-s", "session", "-x", "40", "-y", "6", shell)

    tmux.wait_for("Next break in", "desk-break", "Today 0 taken")
    assert tmux.title().startswith("stretchtimer: break in ")
    tmux.wait_for("Time for a break: desk-break", timeout=PROMPT_TIMEOUT)
    assert tmux.title() == "stretchtimer: BREAK NOW"

    tmux.keys("p")
    tmux.wait_for("Postponed: break in 5 min", "1 postpone left")
    tmux.keys("Enter")  # take the postponed break now, early
    tmux.wait_for("Get ready")
    tmux.keys("q")
    tmux.wait_for("End session?")  # the short question: 40x6 has no room for the full one
    tmux.keys("y")
    tmux.wait_for("stopped early")
    tmux.keys("q")
    screen = tmux.wait_for("Next break in", "Today 1 taken, 1 postponed, 0 skipped")
    assert "Worked 0 min" in screen

    tmux.keys("q")
    tmux.wait_for("End the reminder?")
    tmux.keys("y")
    tmux.wait_for("stretchtimer exited with 0")

    done = subprocess.run(
        [sys.executable, "-m", "stretchtimer", "stats", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")},
        check=True,
    )
    today = json.loads(done.stdout)["breaks"]["today"]
    assert today == {"due": 1, "taken": 1, "postponed": 1, "skipped": 0, "natural": 0}
