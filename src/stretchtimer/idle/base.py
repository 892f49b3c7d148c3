"""What every idle source offers, and how one says it cannot be used."""

from __future__ import annotations

import math
from typing import Protocol

from stretchtimer.i18n import _

#: Longest idle time believed: a source reporting more (or less than none) is wrong,
#: and its answer is taken as no answer at all rather than as a year away.
MAX_IDLE_SECONDS = 7 * 24 * 3600.0


class IdleUnavailable(Exception):
    """This source does not work here; the message says why."""


def plausible_idle(seconds: float, source: str) -> float:
    """``seconds`` when it can be an idle time (0 to one week), else ``IdleUnavailable``.

    Every source's answer passes here: an infinite, negative or absurdly large
    value from a desktop service must not become hours of make-believe absence.
    """
    if not math.isfinite(seconds) or not 0.0 <= seconds <= MAX_IDLE_SECONDS:
        raise IdleUnavailable(
            _("{source} reported an idle time of {seconds:g} s, which cannot be right").format(
                source=source, seconds=seconds
            )
        )
    return seconds


class IdleSource(Protocol):
    #: The name used by ``--idle-source`` and shown by ``doctor``.
    name: str

    def idle_seconds(self) -> float:
        """Seconds since the user's last input; raises ``IdleUnavailable``."""
        ...

    def close(self) -> None: ...
