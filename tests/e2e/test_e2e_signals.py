"""kill, a closed connection, Ctrl+C from outside, a crash: the terminal is always given back."""

from __future__ import annotations

import os
import shlex
import signal
import sys
from pathlib import Path

import pytest
from harness import DATA, Tmux, eventually, history_rows, stretchtimer_command, user_environment

ROUTINE = DATA / "terminal-check.yaml"
#: Room for the error line and the log's path after the app has gone.
SIZE = (100, 30)


def _alive(pid: int) -> bool:
    """Running, as opposed to gone or a zombie waiting for a parent that left too."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_gives_the_terminal_back_and_leaves_the_session_interrupted(
    server: Tmux, tmp_path: Path, number: signal.Signals
) -> None:
    server.start(stretchtimer_command(tmp_path, "run", str(ROUTINE), "--mute"), size=SIZE)
    server.wait_for("First stretch", "Get ready")
    server.keys("n")  # one step done (skipped) so the history has a step row too
    server.wait_for("Second stretch")
    modes = server.modes()
    assert modes["alternate_on"] == "1"
    assert "Second stretch" in modes["pane_title"]

    os.kill(server.program_pid(), number)

    screen = server.wait_for(f"stretchtimer exited with {128 + number}", "tty ")
    assert "tty echo" in screen and "tty -echo" not in screen
    assert "Traceback" not in screen
    modes = server.modes()
    assert modes["alternate_on"] == "0"
    assert modes["mouse_any_flag"] == "0" and modes["mouse_all_flag"] == "0"
    assert modes["cursor_flag"] == "1"
    assert "stretch" not in modes["pane_title"]  # tmux cannot give the old one back: cleared
    [row] = history_rows(tmp_path)
    assert row["status"] == "interrupted"
    assert row["routine"] == "Terminal check"


def test_a_closed_terminal_ends_the_app_and_keeps_the_session(server: Tmux, tmp_path: Path) -> None:
    server.start(stretchtimer_command(tmp_path, "run", str(ROUTINE), "--mute"), size=SIZE)
    server.wait_for("First stretch")
    pid = server.program_pid()
    server.close()  # the pane's terminal goes away: SIGHUP
    eventually(lambda: not _alive(pid), what="the app to end with its terminal")
    [row] = history_rows(tmp_path)
    assert row["status"] == "interrupted"


#: The real command, with the session's "next" key broken on purpose.
BROKEN_NEXT = """
import sys
from stretchtimer.cli import main
from stretchtimer.tui.screens.session import SessionScreen

def broken(self):
    raise ZeroDivisionError("a bug in the next key")

SessionScreen.action_skip = broken
sys.exit(main(sys.argv[1:]))
"""


def test_an_unexpected_error_says_one_line_and_keeps_the_details(
    server: Tmux, tmp_path: Path
) -> None:
    command = (
        f"{user_environment(tmp_path)} {sys.executable} -c {shlex.quote(BROKEN_NEXT)} "
        f"run {shlex.quote(str(ROUTINE))} --mute"
    )
    server.start(command, size=SIZE)
    server.wait_for("First stretch")
    server.keys("n")
    screen = server.wait_for("stretchtimer exited with 1", "tty ")
    assert "stretchtimer: error: stopped on an unexpected error" in screen
    assert "a bug in the next key" in screen
    assert "Traceback" not in screen
    assert "tty echo" in screen
    modes = server.modes()
    assert (modes["alternate_on"], modes["mouse_any_flag"], modes["cursor_flag"]) == ("0", "0", "1")
    log = tmp_path / "data" / "stretchtimer" / "last-error.log"
    assert str(log) in screen.replace("\n", "")
    assert "ZeroDivisionError: a bug in the next key" in log.read_text()
    [row] = history_rows(tmp_path)
    assert row["status"] == "interrupted"
