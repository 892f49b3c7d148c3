"""A break that has fallen due and waits, and the probes the scheduler asks.

Kept apart from the scheduler so that its file holds the decisions only.
"""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from stretchtimer.history.records import BreakKind

#: Seconds of idleness since the last input, or None when the source cannot tell.
IdleProbe = Callable[[], float | None]

#: Why prompts must wait right now (do-not-disturb, a video call ...), or None.
QuietProbe = Callable[[], str | None]


def no_quiet() -> str | None:
    return None


class Pending(msgspec.Struct):
    """A break that has fallen due and is not yet resolved."""

    kind: BreakKind
    routine: str
    due_at: float
    postponed: int = 0
    #: Monotonic reading until which a postponed break waits, or None.
    postponed_until: float | None = None
    prompted: bool = False
    held_reason: str | None = None
