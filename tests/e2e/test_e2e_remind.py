"""The real ``stretchtimer remind`` in a real 40x6 terminal (tmux)."""

from __future__ import annotations

import json
from pathlib import Path

from harness import Tmux, run_command, stretchtimer_command

#: The prompt comes after 20 s of active time; allow for a slow, shared machine.
PROMPT_TIMEOUT = 45.0


def test_remind_prompts_runs_the_routine_comes_back_and_postpones(
    server: Tmux, tmp_path: Path
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
    server.start(command, size=(40, 6))

    server.wait_for("Next break in", "Desk break", "Today 0 taken")
    assert server.title().startswith("stretchtimer: break in ")
    server.wait_for("Time for a break: Desk break", timeout=PROMPT_TIMEOUT)
    assert server.title() == "stretchtimer: BREAK NOW"

    server.keys("p")
    server.wait_for("Postponed: break in 20 s", "1 postpone left")  # --every 20s: not 5 min
    server.keys("Enter")  # take the postponed break now, early
    server.wait_for("Get ready")
    server.keys("q")
    server.wait_for("End session?")  # the short question: 40x6 has no room for the full one
    server.keys("y")
    server.wait_for("Stopped early after")  # the outcome alone at 40x6
    server.keys("q")
    screen = server.wait_for("Next break in", "Today 1 taken, 1 postponed, 0 skipped")
    assert "Worked 0 min" in screen

    server.keys("q")
    server.wait_for("End the reminder?")
    server.keys("y")
    server.wait_for("stretchtimer exited with 0")

    done = run_command(tmp_path, "stats", "--json")
    assert done.returncode == 0, done.stderr
    today = json.loads(done.stdout)["breaks"]["today"]
    assert today == {"due": 1, "taken": 1, "postponed": 1, "skipped": 0, "natural": 0}
