"""Toes for a foot that stands on them: kneeling on tucked toes, or up on tiptoe.

A foot is one bone, from the ankle to the tip of the toes. Standing on its tip
with the heel raised, that bone is steep, and a steep line under a shin reads as
one more stick: the toes bent flat along the floor at its foot make it a foot.
"""

from __future__ import annotations

from stretchtimer.figures.skeleton import Point

#: How long the bent toes are, in figure units.
TOE_LENGTH = 5.0
#: A foot whose tip is no higher than this stands on the floor.
FLOOR_REACH = 2.5
#: A foot stands on its toes when its heel is this far above its tip, at least...
HEEL_RAISED = 4.0
#: ... and when it drops this many times as far as it runs forward or back.
STEEPNESS = 1.2


def toes(ankle: Point, tip: Point) -> tuple[Point, Point] | None:
    """The toes of a foot standing on its tip with the heel raised, as a line along the
    floor from the tip, the way the foot points; None for any other foot."""
    run, drop = tip[0] - ankle[0], ankle[1] - tip[1]
    if tip[1] > FLOOR_REACH or drop < HEEL_RAISED or drop < STEEPNESS * abs(run):
        return None
    way = 1.0 if run >= 0 else -1.0
    return tip, (tip[0] + way * TOE_LENGTH, tip[1])
