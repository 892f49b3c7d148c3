"""A head on its neck, and the face on it: the one part of a figure that says where it looks.

In a close-up of head and shoulders seen from the front, the neck is a column
three dots across and not a wire: a round head on a wire leaning aside
reads as a ball sliding off a stick, on a column as a head tipping on its neck.
A face turned to us tips with the head (see ``faces.face``).
"""

from __future__ import annotations

import math

from stretchtimer.figures.faces import face, nose
from stretchtimer.figures.raster import BODY, DotCanvas, ring_centre, ring_diameter

Dots = tuple[float, float]

#: The head's radius in dots from which a neck seen from the front is a column.
THICK_NECK = 5.0
#: The head's radius in dots from which a close-up seen from the side shows an eye.
SIDE_EYE = 4.0


def head(
    canvas: DotCanvas,
    centre: Dots,
    neck: Dots,
    size: float,
    weights: tuple[int, int],
    *,
    face_at: Dots | None = None,
    view: str = "side",
    facing: int = 1,
    close_up: bool = False,
) -> None:
    """Draw a head of radius ``size`` dots about ``centre`` and the neck up to it from ``neck``.

    ``weights`` are the head's and the neck's; ``face_at`` is where the face looks
    (see ``faces.face``), else a figure seen from the side (``view``) gets a nose
    on the side it faces (``facing`` 1 right, -1 left). A ``close_up`` seen from the
    front, large enough, has a neck three dots across.
    """
    head_weight, neck_weight = weights
    front = view == "front"
    # A head big enough for an outline sits on the dot grid, so it is the same round
    # shape wherever it is; its outline's dots lie ``radius`` from its centre.
    solid = size >= 1.5
    head_x, head_y = centre
    if solid:
        head_x, head_y = ring_centre(head_x, head_y, size)
        radius = (ring_diameter(size) - 1) / 2
    else:
        radius = size
    neck_x, neck_y = neck
    distance = math.hypot(head_x - neck_x, head_y - neck_y)
    if distance > radius:
        # The neck stops where the head's outline begins.
        reach = (distance - radius) / distance
        tip = (neck_x + (head_x - neck_x) * reach, neck_y + (head_y - neck_y) * reach)
        if front and close_up and size >= THICK_NECK:
            # In a close-up a neck is a column, not a wire: a head on it leans with it.
            ends = [(round(neck_x), round(neck_y), 1), (round(tip[0]), round(tip[1]), 1)]
            canvas.band(ends, neck_weight)
        else:
            canvas.line(round(neck_x), round(neck_y), round(tip[0]), round(tip[1]), neck_weight)
    if not solid:
        canvas.disc(head_x, head_y, max(radius, 0.8), BODY)
        return
    # The head is solid: a hand behind it or an arm across it is hidden.
    canvas.ring(head_x, head_y, size, head_weight)
    if face_at is not None:
        # Seen from the front, a head tipped toward a shoulder tips its face too.
        roll = math.atan2(head_x - neck_x, neck_y - head_y) if front and distance > 0 else 0.0
        face(canvas, (head_x, head_y), face_at, radius, roll)
        looks = (face_at[0] - head_x, face_at[1] - head_y)
    elif view == "side" and distance > 0:
        nose(canvas, (head_x, head_y), (neck_x, neck_y), radius, facing)
        looks = (-(head_y - neck_y) * facing, (head_x - neck_x) * facing)
    else:
        return
    span = math.hypot(*looks)
    if view == "side" and close_up and radius >= SIDE_EYE and span > radius and distance > 0:
        # A close-up's head seen from the side has an eye, between the nose and the
        # crown: a round head with a nose alone reads as a letter Q.
        ahead = (looks[0] / span, looks[1] / span)
        up = ((head_x - neck_x) / distance, (head_y - neck_y) / distance)
        eye_x = head_x + (ahead[0] * 0.45 + up[0] * 0.3) * radius
        eye_y = head_y + (ahead[1] * 0.45 + up[1] * 0.3) * radius
        canvas.plot(round(eye_x), round(eye_y), head_weight)
