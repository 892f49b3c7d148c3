"""The Braille rasteriser: dots to characters, lines, circles, weights and clipping."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stretchtimer.figures import raster
from stretchtimer.figures.raster import BODY, PROP, DotCanvas, ring_shape

small = st.integers(min_value=-5, max_value=40)


def inside_canvas(canvas: DotCanvas) -> set[tuple[int, int]]:
    return {(x, y) for y in range(canvas.height) for x in range(canvas.width)}


def dots(canvas: DotCanvas) -> set[tuple[int, int]]:
    return {(x, y) for y in range(canvas.height) for x in range(canvas.width) if canvas.get(x, y)}


def dots_of(lines: tuple[str, ...]) -> set[tuple[int, int]]:
    """The dots lit in rows of Braille characters."""
    lit: set[tuple[int, int]] = set()
    for row, line in enumerate(lines):
        for col, char in enumerate(line):
            bits = ord(char) - 0x2800 if char != " " else 0
            for dy, pair in enumerate(((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))):
                for dx, bit in enumerate(pair):
                    if bits & bit:
                        lit.add((col * 2 + dx, row * 4 + dy))
    return lit


def test_each_dot_of_a_cell_has_its_braille_bit() -> None:
    expected = {
        (0, 0): "\u2801",
        (0, 1): "\u2802",
        (0, 2): "\u2804",
        (0, 3): "\u2840",
        (1, 0): "\u2808",
        (1, 1): "\u2810",
        (1, 2): "\u2820",
        (1, 3): "\u2880",
    }
    for (x, y), char in expected.items():
        canvas = DotCanvas(1, 1)
        canvas.plot(x, y)
        assert canvas.raster().lines == (char,)


def test_a_full_cell_is_all_eight_dots_and_an_empty_one_a_space() -> None:
    canvas = DotCanvas(2, 1)
    for y in range(4):
        canvas.plot(0, y)
        canvas.plot(1, y)
    assert canvas.raster().lines == ("\u28ff ",)


def test_a_canvas_is_cols_by_rows_characters() -> None:
    raster = DotCanvas(7, 3).raster()
    assert len(raster.lines) == 3 and all(len(line) == 7 for line in raster.lines)
    assert raster.weights == (bytes(7),) * 3


def test_a_horizontal_line_fills_every_dot_between_its_ends() -> None:
    canvas = DotCanvas(5, 1)
    canvas.line(1, 2, 8, 2)
    assert dots(canvas) == {(x, 2) for x in range(1, 9)}


def test_a_diagonal_line_takes_one_dot_per_step() -> None:
    canvas = DotCanvas(4, 2)
    canvas.line(0, 0, 5, 5)
    assert dots(canvas) == {(i, i) for i in range(6)}


@given(small, small, small, small)
def test_a_line_joins_its_ends_without_gaps(x0: int, y0: int, x1: int, y1: int) -> None:
    canvas = DotCanvas(25, 12)  # 50 x 48 dots: ends can fall outside and are clipped
    canvas.line(x0, y0, x1, y1)
    drawn = dots(canvas)
    inside = [(x, y) for x, y in ((x0, y0), (x1, y1)) if 0 <= x < 50 and 0 <= y < 48]
    assert set(inside) <= drawn
    # As many dots as the longer side, one per step, each touching the next.
    if len(inside) == 2:
        assert len(drawn) == max(abs(x1 - x0), abs(y1 - y0)) + 1
        for x, y in drawn - {(x1, y1)}:
            neighbours = {(x + dx, y + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)} - {(x, y)}
            assert neighbours & drawn


def test_drawing_off_the_canvas_is_clipped_not_an_error() -> None:
    canvas = DotCanvas(2, 1)
    canvas.line(-10, -10, 20, 20)
    canvas.circle(100, 100, 5)
    canvas.plot(-1, 0)
    assert dots(canvas) == {(i, i) for i in range(4)}


def test_a_circle_is_closed_and_round() -> None:
    canvas = DotCanvas(10, 5)
    canvas.circle(9.5, 9.5, 6)
    drawn = dots(canvas)
    for x, y in drawn:
        distance = ((x - 9.5) ** 2 + (y - 9.5) ** 2) ** 0.5
        assert 5 <= distance <= 7
        neighbours = {(x + dx, y + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)} - {(x, y)}
        assert len(neighbours & drawn) >= 2
    assert canvas.get(9, 9) == 0  # hollow


def test_a_disc_is_filled() -> None:
    canvas = DotCanvas(3, 2)
    canvas.disc(2, 2, 1.0)
    assert dots(canvas) == {(2, 2), (1, 2), (3, 2), (2, 1), (2, 3)}


def test_a_cell_with_any_body_dot_is_body_and_one_with_only_props_is_a_prop() -> None:
    canvas = DotCanvas(3, 1)
    canvas.plot(0, 0, PROP)
    canvas.plot(2, 0, PROP)
    canvas.plot(3, 1, BODY)
    canvas.plot(3, 2, PROP)  # a prop never lightens a body dot
    canvas.plot(3, 1, PROP)
    raster = canvas.raster()
    assert raster.weights == (bytes([PROP, BODY, 0]),)
    assert raster.spans(0) == [(raster.lines[0][0], PROP), (raster.lines[0][1], BODY), (" ", 0)]


def test_clearing_a_disc_removes_what_is_behind_it_and_lightens_its_cells() -> None:
    canvas = DotCanvas(4, 2)
    canvas.line(0, 3, 7, 3, BODY)
    canvas.plot(4, 4, PROP)
    canvas.clear_disc(3.5, 3.5, 2.0)
    assert dots(canvas) == {(0, 3), (1, 3), (6, 3), (7, 3)}
    raster = canvas.raster()
    assert raster.lines[0][1] == " " and raster.weights[0][1] == 0
    assert raster.weights[0][0] == BODY


def test_the_parts_a_step_works_are_drawn_in_the_target_layer() -> None:
    from stretchtimer.figures.draw import draw, fit
    from stretchtimer.figures.library import library_figure
    from stretchtimer.figures.raster import BODY, PROP, TARGET
    from stretchtimer.figures.targets import working_parts

    figure = library_figure("overhead-arm-reach")
    assert figure is not None
    framing = fit(figure, 30, 16)
    plain = draw(figure, figure.target, framing)
    picked = draw(figure, figure.target, framing, working=working_parts(["Shoulders", "eyes"]))
    layers = {w for row in picked.weights for w in row}
    assert {PROP, BODY, TARGET} <= layers
    assert TARGET not in {w for row in plain.weights for w in row}
    assert picked.lines == plain.lines  # the same shape: still readable without colour
    assert working_parts(["whole body", "heart and lungs"]) == frozenset()


def test_a_face_shows_which_way_the_head_looks_and_hands_are_drawn() -> None:
    from stretchtimer.figures.draw import draw, fit
    from stretchtimer.figures.library import library_figure
    from stretchtimer.figures.skeleton import point_at

    figure = library_figure("jumping-jacks")
    assert figure is not None
    framing = fit(figure, 40, 20)
    pose = dict(figure.neutral)
    head = pose["head"]

    def lit(p: dict[str, tuple[float, float]]) -> set[tuple[int, int]]:
        return dots_of(draw(figure, p, framing).lines)

    plain = lit(pose)
    centre_x, _ = framing.to_dots(head)
    looking_right = lit({**pose, "face": point_at(head, 90, 9.5)}) - plain
    looking_left = lit({**pose, "face": point_at(head, -90, 9.5)}) - plain
    assert looking_right and all(x > centre_x for x, _ in looking_right)
    assert looking_left and all(x < centre_x for x, _ in looking_left)
    # A face turned to the viewer is a dot inside the head, not a nose outside it.
    facing_us = lit({**pose, "face": point_at(head, 180, 1.5)}) - plain
    radius = 7.0 * framing.scale
    assert facing_us and all(abs(x - centre_x) < radius for x, _ in facing_us)
    # A hand is a small disc, wider than the line of the forearm that ends in it.
    hand_x, hand_y = (round(v) for v in framing.to_dots(pose["left_wrist"]))
    assert {(hand_x - 1, hand_y), (hand_x + 1, hand_y)} <= plain


def test_a_face_turned_toward_us_has_two_eyes_and_a_nose_that_turn_with_the_head() -> None:
    from stretchtimer.figures.faces import face_on

    def face(turn_x: float) -> set[tuple[int, int]]:
        canvas = DotCanvas(10, 5)
        canvas_centre = (10.0, 10.0)
        face_on(canvas, canvas_centre, (turn_x, 0.0), 6.0)
        return dots(canvas)

    ahead, turned_right, turned_left = face(0.0), face(4.2), face(-4.2)
    # Straight at us: two eyes level and either side, a nose between them and below.
    eyes = sorted((x, y) for x, y in ahead if y < 10)
    assert len(eyes) == 2 and eyes[0][1] == eyes[1][1]
    assert eyes[0][0] < 10 < eyes[1][0]
    assert all(eyes[0][0] < x < eyes[1][0] for x, y in ahead if y >= 10)
    # Turned about 45 degrees, everything moves to that side and is the mirror of the other turn.
    assert sum(x for x, _ in turned_right) / len(turned_right) > 11.5
    assert {(20 - x, y) for x, y in turned_left} == turned_right


def test_a_face_turned_toward_us_tips_with_a_head_leaning_toward_a_shoulder() -> None:
    from stretchtimer.figures.draw import draw, fit
    from stretchtimer.figures.library import library_figure
    from stretchtimer.figures.skeleton import point_at

    figure = library_figure("jumping-jacks")
    assert figure is not None and figure.view == "front"
    framing = fit(figure, 60, 30)
    upright = dict(figure.neutral)

    def face_dots(lean: float) -> tuple[set[tuple[int, int]], tuple[float, float]]:
        pose = {**upright, "head": point_at(upright["neck"], lean, 11.0)}
        plain = dots_of(draw(figure, pose, framing).lines)
        # The nose a little toward the neck: looking at us, the chin dropped a touch.
        pose["face"] = point_at(pose["head"], lean + 180, 1.5)
        return dots_of(draw(figure, pose, framing).lines) - plain, framing.to_dots(pose["head"])

    for lean in (50.0, -50.0):
        marks, (cx, cy) = face_dots(lean)
        # The head's own "up", in dots (y grows downward): away from the neck.
        ux, uy = math.sin(math.radians(lean)), -math.cos(math.radians(lean))
        by_height = sorted(marks, key=lambda d: (d[0] - cx) * ux + (d[1] - cy) * uy)
        (x0, y0), (x1, y1) = by_height[-2:]  # the eyes: farthest from the neck
        assert len(marks) >= 3
        assert abs(y1 - y0) >= 2  # not level: the eyes lie across the tipped head
        assert abs((x1 - x0) * ux + (y1 - y0) * uy) <= 1.5  # square to the neck
        eyes_across = sorted((x - cx) * -uy + (y - cy) * ux for x, y in ((x0, y0), (x1, y1)))
        for x, y in by_height[:-2]:  # the nose: between the eyes, nearer the neck
            assert eyes_across[0] < (x - cx) * -uy + (y - cy) * ux < eyes_across[1]
    left, _ = face_dots(50.0)
    right, _ = face_dots(-50.0)
    axis = round(2 * framing.to_dots((framing.axis, 0.0))[0])
    assert {(axis - x, y) for x, y in left} == right  # a mirror image for the other side


def test_a_ring_is_the_same_round_shape_wherever_its_centre_falls() -> None:
    shapes = set()
    for step in range(8):
        canvas = DotCanvas(12, 6)
        centre = 10 + step / 8
        canvas.ring(centre, centre + 0.3, 3.2)
        drawn = dots(canvas)
        left, top = min(x for x, _ in drawn), min(y for _, y in drawn)
        shape = frozenset((x - left, y - top) for x, y in drawn)
        shapes.add(shape)
        # Round: as wide as high, the same flipped either way, a dot in the middle of each side.
        assert shape == {(6 - x, y) for x, y in shape} == {(y, x) for x, y in shape}
        assert {(3, 0), (0, 3), (6, 3), (3, 6)} <= shape
    assert len(shapes) == 1


def test_a_ring_hides_what_is_behind_it() -> None:
    canvas = DotCanvas(6, 3)
    canvas.line(0, 5, 11, 5)
    canvas.ring(5, 5, 3.0)
    assert canvas.get(5, 5) == 0 and canvas.get(0, 5) and canvas.get(2, 5)


@pytest.mark.parametrize("diameter", range(2, 41))
def test_a_ring_hides_everything_inside_it_and_nothing_outside(diameter: int) -> None:
    """Wherever it falls, even partly off the canvas, across lines drawn every way."""
    for offset in (-3, 0, 2):
        canvas = DotCanvas(24, 12)
        for y in range(canvas.height):
            canvas.line(0, y, canvas.width - 1, y)  # every dot drawn
        centre = diameter / 2 + offset
        canvas.ring(centre, centre, diameter / 2)
        placed, left, top = raster._ring_place(centre, centre, diameter / 2)
        inside = ring_shape(placed)[1]
        hidden = {(left + dx, top + dy) for dx, dy in inside} & inside_canvas(canvas)
        assert inside_canvas(canvas) - dots(canvas) == hidden


def test_a_part_drawn_in_front_leaves_a_gap_in_what_crosses_behind_it() -> None:
    canvas = DotCanvas(10, 5)
    canvas.stroke(10, 0, 10, 19)  # nearest: an upright line
    canvas.end_layer()
    canvas.stroke(0, 10, 19, 10)  # behind it: a line across
    drawn = dots(canvas)
    assert {(10, y) for y in range(20)} <= drawn  # the near line is whole
    across = {x for x, y in drawn if y == 10}
    assert across == set(range(20)) - {9, 11}  # a dot of gap either side of it


def test_a_part_keeps_no_gap_around_where_it_joins() -> None:
    canvas = DotCanvas(10, 5)
    canvas.stroke(10, 10, 10, 0, bare=3)  # a limb up from a joint on the trunk
    canvas.end_layer()
    canvas.stroke(4, 10, 16, 10)  # the trunk behind it, through the joint
    canvas.stroke(4, 4, 16, 4)  # and something behind it farther up
    drawn = dots(canvas)
    assert {(x, 10) for x in range(4, 17)} <= drawn
    assert (9, 4) not in drawn and (11, 4) not in drawn


@given(small, small, small, small)
def test_a_band_is_solid_three_dots_across_at_any_slope(x0: int, y0: int, x1: int, y1: int) -> None:
    canvas = DotCanvas(40, 20)  # 80 x 80 dots: the band stays inside
    canvas.band([(x0 + 10, y0 + 10, 1), (x1 + 10, y1 + 10, 1)])
    drawn = dots(canvas)
    middle = DotCanvas(40, 20)
    middle.line(x0 + 10, y0 + 10, x1 + 10, y1 + 10)
    steep = abs(y1 - y0) > abs(x1 - x0)
    for x, y in dots(middle):
        across = {(x - 1, y), (x + 1, y)} if steep else {(x, y - 1), (x, y + 1)}
        assert across | {(x, y)} <= drawn
    assert len(drawn) <= 3 * len(dots(middle))


def test_from_the_side_the_near_arm_crosses_in_front_of_the_trunk_and_the_far_one_behind() -> None:
    from stretchtimer.figures.draw import draw, fit
    from stretchtimer.figures.library import library_figure
    from stretchtimer.figures.skeleton import spine

    figure = library_figure("wall-stretch")
    assert figure is not None
    framing = fit(figure, 40, 30)
    pose = dict(figure.neutral)
    middle_x, middle_y = spine(pose)
    # A forearm straight across the middle of the back, from in front of it to behind it.
    across = {"elbow": (middle_x + 12, middle_y), "wrist": (middle_x - 14, middle_y)}
    for mirrored in (False, True):
        x, y = (round(v) for v in framing.to_dots((middle_x, middle_y)))
        if mirrored:
            x = round(framing.to_dots((2 * framing.axis - middle_x, 0.0))[0])
        for side, near in (("left", True), ("right", False)):
            crossed = {**pose, **{f"{side}_{joint}": at for joint, at in across.items()}}
            canvas = DotCanvas(40, 30)
            raster = draw(figure, crossed, framing, mirrored=mirrored)
            for row, line in enumerate(raster.lines):
                for col, char in enumerate(line):
                    bits = ord(char) - 0x2800 if char != " " else 0
                    for dy, pair in enumerate(((1, 8), (2, 16), (4, 32), (64, 128))):
                        for dx, bit in enumerate(pair):
                            if bits & bit:
                                canvas.plot(col * 2 + dx, row * 4 + dy)
            lit = dots(canvas)
            assert {(x, y - 4), (x, y + 4)} <= lit  # the trunk, above and below the arm
            if near:  # the arm whole, a gap in the trunk either side of it
                assert (x, y) in lit and not {(x, y - 1), (x, y + 1)} & lit
            else:  # the trunk whole, a gap in the arm either side of it
                assert {(x, y - 1), (x, y + 1)} <= lit
                assert not {(x - 2, y), (x + 2, y)} & lit
                assert {(x - 5, y), (x + 7, y)} <= lit


def test_a_figure_lying_down_drawn_large_has_solid_legs_and_standing_ones_thin_lines() -> None:
    from stretchtimer.figures.draw import draw, fit
    from stretchtimer.figures.library import library_figure

    lying, standing = library_figure("knee-to-chest"), library_figure("overhead-arm-reach")
    assert lying is not None and standing is not None
    assert fit(lying, 52, 12).thick and not fit(lying, 60, 5).thick
    assert not fit(standing, 52, 48).thick

    def across_shin(cols: int, rows: int) -> int:
        """Dots lit straight across the straight leg, halfway down its shin."""
        framing = fit(lying, cols, rows)
        knee, ankle = lying.neutral["right_knee"], lying.neutral["right_ankle"]
        x, y = framing.to_cell(((knee[0] + ankle[0]) / 2, (knee[1] + ankle[1]) / 2))
        raster = draw(lying, lying.neutral, framing)
        lit = 0
        for row in range(max(y - 3, 0), min(y + 4, 4 * rows)):
            char = raster.lines[row // 4][x // 2]
            bit = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))[row % 4][x % 2]
            lit += char != " " and bool((ord(char) - 0x2800) & bit)
        return lit

    assert across_shin(52, 12) == 3  # a solid limb
    assert across_shin(60, 5) == 1  # small, a line


def test_drawing_on_a_copy_leaves_the_canvas_it_came_from_as_it_was() -> None:
    canvas = DotCanvas(5, 2)
    canvas.line(0, 7, 9, 7, PROP)  # a floor, drawn once for every frame
    before = canvas.raster()
    frame = canvas.copy()
    frame.stroke(2, 0, 2, 7)
    frame.end_layer()
    frame.stroke(0, 3, 9, 3)
    assert canvas.raster() == before and frame.raster() != before
    assert (2, 3) in dots(frame) and (3, 3) not in dots(frame)  # the copy keeps its depth
