"""Motion arrows in dots: a path, and at its end a chevron that says which way.

A head of two short barbs on the last step of a curve read as a curl at the
end of the line; a wider chevron, pointing along the last stretch of the path
rather than its last step, reads as an arrowhead even where the path bends.
"""

from __future__ import annotations

import itertools
import math

from stretchtimer.figures.raster import MARK, DotCanvas

#: The length of each arm of the chevron in dots: this share of the path's length,
#: at least the small head a short arrow has room for, at most a head that would
#: hide what the arrow points at.
ARM_SHARE = 0.25
ARM_LEAST = 2.5 * math.hypot(1.0, 0.9)
ARM_MOST = 5.0
#: Half the angle between the chevron's arms: wide enough to read as a head and
#: not as a fork in the line.
HALF_ANGLE = math.atan(0.9)
#: How far back along the path, in arms, a head with room takes its direction from.
BACK = 1.5


def arrow(canvas: DotCanvas, path: list[tuple[float, float]]) -> None:
    """The path and its head."""
    canvas.polyline([(round(x), round(y)) for x, y in path], MARK)
    head(canvas, path)


def head(canvas: DotCanvas, path: list[tuple[float, float]]) -> None:
    """A chevron at the path's end, its size from the path's length."""
    for (x0, y0), (x1, y1) in head_lines(path):
        canvas.line(x0, y0, x1, y1, MARK)


Line = tuple[tuple[int, int], tuple[int, int]]


def head_lines(path: list[tuple[float, float]]) -> list[Line]:
    """The chevron's two arms in dots, from the tip back: worked out once for a
    path that is drawn in many frames."""
    if len(path) < 2:
        return []
    steps = [math.hypot(x1 - x0, y1 - y0) for (x0, y0), (x1, y1) in itertools.pairwise(path)]
    arm = min(ARM_MOST, max(ARM_LEAST, ARM_SHARE * sum(steps)))
    # Where the path was a little more than an arm's length before its end: a large
    # head points from there, so it follows the path's last stretch and not its last
    # bend. A small one, on a short and often tightly curled path, follows its last step.
    tip_x, tip_y = path[-1]
    left = BACK * arm if arm > ARM_LEAST else steps[-1]
    back_x, back_y = path[-2]
    for index in range(len(steps) - 1, -1, -1):
        (ax, ay), (bx, by) = path[index], path[index + 1]
        if steps[index] >= left or index == 0:
            share = min(1.0, left / steps[index]) if steps[index] else 0.0
            back_x, back_y = bx + (ax - bx) * share, by + (ay - by) * share
            break
        left -= steps[index]
    length = math.hypot(tip_x - back_x, tip_y - back_y)
    if length == 0:
        return []
    ux, uy = (back_x - tip_x) / length, (back_y - tip_y) / length  # from the tip back
    cos_half, sin_half = math.cos(HALF_ANGLE), math.sin(HALF_ANGLE)
    tip = (round(tip_x), round(tip_y))
    return [
        (
            tip,
            (
                round(tip_x + arm * (ux * cos_half - side * uy * sin_half)),
                round(tip_y + arm * (uy * cos_half + side * ux * sin_half)),
            ),
        )
        for side in (1, -1)
    ]
