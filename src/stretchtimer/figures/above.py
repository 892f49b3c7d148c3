"""A small view from above of head and shoulders, for turns a front or side view hides.

A head turned toward a shoulder, or a trunk twisted while the hips stay
square, barely changes a stick figure seen from the front: from above the
turn is the whole picture. The view sits beside the figure at the figure's
``above`` position: the hips as a dim oval that never turns, the shoulders
as an oval across them, the head as a circle with the nose pointing where
the person looks.

The turns travel inside the pose as points (where the nose and the chest
point, a fixed distance from the view's centre), so easing between
keyframes, mirroring for the other side and telling poses apart all work on
them as on any joint.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from stretchtimer.figures.skeleton import Point, Pose

#: What a keyframe's ``turn:`` may turn, in degrees from facing straight ahead.
TURNS: tuple[str, ...] = ("head", "shoulders")
#: The view's centre and the points its turns aim at, as extra entries in a pose.
CENTRE = "above"
_AIMS = {"head": "above_head", "shoulders": "above_shoulders"}
#: Sizes in figure units: a head, shoulders and hips about the main figure's size.
HEAD_RADIUS = 7.0
NOSE = 4.5
SHOULDER_HALF_WIDTH = 20.0
HIP_HALF_WIDTH = 14.0
_AIM = 10.0


def turn_joint(part: str) -> str:
    """Where a keyframe's spec keeps the turn of ``part`` (inherited through ``like:``)."""
    return f"turn_{part}"


def facing(view: str, angle: float) -> Point:
    """The direction someone turned ``angle`` degrees toward their left looks, seen from above.

    Seen from above with the viewer at the bottom: a front view faces the
    viewer (down), its left on the right; a side view faces right, its left
    away from the viewer (up).
    """
    radians = math.radians(angle)
    if view == "side":
        return (math.cos(radians), math.sin(radians))
    return (math.sin(radians), -math.cos(radians))


def turn_points(centre: Point, view: str, turns: Mapping[str, float]) -> dict[str, Point]:
    """The pose entries of a view from above at ``centre`` with ``turns`` (missing ones: 0)."""
    points = {CENTRE: centre}
    for part in TURNS:
        dx, dy = facing(view, turns.get(part, 0.0))
        points[_AIMS[part]] = (centre[0] + dx * _AIM, centre[1] + dy * _AIM)
    return points


def _direction(pose: Pose, part: str) -> Point:
    (cx, cy), (ax, ay) = pose[CENTRE], pose[_AIMS[part]]
    length = math.hypot(ax - cx, ay - cy) or 1.0
    return ((ax - cx) / length, (ay - cy) / length)


def _bar(centre: Point, forward: Point, half_width: float) -> list[Point]:
    """A line across ``forward`` through ``centre``: shoulders or hips seen from above."""
    (cx, cy), (fx, fy) = centre, forward
    return [
        (cx + fy * half_width, cy - fx * half_width),
        (cx - fy * half_width, cy + fx * half_width),
    ]


class AboveView:
    """The outlines of a view from above, in figure units, for one pose."""

    def __init__(self, pose: Pose, view: str) -> None:
        centre = pose[CENTRE]
        self.hips = _bar(centre, facing(view, 0.0), HIP_HALF_WIDTH)
        self.shoulders = _bar(centre, _direction(pose, "shoulders"), SHOULDER_HALF_WIDTH)
        self.head = centre
        nx, ny = _direction(pose, "head")
        self.nose = [
            (centre[0] + nx * HEAD_RADIUS, centre[1] + ny * HEAD_RADIUS),
            (centre[0] + nx * (HEAD_RADIUS + NOSE), centre[1] + ny * (HEAD_RADIUS + NOSE)),
        ]


def has_view(pose: Pose) -> bool:
    return CENTRE in pose


def extent(centre: Point) -> list[Point]:
    """Two corners of everything the view can cover, for fitting the figure."""
    reach = max(SHOULDER_HALF_WIDTH, HEAD_RADIUS + NOSE)
    x, y = centre
    return [(x - reach, y - reach), (x + reach, y + reach)]
