"""GNOME's do-not-disturb: ``org.gnome.desktop.notifications show-banners`` set to false.

Read through the desktop portal's Settings interface on the session bus
(which answers inside a sandbox too), or with ``gsettings`` where there is
no portal. False means the user asked for no banners: prompts wait.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Callable
from typing import Any

from stretchtimer import bus
from stretchtimer.i18n import _

_PORTAL = "org.freedesktop.portal.Desktop"
_PATH = "/org/freedesktop/portal/desktop"
_SETTINGS = "org.freedesktop.portal.Settings"
_SCHEMA = "org.gnome.desktop.notifications"
_KEY = "show-banners"
#: An answer is reused for this long.
ASK_EVERY = 5.0


def _unwrap(value: Any) -> Any:
    """A variant's value: the portal's ``Read`` wraps it once more than ``ReadOne``."""
    while isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str):
        value = value[1]
    return value


class Banners:
    """Whether banners are shown; ``off()`` is the quiet probe's question."""

    def __init__(
        self,
        connection: Any | None = None,
        *,
        gsettings: str | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._clock = clock
        self._asked_at: float | None = None
        self._shown: bool | None = None
        self._connection = connection
        self._own = False
        self._gsettings = gsettings if gsettings is not None else shutil.which("gsettings")
        self.source = "none"
        self.problem: str | None = None
        if self._connection is None:
            try:
                self._connection = bus.connect("SESSION")
                self._own = True
            except bus.BusUnavailable as exc:
                self.problem = str(exc)

    def _from_portal(self) -> bool | None:
        if self._connection is None:
            return None
        try:
            (value,) = bus.call(
                self._connection,
                _PATH,
                _PORTAL,
                _SETTINGS,
                "Read",
                "ss",
                (_SCHEMA, _KEY),
                reply="v",
            )
        except bus.BusUnavailable as exc:
            self.problem = str(exc)
            return None
        value = _unwrap(value)
        if not isinstance(value, bool):
            self.problem = f"{_PORTAL} sent {_KEY} as {type(value).__name__}; it was ignored"
            return None
        self.source = _("the settings portal")
        return value

    def _from_gsettings(self) -> bool | None:
        if not self._gsettings:
            return None
        try:
            done = subprocess.run(
                [self._gsettings, "get", _SCHEMA, _KEY],
                capture_output=True,
                text=True,
                timeout=bus.CALL_TIMEOUT,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            self.problem = _("gsettings did not answer ({exc})").format(exc=exc)
            return None
        answer = done.stdout.strip()
        if done.returncode != 0 or answer not in ("true", "false"):
            self.problem = _("gsettings has no {schema} {key}").format(schema=_SCHEMA, key=_KEY)
            return None
        self.source = "gsettings"
        return answer == "true"

    def shown(self) -> bool | None:
        """Whether banners are on; None when neither the portal nor gsettings says.

        Asked at most every ``ASK_EVERY`` seconds: ``gsettings`` is a process each time.
        """
        now = self._clock()
        if self._asked_at is None or now - self._asked_at >= ASK_EVERY:
            self._asked_at = now
            value = self._from_portal()
            self._shown = value if value is not None else self._from_gsettings()
        return self._shown

    def off(self) -> bool | None:
        shown = self.shown()
        return None if shown is None else not shown

    def describe(self) -> str:
        shown = self.shown()
        if shown is None:
            return _("unknown, {problem}").format(
                problem=self.problem or _("no settings portal and no gsettings")
            )
        if shown:
            return _("shown ({source})").format(source=self.source)
        return _("off, so prompts wait as in do not disturb ({source})").format(source=self.source)

    def close(self) -> None:
        if self._own and self._connection is not None:
            self._connection.close()
