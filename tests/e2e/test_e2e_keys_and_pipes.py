"""Keys typed ahead and runs with no terminal, on the real command in tmux."""

from __future__ import annotations

from pathlib import Path

from harness import DATA, Tmux, history_rows, stretchtimer_command

ROUTINE = DATA / "terminal-check.yaml"

QUICK = """\
name: Piped break
defaults:
  prepare: 0s
  rest: 0s
steps:
  - name: Only stretch
    hold: 1s
    instructions:
      - Sit tall.
"""


def test_keys_sent_in_one_packet_over_dialogs(server: Tmux, tmp_path: Path) -> None:
    server.start(stretchtimer_command(tmp_path, "run", str(ROUTINE), "--mute"), size=(100, 30))
    server.wait_for("First stretch", "Get ready")
    server.keys("?abc")  # help, then three keys in the same read
    server.wait_for("First stretch", gone="Any key closes this")
    server.keys("?xn")  # help closed by x; n reaches the session
    server.wait_for("Second stretch")
    server.keys("qyes", "Enter")  # quit, yes, and the rest land on the summary
    server.wait_for("Terminal check — stopped early")
    server.keys("q")
    screen = server.wait_for("stretchtimer exited with 0")
    assert "Traceback" not in screen
    assert server.modes()["alternate_on"] == "0"
    [row] = history_rows(tmp_path)
    assert row["status"] == "quit"


def test_piped_output_runs_plain_and_ends_by_itself(server: Tmux, tmp_path: Path) -> None:
    (tmp_path / "piped.yaml").write_text(QUICK)
    command = stretchtimer_command(tmp_path, "run", "piped.yaml", "--mute") + " | cat"
    server.start(command, size=(100, 30))
    screen = server.wait_for("stretchtimer exited with 0", "tty echo")
    assert "Step 1 of 1: Only stretch." in screen
    assert "Done: Piped break." in screen
    assert server.modes()["alternate_on"] == "0"
    [row] = history_rows(tmp_path)
    assert row["status"] == "completed"
