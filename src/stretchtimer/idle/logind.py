"""Idle time from logind's IdleHint on the system bus.

Coarse: the desktop sets the hint only after its own idle delay (often five
minutes) and a text console may never set it, so it comes after the sources
that see input directly. While the hint is off the user counts as active.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from stretchtimer import bus
from stretchtimer.idle.base import IdleUnavailable, plausible_idle

_SERVICE = "org.freedesktop.login1"
_SESSION = "org.freedesktop.login1.Session"


class LogindIdle:
    name = "logind"

    def __init__(
        self,
        connection: Any | None = None,
        session_path: str = "/org/freedesktop/login1/session/auto",
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._own = connection is None
        self._path = session_path
        self._monotonic = monotonic
        try:
            self._connection = bus.connect("SYSTEM") if connection is None else connection
        except bus.BusUnavailable as exc:
            raise IdleUnavailable(str(exc)) from None

    def _get(self, name: str, kind: str) -> Any:
        try:
            return bus.get_property(
                self._connection, self._path, _SERVICE, _SESSION, name, kind=kind
            )
        except bus.BusUnavailable as exc:
            raise IdleUnavailable(str(exc)) from None

    def idle_seconds(self) -> float:
        if not self._get("IdleHint", "b"):
            return 0.0
        since = int(self._get("IdleSinceHintMonotonic", "t")) / 1_000_000
        elapsed = self._monotonic() - since
        # Read a moment apart, two readings of one clock may disagree a little; a stamp
        # further in the future than that is a bad value, not an idle time.
        return plausible_idle(0.0 if -1.0 < elapsed < 0.0 else elapsed, _SERVICE)

    def close(self) -> None:
        if self._own:
            self._connection.close()
