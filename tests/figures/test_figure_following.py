"""The figure follows a real session on the fake clock from its events alone."""

from __future__ import annotations

import itertools

from routines_for_tests import hold_step, rep_step, routine

from stretchtimer.figures.animation import FRAMES_PER_SECOND, Moment
from stretchtimer.figures.library import library_figure
from stretchtimer.figures.motion import getting_ready, repping
from stretchtimer.figures.skeleton import Pose
from stretchtimer.session.clock import FakeClock
from stretchtimer.session.engine import Session
from stretchtimer.session.figure_follower import MIN_DOTS, FigureFollower


def started(*steps: object) -> tuple[Session, FakeClock, FigureFollower]:
    clock = FakeClock()
    session = Session(routine(*steps), clock)  # type: ignore[arg-type]
    follower = FigureFollower()
    follower.attach(session)
    session.start()
    return session, clock, follower


def advance(session: Session, clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds)
    session.update()


def pose(follower: FigureFollower, clock: FakeClock) -> Pose:
    shown = follower.moment(clock.now())
    assert shown is not None
    return shown.pose


CAT_COW = library_figure("cat-cow")
FLEXION = library_figure("neck-flexion")
REACH = library_figure("overhead-arm-reach")
assert CAT_COW is not None and FLEXION is not None and REACH is not None


def test_a_hold_eases_in_during_get_ready_then_stands_still() -> None:
    session, clock, follower = started(hold_step(figure="neck-flexion", prepare=4, hold=10))
    assert follower.figure is FLEXION
    assert pose(follower, clock) == dict(FLEXION.neutral)
    assert follower.next_frame(clock.now()) == clock.now() + 1 / FRAMES_PER_SECOND
    advance(session, clock, 2.0)
    assert pose(follower, clock) == getting_ready(FLEXION, 0.5)
    advance(session, clock, 2.0)  # the hold begins
    assert pose(follower, clock) == FLEXION.target
    assert follower.next_frame(clock.now()) is None  # still: no frames at all
    advance(session, clock, 7.0)
    assert pose(follower, clock) == FLEXION.target


def test_reps_follow_the_engine_rep_by_rep() -> None:
    session, clock, follower = started(rep_step(figure="cat-cow", prepare=0, reps=4, rep_time=6))
    for rep in range(3):
        for into in (0.0, 1.5, 3.0, 4.5):
            assert session.current_rep == rep + 1
            assert pose(follower, clock) == repping(CAT_COW, rep, into / 6)
            advance(session, clock, 1.5)
    assert follower.next_frame(clock.now()) is not None


def test_a_pause_freezes_the_figure_and_stops_the_frames() -> None:
    session, clock, follower = started(rep_step(figure="cat-cow", prepare=0, rep_time=6))
    advance(session, clock, 2.0)
    before = pose(follower, clock)
    session.pause()
    advance(session, clock, 30.0)
    assert pose(follower, clock) == before
    assert follower.next_frame(clock.now()) is None
    session.resume()
    advance(session, clock, 1.0)
    assert pose(follower, clock) == repping(CAT_COW, 0, 3.0 / 6)


def test_extra_time_and_skips_keep_the_figure_in_step() -> None:
    session, clock, follower = started(
        rep_step(figure="cat-cow", prepare=0, reps=2, rep_time=6),
        hold_step(figure="neck-flexion", prepare=4),
    )
    advance(session, clock, 4.5)
    session.adjust(10)  # more time: the rep under way goes on where it was
    assert pose(follower, clock) == repping(CAT_COW, 0, 4.5 / 6)
    session.skip()
    assert follower.figure is FLEXION
    assert pose(follower, clock) == dict(FLEXION.neutral)
    advance(session, clock, 1.0)
    session.back()  # within the grace period: back to the cat-cow from its start
    assert follower.figure is CAT_COW
    assert pose(follower, clock) == repping(CAT_COW, 0, 0.0)


def test_the_left_side_is_mirrored_and_the_switch_turns_it_round() -> None:
    session, clock, follower = started(
        hold_step(
            figure="overhead-arm-reach", prepare=0, hold=10, switch=4, sides=("left", "right")
        )
    )
    left = follower.moment(clock.now())  # the person's left: the arm on the screen's left
    assert left is not None and left.mirrored and left.pose == REACH.target
    advance(session, clock, 10.0)  # the switch begins: back to neutral on the left
    early = follower.moment(clock.now())
    assert early is not None and early.mirrored and early.moving
    advance(session, clock, 2.0)  # halfway: neutral, now facing the other way
    middle = follower.moment(clock.now())
    assert middle is not None and not middle.mirrored and middle.pose == dict(REACH.neutral)
    advance(session, clock, 2.0)  # the right side's hold: the figure as drawn
    right = follower.moment(clock.now())
    assert right is not None and not right.mirrored and right.pose == REACH.target
    assert not right.moving


def test_a_step_without_a_figure_shows_none() -> None:
    _session, clock, follower = started(hold_step(prepare=0))
    assert follower.figure is None and follower.moment(clock.now()) is None
    assert follower.next_frame(clock.now()) is None


def test_frames_come_at_most_eight_a_second_while_moving() -> None:
    session, clock, follower = started(rep_step(figure="cat-cow", prepare=0, rep_time=6))
    frames = 0
    start = clock.now()
    while clock.now() < start + 6:
        wake = follower.next_frame(clock.now())
        assert wake is not None
        clock.advance(wake - clock.now())
        session.update()
        frames += 1
    assert frames == 6 * FRAMES_PER_SECOND


def test_frames_thin_out_where_the_movement_slows_and_each_shows_a_visible_change() -> None:
    session, clock, follower = started(rep_step(figure="cat-cow", prepare=0, rep_time=6))
    scale = 0.7  # dots per figure unit, as on a small terminal
    shown = pose(follower, clock)
    times = []
    start = clock.now()
    while clock.now() < start + 6:
        wake = follower.next_frame(clock.now(), dots_per_unit=scale, min_dots=1.5)
        if wake is None:
            break
        clock.advance(wake - clock.now())
        session.update()
        times.append(clock.now() - start)
        now_pose = pose(follower, clock)
        moved = max(
            ((now_pose[j][0] - x) ** 2 + (now_pose[j][1] - y) ** 2) ** 0.5
            for j, (x, y) in shown.items()
        )
        assert moved * scale >= 1.5 - 1e-9  # every frame shows something new
        shown = now_pose
    assert 6 <= len(times) < 6 * FRAMES_PER_SECOND
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert min(gaps) >= 1 / FRAMES_PER_SECOND - 1e-9  # never more than 8 a second
    assert max(gaps) > 2 / FRAMES_PER_SECOND  # and fewer where the back turns round


class Uncached(FigureFollower):
    """Works every moment and every next frame out afresh, as before the follower kept them."""

    def moment(self, now: float) -> Moment | None:
        self._moments.clear()
        return super().moment(now)

    def next_frame(
        self, now: float, *, dots_per_unit: float | None = None, min_dots: float = MIN_DOTS
    ) -> float | None:
        self._next_frames.clear()
        return super().next_frame(now, dots_per_unit=dots_per_unit, min_dots=min_dots)


def test_moments_kept_from_looking_ahead_are_the_ones_worked_out_afresh() -> None:
    clock = FakeClock()
    steps = (
        rep_step(figure="cat-cow", prepare=2, reps=3, rep_time=4),
        hold_step(figure="neck-flexion", prepare=3, hold=4),
        rep_step(figure="elbow-swings", prepare=1, reps=5, rep_time=2.5),
    )
    session = Session(routine(*steps), clock)  # type: ignore[arg-type]
    kept, afresh = FigureFollower(), Uncached()
    kept.attach(session)
    afresh.attach(session)
    session.start()
    changes = {
        24: session.pause,
        30: session.resume,
        40: lambda: session.adjust(10),
        90: session.back,
        120: session.skip,
    }
    for sixteenth in range(700):
        now = clock.now()
        # Looks ahead, keeping what it worked out, a rep's worth and more.
        frame = kept.next_frame(now, dots_per_unit=4.0)
        assert frame == afresh.next_frame(now, dots_per_unit=4.0), sixteenth
        assert kept.moment(now) == afresh.moment(now), sixteenth
        changes.get(sixteenth, lambda: None)()
        advance(session, clock, 1 / 16)
