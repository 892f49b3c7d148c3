"""Ratings end to end: a plain session in a terminal asks, and the next plan follows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from harness import Tmux, run_command, stretchtimer_command

pytestmark = pytest.mark.e2e

QUICK = """\
name: Rated break
caution: Stop any stretch that hurts.
defaults:
  prepare: 0s
  rest: 0s
steps:
  - name: Neck tilt
    hold: 2s
  - name: Side bend
    hold: 2s
"""


def test_a_plain_session_asks_and_the_ratings_shape_the_next_plan(
    server: Tmux, tmp_path: Path
) -> None:
    routine = tmp_path / "rated.yaml"
    routine.write_text(QUICK)
    server.start(stretchtimer_command(tmp_path, "run", str(routine), "--plain", "--mute"))
    server.wait_for("press Enter to start")  # a caution new to this person is read first
    server.type("\n")
    server.wait_for("How did each stretch go?", "Neck tilt:")
    server.type("easy\n")
    server.wait_for("Side bend:")
    server.type("\n")  # Enter passes over it
    server.wait_for("stretchtimer exited with 0")

    rated = run_command(tmp_path, "rate", str(routine), "1", "easy")
    assert rated.returncode == 0, rated.stderr
    shown = run_command(tmp_path, "show", str(routine), "--json")
    first, second = json.loads(shown.stdout)["steps"]
    assert first["hold"] == 3 and first["adapted"]["why"] == "rated easy twice"
    assert second["adapted"] is None
