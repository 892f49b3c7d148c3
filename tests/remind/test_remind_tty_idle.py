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
    source = TerminalIdle(lambda: [old, new], wall=lambda: 1_000_000.0, monotonic=lambda: 50.0)
    assert source.idle_seconds() == 120


class Clocks:
    """A wall clock that can be set by hand, beside a monotonic one that only moves on."""

    def __init__(self) -> None:
        self.wall = 1_000_000.0
        self.mono = 500.0

    def advance(self, seconds: float) -> None:
        self.wall += seconds
        self.mono += seconds

    def type_on(self, path: Path) -> None:
        os.utime(path, (self.wall, self.wall))


def test_a_wall_clock_step_is_not_time_away(tmp_path: Path) -> None:
    tty = tmp_path / "3"
    tty.touch()
    clocks = Clocks()
    clocks.type_on(tty)
    source = TerminalIdle(lambda: [tty], wall=lambda: clocks.wall, monotonic=lambda: clocks.mono)
    assert source.idle_seconds() == 0
    clocks.advance(20)
    assert source.idle_seconds() == 20
    clocks.wall += 12 * 3600  # the clock is set forward; nobody went anywhere
    assert source.idle_seconds() == 20
    clocks.advance(5)
    clocks.type_on(tty)
    clocks.advance(3)
    assert source.idle_seconds() == 3
    clocks.wall -= 24 * 3600  # and back, past where it started
    clocks.advance(4)
    assert source.idle_seconds() == 7
    clocks.type_on(tty)  # a stamp "from the future" of the old reading: input all the same
    clocks.advance(1)
    assert source.idle_seconds() == 1


def test_input_is_placed_within_the_interval_it_was_seen_in(tmp_path: Path) -> None:
    tty = tmp_path / "4"
    tty.touch()
    clocks = Clocks()
    clocks.type_on(tty)
    source = TerminalIdle(lambda: [tty], wall=lambda: clocks.wall, monotonic=lambda: clocks.mono)
    clocks.advance(600)
    assert source.idle_seconds() == 600
    clocks.type_on(tty)
    clocks.advance(4)
    assert source.idle_seconds() == 4  # the stamp says 4 s ago
    os.utime(tty, (clocks.wall - 3 * 3600, clocks.wall))  # a stamp hours old, but new to us
    clocks.advance(5)
    assert source.idle_seconds() == 5  # no further back than the last look


def test_a_terminal_that_comes_or_goes_is_input_or_nothing(tmp_path: Path) -> None:
    first, second = tmp_path / "5", tmp_path / "6"
    first.touch()
    clocks = Clocks()
    clocks.type_on(first)
    terminals = [first]
    source = TerminalIdle(
        lambda: terminals, wall=lambda: clocks.wall, monotonic=lambda: clocks.mono
    )
    clocks.advance(300)
    assert source.idle_seconds() == 300
    second.touch()
    clocks.type_on(second)
    terminals.append(second)  # a new terminal was opened
    clocks.advance(2)
    assert source.idle_seconds() == 2
    terminals.remove(first)
    clocks.advance(10)
    assert source.idle_seconds() == 12
    terminals.clear()
    with pytest.raises(IdleUnavailable, match="gone"):
        source.idle_seconds()


def test_no_terminal_means_no_terminal_source(tmp_path: Path) -> None:
    with pytest.raises(IdleUnavailable, match="no terminal"):
        TerminalIdle(lambda: user_terminals(tmp_path))
