"""The pose maths: angles, mirroring, easing, blending, where a rep is, fitting to a canvas."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stretchtimer.figures.draw import figure_bounds, fit
from stretchtimer.figures.library import library, library_figure
from stretchtimer.figures.model import Figure, Keyframe
from stretchtimer.figures.motion import blend, ease, getting_ready, rep_path, repping
from stretchtimer.figures.skeleton import (
    REQUIRED_JOINTS,
    mirror_name,
    mirror_pose,
    point_at,
    pose_bounds,
)

coordinate = st.floats(min_value=-200, max_value=200, allow_nan=False)
points = st.tuples(coordinate, coordinate)
poses = st.fixed_dictionaries({joint: points for joint in REQUIRED_JOINTS})
fractions = st.floats(min_value=0, max_value=1, allow_nan=False)


def close(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return math.isclose(a[0], b[0], abs_tol=1e-6) and math.isclose(a[1], b[1], abs_tol=1e-6)


def figure(name: str) -> Figure:
    found = library_figure(name)
    assert found is not None
    return found


def test_angles_go_clockwise_from_straight_up() -> None:
    assert close(point_at((10, 10), 0, 5), (10, 15))
    assert close(point_at((10, 10), 90, 5), (15, 10))
    assert close(point_at((10, 10), 180, 5), (10, 5))
    assert close(point_at((10, 10), -90, 5), (5, 10))


def test_mirroring_trades_left_for_right_and_reflects_about_the_axis() -> None:
    pose = {"left_wrist": (3.0, 50.0), "right_wrist": (-4.0, 20.0), "head": (1.0, 90.0)}
    mirrored = mirror_pose(pose, axis=10.0)
    assert mirrored == {
        "right_wrist": (17.0, 50.0),
        "left_wrist": (24.0, 20.0),
        "head": (19.0, 90.0),
    }
    assert mirror_name("left_knee") == "right_knee"
    assert mirror_name("spine") == "spine"


@given(poses, st.floats(min_value=-50, max_value=50, allow_nan=False))
def test_mirroring_twice_gives_back_the_pose(
    pose: dict[str, tuple[float, float]], axis: float
) -> None:
    twice = mirror_pose(mirror_pose(pose, axis), axis)
    assert twice.keys() == pose.keys()
    assert all(close(twice[joint], pose[joint]) for joint in pose)


def test_the_mirror_of_raising_the_left_arm_raises_the_right_one() -> None:
    reach = figure("overhead-arm-reach").target
    mirrored = mirror_pose(reach)
    assert reach["left_wrist"][1] > reach["head"][1] > reach["right_wrist"][1]
    assert mirrored["right_wrist"][1] > mirrored["head"][1] > mirrored["left_wrist"][1]


def test_easing_starts_and_ends_still_and_never_goes_back() -> None:
    assert ease(0) == 0 and ease(1) == 1 and math.isclose(ease(0.5), 0.5)
    assert ease(-3) == 0 and ease(7) == 1
    samples = [ease(i / 100) for i in range(101)]
    assert samples == sorted(samples)
    # Slow at both ends: the first and last hundredth move far less than the middle one.
    assert samples[1] - samples[0] < (samples[51] - samples[50]) / 10


@given(poses, poses, fractions)
def test_a_blend_stays_between_its_two_poses(
    a: dict[str, tuple[float, float]], b: dict[str, tuple[float, float]], t: float
) -> None:
    mixed = blend(a, b, t)
    for joint, (x, y) in mixed.items():
        (ax, ay), (bx, by) = a[joint], b[joint]
        assert min(ax, bx) - 1e-6 <= x <= max(ax, bx) + 1e-6
        assert min(ay, by) - 1e-6 <= y <= max(ay, by) + 1e-6


def test_a_blend_keeps_a_joint_only_one_pose_places() -> None:
    a = {"head": (0.0, 0.0), "spine": (5.0, 5.0)}
    b = {"head": (10.0, 0.0)}
    assert blend(a, b, 0.5) == {"head": (5.0, 0.0), "spine": (5.0, 5.0)}


def test_get_ready_eases_from_the_neutral_pose_into_the_target() -> None:
    flexion = figure("neck-flexion")
    assert getting_ready(flexion, 0) == dict(flexion.neutral)
    assert getting_ready(flexion, 1) == dict(flexion.target)
    halfway = getting_ready(flexion, 0.5)["head"]
    start, end = flexion.neutral["head"], flexion.target["head"]
    assert close(halfway, ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2))


def test_cat_cow_arches_on_the_first_half_of_a_rep_and_rounds_on_the_second() -> None:
    cat_cow = figure("cat-cow")
    cow, cat = cat_cow.keyframe("cow"), cat_cow.keyframe("cat")
    assert cow is not None and cat is not None
    for rep in (0, 1, 7):
        assert repping(cat_cow, rep, 0.0) == dict(cat.pose)
        assert repping(cat_cow, rep, 0.5) == dict(cow.pose)
        assert repping(cat_cow, rep, 1.0) == dict(cat.pose)
    # A quarter of the way in, the back is on its way down, between the two shapes.
    spine_y = repping(cat_cow, 0, 0.25)["spine"][1]
    assert cow.pose["spine"][1] < spine_y < cat.pose["spine"][1]


def test_a_sweep_goes_one_way_on_a_rep_and_back_on_the_next() -> None:
    rolls = figure("neck-rolls")
    assert rolls.cycle == "sweep"
    first, second = rep_path(rolls, 0), rep_path(rolls, 1)
    assert list(first) == list(reversed(second))
    head_x = [repping(rolls, 0, f / 4)["head"][0] for f in range(5)]
    assert head_x == sorted(head_x) or head_x == sorted(head_x, reverse=True)
    assert head_x[0] != head_x[-1]


@pytest.mark.parametrize("name", sorted(library()))
def test_every_rep_ends_where_the_next_begins(name: str) -> None:
    """No jump between reps, nor between get-ready and the first rep."""
    shown = figure(name)
    assert repping(shown, 0, 0.0) == getting_ready(shown, 1.0)
    for rep in range(4):
        assert repping(shown, rep, 1.0) == repping(shown, rep + 1, 0.0)


def test_a_figure_with_one_keyframe_stands_still() -> None:
    still = Figure("still", "x.", "front", (Keyframe("only", figure("jumping-jacks").target),))
    assert repping(still, 3, 0.3) == dict(still.target) == getting_ready(still, 0.2)


@pytest.mark.parametrize(("cols", "rows"), [(12, 6), (30, 14), (60, 8), (10, 30)])
@pytest.mark.parametrize("name", ["cat-cow", "jumping-jacks", "knee-to-chest", "wall-stretch"])
def test_a_fitted_figure_stays_inside_its_canvas_and_fills_one_side(
    name: str, cols: int, rows: int
) -> None:
    shown = figure(name)
    framing = fit(shown, cols, rows)
    left, bottom, right, top = figure_bounds(shown)
    x0, y0 = framing.to_dots((left, top))
    x1, y1 = framing.to_dots((right, bottom))
    assert x0 >= 0 and x1 <= cols * 2 - 1 and y0 >= 0 and y1 <= rows * 4 - 1
    fills_width = math.isclose(x1 - x0, cols * 2 - 3, abs_tol=1e-6)
    fills_height = math.isclose(y1 - y0, rows * 4 - 3, abs_tol=1e-6)
    assert fills_width or fills_height
    for keyframe in shown.keyframes:
        pl, pb, pr, pt = pose_bounds(mirror_pose(keyframe.pose, framing.axis))
        assert left - 1e-6 <= pl and pr <= right + 1e-6 and bottom - 1e-6 <= pb and pt <= top + 1e-6


def test_the_mirror_axis_lands_on_the_middle_of_the_canvas() -> None:
    shown = figure("hip-flexor-stretch")
    framing = fit(shown, 30, 14)
    for x in (-30.0, 0.0, 12.5):
        (a, _), (b, _) = framing.to_dots((x, 0)), framing.to_dots((2 * framing.axis - x, 0))
        assert math.isclose(a + b, 30 * 2 - 1, abs_tol=1e-6)
