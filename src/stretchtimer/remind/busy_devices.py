"""A device held open by one of the user's programs: a camera in a call, say.

Found the way ``fuser`` does, from the ``/proc/PID/fd`` links of the user's
own processes (others' cannot be read anyway), matched against shell-style
patterns such as ``/dev/video*``. A scan reads a few hundred links, so its
answer is kept for a few seconds; the ``/proc`` root is a parameter so
tests can build a fake one.
"""

from __future__ import annotations

import fnmatch
import os
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from stretchtimer.i18n import _

#: A scan's answer is reused for this long.
SCAN_EVERY = 5.0


def held_open(patterns: Sequence[str], proc: Path, uid: int) -> str | None:
    """The first path matching ``patterns`` that a process of ``uid`` holds open, or None.

    The scan runs as a break comes due, in the process that stays up all day, and
    walks every open file of the user's programs (a browser alone holds thousands).
    So it holds one directory entry at a time, never a list of them: the memory a
    scan needs at once, which the allocator keeps for the rest of the day, stays
    that of one link instead of growing with the largest program's files.
    """
    matches = re.compile("|".join(fnmatch.translate(p) for p in patterns)).match
    try:
        with os.scandir(proc) as processes:
            for entry in processes:
                if entry.name.isdigit() and (found := _held_by(entry, uid, matches)):
                    return found
    except OSError:
        pass
    return None


def _held_by(process: os.DirEntry[str], uid: int, matches: Callable[[str], object]) -> str | None:
    """The first of ``process``'s open files that ``matches``, if it is ``uid``'s."""
    try:
        if process.stat(follow_symlinks=False).st_uid != uid:
            return None
        with os.scandir(os.path.join(process.path, "fd")) as links:
            for link in links:
                try:
                    target = os.readlink(link.path)
                except OSError:
                    continue
                if matches(target):
                    return target
    except OSError:
        pass  # gone, or not ours to read
    return None


class BusyDevices:
    """Why prompts must wait (``/dev/video0 is in use``), at most one scan per ``SCAN_EVERY``."""

    def __init__(
        self,
        patterns: Sequence[str],
        *,
        proc: Path = Path("/proc"),
        uid: int | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.patterns = tuple(p for p in patterns if p)
        self._proc = proc
        self._uid = os.getuid() if uid is None else uid
        self._clock = clock
        self._checked_at: float | None = None
        self._found: str | None = None
        self.scans = 0

    def in_use(self) -> str | None:
        """The matching path held open now (as of the last scan), or None."""
        if not self.patterns:
            return None
        now = self._clock()
        if self._checked_at is None or now - self._checked_at >= SCAN_EVERY:
            self._checked_at = now
            self.scans += 1
            self._found = held_open(self.patterns, self._proc, self._uid)
        return self._found

    def __call__(self) -> str | None:
        found = self.in_use()
        return _("{found} is in use").format(found=found) if found is not None else None

    def describe(self) -> str:
        if not self.patterns:
            return _("none watched (busy_devices is empty)")
        found = self.in_use()
        watched = ", ".join(self.patterns)
        if found:
            return _("{watched}: {found} is in use now").format(watched=watched, found=found)
        return _("{watched}: none in use now").format(watched=watched)
