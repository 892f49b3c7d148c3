"""A hand-edited config.toml with mistakes, through the real command in tmux."""

from __future__ import annotations

from pathlib import Path

from harness import DATA, Tmux, run_command, stretchtimer_command

ROUTINE = DATA / "terminal-check.yaml"

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
    server.start(stretchtimer_command(tmp_path, "run", str(ROUTINE), "--mute"))
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

    doctor = run_command(tmp_path, "doctor")
    assert doctor.returncode == 1
    assert "unknown setting 'colour'" in doctor.stdout
    assert "'q' is given to both 'pause' and 'quit'" in doctor.stdout
