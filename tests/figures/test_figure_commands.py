"""The text behind ``stretchtimer figures`` and the figures ``show`` puts beside a plan."""

from __future__ import annotations

import io

import pytest

from stretchtimer.figures.commands import (
    PLAN_FIGURE_COLS,
    UnknownFigure,
    beside,
    figures_command,
    find,
    step_block,
)
from stretchtimer.figures.gallery import CARD_COLS
from stretchtimer.figures.library import library_names


def run(name: str | None, *, width: int = 100, side: str = "left", encoding: str = "utf-8") -> str:
    out = io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors="strict")
    assert figures_command(name, out=out, width=width, side=side) == 0
    out.flush()
    out.seek(0)
    return out.read()


def test_the_list_has_a_name_and_description_per_line() -> None:
    lines = run(None).splitlines()
    assert [line.split()[0] for line in lines] == list(library_names())
    assert "On hands and knees" in next(line for line in lines if line.startswith("cat-cow "))


def test_drawing_one_shows_every_keyframe_named() -> None:
    text = run("cat-cow")
    assert text.startswith("cat-cow: On hands and knees")
    assert any(line.split() == ["table", "cow", "cat"] for line in text.splitlines())
    assert sum(1 for c in text if 0x2800 < ord(c) <= 0x28FF) > 100


def test_a_narrow_terminal_gets_the_keyframes_one_under_another() -> None:
    text = run("cat-cow", width=CARD_COLS + 5)
    names = [line.strip() for line in text.splitlines() if line.strip() in ("table", "cow", "cat")]
    assert names == ["table", "cow", "cat"]
    assert max(len(line) for line in text.splitlines()[2:]) <= CARD_COLS


def test_the_right_side_is_drawn_mirrored() -> None:
    left, right = run("overhead-arm-reach"), run("overhead-arm-reach", side="right")
    assert left.splitlines()[3:] != right.splitlines()[3:]


def test_an_unknown_name_gets_a_suggestion() -> None:
    with pytest.raises(
        UnknownFigure, match=r"no figure called 'cat-co' \(did you mean 'cat-cow'\?\)"
    ):
        find("cat-co")


def test_without_utf_8_the_drawing_is_left_out_not_garbled() -> None:
    text = run("cat-cow", encoding="ascii")
    assert "needs a UTF-8 terminal" in text and text.isascii()


def test_beside_puts_the_figure_right_of_the_text_top_aligned() -> None:
    assert beside(["ab", "c"], ["XY", "Z", "W"], text_width=4) == ["ab    XY", "c     Z", "      W"]
    assert beside(["ab", "cd"], ["X"], text_width=3) == ["ab   X", "cd"]


def test_a_step_block_wraps_its_text_left_of_the_figure() -> None:
    block = step_block(
        " 1. Cat-cow: 10 reps", ["Kneel on hands and knees. " * 4], find("cat-cow"), width=70
    )
    assert len(block) >= 6
    assert all(len(line) <= 70 for line in block)
    figure_part = [line[70 - PLAN_FIGURE_COLS :] for line in block]
    assert any(c != " " for line in figure_part for c in line)
    assert block[0].startswith(" 1. Cat-cow: 10 reps")


def test_a_step_without_a_figure_or_room_is_just_text() -> None:
    assert step_block("Heading", ["Detail."], None, width=70) == ["Heading", "    Detail."]
    narrow = step_block("Heading", ["Detail."], find("cat-cow"), width=40)
    assert narrow == ["Heading", "    Detail."]
