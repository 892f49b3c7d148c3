"""Idle time from X11's MIT-SCREEN-SAVER extension, through ctypes.

Nothing to compile: libX11 and libXss are loaded at run time when they are
installed. Works in X11 sessions (and for X11 clients under XWayland only
while they have focus, so Wayland desktops are better served by the bus).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os

from stretchtimer.i18n import _
from stretchtimer.idle.base import IdleUnavailable, plausible_idle


class _Info(ctypes.Structure):
    _fields_ = (
        ("window", ctypes.c_ulong),
        ("state", ctypes.c_int),
        ("kind", ctypes.c_int),
        ("til_or_since", ctypes.c_ulong),
        ("idle", ctypes.c_ulong),
        ("event_mask", ctypes.c_ulong),
    )


def _load(name: str) -> ctypes.CDLL:
    found = ctypes.util.find_library(name)
    if found is None:
        raise IdleUnavailable(_("lib{name} is not installed").format(name=name))
    try:
        return ctypes.CDLL(found)
    except OSError as exc:
        raise IdleUnavailable(
            _("cannot load lib{name} ({exc})").format(name=name, exc=exc)
        ) from None


class XScreenSaverIdle:
    name = "xscreensaver"

    def __init__(self, display: str | None = None) -> None:
        display = display if display is not None else os.environ.get("DISPLAY", "")
        if not display:
            raise IdleUnavailable(_("no X display (DISPLAY is not set)"))
        self._x11 = _load("X11")
        self._xss = _load("Xss")
        self._x11.XOpenDisplay.restype = ctypes.c_void_p
        self._x11.XOpenDisplay.argtypes = (ctypes.c_char_p,)
        self._x11.XDefaultRootWindow.restype = ctypes.c_ulong
        self._x11.XDefaultRootWindow.argtypes = (ctypes.c_void_p,)
        self._x11.XCloseDisplay.argtypes = (ctypes.c_void_p,)
        self._x11.XFree.argtypes = (ctypes.c_void_p,)
        self._xss.XScreenSaverQueryExtension.argtypes = (
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_int),
        )
        self._xss.XScreenSaverAllocInfo.restype = ctypes.POINTER(_Info)
        self._xss.XScreenSaverQueryInfo.argtypes = (
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(_Info),
        )
        self._display = self._x11.XOpenDisplay(display.encode())
        if not self._display:
            raise IdleUnavailable(_("cannot open the X display {display}").format(display=display))
        event, error = ctypes.c_int(), ctypes.c_int()
        if not self._xss.XScreenSaverQueryExtension(
            self._display, ctypes.byref(event), ctypes.byref(error)
        ):
            self.close()
            raise IdleUnavailable(
                _("the X server at {display} lacks the screen-saver extension").format(
                    display=display
                )
            )
        self._root = self._x11.XDefaultRootWindow(self._display)
        self._info = self._xss.XScreenSaverAllocInfo()

    def idle_seconds(self) -> float:
        if not self._display:
            raise IdleUnavailable(_("the X display was closed"))
        if not self._xss.XScreenSaverQueryInfo(self._display, self._root, self._info):
            raise IdleUnavailable(_("the X server did not answer the idle query"))
        return plausible_idle(float(self._info.contents.idle) / 1000.0, "the X server")

    def close(self) -> None:
        if getattr(self, "_display", None):
            self._x11.XCloseDisplay(self._display)
            self._display = None
