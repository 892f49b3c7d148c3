"""The second clock the reminder needs to notice a suspended laptop.

The monotonic clock stops while the machine sleeps; the boot-time clock does
not. When the gap between them grows, the difference is time spent asleep,
which the scheduler counts as idle. Where there is no boot-time clock the gap
never grows and a suspend looks like a long silence of the idle source.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

#: Local wall time, for working hours and for history records.
WallClock = Callable[[], datetime]


class BootClock:
    """Seconds since boot, including time suspended (Linux CLOCK_BOOTTIME)."""

    def __init__(self) -> None:
        self.available = hasattr(time, "CLOCK_BOOTTIME")

    def now(self) -> float:
        if self.available:
            return time.clock_gettime(time.CLOCK_BOOTTIME)
        return time.monotonic()


def local_now() -> datetime:
    return datetime.now().astimezone()
