"""The terminal idle source: the most recent input on any of the person's terminals.

On a real terminal, typed on through tmux: ``e2e/test_e2e_idle_terminal.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from stretchtimer.idle.base import IdleUnavailable
from stretchtimer.idle.tty import TerminalIdle, user_terminals


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
