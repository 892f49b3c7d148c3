"""A pause: no prompts until a deadline, while the count goes on.

``stretchtimer pause 45m``, ``pause until 14:00`` and the pane's ``z``
snooze are one thing with two names: the deadline is a reading of the
injected monotonic clock (so a clock set forward does not end it), and the
wall time it was set for is kept for what the pane and ``status`` say.
"""

from __future__ import annotations

from datetime import datetime

import msgspec


class Pause(msgspec.Struct, frozen=True):
    #: Monotonic reading at which the pause ends.
    until: float
    #: The local time it ends, as shown.
    until_wall: datetime
    #: Set with the pane's ``z`` rather than the ``pause`` command.
    snooze: bool = False

    @property
    def reason(self) -> str:
        return "snoozed" if self.snooze else "paused"
