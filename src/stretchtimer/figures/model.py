"""What a figure is once it has been read: a view, props and named keyframes.

A hold eases from the first keyframe (the neutral pose) into the last one and
stays there. A rep moves through the keyframes after the first once per rep:
``loop`` goes round them in order, ``sweep`` goes from the last to the second
and back on the next rep (a head sweeping side to side).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import msgspec

from stretchtimer.figures.skeleton import Point

View = Literal["front", "side"]
Cycle = Literal["loop", "sweep"]
PropKind = Literal["floor", "chair", "wall", "pillow", "screen", "window"]

VIEWS: tuple[str, ...] = ("front", "side")
CYCLES: tuple[str, ...] = ("loop", "sweep")
PROP_KINDS: tuple[str, ...] = ("floor", "chair", "wall", "pillow", "screen", "window")


class Prop(msgspec.Struct, frozen=True):
    """Something the body uses, drawn lighter than the body.

    ``at`` is the chair's front edge of the seat, the foot of the wall, or the
    pillow's centre, the middle of the bottom of a screen (a monitor on its
    stand, standing on the floor), or a window's centre. ``facing`` says which
    way the chair's sitter faces (+1 right, -1 left); ``size`` is the pillow's,
    screen's or window's width or the wall's height.
    The floor always lies at y = 0 and needs no position.
    """

    kind: PropKind
    at: Point = (0.0, 0.0)
    facing: int = 1
    size: float = 0.0


#: A motion mark: a path in figure units, drawn with an arrowhead at its last point.
Mark = tuple[Point, ...]


class Around(msgspec.Struct, frozen=True):
    """An arrow round the body's long axis: a flat ring seen a little from above,
    its far half behind the body and its near half in front, for a turn.

    ``at`` is the ring's middle, ``width`` how wide it is, and ``way`` which way
    its near half goes (+1 to the right of the picture, -1 to the left).
    """

    at: Point
    width: float
    way: int = 1


class Keyframe(msgspec.Struct, frozen=True):
    name: str
    pose: Mapping[str, Point]
    #: Arrows for this keyframe alone (up in a lift, back in a roll), drawn with the
    #: figure's own ``marks`` while the figure is in or moving into this keyframe.
    marks: tuple[Mark, ...] = ()
    #: This keyframe's arrow round the body (a trunk or head turning), if it has one.
    around: Around | None = None


class Figure(msgspec.Struct, frozen=True):
    name: str
    description: str
    view: View
    keyframes: tuple[Keyframe, ...]
    props: tuple[Prop, ...] = ()
    cycle: Cycle = "loop"
    #: Arrows that say which way a small move goes (a shrug, a roll, the eyes' line),
    #: drawn in every keyframe in their own layer so the screen can colour them.
    marks: tuple[Mark, ...] = ()
    #: Draw only what is above this height, larger: a close-up of head and shoulders
    #: for moves too small to see on a whole body (None: the whole figure).
    close_up: float | None = None

    @property
    def neutral(self) -> Mapping[str, Point]:
        return self.keyframes[0].pose

    @property
    def target(self) -> Mapping[str, Point]:
        return self.keyframes[-1].pose

    @property
    def rep_keyframes(self) -> tuple[Keyframe, ...]:
        """The keyframes a rep moves through: all but the neutral one (or it alone)."""
        return self.keyframes[1:] or self.keyframes

    def keyframe(self, name: str) -> Keyframe | None:
        return next((k for k in self.keyframes if k.name == name), None)

    def marks_of(self, keyframe: Keyframe, *, backwards: bool = False) -> tuple[Mark, ...]:
        """The arrows drawn with ``keyframe``: the figure's own, then the keyframe's.

        ``backwards`` (a sweep on its way back) turns every arrow round.
        """
        marks = self.marks + keyframe.marks
        return tuple(mark[::-1] for mark in marks) if backwards else marks

    def around_of(self, keyframe: Keyframe, *, backwards: bool = False) -> Around | None:
        """The arrow round the body drawn with ``keyframe``, turned round going ``backwards``."""
        around = keyframe.around
        if around is None or not backwards:
            return around
        return msgspec.structs.replace(around, way=-around.way)

    def all_marks(self) -> tuple[Mark, ...]:
        """Every arrow the figure ever draws, for fitting it to a canvas once."""
        return self.marks + tuple(m for k in self.keyframes for m in k.marks)
