"""Which pose a step's figure shows through each phase, and when it moves."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stretchtimer.figures.animation import (
    FRAMES_PER_SECOND,
    RELAX_SECONDS,
    frame_of,
    frames_per_cycle,
    moment,
    seconds_to_next_frame,
)
from stretchtimer.figures.library import library_figure
from stretchtimer.figures.model import Figure


def figure(name: str) -> Figure:
    found = library_figure(name)
    assert found is not None
    return found


FLEXION = figure("neck-flexion")
CAT_COW = figure("cat-cow")
REACH = figure("overhead-arm-reach")


def test_get_ready_eases_from_neutral_into_the_hold_then_the_hold_is_still() -> None:
    start = moment(FLEXION, kind="prepare", side=None, elapsed=0, length=5)
    middle = moment(FLEXION, kind="prepare", side=None, elapsed=2.5, length=5)
    end = moment(FLEXION, kind="prepare", side=None, elapsed=5, length=5)
    assert start.pose == dict(FLEXION.neutral) and start.moving
    assert middle.pose not in (dict(FLEXION.neutral), dict(FLEXION.target)) and middle.moving
    assert end.pose == dict(FLEXION.target) and not end.moving
    for elapsed in (0, 7.3, 29.9):
        hold = moment(FLEXION, kind="work", side=None, elapsed=elapsed, length=30)
        assert hold.pose == FLEXION.target and not hold.moving


def test_every_still_moment_of_a_phase_is_the_same_frame() -> None:
    frames = {
        moment(FLEXION, kind="work", side=None, elapsed=t, length=30).frame for t in (0, 9, 29)
    }
    assert len(frames) == 1


def test_a_rep_goes_once_through_the_keyframes_in_time_with_rep_time() -> None:
    cow, cat = CAT_COW.keyframe("cow"), CAT_COW.keyframe("cat")
    assert cow is not None and cat is not None
    for rep in range(3):
        start = 6 * rep
        at = {
            t: moment(CAT_COW, kind="work", side=None, elapsed=start + t, length=60, rep_time=6)
            for t in (0, 3, 6)
        }
        assert at[0].pose == dict(cat.pose) and at[0].moving
        assert at[3].pose == dict(cow.pose)  # breathing in: arched at half a rep
        assert at[6].pose == dict(cat.pose)  # breathing out: rounded at the end


def test_a_paused_figure_keeps_its_pose_and_stops_moving() -> None:
    running = moment(CAT_COW, kind="work", side=None, elapsed=4.2, length=60, rep_time=6)
    paused = moment(
        CAT_COW, kind="work", side=None, elapsed=4.2, length=60, rep_time=6, running=False
    )
    assert paused.pose == running.pose and running.moving and not paused.moving


def test_the_left_side_is_the_mirror_of_the_right() -> None:
    """Like a mirror: the person's left is the figure's right, the arm on the screen's left."""
    left = moment(REACH, kind="work", side="left", elapsed=3, length=15)
    right = moment(REACH, kind="work", side="right", elapsed=3, length=15)
    assert left.mirrored and not right.mirrored and left.pose == right.pose


def test_a_switch_goes_back_to_neutral_on_the_old_side_then_into_the_pose_on_the_new() -> None:
    early = moment(REACH, kind="switch", side="right", elapsed=0, length=4)
    half = moment(REACH, kind="switch", side="right", elapsed=2, length=4)
    late = moment(REACH, kind="switch", side="right", elapsed=4, length=4)
    assert early.pose == dict(REACH.target) and early.mirrored  # still the left side
    assert half.pose == dict(REACH.neutral) and not half.mirrored
    assert late.pose == dict(REACH.target) and not late.mirrored and not late.moving


def test_a_rest_relaxes_to_neutral_then_stays_still() -> None:
    first = moment(REACH, kind="rest", side="right", elapsed=0, length=8)
    relaxed = moment(REACH, kind="rest", side="right", elapsed=RELAX_SECONDS, length=8)
    later = moment(REACH, kind="rest", side="right", elapsed=6, length=8)
    assert first.pose == dict(REACH.target) and first.moving
    assert relaxed.pose == later.pose == dict(REACH.neutral)
    assert not relaxed.moving and relaxed.frame == later.frame


@given(st.floats(min_value=0, max_value=1000, allow_nan=False))
def test_frames_fall_on_a_grid_of_eight_a_second(elapsed: float) -> None:
    wait = seconds_to_next_frame(elapsed)
    assert 0 < wait <= 1 / FRAMES_PER_SECOND + 1e-9
    assert frame_of(elapsed + wait + 1e-7) == frame_of(elapsed) + 1


@pytest.mark.parametrize("elapsed", [0.0, 0.01, 0.124, 1.9, 5.99])
def test_a_moving_moment_is_sampled_on_its_frame(elapsed: float) -> None:
    """Two moments in the same eighth of a second draw the same pose."""
    a = moment(CAT_COW, kind="work", side=None, elapsed=elapsed, length=60, rep_time=6)
    b = moment(
        CAT_COW, kind="work", side=None, elapsed=frame_of(elapsed) / 8, length=60, rep_time=6
    )
    assert a.pose == b.pose and a.frame == b.frame


@pytest.mark.parametrize(("name", "reps"), [("cat-cow", 1), ("elbow-swings", 2)])
def test_reps_of_a_whole_number_of_frames_repeat_every_cycle(name: str, reps: int) -> None:
    """A rep's frames are the rep before's (a sweep's, two reps before): a screen may show
    what it drew then."""
    shown = figure(name)
    assert shown.cycle == ("sweep" if reps == 2 else "loop")
    for rep_time in (4, 2.5):
        cycle = frames_per_cycle(shown, kind="work", rep_time=rep_time)
        assert cycle == rep_time * FRAMES_PER_SECOND * reps
        for frame in range(3 * cycle):
            at = frame / FRAMES_PER_SECOND
            now = moment(shown, kind="work", side="left", elapsed=at, length=90, rep_time=rep_time)
            later = moment(
                shown,
                kind="work",
                side="left",
                elapsed=at + cycle / FRAMES_PER_SECOND,
                length=90,
                rep_time=rep_time,
            )
            assert (now.pose, now.marks, now.mirrored, now.moving) == (
                later.pose,
                later.marks,
                later.mirrored,
                later.moving,
            )
            assert later.frame == now.frame + cycle


def test_only_reps_of_a_whole_number_of_frames_repeat() -> None:
    assert frames_per_cycle(CAT_COW, kind="work", rep_time=4.1) is None
    assert frames_per_cycle(CAT_COW, kind="work", rep_time=None) is None  # a hold
    assert frames_per_cycle(CAT_COW, kind="prepare", rep_time=4) is None
    assert frames_per_cycle(CAT_COW, kind="rest", rep_time=4) is None
