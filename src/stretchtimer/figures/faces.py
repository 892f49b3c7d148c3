"""Where a head looks: a nose seen from the side, or eyes and a nose on a face turned to us.

A turn of the head is the move the figures found hardest to show; these marks
are the only part of a figure drawn inside or against the head's outline.
"""

from __future__ import annotations

import math

from stretchtimer.figures.raster import BODY, DotCanvas


def nose(
    canvas: DotCanvas,
    head: tuple[float, float],
    neck: tuple[float, float],
    radius: float,
    facing: int,
) -> None:
    """A short tick where the face is, so a figure seen from the side shows which way it looks.

    The face is a quarter turn from the neck-to-head line, toward the way the
    figure faces: forward when upright, down on all fours, up when lying on the back.
    """
    dx, dy = head[0] - neck[0], head[1] - neck[1]  # dot space: y grows downward
    length = math.hypot(dx, dy)
    face_x, face_y = -dy / length * facing, dx / length * facing
    start = (head[0] + face_x * radius, head[1] + face_y * radius)
    end = (head[0] + face_x * (radius + 1.6), head[1] + face_y * (radius + 1.6))
    canvas.line(round(start[0]), round(start[1]), round(end[0]), round(end[1]), BODY)


def face(
    canvas: DotCanvas,
    head: tuple[float, float],
    face: tuple[float, float],
    radius: float,
    roll: float = 0.0,
) -> None:
    """Where the head looks: a nose sticking out of the outline, or a dot on a face turned to us.

    A face given well outside the head is seen from the side (a head turned
    toward a shoulder); one inside the outline looks out of the picture. A face
    turned to us rolls with a head tipped toward a shoulder by ``roll`` (radians,
    clockwise): level eyes on a tipped head read as a head slid sideways off its neck.
    """
    dx, dy = face[0] - head[0], face[1] - head[1]
    length = math.hypot(dx, dy)
    if length <= radius:
        if radius >= FACE_ON_RADIUS:
            face_on(canvas, head, (dx, dy), radius, roll)
        else:  # no room for eyes: the one dot says where the face is
            canvas.disc(round(face[0]), round(face[1]), 0.8, BODY)
        return
    start = (head[0] + dx / length * radius, head[1] + dy / length * radius)
    reach = max(length, radius + 2.2)
    end = (
        head[0] + dx / length * reach,
        head[1] + dy / length * reach,
    )
    canvas.line(round(start[0]), round(start[1]), round(end[0]), round(end[1]), BODY)


#: Where the eyes sit on a face turned to us, in degrees round the head from the
#: nose (either side) and up from it; the nose's tip a little below the middle.
EYE_APART = 40.0
EYE_UP = 22.0
NOSE_DOWN = 12.0
#: A face looking up more than this (degrees) has its nose pointing up, not down.
LOOK_UP = 15.0
#: The least head radius in dots with room for eyes and a nose inside the outline.
FACE_ON_RADIUS = 2.9


def face_on(
    canvas: DotCanvas,
    head: tuple[float, float],
    offset: tuple[float, float],
    radius: float,
    roll: float = 0.0,
) -> None:
    """A face turned toward us: two eyes and a nose, where a head looking that way shows them.

    ``offset`` is the face from the head's centre in dots: nothing looks straight
    out of the picture, as far as the outline turns the face all the way to that
    side (or down, a nod). The eyes and the nose move round the head with it, and
    the far eye goes out of sight, so a head turned to one side shows which side.
    ``roll`` (radians, clockwise) tips the whole face with a head leaning toward a
    shoulder: the eyes lie square to the neck and the nose points along it, and
    the turn and the nod are measured across the neck and along it.
    """
    cos_roll, sin_roll = (math.cos(roll), math.sin(roll)) if roll else (1.0, 0.0)
    across = offset[0] * cos_roll + offset[1] * sin_roll
    along = offset[1] * cos_roll - offset[0] * sin_roll
    turn = math.asin(max(-1.0, min(1.0, across / radius)))
    tilt = -math.asin(max(-1.0, min(1.0, along / radius)))
    inside = max(radius - 1.2, 1.0)

    def place(around: float, up: float) -> tuple[int, int] | None:
        if math.cos(around) * math.cos(up) < 0.2:  # round the back of the head
            return None
        x, y = inside * math.sin(around) * math.cos(up), -inside * math.sin(up)
        return (
            round(head[0] + x * cos_roll - y * sin_roll),
            round(head[1] + x * sin_roll + y * cos_roll),
        )

    for side in (-1, 1):
        eye = place(turn + side * math.radians(EYE_APART), tilt + math.radians(EYE_UP))
        if eye is not None:
            canvas.plot(*eye, BODY)
    nose = place(turn, tilt - math.radians(NOSE_DOWN))
    if nose is not None:
        canvas.plot(*nose, BODY)
        # The nose stands out toward where the face looks: down when it looks at
        # us, up when the chin is raised, out to the side when the head is turned.
        if radius >= FACE_ON_RADIUS + 0.6:  # on a small head it would touch the outline
            down = -1 if tilt > math.radians(LOOK_UP) else 1
            step = (0, down) if abs(turn) < math.radians(20) else (1 if turn > 0 else -1, 0)
            step_x = round(step[0] * cos_roll - step[1] * sin_roll)
            step_y = round(step[0] * sin_roll + step[1] * cos_roll)
            canvas.plot(nose[0] + step_x, nose[1] + step_y, BODY)
