"""The countdown's font at every size it is drawn at (no terminal needed)."""

from __future__ import annotations

import pytest

from stretchtimer.big_digits import (
    LIT,
    PIXEL_GLYPHS,
    SMALL_GLYPHS,
    draw,
    fitting_rows,
    sizes,
    width_of,
)
from stretchtimer.tui.screens.session import digits_room

DIGITS = "0123456789"


@pytest.mark.parametrize("rows", sizes())
def test_every_size_draws_each_digit_differently_and_as_tall_as_asked(rows: int) -> None:
    drawings = {digit: draw(digit, rows) for digit in DIGITS}
    assert len(set(drawings.values())) == len(DIGITS)  # no two digits look alike
    for digit, drawing in drawings.items():
        assert len(drawing) == rows, digit
        assert len({len(row) for row in drawing}) == 1, digit  # a rectangle
        assert len(drawing[0]) == width_of(digit, rows)
        assert any(ch.strip() for row in drawing for ch in row), digit


@pytest.mark.parametrize("rows", [5, 10, 15])
def test_the_pixel_digits_keep_their_shape_as_they_grow(rows: int) -> None:
    scale = rows // 5
    for digit in DIGITS:
        drawing = draw(digit, rows)
        # Every pixel is a block `scale` rows high and twice as many cells wide.
        shrunk = tuple(
            "".join("#" if ch == LIT else "." for ch in row[:: 2 * scale])
            for row in drawing[::scale]
        )
        assert shrunk == PIXEL_GLYPHS[digit]


def test_a_reading_is_its_glyphs_side_by_side_with_a_gap() -> None:
    assert draw("1:05", 3) == (
        "╶┐    ╭─╮ ╭─╴",
        " │  : │ │ ╰─╮",
        "╶┴╴   ╰─╯ ╶─╯",
    )
    assert draw("1:05", 5)[0] == "  ██        ██████  ██████"
    assert width_of("1:05", 10) == 2 * width_of("1:05", 5)


def test_unknown_characters_are_drawn_as_spaces() -> None:
    assert draw("\x1b", 3) == draw(" ", 3)
    assert set("".join(draw("x", 10))) == {" "}


def test_the_small_glyphs_and_the_pixel_font_cover_the_same_characters() -> None:
    assert set(SMALL_GLYPHS) == set(PIXEL_GLYPHS)


@pytest.mark.parametrize(
    ("terminal", "column", "least"),
    [((80, 24), 46, 5), ((100, 30), 58, 5), ((200, 50), 146, 8)],
)
def test_the_digits_grow_with_the_terminal(
    terminal: tuple[int, int], column: int, least: int
) -> None:
    rows = fitting_rows("00:00", column, digits_room(terminal[1]))
    assert rows >= least


def test_a_small_room_keeps_three_rows() -> None:
    assert fitting_rows("00:00", 30, 4) == 3
    assert fitting_rows("00:00", 200, 50) == 25  # 170 cells wide: the next size needs 204
    assert fitting_rows("00:00", 400, 50) == 40  # the tallest size
    assert fitting_rows("00:00", 20, 50) == 3  # too narrow for the pixel font
