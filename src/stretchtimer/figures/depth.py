"""A figure seen three-quarter on: joints placed in depth too, turned, then drawn flat.

Twists, elbows opening round a head and hands laced behind the back all happen
toward or away from the viewer, where a front or side view flattens them away.
A three-quarter view keeps the picture's x and y as in a front view, adds how
far forward each joint is (``z``, the way the person faces), and turns the
whole body before it is drawn. Turning happens once, when the figure is read:
a turn and a flattening are both linear, so blending flat keyframes is the
same as blending them in depth and flattening afterwards.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from stretchtimer.figures.skeleton import PARENTS, PELVIS, Point

#: How far a three-quarter figure is turned, by default: enough for a trunk's
#: twist and an elbow's swing to show, little enough that it still faces you.
TURNED = 35.0
#: The most a three-quarter figure may be turned either way: round to its back.
MOST_TURNED = 180.0

#: What is drawn as one piece, and the joints whose depth says where that piece is.
PIECES: Mapping[str, tuple[str, ...]] = {
    "left_arm": ("left_shoulder", "left_elbow", "left_wrist"),
    "right_arm": ("right_shoulder", "right_elbow", "right_wrist"),
    "left_leg": ("left_hip", "left_knee", "left_ankle", "left_foot"),
    "right_leg": ("right_hip", "right_knee", "right_ankle", "right_foot"),
    "trunk": ("left_hip", "right_hip", "neck"),
}


def depths(given: Mapping[str, float], pose: Mapping[str, Point]) -> dict[str, float]:
    """How far forward each joint of ``pose`` is: as given, or as far as the joint it hangs from.

    A joint placed by an angle swings in the picture's plane, so it keeps its
    parent's depth; the hips and any joint given at two numbers and no third
    are level with the body's middle (0).
    """
    placed: dict[str, float] = {}
    for joint in ("left_hip", "right_hip", *(j for j in PARENTS if j in pose)):
        if joint in placed:
            continue
        if joint in given:
            placed[joint] = given[joint]
            continue
        parent = PARENTS.get(joint, (PELVIS, 0.0))[0]
        if parent == PELVIS:
            placed[joint] = (placed.get("left_hip", 0.0) + placed.get("right_hip", 0.0)) / 2
        else:
            placed[joint] = placed.get(parent, 0.0)
    return placed


def turn(
    pose: Mapping[str, Point], depth: Mapping[str, float], degrees: float
) -> tuple[dict[str, Point], tuple[str, ...]]:
    """``pose`` turned ``degrees`` to face the right of the picture, and its pieces nearest first.

    At 0 the figure faces you (a front view), at 90 it faces right with its
    right side toward you, at 180 it shows its back. Its left joints are on the
    picture's right, as in a front view, so a turn to the right takes them away
    from you. A face turned away from you is left out: the back of a head has none.
    """
    radians = math.radians(degrees)
    cos, sin = math.cos(radians), math.sin(radians)
    flat: dict[str, Point] = {}
    near: dict[str, float] = {}
    for joint, (x, y) in pose.items():
        z = depth.get(joint, 0.0)
        flat[joint] = (x * cos + z * sin, y)
        near[joint] = z * cos - x * sin

    if "face" in flat and near["face"] < near["head"]:
        del flat["face"]

    def nearness(piece: str) -> float:
        return sum(near[joint] for joint in PIECES[piece]) / len(PIECES[piece])

    return flat, tuple(sorted(PIECES, key=nearness, reverse=True))
