"""The terminal idle source on a real pseudo-terminal, driven through tmux."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from terminal import TIMEOUT, Tmux, needs_tmux

from stretchtimer.idle.base import IdleUnavailable
from stretchtimer.idle.tty import TerminalIdle, user_terminals


@pytest.fixture
def pane_tty() -> Iterator[tuple[Tmux, Path]]:
    server = Tmux(f"stretchtimer-idle-{uuid.uuid4().hex[:8]}")
    server("new-session", "-d", "-s", "session", "-x", "40", "-y", "6", "cat")
    try:
        tty = Path(server("display-message", "-p", "-t", "session", "#{pane_tty}").strip())
        yield server, tty
    finally:
        server.kill()


@needs_tmux
def test_typing_in_a_terminal_ends_the_idleness_it_reports(pane_tty: tuple[Tmux, Path]) -> None:
    server, tty = pane_tty
    assert tty in user_terminals()
    stamp = tty.stat()
    os.utime(tty, (stamp.st_atime - 600, stamp.st_mtime))  # as if untouched for ten minutes
    source = TerminalIdle(lambda: [tty])
    assert 600 <= source.idle_seconds() < 660
    server.keys("x", "Enter")  # cat reads a line at a time
    deadline = time.monotonic() + TIMEOUT
    while source.idle_seconds() >= 60 and time.monotonic() < deadline:
        time.sleep(0.05)
    # The kernel stamps the read at once because the old stamp is more than 8 s old.
    assert source.idle_seconds() < 60


def test_the_most_recent_of_several_terminals_counts(tmp_path: Path) -> None:
    old, new = tmp_path / "1", tmp_path / "2"
    for path, age in ((old, 900), (new, 120)):
        path.touch()
        os.utime(path, (1_000_000 - age, 1_000_000 - age))
    source = TerminalIdle(lambda: [old, new], wall=lambda: 1_000_000.0)
    assert source.idle_seconds() == 120


def test_no_terminal_means_no_terminal_source(tmp_path: Path) -> None:
    with pytest.raises(IdleUnavailable, match="no terminal"):
        TerminalIdle(lambda: user_terminals(tmp_path))
