"""However the reminder ends during a break, the break is in the ``breaks`` table as taken.

The real ``stretchtimer remind`` in tmux: Enter starts a break at once (the
next one, early), then the reminder is ended every way it can be: SIGTERM,
the pane closed (SIGHUP), Ctrl+C then Ctrl+Q, an unexpected error, and SIGTERM
while the routine's summary is still showing. The history file is then read
as it lies on disk.
"""

from __future__ import annotations

import os
import shlex
import signal
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from harness import Tmux, eventually, stretchtimer_command, user_environment

SIZE = (60, 16)
ARGS = ("remind", "--micro-every", "0", "--idle-source", "terminal", "--mute")
ENV = {"DBUS_SESSION_BUS_ADDRESS": ""}

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


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"


def _rows(tmp_path: Path, sql: str) -> list[tuple[object, ...]]:
    """The history file as another program finds it on disk."""
    path = tmp_path / "data" / "stretchtimer" / "history.db"
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as conn:
        return conn.execute(sql).fetchall()


def _sigterm(server: Tmux, pid: int) -> None:
    os.kill(pid, signal.SIGTERM)
    server.wait_for("stretchtimer exited with 143")


def _closed_pane(server: Tmux, pid: int) -> None:
    server.close()
    eventually(lambda: not _alive(pid), what="the reminder to end with its terminal")


def _ctrl_c_then_ctrl_q(server: Tmux, pid: int) -> None:
    server.keys("C-c")
    server.keys("C-q")
    server.wait_for("stretchtimer exited with")


def _crash(server: Tmux, pid: int) -> None:
    server.keys("n")
    screen = server.wait_for("stretchtimer exited with 1")
    assert "stopped on an unexpected error" in screen and "Traceback" not in screen


ENDINGS: dict[str, Callable[[Tmux, int], None]] = {
    "sigterm": _sigterm,
    "closed pane": _closed_pane,
    "ctrl-c then ctrl-q": _ctrl_c_then_ctrl_q,
    "crash": _crash,
}


def _start(server: Tmux, tmp_path: Path, *, broken: bool = False) -> int:
    if broken:
        args = " ".join(shlex.quote(a) for a in ARGS)
        env = user_environment(tmp_path, ENV)
        command = f"{env} {sys.executable} -c {shlex.quote(BROKEN_NEXT)} {args}"
    else:
        command = stretchtimer_command(tmp_path, *ARGS, env=ENV)
    server.start(command, size=SIZE)
    server.wait_for("Next break in", "Today 0 taken")
    server.keys("Enter")  # the next break, now
    server.wait_for("Desk break", "Get ready")
    return server.program_pid()


@pytest.mark.parametrize("ending", ENDINGS)
def test_a_break_in_progress_is_recorded_as_taken(
    server: Tmux, tmp_path: Path, ending: str
) -> None:
    pid = _start(server, tmp_path, broken=ending == "crash")
    ENDINGS[ending](server, pid)
    assert _rows(tmp_path, "SELECT kind, routine, outcome, fell_due FROM breaks") == [
        ("long", "Desk break", "taken", 1)
    ]
    # What was done of it is the routine's own session row, left interrupted.
    assert _rows(tmp_path, "SELECT routine, status FROM sessions") == [
        ("Desk break", "interrupted")
    ]


def test_a_break_whose_summary_is_left_open_is_recorded_as_taken(
    server: Tmux, tmp_path: Path
) -> None:
    pid = _start(server, tmp_path)
    server.keys("q")
    server.wait_for("End this session?")
    server.keys("y")
    server.wait_for("stopped early")  # the summary, which q would leave
    _sigterm(server, pid)
    assert _rows(tmp_path, "SELECT outcome FROM breaks") == [("taken",)]
    assert _rows(tmp_path, "SELECT status FROM sessions") == [("quit",)]
