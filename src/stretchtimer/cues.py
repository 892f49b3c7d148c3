"""The names of the sounds a session plays.

These names are part of the routine format (a routine's ``sounds:`` mapping
uses them as keys) and of the bundled ``sounds/`` folder (``<cue>.wav``), so
they live in the core rather than in the audio package.
"""

from __future__ import annotations

from enum import StrEnum
from typing import assert_never


class Cue(StrEnum):
    GET_READY = "get-ready"
    START = "start"
    COUNTDOWN = "countdown"
    SWITCH = "switch"
    REST = "rest"
    NEXT = "next"
    COMPLETE = "complete"
    TICK = "tick"

    @property
    def priority(self) -> int:
        """When cues coincide only the highest is played: the one that tells
        the person most about what to do next."""
        match self:
            case Cue.COMPLETE:
                return 8
            case Cue.NEXT:
                return 7
            case Cue.GET_READY:
                return 6
            case Cue.SWITCH:
                return 5
            case Cue.START:
                return 4
            case Cue.REST:
                return 3
            case Cue.COUNTDOWN:
                return 2
            case Cue.TICK:
                return 1
            case _:
                assert_never(self)


CUE_NAMES = tuple(c.value for c in Cue)
