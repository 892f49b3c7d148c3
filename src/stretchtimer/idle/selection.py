"""Choosing the idle source: the first that answers, with reasons for the rest.

The order goes from the most direct view of input on the desktop to the
least: Mutter (GNOME, Wayland included), the freedesktop ScreenSaver (KDE
and others), the X11 extension, logind's coarse hint, and last the user's
terminals, which work anywhere the reminder's own terminal does.
``stretchtimer doctor`` prints ``describe()``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import msgspec

from stretchtimer.i18n import _
from stretchtimer.idle.base import IdleSource, IdleUnavailable

if TYPE_CHECKING:
    from stretchtimer.doctor_rows import DoctorRow

Probe = Callable[[], IdleSource]


def _mutter() -> IdleSource:
    from stretchtimer.idle.dbus_sources import MutterIdle

    return MutterIdle()


def _screensaver() -> IdleSource:
    from stretchtimer.idle.dbus_sources import ScreenSaverIdle

    return ScreenSaverIdle()


def _xscreensaver() -> IdleSource:
    from stretchtimer.idle.xscreensaver import XScreenSaverIdle

    return XScreenSaverIdle()


def _logind() -> IdleSource:
    from stretchtimer.idle.logind import LogindIdle

    return LogindIdle()


def _terminal() -> IdleSource:
    from stretchtimer.idle.tty import TerminalIdle

    return TerminalIdle()


def default_probes() -> list[tuple[str, Probe]]:
    return [
        ("mutter", _mutter),
        ("screensaver", _screensaver),
        ("xscreensaver", _xscreensaver),
        ("logind", _logind),
        ("terminal", _terminal),
    ]


SOURCE_NAMES = tuple(name for name, _ in default_probes())


class Rejection(msgspec.Struct, frozen=True):
    source: str
    reason: str


class IdleSelection(msgspec.Struct, frozen=True):
    #: None when no source works: the reminder then counts all time as active.
    source: IdleSource | None
    rejected: tuple[Rejection, ...] = ()
    forced: bool = False

    def describe(self) -> list[str]:
        return self.row().lines()

    def row(self) -> DoctorRow:
        from stretchtimer.doctor_rows import DoctorRow

        if self.source is None:
            text = _("none (all time counts as active)")
        else:
            why = _("chosen with --idle-source") if self.forced else _("the first that answered")
            text = f"{self.source.name} ({why})"
        passed_over = tuple(
            _("passed over {source}: {reason}").format(source=r.source, reason=r.reason)
            for r in self.rejected
        )
        return DoctorRow(_("idle source"), text, details=passed_over)


def _try(name: str, probe: Probe) -> IdleSource:
    source = probe()
    try:
        source.idle_seconds()
    except Exception:
        source.close()
        raise
    return source


def select_idle_source(
    forced: str | None = None, probes: Sequence[tuple[str, Probe]] | None = None
) -> IdleSelection:
    """Try each source in order (or only ``forced``); a failing one is passed over."""
    probes = default_probes() if probes is None else probes
    if forced is not None and forced != "auto":
        known = dict(probes)
        if forced not in known:
            raise ValueError(
                _("unknown idle source '{forced}' (choose from {known} or auto)").format(
                    forced=forced, known=", ".join(known)
                )
            )
        probes = [(forced, known[forced])]
    rejected: list[Rejection] = []
    for name, probe in probes:
        try:
            source = _try(name, probe)
        except IdleUnavailable as exc:
            rejected.append(Rejection(name, str(exc)))
        except Exception as exc:  # a broken source must never stop the reminder
            rejected.append(Rejection(name, _("failed unexpectedly ({exc!r})").format(exc=exc)))
        else:
            return IdleSelection(source, tuple(rejected), forced=forced not in (None, "auto"))
    return IdleSelection(None, tuple(rejected), forced=forced not in (None, "auto"))
