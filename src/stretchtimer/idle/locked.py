"""A locked screen, from logind's ``LockedHint`` on the system bus: the user is away.

The desktop sets the hint when it locks the session and clears it on
unlock. It is read on each idle check, like the idle time itself.
"""

from __future__ import annotations

from typing import Any

from stretchtimer import bus
from stretchtimer.i18n import _

_SERVICE = "org.freedesktop.login1"
_SESSION = "org.freedesktop.login1.Session"


class LockedScreen:
    def __init__(
        self,
        connection: Any | None = None,
        session_path: str = "/org/freedesktop/login1/session/auto",
    ) -> None:
        self._own = connection is None
        self._path = session_path
        self.problem: str | None = None
        self._connection = connection
        if connection is None:
            try:
                self._connection = bus.connect("SYSTEM")
            except bus.BusUnavailable as exc:
                self.problem = str(exc)

    def locked(self) -> bool | None:
        """Whether the session is locked; None when logind does not say (the reason kept)."""
        if self._connection is None:
            return None
        try:
            value = bus.get_property(
                self._connection, self._path, _SERVICE, _SESSION, "LockedHint", kind="b"
            )
        except bus.BusUnavailable as exc:
            self.problem = str(exc)
            return None
        self.problem = None
        return bool(value)

    def describe(self) -> str:
        state = self.locked()
        if state is None:
            return _("unknown, {problem}").format(problem=self.problem)
        return _("locked (counts as away)") if state else _("unlocked (logind LockedHint)")

    def close(self) -> None:
        if self._own and self._connection is not None:
            self._connection.close()
