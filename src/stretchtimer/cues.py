"""The names of the sounds a session plays.

These names are part of the routine format (a routine's ``sounds:`` mapping
uses them as keys) and of the bundled ``sounds/`` folder (``<cue>.wav``), so
they live in the core rather than in the audio package.
"""

from __future__ import annotations

from enum import StrEnum


class Cue(StrEnum):
    GET_READY = "get-ready"
    START = "start"
    COUNTDOWN = "countdown"
    SWITCH = "switch"
    REST = "rest"
    NEXT = "next"
    COMPLETE = "complete"
    TICK = "tick"


CUE_NAMES = tuple(c.value for c in Cue)
