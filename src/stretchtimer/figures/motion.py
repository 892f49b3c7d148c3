"""Which pose a figure shows at a given moment of a step.

Everything is a function of where the step is (the phase, how far through it,
which rep) rather than of how many frames have been drawn, so a late frame, a
pause, a skip or ten extra seconds all land on the right pose.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from stretchtimer.figures.model import Figure, Keyframe
from stretchtimer.figures.skeleton import Point, Pose


def ease(t: float) -> float:
    """Slow out of one pose and slow into the next, the way a body moves (sine in-out)."""
    t = min(1.0, max(0.0, t))
    return 0.5 - 0.5 * math.cos(math.pi * t)


def lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def blend(a: Pose, b: Pose, t: float) -> dict[str, Point]:
    """The pose ``t`` of the way from ``a`` to ``b`` (0 is ``a``, 1 is ``b``).

    A joint only one of them places (the optional spine) is kept from that one.
    """
    if t <= 0.0:
        return dict(a)
    if t >= 1.0:
        return dict(b)
    joints = {**a, **b}
    return {
        joint: lerp(a[joint], b[joint], t) if joint in a and joint in b else point
        for joint, point in joints.items()
    }


def getting_ready(figure: Figure, fraction: float) -> dict[str, Point]:
    """During get-ready: from the neutral pose into the step's starting pose."""
    return blend(figure.neutral, figure.target, ease(fraction))


def holding(figure: Figure) -> Pose:
    return figure.target


def rep_keyframes_path(figure: Figure, rep_index: int) -> Sequence[Keyframe]:
    """The keyframes one rep passes through, starting where the previous rep ended.

    Get-ready ends on the last keyframe, so every rep starts there too.
    """
    frames = list(figure.rep_keyframes)
    if figure.cycle == "sweep":
        backwards = frames[::-1]
        return backwards if rep_index % 2 == 0 else frames
    return [frames[-1], *frames]


def reps_per_cycle(figure: Figure) -> int:
    """After how many reps the reps' paths repeat: a sweep goes there and back, so two."""
    return 2 if figure.cycle == "sweep" else 1


def rep_path(figure: Figure, rep_index: int) -> Sequence[Pose]:
    """The poses one rep passes through, starting where the previous rep ended."""
    return [k.pose for k in rep_keyframes_path(figure, rep_index)]


def _move(moves: int, fraction: float) -> int:
    return min(int(min(1.0, max(0.0, fraction)) * moves), moves - 1)


def rep_heading(figure: Figure, rep_index: int, fraction: float) -> tuple[Keyframe, bool]:
    """The keyframe a rep is moving into ``fraction`` of the way through (its arrows show).

    And whether the rep runs backwards: a sweep's reps from the last keyframe
    back to the second go the other way, and so do its arrows.
    """
    path = rep_keyframes_path(figure, rep_index)
    moves = len(path) - 1
    backwards = figure.cycle == "sweep" and rep_index % 2 == 0 and moves > 0
    return (path[0] if moves <= 0 else path[_move(moves, fraction) + 1]), backwards


def repping(figure: Figure, rep_index: int, fraction: float) -> dict[str, Point]:
    """Pose ``fraction`` of the way through rep ``rep_index`` (0-based).

    The rep's time is shared equally between the moves from one keyframe to the
    next, each eased, so cat-cow arches through the first half of a rep and
    rounds through the second.
    """
    path = rep_path(figure, rep_index)
    moves = len(path) - 1
    if moves <= 0:
        return dict(path[0])
    fraction = min(1.0, max(0.0, fraction))
    move = _move(moves, fraction)
    return blend(path[move], path[move + 1], ease(fraction * moves - move))
