"""One timer at a time, set for the moment the engine says the display changes.

The screen never polls: after every command or wake-up it asks the session for
its next wake-up and this driver replaces the previous timer with one for that
clock reading. Tests hand the app a ``FakeClock``, move it, and call the
screen's ``tick()`` themselves; the real timers then simply find nothing new.

The timer is the event loop's own (``call_later``), not a Textual ``Timer``:
that one is a task with an event of its own, which at its moment hands the
callback to the owner's message queue, so each wake-up cost two task steps
and a queue round before the callback ran (about 0.25 ms of CPU a second for
the session's once-a-second wake-up). The loop's timer runs the callback
directly, in the context it was booked from (the owner's); an error in it is
raised again in the owner's message pump, where Textual reports it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual.message_pump import MessagePump

from stretchtimer.session.clock import Clock

#: Wake a little after the deadline so the engine sees it as passed.
WAKE_MARGIN = 0.002


class ClockDriver:
    def __init__(self, owner: MessagePump, clock: Clock, callback: Callable[[], None]) -> None:
        self._owner = owner
        self._clock = clock
        self._callback = callback
        self._timer: asyncio.TimerHandle | None = None
        self._wakeup: float | None = None
        #: The owner's event loop, looked up once (each look-up asks the system for the pid).
        self._loop: asyncio.AbstractEventLoop | None = None

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
        loop = self._loop
        if loop is None:
            loop = self._loop = asyncio.get_running_loop()
        self._timer = loop.call_later(delay, self._fire)

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer = None
        self._wakeup = None

    def _fire(self) -> None:
        self._timer = None
        self._wakeup = None
        if not self._owner.is_running:
            return  # the screen is closing: nothing is left to wake
        try:
            self._callback()
        except Exception as error:  # handed to Textual, which reports it
            self._owner.call_next(_raise, error)


def _raise(error: Exception) -> None:
    raise error
