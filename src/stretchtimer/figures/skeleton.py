"""The skeleton every figure shares: joint names, how they connect, standard bone lengths.

Coordinates are in figure units with y pointing up and the floor at y = 0; a
person standing is about 100 units tall. Keeping one unit system for every
figure lets them be drawn at the same size side by side.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

Point = tuple[float, float]
#: A pose: where each joint is. Treated as immutable once built.
Pose = Mapping[str, Point]

#: Joints every pose must place. ``spine`` (the middle of the back) is optional:
#: it bends the back for poses like cat-cow and defaults to halfway up the trunk.
#: ``face`` (the tip of the nose) is optional too: it shows where the head looks,
#: which a front view otherwise cannot show (a head turned toward a shoulder).
REQUIRED_JOINTS: tuple[str, ...] = (
    "head",
    "neck",
    "left_shoulder",
    "right_shoulder",
    "left_elbow",
    "right_elbow",
    "left_wrist",
    "right_wrist",
    "left_hip",
    "right_hip",
    "left_knee",
    "right_knee",
    "left_ankle",
    "right_ankle",
    "left_foot",
    "right_foot",
)
OPTIONAL_JOINTS: tuple[str, ...] = ("spine", "face")
JOINTS: tuple[str, ...] = REQUIRED_JOINTS + OPTIONAL_JOINTS

#: The point the trunk hangs from: halfway between the hips. Not a joint of its own.
PELVIS = "pelvis"

#: For a joint given as an angle: the joint it hangs from and the usual bone length.
PARENTS: Mapping[str, tuple[str, float]] = {
    "neck": (PELVIS, 32.0),
    "spine": (PELVIS, 16.0),
    "head": ("neck", 9.5),
    "face": ("head", 8.0),
    "left_shoulder": ("neck", 11.0),
    "right_shoulder": ("neck", 11.0),
    "left_elbow": ("left_shoulder", 18.0),
    "right_elbow": ("right_shoulder", 18.0),
    "left_wrist": ("left_elbow", 16.0),
    "right_wrist": ("right_elbow", 16.0),
    "left_knee": ("left_hip", 24.0),
    "right_knee": ("right_hip", 24.0),
    "left_ankle": ("left_knee", 24.0),
    "right_ankle": ("right_knee", 24.0),
    "left_foot": ("left_ankle", 8.0),
    "right_foot": ("right_ankle", 8.0),
}

#: Radius of the head circle, in figure units.
HEAD_RADIUS = 7.0

#: Straight bones, drawn as lines. The trunk (neck, spine, pelvis) is drawn as a curve.
LIMBS: tuple[tuple[str, str], ...] = (
    (PELVIS, "left_hip"),
    (PELVIS, "right_hip"),
    ("neck", "left_shoulder"),
    ("neck", "right_shoulder"),
    ("left_shoulder", "left_elbow"),
    ("left_elbow", "left_wrist"),
    ("right_shoulder", "right_elbow"),
    ("right_elbow", "right_wrist"),
    ("left_hip", "left_knee"),
    ("left_knee", "left_ankle"),
    ("left_ankle", "left_foot"),
    ("right_hip", "right_knee"),
    ("right_knee", "right_ankle"),
    ("right_ankle", "right_foot"),
)

#: Joints drawn as a small round dot, so a bent limb reads as bent.
ROUND_JOINTS: tuple[str, ...] = (
    "left_elbow",
    "right_elbow",
    "left_knee",
    "right_knee",
    "left_shoulder",
    "right_shoulder",
)


def pelvis(pose: Pose) -> Point:
    (lx, ly), (rx, ry) = pose["left_hip"], pose["right_hip"]
    return ((lx + rx) / 2, (ly + ry) / 2)


def spine(pose: Pose) -> Point:
    """The middle of the back: given, or halfway between pelvis and neck."""
    if "spine" in pose:
        return pose["spine"]
    (px, py), (nx, ny) = pelvis(pose), pose["neck"]
    return ((px + nx) / 2, (py + ny) / 2)


def point_at(origin: Point, angle: float, length: float) -> Point:
    """The point ``length`` away from ``origin``; 0 degrees is straight up, 90 to the right.

    Clockwise like a compass, because "an arm at 180" hanging down and "a leg at
    90" pointing forward is how people describe a pose.
    """
    radians = math.radians(angle)
    return (origin[0] + length * math.sin(radians), origin[1] + length * math.cos(radians))


def mirror_name(joint: str) -> str:
    if joint.startswith("left_"):
        return "right_" + joint[5:]
    if joint.startswith("right_"):
        return "left_" + joint[6:]
    return joint


def mirror_pose(pose: Pose, axis: float = 0.0) -> dict[str, Point]:
    """The pose reflected about the vertical line x = ``axis``.

    Left and right joints also trade names, so the mirror of "left arm up" is
    "right arm up", which is what doing the other side means.
    """
    return {mirror_name(joint): (2 * axis - x, y) for joint, (x, y) in pose.items()}


def bounds(points: Iterable[Point]) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) of some points; raises ValueError when there are none."""
    xs: list[float] = []
    ys: list[float] = []
    for x, y in points:
        xs.append(x)
        ys.append(y)
    if not xs:
        raise ValueError("no points")
    return (min(xs), min(ys), max(xs), max(ys))


def pose_bounds(pose: Pose) -> tuple[float, float, float, float]:
    """Bounds of a pose including the whole head circle."""
    hx, hy = pose["head"]
    head = ((hx - HEAD_RADIUS, hy - HEAD_RADIUS), (hx + HEAD_RADIUS, hy + HEAD_RADIUS))
    return bounds([*pose.values(), *head])
