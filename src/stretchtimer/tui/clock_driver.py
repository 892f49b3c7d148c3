"""One timer at a time, set for the moment the engine says the display changes.

The screen never polls: after every command or wake-up it asks the session for
its next wake-up and this driver replaces the previous timer with one for that
clock reading. Tests hand the app a ``FakeClock``, move it, and call the
screen's ``tick()`` themselves; the real timers then simply find nothing new.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.message_pump import MessagePump
from textual.timer import Timer

from stretchtimer.session.clock import Clock

#: Wake a little after the deadline so the engine sees it as passed.
WAKE_MARGIN = 0.002


class ClockDriver:
    def __init__(self, owner: MessagePump, clock: Clock, callback: Callable[[], None]) -> None:
        self._owner = owner
        self._clock = clock
        self._callback = callback
        self._timer: Timer | None = None
        self._wakeup: float | None = None

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def wakeup(self) -> float | None:
        """The clock reading the pending timer is for, if one is pending."""
        return self._wakeup

    def schedule(self, wakeup: float | None) -> None:
        """Replace any pending timer with one for ``wakeup`` (None: no timer)."""
        self.cancel()
        if wakeup is None:
            return
        delay = max(0.0, wakeup - self._clock.now()) + WAKE_MARGIN
        self._wakeup = wakeup
        self._timer = self._owner.set_timer(delay, self._fire, name="session-wakeup")

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = None
        self._wakeup = None

    def _fire(self) -> None:
        self._timer = None
        self._wakeup = None
        self._callback()
