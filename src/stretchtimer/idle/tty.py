"""Idle time from the user's own terminals: the last input on any of them.

The kernel stamps a terminal device's access time when input is read from
it, as ``w`` reports, but only when the stamp is more than 8 seconds old: so
this source sees a return at once and reads continuous typing as up to 8 s of
idleness. It needs no desktop at all, which makes it the one that works over
SSH and inside tmux.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from stretchtimer.idle.base import IdleUnavailable

#: The kernel refreshes a terminal's access time at most this often.
GRANULARITY_SECONDS = 8


def user_terminals(folder: Path = Path("/dev/pts"), uid: int | None = None) -> list[Path]:
    """The pseudo-terminals owned by ``uid`` (this user by default)."""
    uid = os.getuid() if uid is None else uid
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        if not entry.name.isdigit():
            continue
        try:
            if entry.stat().st_uid == uid:
                found.append(entry)
        except OSError:
            continue
    return found


class TerminalIdle:
    name = "terminal"

    def __init__(
        self,
        terminals: Callable[[], Iterable[Path]] = user_terminals,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self._terminals = terminals
        self._wall = wall
        if not list(terminals()):
            raise IdleUnavailable("no terminal of this user under /dev/pts")

    def idle_seconds(self) -> float:
        latest = None
        for path in self._terminals():
            try:
                stamp = path.stat().st_atime
            except OSError:
                continue
            latest = stamp if latest is None else max(latest, stamp)
        if latest is None:
            raise IdleUnavailable("the user's terminals are gone")
        return max(0.0, self._wall() - latest)

    def close(self) -> None:
        pass
