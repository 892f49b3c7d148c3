"""Pauses, skip limits and long-after-short on the fake clocks, across whole days."""

from __future__ import annotations

from remind_day import DESK, EYES, MIN, NECK, STANDING, Day, plan

from stretchtimer.history.records import BreakKind
from stretchtimer.remind.events import BreakHeld, Paused, PauseOver
from stretchtimer.remind.view import Status


def test_a_pause_holds_every_prompt_until_it_ends_and_the_count_goes_on() -> None:
    day = Day(plan(micro_every=0))
    day.work(30 * MIN)
    day.scheduler.pause(60 * MIN)
    (paused,) = day.of(Paused)
    assert paused.snooze is False and f"{paused.until:%H:%M}" == "10:30"
    day.work(59 * MIN)  # the hour of work is up at 10:00, inside the pause
    assert day.due() == []
    view = day.scheduler.view()
    assert view.status is Status.HELD and view.held_reason == "paused"
    assert f"{view.paused_until:%H:%M}" == "10:30"
    day.work(1 * MIN + 1)
    assert len(day.of(PauseOver)) == 1 and len(day.due()) == 1
    assert day.scheduler.view().paused_until is None


def test_resume_ends_a_pause_at_once_and_a_waiting_break_is_prompted() -> None:
    day = Day(plan(micro_every=0))
    day.scheduler.pause(8 * 60 * MIN)
    day.work(61 * MIN)
    assert day.due() == []
    assert day.scheduler.resume() is True
    assert day.scheduler.resume() is False
    day.poll()
    assert len(day.due()) == 1


def test_a_whole_day_with_a_call_a_pause_and_a_snooze() -> None:
    """09:00 on: a camera call holds a break, a lunch pause holds another, a snooze."""
    day = Day(plan(micro_every=0))
    day.work(55 * MIN)
    day.quiet = "camera in use"  # a video call from 09:55 to 10:20
    day.work(25 * MIN)
    assert day.due() == []
    (held,) = day.of(BreakHeld)
    assert held.reason == "camera in use"
    day.quiet = None
    day.work(5)
    assert len(day.due()) == 1  # prompted at the first check after the call
    day.scheduler.start()
    day.work(5 * MIN)
    day.scheduler.finish()
    # From 10:25, an hour of work would prompt at 11:25; lunch is a pause from 11:00 to 13:00.
    day.work(35 * MIN)
    day.scheduler.pause(120 * MIN)
    day.work(120 * MIN - 1)
    assert len(day.due()) == 1
    assert day.scheduler.view().held_reason == "paused"
    day.work(1)
    assert len(day.due()) == 2  # the moment the pause ends
    day.scheduler.skip()
    day.scheduler.snooze(30 * MIN)
    assert day.scheduler.current_pause is not None
    assert day.scheduler.current_pause.reason == "snoozed"
    # The snooze ends at 13:30, before the next hour is up at 14:00: that break comes on time.
    day.work(60 * MIN + 10)
    assert len(day.due()) == 3 and len(day.of(PauseOver)) == 2
    assert day.outcomes() == [("long", DESK.name, "taken"), ("long", STANDING.name, "skipped")]


def test_skips_run_out_for_the_day_and_come_back_the_next() -> None:
    day = Day(plan(micro_every=0, skips_per_day=2))
    outcomes = []
    for _ in range(3):
        day.work(60 * MIN)
        outcomes.append(day.scheduler.skip())
    assert outcomes == [True, True, False]
    view = day.scheduler.view()
    assert view.status is Status.DUE and view.skips_left == 0
    day.scheduler.start()  # still free to take it, or postpone it
    day.scheduler.finish()
    day.sleep(16 * 60 * MIN)  # the night: a new day
    day.work(60 * MIN + 10)
    assert day.scheduler.view().skips_left == 2
    assert day.scheduler.skip() is True
    assert [o for _, _, o in day.outcomes()] == [
        "skipped",
        "skipped",
        "taken",
        "natural",
        "skipped",
    ]


def test_without_a_limit_every_skip_is_allowed() -> None:
    day = Day(plan(micro_every=0))
    for _ in range(8):
        day.work(60 * MIN)
        assert day.scheduler.skip() is True
    assert day.scheduler.view().skips_left is None


def test_long_after_makes_every_third_break_a_long_one() -> None:
    day = Day(plan(micro_every=20 * MIN, long_after=3, every=60 * MIN))
    kinds = []
    for _ in range(7):
        day.work(20 * MIN)
        (due,) = day.due()[-1:]
        kinds.append(due.kind)
        day.scheduler.start()
        day.work(1 * MIN)
        day.scheduler.finish()
    assert kinds == [
        BreakKind.MICRO,
        BreakKind.MICRO,
        BreakKind.LONG,
        BreakKind.MICRO,
        BreakKind.MICRO,
        BreakKind.LONG,
        BreakKind.MICRO,
    ]
    assert [d.routine for d in day.due()][:3] == [NECK.name, EYES.name, DESK.name]


def test_long_after_counts_skipped_and_natural_breaks_too() -> None:
    day = Day(plan(micro_every=20 * MIN, long_after=2))
    day.work(20 * MIN)
    day.scheduler.skip()  # a micro break, skipped: the next is long
    day.work(20 * MIN)
    assert day.due()[-1].kind is BreakKind.LONG
    day.away(10 * MIN)  # long enough for the long routine: taken naturally
    day.work(20 * MIN + 10)
    assert day.due()[-1].kind is BreakKind.MICRO


def test_without_long_after_the_long_interval_keeps_its_own_clock() -> None:
    day = Day(plan(micro_every=20 * MIN, every=60 * MIN))
    kinds = []
    for _ in range(3):
        day.work(20 * MIN)
        kinds.append(day.due()[-1].kind)
        day.scheduler.skip()
    assert kinds == [BreakKind.MICRO, BreakKind.MICRO, BreakKind.LONG]


def test_starting_the_reminder_again_keeps_todays_skips(tmp_path) -> None:
    from datetime import datetime

    from stretchtimer.remind.skips import DailySkips
    from stretchtimer.state import SkipsKept

    kept = SkipsKept(tmp_path / "state.json")
    morning = DailySkips(2, lambda: datetime(2026, 12, 7, 10, 0), kept)
    assert morning.use() is True and morning.left() == 1
    restarted = DailySkips(2, lambda: datetime(2026, 12, 7, 11, 0), kept)  # quit and started again
    assert restarted.left() == 1
    assert restarted.use() is True and restarted.use() is False
    tomorrow = DailySkips(2, lambda: datetime(2026, 12, 8, 9, 0), kept)
    assert tomorrow.left() == 2
