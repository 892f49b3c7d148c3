"""Idle time from the user's own terminals: the last input on any of them.

The kernel stamps a terminal device's access time when input is read from
it, as ``w`` reports, but only when the stamp is more than 8 seconds old: so
this source sees a return at once and reads continuous typing as up to 8 s of
idleness. It needs no desktop at all, which makes it the one that works over
SSH and inside tmux.

The stamps are wall-clock times, and the wall clock can jump (a time server
correcting it, a zone or daylight-saving mistake, a hand-set date): a jump of
12 hours forward must not read as 12 hours away. So the idle time is kept on
the monotonic clock: a changed stamp means input came since the last look,
and the wall clock is trusted only to say how far into that short interval
it came. Only the very first look takes the stamp's age as it stands.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from stretchtimer.i18n import _
from stretchtimer.idle.base import MAX_IDLE_SECONDS, IdleUnavailable, plausible_idle

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
        if not (entry.name.isascii() and entry.name.isdigit()):
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
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._terminals = terminals
        self._wall = wall
        self._monotonic = monotonic
        #: Each terminal's access time (ns) at the last look.
        self._stamps: dict[Path, int] = {}
        #: Monotonic readings of the last look and of the latest input seen.
        self._looked: float | None = None
        self._input_at = 0.0
        if not list(terminals()):
            raise IdleUnavailable(_("no terminal of this user under /dev/pts"))

    def idle_seconds(self) -> float:
        stamps: dict[Path, int] = {}
        for path in self._terminals():
            try:
                stamps[path] = path.stat().st_atime_ns
            except OSError:
                continue
        if not stamps:
            raise IdleUnavailable(_("the user's terminals are gone"))
        now, wall = self._monotonic(), self._wall()
        if self._looked is None:
            age = wall - max(stamps.values()) / 1e9
            self._input_at = now - min(max(0.0, age), MAX_IDLE_SECONDS)
        else:
            changed = [s for p, s in stamps.items() if self._stamps.get(p) != s]
            if changed:
                # Input came since the last look; the stamp may place it within that interval.
                interval = max(0.0, now - self._looked)
                age = wall - max(changed) / 1e9
                self._input_at = max(self._input_at, now - min(max(0.0, age), interval))
        self._stamps, self._looked = stamps, now
        return plausible_idle(now - self._input_at, _("the terminals"))

    def close(self) -> None:
        pass
