"""The terminal idle source on a real pseudo-terminal, typed on through tmux."""

from __future__ import annotations

import os
from pathlib import Path

from harness import Tmux, eventually

from stretchtimer.idle.tty import TerminalIdle, user_terminals


def test_typing_in_a_terminal_ends_the_idleness_it_reports(server: Tmux) -> None:
    server.start("cat", size=(40, 6))
    tty = Path(server.show("pane_tty"))
    assert tty in user_terminals()
    stamp = tty.stat()
    os.utime(tty, (stamp.st_atime - 600, stamp.st_mtime))  # as if untouched for ten minutes
    source = TerminalIdle(lambda: [tty])
    assert 600 <= source.idle_seconds() < 660
    server.keys("x", "Enter")  # cat reads a line at a time
    # The kernel stamps the read at once because the old stamp is more than 8 s old.
    eventually(lambda: source.idle_seconds() < 60, what="the typing to count")
