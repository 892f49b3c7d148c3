"""Pose -> dots -> rows of Braille text: fitting a figure to a canvas and drawing it.

A figure is fitted once, over all its keyframes and props, so it neither
grows nor jumps while it moves, and its mirror image (the other side) fills
exactly the same box.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Callable, Iterable

import msgspec

from stretchtimer.figures import above, arrows, heads
from stretchtimer.figures.model import Around, Figure, Mark, Prop
from stretchtimer.figures.props import mirror_prop, prop_outline
from stretchtimer.figures.raster import (
    BODY,
    MARK,
    PROP,
    TARGET,
    DotCanvas,
    Raster,
)
from stretchtimer.figures.skeleton import (
    HEAD_RADIUS,
    PELVIS,
    ROUND_JOINTS,
    Point,
    Pose,
    bounds,
    mirror_pose,
    pelvis,
    pose_bounds,
    spine,
)
from stretchtimer.figures.targets import HEAD, LOWER_TRUNK, NECK, UPPER_TRUNK, bone

#: Dots kept free around the figure on every side.
MARGIN = 1
#: Half the trunk's width in figure units.
TRUNK_HALF_WIDTH = 3.0
#: The most dots the trunk reaches either side of its middle: wider, its mass
#: would hide the limbs in front of it and cost more to draw.
TRUNK_MOST_DOTS = 1
#: From this half width in dots (a large screen) a side view's trunk is its two
#: sides too: there is room between them, and a thin band would look like a pole.
HOLLOW_TRUNK_DOTS = 4.0
#: A hand's radius in dots: a block of 3 x 3, a fist or a palm, and not a "+" that
#: reads as an arrowhead at the end of a forearm.
HAND_RADIUS = 1.5


class Framing(msgspec.Struct, frozen=True):
    """How figure units map to the dots of one canvas size."""

    cols: int
    rows: int
    scale: float
    #: Figure x drawn at dot x = 0 and figure y drawn at dot y = 0 (the top).
    left: float
    top: float
    #: The vertical line a mirrored figure is reflected about.
    axis: float
    #: The lowest figure y: where the floor goes (y = 0, or under a foot that dips below it).
    bottom: float = 0.0
    #: Limbs drawn as bands and not lines (see ``THICK_SCALE``).
    thick: bool = False

    def to_dots(self, point: Point) -> tuple[float, float]:
        return ((point[0] - self.left) * self.scale, (self.top - point[1]) * self.scale)

    def to_cell(self, point: Point) -> tuple[int, int]:
        x, y = self.to_dots(point)
        return (round(x), round(y))


def figure_bounds(figure: Figure) -> tuple[float, float, float, float]:
    """Everything a figure ever covers: every keyframe, its props, and the floor if it has one."""
    points: list[Point] = []
    for keyframe in figure.keyframes:
        left, bottom, right, top = pose_bounds(keyframe.pose)
        points += [(left, bottom), (right, top)]
        if above.has_view(keyframe.pose):
            points += above.extent(keyframe.pose[above.CENTRE])
    for prop in figure.props:
        for outline in prop_outline(prop):
            points += outline
        if prop.kind == "floor":
            points.append((points[0][0], 0.0))
    for mark in figure.all_marks():
        points += mark
    for keyframe in figure.keyframes:
        if keyframe.around is not None:
            points += around_path(keyframe.around)
    if figure.close_up is not None:
        # A close-up: everything below the cut runs off the bottom of the canvas.
        cut = figure.close_up
        points = [(x, max(y, cut)) for x, y in points]
    return bounds(points)


#: A figure this many times wider than it is tall (lying down, on all fours) reads
#: better across the screen than in a narrow column beside the instructions.
WIDE_RATIO = 1.8
#: From this many dots a unit, a wide figure has legs three dots across and arms two,
#: with larger fists: a limb along the floor reads as a limb, not as a faint line.
THICK_SCALE = 0.6


def is_wide(figure: Figure) -> bool:
    """True for a figure that wants a wide place: lying down, or low and long."""
    left, bottom, right, top = figure_bounds(figure)
    return right - left >= WIDE_RATIO * max(top - bottom, 1e-6)


def fit(figure: Figure, cols: int, rows: int) -> Framing:
    """The largest drawing of ``figure`` that fits ``cols`` x ``rows`` cells, centred."""
    left, bottom, right, top = figure_bounds(figure)
    width, height = max(right - left, 1e-6), max(top - bottom, 1e-6)
    room_x = max(cols * 2 - 1 - 2 * MARGIN, 1)
    room_y = max(rows * 4 - 1 - 2 * MARGIN, 1)
    scale = min(room_x / width, room_y / height)
    thick = width >= WIDE_RATIO * height and scale >= THICK_SCALE
    # Centre horizontally; sit on the bottom margin so the floor is the last dot row.
    spare_x = (cols * 2 - 1 - width * scale) / 2
    spare_y = rows * 4 - 1 - MARGIN - height * scale
    return Framing(
        cols=cols,
        rows=rows,
        scale=scale,
        left=left - spare_x / scale,
        top=top + spare_y / scale,
        axis=(left + right) / 2,
        bottom=bottom,
        thick=thick,
    )


def _curve(start: Point, middle: Point, end: Point, pieces: int = 8) -> list[Point]:
    """A smooth curve from ``start`` to ``end`` that passes through ``middle``."""
    control = (2 * middle[0] - (start[0] + end[0]) / 2, 2 * middle[1] - (start[1] + end[1]) / 2)
    out: list[Point] = []
    for index in range(pieces + 1):
        t = index / pieces
        a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t * t
        out.append(
            (
                a * start[0] + b * control[0] + c * end[0],
                a * start[1] + b * control[1] + c * end[1],
            )
        )
    return out


#: An arrow round the body is a ring seen a little from above: this much as deep as wide.
AROUND_DEPTH = 0.45
#: Where it starts (round the back, behind the body) and how far it goes, in turns:
#: from behind one side, across the front, to short of the other side, where its head
#: points that way (at the side itself it would point up and read as a curl).
AROUND_START = -0.16
AROUND_END = 0.42


def around_path(around: Around) -> list[Point]:
    """The ring of an arrow round the body in figure units, starting behind the body.

    Its near half is its lower half, as a ring round a body seen from a little
    above; it ends short of the far side, heading for it, where its arrowhead is.
    """
    (x, y), half = around.at, around.width / 2
    steps = 12
    out: list[Point] = []
    for index in range(steps + 1):
        turn = AROUND_START + (AROUND_END - AROUND_START) * index / steps
        angle = 2 * math.pi * turn
        out.append(
            (
                x - around.way * half * math.cos(angle),
                y - half * AROUND_DEPTH * math.sin(angle),
            )
        )
    return out


@functools.lru_cache(maxsize=16)
def _around_dots(
    framing: Framing, around: Around, mirrored: bool
) -> tuple[list[tuple[int, int]], list[tuple[float, float]], list[arrows.Line]]:
    """The ring of an arrow round the body in dots: its part behind the body, the part
    in front (which comes in front where it passes its middle height), and its end:
    the last step and the head's arms."""
    if mirrored:
        around = msgspec.structs.replace(
            around, at=(2 * framing.axis - around.at[0], around.at[1]), way=-around.way
        )
    ring = around_path(around)
    behind = next(i for i, (_, y) in enumerate(ring) if y <= around.at[1])
    path = [framing.to_dots(p) for p in ring]
    (x0, y0), (x1, y1) = path[-2:]
    end = [((round(x0), round(y0)), (round(x1), round(y1))), *arrows.head_lines(path[behind:])]
    return [(round(x), round(y)) for x, y in path[: behind + 1]], path[behind:], end


def _ring_stroke(canvas: DotCanvas, path: list[tuple[float, float]]) -> None:
    for (x0, y0), (x1, y1) in itertools.pairwise(path):
        canvas.stroke(round(x0), round(y0), round(x1), round(y1), MARK)


def _trunk_sides(trunk: list[Point], half_width: float) -> list[list[Point]]:
    """A trunk seen from the front as two lines either side of its curve: a chest, not a pole.

    The sides meet at the neck and the pelvis, where the limbs join.
    """
    sides: list[list[Point]] = [[], []]
    last = len(trunk) - 1
    for index, (x, y) in enumerate(trunk):
        (ax, ay), (bx, by) = trunk[max(index - 1, 0)], trunk[min(index + 1, last)]
        length = math.hypot(bx - ax, by - ay) or 1.0
        width = half_width * _taper(index / last)
        nx, ny = -(by - ay) / length * width, (bx - ax) / length * width
        sides[0].append((x + nx, y + ny))
        sides[1].append((x - nx, y - ny))
    return sides


def _taper(t: float) -> float:
    """The trunk's width along it (0 at the neck, 1 at the pelvis), as a share of its most:
    full in the middle, narrowing to nothing at the neck and a little at the hips."""
    return min(1.0, 3 * t, 1.6 * (1 - t) + 0.4)


def _trunk_band(
    framing: Framing, trunk: list[Point], half_width: float
) -> list[tuple[int, int, int]]:
    """A trunk seen from the side as a solid band along its curve, in dots: a back
    and not a pole, and no hollow outline a few dots across for a limb inside it
    to read as a second body. Never more than ``TRUNK_MOST_DOTS`` either side of
    its middle.
    """
    last = len(trunk) - 1
    band: list[tuple[int, int, int]] = []
    for index, point in enumerate(trunk):
        t = (index + 0.5) / last  # the middle of the piece from this point to the next
        reach = half_width * framing.scale * _taper(t)
        x, y = framing.to_cell(point)
        band.append((x, y, min(TRUNK_MOST_DOTS, round(reach))))
    return band


#: What is drawn as one piece, nearest first: a limb or the trunk.
TRUNK = "trunk"
SIDES = ("left", "right")
_ARM = {side: ("neck", f"{side}_shoulder", f"{side}_elbow", f"{side}_wrist") for side in SIDES}
_LEG = {
    side: (PELVIS, f"{side}_hip", f"{side}_knee", f"{side}_ankle", f"{side}_foot") for side in SIDES
}
#: Each piece's limbs, every one its bones from where it joins the body.
_CHAINS: dict[str, tuple[tuple[str, ...], ...]] = {
    "left_arm": (_ARM["left"],),
    "right_arm": (_ARM["right"],),
    "left_leg": (_LEG["left"],),
    "right_leg": (_LEG["right"],),
    "arms": (_ARM["left"], _ARM["right"]),
    "legs": (_LEG["left"], _LEG["right"]),
}


def _layers(view: str, mirrored: bool) -> tuple[str, ...]:
    """The pieces of a figure from nearest to farthest.

    Seen from the side, a figure faces right and shows its left side (mirrored,
    it faces left and shows its right): the near arm, the near leg, the trunk,
    then the far leg and the far arm behind it. Seen from the front, both arms
    come before the legs and the trunk, so an arm across the body is in front.
    """
    if view != "side":
        return ("arms", "legs", TRUNK)
    near, far = ("right", "left") if mirrored else ("left", "right")
    return (f"{near}_arm", f"{near}_leg", TRUNK, f"{far}_leg", f"{far}_arm")


def _stroke(
    canvas: DotCanvas, framing: Framing, points: Iterable[Point], weight: int, bare: int = 0
) -> None:
    cells = [framing.to_cell(p) for p in points]
    for (x0, y0), (x1, y1) in itertools.pairwise(cells):
        canvas.stroke(x0, y0, x1, y1, weight, bare)
        bare = max(0, bare - max(abs(x1 - x0), abs(y1 - y0)))


#: Dots of a limb next to where it joins the body that keep no gap around them,
#: so the limb stays joined to a trunk it lies over.
JOIN_DOTS = 2


def _limb(
    canvas: DotCanvas,
    framing: Framing,
    joints: dict[str, Point],
    chain: tuple[str, ...],
    weight: Callable[[str], int],
    round_joints: bool,
) -> None:
    """One arm or leg: the bone from the body (shoulder girdle or hip) keeps no gap,
    nor does the start of the next; then its bones, round joints and hand."""
    cells = [framing.to_cell(joints[joint]) for joint in chain]
    thick, leg = framing.thick, chain[-1].endswith("_foot")
    for index, ((x0, y0), (x1, y1)) in enumerate(itertools.pairwise(cells)):
        bare = 1 << 30 if index == 0 else JOIN_DOTS if index == 1 else 0
        part = weight(bone(chain[index], chain[index + 1]))
        canvas.stroke(x0, y0, x1, y1, part, bare)
        if thick and index > 0:  # lines beside it, across its run: a leg's either side
            ox, oy = (1, 0) if abs(y1 - y0) > abs(x1 - x0) else (0, 1)
            for k in (1, -1) if leg else (1,):
                canvas.stroke(x0 + k * ox, y0 + k * oy, x1 + k * ox, y1 + k * oy, part, bare)
    if not round_joints:
        return
    for joint in chain[1:3]:
        if joint in ROUND_JOINTS:  # shoulders, elbows and knees
            x, y = cells[chain.index(joint)]
            canvas.dab(x, y, 0.8, BODY)
    if chain[-1].endswith("_wrist"):
        # Hands a little larger than the joints, so a hand on a knee or laced
        # behind the back is a thing of its own and not the end of a line.
        x, y = cells[-1]
        canvas.dab(x, y, HAND_RADIUS + thick, weight(bone(chain[-2], chain[-1])))


def _polyline(canvas: DotCanvas, framing: Framing, points: Iterable[Point], weight: int) -> None:
    canvas.polyline([framing.to_cell(p) for p in points], weight)


def _marks(canvas: DotCanvas, framing: Framing, marks: tuple[Mark, ...], mirrored: bool) -> None:
    for mark in marks:
        path = [(2 * framing.axis - x, y) for x, y in mark] if mirrored else list(mark)
        arrows.arrow(canvas, [framing.to_dots(p) for p in path])


@functools.lru_cache(maxsize=64)
def _props(
    framing: Framing, props: tuple[Prop, ...], mirrored: bool, marks: tuple[Mark, ...]
) -> DotCanvas:
    """A canvas with only the props (and ``marks``) drawn: the same in every frame of a
    keyframe, so drawn once. The body's parts never look at dots drawn before them."""
    if mirrored:
        props = tuple(mirror_prop(p, framing.axis) for p in props)
    canvas = DotCanvas(framing.cols, framing.rows)
    for prop in props:
        if prop.kind == "floor":
            # One dot below y = 0, so a shin or an arm lying on the floor stays visible.
            floor_y = round(framing.to_dots((0.0, min(0.0, framing.bottom)))[1]) + 1
            canvas.line(0, floor_y, canvas.width - 1, floor_y, PROP)
        for outline in prop_outline(prop):
            _polyline(canvas, framing, outline, PROP)
    _marks(canvas, framing, marks, mirrored)
    return canvas


def draw(
    figure: Figure,
    pose: Pose,
    framing: Framing,
    *,
    mirrored: bool = False,
    working: frozenset[str] = frozenset(),
    marks: tuple[Mark, ...] | None = None,
    around: Around | None = None,
) -> Raster:
    """Draw ``pose`` with the figure's props on a canvas of the framing's size.

    ``working`` names the parts (see ``targets``) drawn in the target layer;
    ``marks`` are the arrows drawn with it (by default the figure's own), and
    ``around`` an arrow round the body.
    """

    def weight(part: str) -> int:
        return TARGET if part in working else BODY

    if mirrored:
        pose = mirror_pose(pose, framing.axis)
    marks = figure.marks if marks is None else marks
    # Arrows are drawn with the props, once, where nothing drawn later looks at them.
    early = marks if around is None and not above.has_view(pose) else ()
    canvas = _props(framing, figure.props, mirrored, early).copy()
    scale = framing.scale

    joints = dict(pose)
    joints[PELVIS] = pelvis(pose)
    trunk = _curve(pose["neck"], spine(pose), joints[PELVIS])
    # Below this scale the trunk is a single line, and joints no more than the lines.
    round_joints = scale >= 0.3
    layers = _layers(figure.view, mirrored)
    ring = _around_dots(framing, around, mirrored) if around is not None else None
    if ring is not None:
        # The near half of an arrow round the body is drawn with the nearest part:
        # what is behind that has a gap where it crosses, so it reads as in front.
        _ring_stroke(canvas, ring[1])
    for layer in layers:
        if layer == TRUNK:
            half = len(trunk) // 2
            hollow = figure.view == "front" or TRUNK_HALF_WIDTH * scale >= HOLLOW_TRUNK_DOTS
            if hollow and round_joints:
                for side in _trunk_sides(trunk, TRUNK_HALF_WIDTH):
                    _stroke(canvas, framing, side[: half + 1], weight(UPPER_TRUNK))
                    _stroke(canvas, framing, side[half:], weight(LOWER_TRUNK))
            else:
                band = _trunk_band(framing, trunk, TRUNK_HALF_WIDTH if round_joints else 0.0)
                canvas.band(band[: half + 1], weight(UPPER_TRUNK))
                canvas.band(band[half:], weight(LOWER_TRUNK))
        else:
            for chain in _CHAINS[layer]:
                _limb(canvas, framing, joints, chain, weight, round_joints)
        if layer != layers[-1]:  # nothing is behind the farthest
            canvas.end_layer()

    if ring is not None:
        canvas.polyline_behind(ring[0], MARK)  # the body hides the far half
        for (x0, y0), (x1, y1) in ring[2]:  # its end on top of the body it heads round
            canvas.line(x0, y0, x1, y1, MARK)
    if above.has_view(pose):
        _above(canvas, framing, above.AboveView(pose), weight)
    if not early:
        _marks(canvas, framing, marks, mirrored)

    heads.head(
        canvas,
        framing.to_dots(pose["head"]),
        framing.to_dots(pose["neck"]),
        HEAD_RADIUS * scale,
        (weight(HEAD), weight(NECK)),
        face_at=framing.to_dots(pose["face"]) if "face" in pose else None,
        view=figure.view,
        facing=-1 if mirrored else 1,
        close_up=figure.close_up is not None,
    )
    return canvas.raster()


def _above(
    canvas: DotCanvas, framing: Framing, view: above.AboveView, weight: Callable[[str], int]
) -> None:
    """The view from above: dim hips, the shoulders over them, the head with its nose on top."""
    _polyline(canvas, framing, view.frame, PROP)
    _polyline(canvas, framing, view.hips, PROP)
    _polyline(canvas, framing, view.shoulders, weight(UPPER_TRUNK))
    for end in view.shoulders:  # round shoulders, so the line reads as a body and not a stick
        x, y = framing.to_dots(end)
        canvas.disc(round(x), round(y), HAND_RADIUS + 0.5, weight(UPPER_TRUNK))
    x, y = framing.to_dots(view.head)
    radius = above.HEAD_RADIUS * framing.scale
    canvas.ring(x, y, radius, weight(HEAD))
    _polyline(canvas, framing, view.nose, weight(HEAD))


def draw_keyframe(
    figure: Figure, cols: int, rows: int, keyframe: int = -1, *, mirrored: bool = False
) -> Raster:
    """One keyframe of a figure (by default the target pose), fitted to the canvas."""
    chosen = figure.keyframes[keyframe]
    return draw(
        figure,
        chosen.pose,
        fit(figure, cols, rows),
        mirrored=mirrored,
        marks=figure.marks_of(chosen),
        around=chosen.around,
    )
