"""Motion arrows: a chevron at the end that reads as a head, not a curl."""

from __future__ import annotations

from stretchtimer.figures.arrows import ARM_LEAST, arrow
from stretchtimer.figures.raster import DotCanvas


def lit(canvas: DotCanvas) -> set[tuple[int, int]]:
    return {(x, y) for y in range(canvas.height) for x in range(canvas.width) if canvas.get(x, y)}


def drawn(path: list[tuple[float, float]]) -> set[tuple[int, int]]:
    canvas = DotCanvas(40, 12)
    arrow(canvas, path)
    return lit(canvas)


def test_a_long_arrow_ends_in_a_wide_chevron_and_a_short_one_in_a_small_head() -> None:
    # A long arrow to the right along y = 20: the head's arms reach well back and out.
    long = drawn([(5.0, 20.0), (60.0, 20.0)])
    head = {(x, y) for x, y in long if y != 20}
    assert head == {(x, 40 - y) for x, y in head}  # the same either side of the line
    assert max(abs(y - 20) for _, y in head) >= 3
    assert min(x for x, _ in head) <= 60 - 3
    assert all(x < 60 for x, _ in head)  # behind the tip: it points the way the arrow goes
    # A short arrow has room only for the small head it always had.
    short = drawn([(50.0, 20.0), (58.0, 20.0)])
    assert max(abs(y - 20) for _, y in short) <= ARM_LEAST * 0.7
    assert max(abs(y - 20) for _, y in short) < max(abs(y - 20) for _, y in long)


def test_the_head_of_a_bending_arrow_points_along_its_last_stretch_not_its_last_step() -> None:
    # Along to the right, then a last small step up: a curl if the head followed that step.
    bending = drawn([(5.0, 24.0), (50.0, 24.0), (56.0, 23.0), (58.0, 21.0)])
    head = {(x, y) for x, y in bending if x < 58 and abs(y - 22) >= 2 and x >= 53}
    assert any(y < 21 for _, y in head) and any(y > 24 for _, y in head)  # arms above and below


def test_an_arrow_round_the_body_ends_pointing_sideways() -> None:
    from stretchtimer.figures.draw import draw_keyframe
    from stretchtimer.figures.library import library_figure
    from stretchtimer.figures.raster import MARK

    figure = library_figure("trunk-rotation")
    assert figure is not None
    raster = draw_keyframe(figure, 60, 24)
    marks: set[tuple[int, int]] = set()
    for row, (line, weights) in enumerate(zip(raster.lines, raster.weights, strict=True)):
        for col, (char, weight) in enumerate(zip(line, weights, strict=True)):
            bits = ord(char) - 0x2800 if weight == MARK else 0
            for dy, pair in enumerate(((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))):
                marks |= {(col * 2 + dx, row * 4 + dy) for dx, bit in enumerate(pair) if bits & bit}
    # The ring runs left (way: left) and ends in a chevron pointing left: from its
    # tip, the leftmost dot, one arm goes up and back and the other down and back,
    # not a hook turned up at the end.
    tip_x, tip_y = min(marks)
    arms = {(x, y) for x, y in marks if tip_x < x <= tip_x + 4}
    assert any(y <= tip_y - 2 for _, y in arms) and any(y >= tip_y + 2 for _, y in arms)
