"""A hand-edited config.toml with mistakes, through the real command in tmux."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from terminal import Tmux, needs_tmux, start_app, stretchtimer_command

pytestmark = needs_tmux

ROUTINE = Path(__file__).parent / "tui" / "data" / "tmux-check.yaml"

CONFIG = """\
# set by hand
colour = "red"
volume = 30

[keymap]
next = "j"
pause = "q"
"""


def test_config_mistakes_are_shown_in_the_app_and_the_rest_is_used(
    server: Tmux, tmp_path: Path
) -> None:
    config = tmp_path / "config" / "stretchtimer" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(CONFIG)
    start_app(server, tmp_path, stretchtimer_command(tmp_path, "run", str(ROUTINE), "--mute"))
    screen = server.wait_for("First stretch", "Settings")
    assert "colour" in screen
    server.keys("j")  # the valid keymap entry is in force
    server.wait_for("Second stretch")
    server.keys("q")  # the clashing entry was left out: q still ends the session
    server.wait_for("End this session?")
    server.keys("y")
    server.wait_for("stopped early")
    server.keys("q")
    server.wait_for("stretchtimer exited with 0")
    assert config.read_text() == CONFIG  # nothing was rewritten

    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    doctor = subprocess.run(
        [sys.executable, "-m", "stretchtimer", "doctor"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert doctor.returncode == 1
    assert "unknown setting 'colour'" in doctor.stdout
    assert "'q' is given to both 'pause' and 'quit'" in doctor.stdout
