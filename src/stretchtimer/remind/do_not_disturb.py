"""Quiet times seen from outside the scheduler: do-not-disturb and busy programs.

The scheduler asks one question, "why must prompts wait right now?"; this
module answers it from the notification server's ``Inhibited`` property,
GNOME's banners setting, a device held open (a camera in a call) and the
running processes (a video-call client named in ``config.toml``, say).
Each check is cheap and runs only when a break is about to be shown.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from stretchtimer.i18n import _

#: Of a command line, the part read: enough for the path of any program.
CMDLINE_READ = 4096


def running_programs(proc: Path = Path("/proc")) -> set[str]:
    """The names of the programs running now (command names and executables).

    Read a process at a time, and of each command line only its start, where the
    program's name is: the scan runs as a break comes due, in a process that stays
    up all day, and the memory it needs at once is kept by the allocator afterwards.
    """
    names: set[str] = set()
    try:
        with os.scandir(proc) as entries:
            for entry in entries:
                if entry.name.isdigit():
                    names.update(_names_of(entry.path))
    except OSError:
        pass
    return names


def _names_of(process: str) -> tuple[str, ...]:
    """A process's command name and the file name of its executable, as it was started."""
    try:
        comm = _start_of(os.path.join(process, "comm")).strip()
        argv0 = _start_of(os.path.join(process, "cmdline")).split(b"\0", 1)[0]
    except OSError:
        return ()
    if not argv0:
        return (comm.decode(errors="replace"),)
    name = os.path.basename(argv0).decode(errors="replace")
    return comm.decode(errors="replace"), name


def _start_of(path: str) -> bytes:
    """The first ``CMDLINE_READ`` bytes of a file (a command line may be very long)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        return os.read(fd, CMDLINE_READ)
    finally:
        os.close(fd)


class DoNotDisturb:
    def __init__(
        self,
        programs: Iterable[str] = (),
        inhibited: Callable[[], bool | None] | None = None,
        running: Callable[[], set[str]] = running_programs,
        *,
        banners_off: Callable[[], bool | None] | None = None,
        busy: Callable[[], str | None] | None = None,
    ) -> None:
        self._programs = tuple(p for p in programs if p)
        self._inhibited = inhibited
        self._running = running
        self._banners_off = banners_off
        self._busy = busy

    def __call__(self) -> str | None:
        if self._inhibited is not None and self._inhibited():
            return _("do not disturb is on")
        if self._banners_off is not None and self._banners_off():
            return _("do not disturb is on (no banners)")
        if self._busy is not None and (busy := self._busy()) is not None:
            return busy
        if self._programs:
            running = self._running()
            for program in self._programs:
                if program in running:
                    return f"{program} is running"
        return None
