"""A head on its neck: a neck that reads as a neck in a close-up, and a face that looks up."""

from __future__ import annotations

import math

from stretchtimer.figures.faces import face_on
from stretchtimer.figures.heads import head
from stretchtimer.figures.raster import BODY, DotCanvas


def dots(canvas: DotCanvas) -> set[tuple[int, int]]:
    return {(x, y) for y in range(canvas.height) for x in range(canvas.width) if canvas.get(x, y)}


def _neck_widths(size: float, view: str, lean: float, close_up: bool = True) -> list[int]:
    """How many dots across the neck is, row by row, for a head leaning ``lean`` degrees."""
    canvas = DotCanvas(30, 15)
    neck = (30.0, 56.0)
    reach = size + 8
    angle = math.radians(lean)
    centre = (neck[0] + reach * math.sin(angle), neck[1] - reach * math.cos(angle))
    head(canvas, centre, neck, size, (BODY, BODY), view=view, close_up=close_up)
    lit = dots(canvas)
    # The rows of the neck alone: from its base up to a little below the head's outline.
    rows = range(round(neck[1]) - 1, round(neck[1]) - 5, -1)
    return [sum(1 for x, y in lit if y == row) for row in rows]


def test_a_close_up_from_the_front_has_a_neck_three_dots_across_upright_or_leaning() -> None:
    for lean in (0.0, 35.0, -35.0):
        assert all(width >= 3 for width in _neck_widths(8.0, "front", lean)), lean
    # A small head keeps a neck of one line, and so does a head seen from the side,
    # and one on a whole body.
    assert set(_neck_widths(8.0, "front", 0.0, close_up=False)) == {1}
    assert set(_neck_widths(3.0, "front", 0.0)) == {1}
    assert set(_neck_widths(8.0, "side", 0.0)) == {1}


def test_a_face_looking_up_has_its_nose_pointing_up_and_one_looking_down_down() -> None:
    radius, centre = 8.0, 15.0

    def nose(up: float) -> tuple[set[int], int]:
        """The rows of the nose's dots, and the row of the point it stands out from."""
        canvas = DotCanvas(15, 8)
        face_on(canvas, (centre, centre), (0.0, -up), radius)
        # On a round head seen from the front, the point of the nose lies 12 degrees
        # below the middle of the face, which is ``up`` dots above the head's middle.
        tilt = math.asin(up / radius) - math.radians(12)
        point = round(centre - (radius - 1.2) * math.sin(tilt))
        return {y for x, y in dots(canvas) if x == centre}, point

    rows, point = nose(4.0)  # the chin raised: the face looks up, past the viewer
    assert rows == {point - 1, point}
    rows, point = nose(-1.5)  # the chin a little down, as a face looking at us
    assert rows == {point, point + 1}


def test_a_close_up_seen_from_the_side_has_an_eye_between_the_nose_and_the_crown() -> None:
    def inside(close_up: bool) -> set[tuple[int, int]]:
        canvas = DotCanvas(20, 10)
        centre, neck = (20.0, 20.0), (20.0, 32.0)
        face_at = (31.0, 20.0)  # looking right, out of the head's side
        head(canvas, centre, neck, 6.0, (BODY, BODY), face_at=face_at, close_up=close_up)
        return {(x, y) for x, y in dots(canvas) if (x - 20) ** 2 + (y - 20) ** 2 < 16}

    assert inside(close_up=False) == set()
    (eye_x, eye_y), *more = inside(close_up=True)
    assert not more
    assert eye_x > 20 and eye_y < 20  # toward the nose, and above it, toward the crown
