"""A three-quarter view: joints placed in depth, turned, then drawn like any other figure."""

from __future__ import annotations

import pytest
import yaml

from stretchtimer.figures.draw import draw_keyframe
from stretchtimer.figures.library import read_inline_figures
from stretchtimer.figures.model import Figure
from stretchtimer.yamlsafe import compose, position_of

TWIST = """\
twist:
  description: Standing, the shoulders turned over square hips.
  view: three-quarter
  turned: {turned}
  keyframes:
    square:
      like: stand-3d
      face: [0, 84, 8]
    turned:
      like: square
      left_shoulder: [8, 82, -8]
      right_shoulder: [-8, 82, 8]
      face: [6, 84, 6]
"""


def read(text: str) -> tuple[dict[str, Figure], list[str]]:
    root = compose(text)
    assert root is not None
    found: list[str] = []

    def report(node: yaml.Node | None, message: str) -> None:
        where = position_of(node.start_mark) if node is not None else None
        found.append(f"{where.line}:{where.column}: {message}" if where else message)

    return dict(read_inline_figures(root, report)), found


def twist(turned: float) -> Figure:
    figures, found = read(TWIST.format(turned=turned))
    assert found == []
    return figures["twist"]


def test_turned_zero_is_a_front_view_of_the_same_joints() -> None:
    front = twist(0).keyframes[0].pose
    assert front["left_shoulder"] == pytest.approx((11, 82))
    assert front["left_hip"] == pytest.approx((6, 52))


def test_turned_to_the_right_brings_forward_joints_right_and_the_right_side_near() -> None:
    side = twist(90)
    still, turned = side.keyframes
    # Facing right: the feet (placed forward) are right of the ankles, left and right meet.
    assert still.pose["left_foot"][0] == pytest.approx(7)
    assert still.pose["left_hip"][0] == pytest.approx(0, abs=1e-9)
    assert still.layers[0] in ("right_arm", "right_leg") and still.layers[-1] in (
        "left_arm",
        "left_leg",
    )
    # A shoulder turned forward moves right, the other back: the twist now shows as width.
    assert turned.pose["right_shoulder"][0] > turned.pose["left_shoulder"][0]


def test_a_twist_shows_as_shoulders_narrower_than_square_ones() -> None:
    square, turned = (k.pose for k in twist(35).keyframes)

    def width(pose: object) -> float:
        assert isinstance(pose, dict)
        return abs(pose["left_shoulder"][0] - pose["right_shoulder"][0])

    assert width(turned) < width(square) - 4


def test_a_head_seen_from_behind_has_no_face() -> None:
    back = twist(170)
    assert "face" not in back.keyframes[0].pose
    assert "face" in twist(35).keyframes[0].pose


def test_a_three_quarter_figure_draws_its_mirror_image_for_the_other_side() -> None:
    figure = twist(35)
    drawn = draw_keyframe(figure, 30, 14)
    mirrored = draw_keyframe(figure, 30, 14, mirrored=True)
    assert drawn.lines != mirrored.lines
    assert [line.strip() != "" for line in drawn.lines] == [
        line.strip() != "" for line in mirrored.lines
    ]


def test_depth_is_refused_where_it_means_nothing_and_out_of_range() -> None:
    _, found = read(
        "flat:\n  description: X.\n  view: front\n  turned: 30\n  keyframes:\n"
        "    a: {like: stand-front, left_wrist: [1, 2, 3]}\n"
    )
    assert any("'turned'" in line and "three-quarter" in line for line in found)
    assert any(line.startswith("6:") and "[x, y]" in line for line in found)
    _, found = read(TWIST.format(turned=400))
    assert any(line.startswith("4:") and "180" in line for line in found)
    _, found = read(TWIST.format(turned=30).replace("[8, 82, -8]", "[8, 82, -8, 1]"))
    assert any("[x, y, z]" in line for line in found)
