"""Quiet times seen from outside the scheduler: do-not-disturb and busy programs.

The scheduler asks one question, "why must prompts wait right now?"; this
module answers it from the notification server's ``Inhibited`` property,
GNOME's banners setting, a device held open (a camera in a call) and the
running processes (a video-call client named in ``config.toml``, say).
Each check is cheap and runs only when a break is about to be shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from stretchtimer.i18n import _


def running_programs(proc: Path = Path("/proc")) -> set[str]:
    """The names of the programs running now (command names and executables)."""
    names: set[str] = set()
    try:
        entries = list(proc.iterdir())
    except OSError:
        return names
    for entry in entries:
        if not entry.name.isdigit():
            continue
        try:
            names.add((entry / "comm").read_text().strip())
            argv0 = (entry / "cmdline").read_bytes().split(b"\0", 1)[0]
        except OSError:
            continue
        if argv0:
            names.add(Path(argv0.decode(errors="replace")).name)
    return names


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
