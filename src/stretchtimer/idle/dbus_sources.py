"""Idle time from desktop services on the session bus: GNOME's Mutter and
the freedesktop ScreenSaver interface (KDE and others).

The first works on GNOME under Wayland, where nothing else can see input;
the second is what KDE's session offers. Both answer in milliseconds.
"""

from __future__ import annotations

from typing import Any

from stretchtimer import bus
from stretchtimer.idle.base import IdleUnavailable, plausible_idle


class _BusIdle:
    name = ""
    _path = ""
    _service = ""
    _interface = ""
    _method = ""
    #: The reply's D-Bus type: milliseconds as an unsigned integer.
    _reply: tuple[str, ...] = ("t", "u")

    def __init__(self, connection: Any | None = None) -> None:
        self._own = connection is None
        try:
            self._connection = bus.connect() if connection is None else connection
        except bus.BusUnavailable as exc:
            raise IdleUnavailable(str(exc)) from None

    def idle_seconds(self) -> float:
        try:
            (value,) = bus.call(
                self._connection,
                self._path,
                self._service,
                self._interface,
                self._method,
                reply=self._reply,
            )
        except bus.BusUnavailable as exc:
            raise IdleUnavailable(str(exc)) from None
        return plausible_idle(float(value) / 1000.0, self._service)

    def close(self) -> None:
        if self._own:
            self._connection.close()


class MutterIdle(_BusIdle):
    name = "mutter"
    _path = "/org/gnome/Mutter/IdleMonitor/Core"
    _service = "org.gnome.Mutter.IdleMonitor"
    _interface = "org.gnome.Mutter.IdleMonitor"
    _method = "GetIdletime"


class ScreenSaverIdle(_BusIdle):
    """``GetSessionIdleTime``; KDE's answer is in milliseconds, as read here."""

    name = "screensaver"
    _path = "/org/freedesktop/ScreenSaver"
    _service = "org.freedesktop.ScreenSaver"
    _interface = "org.freedesktop.ScreenSaver"
    _method = "GetSessionIdleTime"
