"""Which parts of a stick figure a step's ``targets`` name, so the screen can pick them out.

A step says in words what it works ("shoulders", "upper back", "hamstrings").
A figure is bones, so each word maps to the bones that carry it; words with no
place on a stick figure ("whole body", "heart and lungs") pick out nothing.
Both sides are always named: a sided step mirrors the figure, not the words.
"""

from __future__ import annotations

from collections.abc import Iterable

#: The trunk is drawn as one curve; its halves are parts of their own.
UPPER_TRUNK = "upper_trunk"
LOWER_TRUNK = "lower_trunk"
#: The short line from the neck joint to the head, and the head's outline.
NECK = "neck_line"
HEAD = "head"


def _both(start: str, end: str) -> frozenset[str]:
    return frozenset({f"left_{start}-left_{end}", f"right_{start}-right_{end}"})


_COLLARS = frozenset({"neck-left_shoulder", "neck-right_shoulder"})
_UPPER_ARMS = _both("shoulder", "elbow")
_HIPS = frozenset({"pelvis-left_hip", "pelvis-right_hip"})
_THIGHS = _both("hip", "knee")
_SHINS = _both("knee", "ankle")
_SHOULDERS = _COLLARS | _UPPER_ARMS
_NECK = frozenset({NECK, HEAD})
_BACK = frozenset({UPPER_TRUNK, LOWER_TRUNK})

#: Each target word (lower case) and the parts it picks out.
PARTS: dict[str, frozenset[str]] = {
    "shoulders": _SHOULDERS,
    "shoulder blades": _COLLARS | {UPPER_TRUNK},
    "upper trapezius": _COLLARS | _NECK,
    "levator scapulae": _COLLARS | _NECK,
    "neck": _NECK,
    "side of the neck": _NECK,
    "back of the neck": _NECK,
    "sternocleidomastoid": _NECK,
    "eyes": frozenset({HEAD}),
    "upper back": frozenset({UPPER_TRUNK}),
    "upper spine": frozenset({UPPER_TRUNK}),
    "chest": frozenset({UPPER_TRUNK}),
    "back": _BACK,
    "spine": _BACK,
    "back muscles": _BACK,
    "lower back": frozenset({LOWER_TRUNK}),
    "core": frozenset({LOWER_TRUNK}),
    "abdomen": frozenset({LOWER_TRUNK}),
    "abdominal muscles": frozenset({LOWER_TRUNK}),
    "hips": _HIPS | _THIGHS,
    "hip flexors": _HIPS | _THIGHS,
    "glutes": _HIPS | _THIGHS,
    "buttocks": _HIPS | _THIGHS,
    "hamstrings": _THIGHS,
    "front of the thigh": _THIGHS,
    "backs of the legs": _THIGHS | _SHINS,
    "legs": _THIGHS | _SHINS,
}


def bone(start: str, end: str) -> str:
    """The part name of a straight bone, as the figure draws it."""
    return f"{start}-{end}"


def working_parts(targets: Iterable[str]) -> frozenset[str]:
    """Every part the given target words pick out (unknown words pick out nothing)."""
    parts: frozenset[str] = frozenset()
    for target in targets:
        parts |= PARTS.get(target.strip().lower(), frozenset())
    return parts
