"""The reminder's scheduler on fake clocks: what a user would see over a day."""

from __future__ import annotations

import itertools

from remind_day import DESK, EYES, MIN, NECK, STANDING, Day, plan

from stretchtimer.history.records import BreakKind
from stretchtimer.remind.events import (
    ActivityResumed,
    BreakDue,
    BreakHeld,
    BreakStarted,
    IdlePaused,
    NoticeGiven,
    PauseOver,
    SuspendDetected,
    WorkingHoursBegan,
    WorkingHoursEnded,
)
from stretchtimer.remind.plan import parse_working_hours, within_hours
from stretchtimer.remind.scheduler import IDLE_CHECK_SECONDS
from stretchtimer.remind.view import Status


def test_a_long_break_falls_due_after_an_hour_of_work_with_a_notice_first() -> None:
    day = Day(plan(micro_every=0))
    day.work(59 * MIN)
    assert day.due() == [] and day.of(NoticeGiven) == []
    day.work(30)
    (notice,) = day.of(NoticeGiven)
    assert notice.routine == "desk-break" and notice.seconds == 30
    day.work(29.9)
    assert day.due() == []
    day.work(0.1)
    (due,) = day.due()
    assert due == BreakDue(BreakKind.LONG, "desk-break", postpones_left=2, postpone_seconds=300)
    view = day.scheduler.view()
    assert view.status is Status.DUE and view.due_in == 0


def test_the_prompt_comes_at_the_deadline_not_at_the_next_idle_check() -> None:
    day = Day(plan(micro_every=0, every=61, notice=0))
    day.work(61)
    assert len(day.due()) == 1
    day2 = Day(plan(micro_every=0, every=61, notice=0))
    day2.work(60.99)
    assert day2.due() == []


def test_micro_breaks_come_between_long_ones_and_rotate() -> None:
    day = Day(plan())
    day.work(20 * MIN)
    (first,) = day.due()
    assert (first.kind, first.routine) == (BreakKind.MICRO, NECK.name)
    day.scheduler.start()
    day.work(30)
    day.scheduler.finish()
    day.work(20 * MIN)
    assert [(d.kind, d.routine) for d in day.due()][-1] == (BreakKind.MICRO, EYES.name)
    day.scheduler.skip()
    # The long break at 60 active minutes replaces the micro one that would come with it.
    day.work(20 * MIN)
    assert [(d.kind, d.routine) for d in day.due()][-1] == (BreakKind.LONG, DESK.name)
    day.scheduler.start()
    day.work(5 * MIN)
    day.scheduler.finish()
    assert day.scheduler.view().active_seconds == 0
    day.work(20 * MIN)
    assert [(d.kind, d.routine) for d in day.due()][-1] == (BreakKind.MICRO, NECK.name)
    assert day.outcomes() == [
        ("micro", NECK.name, "taken"),
        ("micro", EYES.name, "skipped"),
        ("long", DESK.name, "taken"),
    ]


def test_time_in_a_break_is_not_work() -> None:
    day = Day(plan(micro_every=0))
    day.work(10 * MIN)
    day.scheduler.start()
    assert day.scheduler.view().status is Status.IN_BREAK
    day.away(30 * MIN)  # a long routine; the idle source is not even asked
    assert day.of(IdlePaused) == []
    day.scheduler.finish()
    assert day.scheduler.view().active_seconds == 0
    assert day.outcomes() == [("long", DESK.name, "taken")]
    assert day.records()[0].record.fell_due is True


def test_idle_pauses_the_count_from_when_the_idleness_began() -> None:
    day = Day(plan(micro_every=0, idle_after=180))
    day.work(10 * MIN)
    day.away(4 * MIN)
    (paused,) = day.of(IdlePaused)
    assert paused.idle_seconds >= 180
    view = day.scheduler.view()
    assert view.status is Status.IDLE
    assert view.active_seconds == 10 * MIN  # not 13 minutes: the last 3 were already idle
    day.work(1 * MIN)
    (back,) = day.of(ActivityResumed)
    # The return is seen at the next idle check, at most IDLE_CHECK_SECONDS late.
    assert back.natural is None and 4 * MIN <= back.idle_seconds <= 4 * MIN + IDLE_CHECK_SECONDS
    assert 11 * MIN - IDLE_CHECK_SECONDS <= day.scheduler.view().active_seconds <= 11 * MIN
    assert day.records() == []


def test_an_idle_spell_as_long_as_a_break_is_a_natural_break() -> None:
    day = Day(plan(idle_after=180))
    day.work(15 * MIN)
    day.away(4 * MIN)  # longer than a micro routine: a natural micro break
    day.work(IDLE_CHECK_SECONDS)
    assert day.of(ActivityResumed)[-1].natural is BreakKind.MICRO
    assert day.outcomes() == [("micro", NECK.name, "natural")]
    assert day.records()[0].record.fell_due is False
    view = day.scheduler.view()
    assert view.active_seconds >= 15 * MIN  # the long count only paused
    day.work(40 * MIN)
    day.away(20 * MIN)  # lunch: a natural long break, which resets both counts
    day.work(IDLE_CHECK_SECONDS)
    assert day.of(ActivityResumed)[-1].natural is BreakKind.LONG
    assert day.outcomes()[-1] == ("long", DESK.name, "natural")
    assert day.scheduler.view().active_seconds <= IDLE_CHECK_SECONDS


def test_a_user_who_walks_away_from_the_prompt_took_the_break_naturally() -> None:
    day = Day(plan(micro_every=0))
    day.work(60 * MIN)
    assert len(day.due()) == 1
    day.away(10 * MIN)
    day.work(IDLE_CHECK_SECONDS)
    assert day.outcomes() == [("long", DESK.name, "natural")]
    assert day.records()[0].record.fell_due is True
    assert day.scheduler.view().status is Status.WORKING


def test_postponing_moves_the_break_a_limited_number_of_times() -> None:
    day = Day(plan(micro_every=0, postpone=300, postpone_limit=2))
    day.work(60 * MIN)
    assert day.scheduler.postpone()
    assert day.scheduler.view().postponed and day.scheduler.view().due_in == 300
    day.work(299)
    assert len(day.due()) == 1
    day.work(IDLE_CHECK_SECONDS)
    assert day.due()[-1].postpones_left == 1
    assert day.scheduler.postpone()
    day.work(300)
    assert day.due()[-1].postpones_left == 0
    assert day.scheduler.view().postpones_left == 0
    assert not day.scheduler.postpone()
    assert day.scheduler.view().status is Status.DUE
    day.scheduler.skip()
    assert day.outcomes() == [
        ("long", DESK.name, "postponed"),
        ("long", DESK.name, "postponed"),
        ("long", DESK.name, "skipped"),
    ]
    # Skipping restarts the count and moves the rotation on.
    assert day.scheduler.view().next_routine == STANDING.name
    assert day.scheduler.view().due_in == 60 * MIN


def test_the_default_postpone_never_reaches_past_the_interval() -> None:
    day = Day(plan(every=20, micro_every=0, notice=0))
    day.work(20)
    assert day.due()[-1].postpone_seconds == 20  # the prompt says how far p moves it
    assert day.scheduler.postpone()
    assert day.scheduler.view().due_in == 20  # not five minutes away
    day.work(19)
    assert len(day.due()) == 1
    day.work(IDLE_CHECK_SECONDS)
    assert len(day.due()) == 2


def test_a_postpone_asked_for_is_kept_even_past_the_interval() -> None:
    day = Day(plan(every=20, micro_every=0, notice=0, postpone=300))
    day.work(20)
    assert day.scheduler.postpone()
    assert day.scheduler.view().due_in == 300


def test_the_default_postpone_is_five_minutes_for_longer_intervals() -> None:
    day = Day(plan(micro_every=0))
    day.work(60 * MIN)
    assert day.due()[-1].postpone_seconds == 5 * MIN
    assert day.scheduler.postpone()
    assert day.scheduler.view().due_in == 5 * MIN


def test_a_suspended_laptop_counts_as_idle() -> None:
    day = Day(plan())
    day.work(50 * MIN)
    day.sleep(30 * MIN)
    day.work(IDLE_CHECK_SECONDS)
    (suspend,) = day.of(SuspendDetected)
    assert suspend.seconds == 30 * MIN and suspend.natural is BreakKind.LONG
    # The micro break due since minute 20 was waiting: the sleep stands in for both.
    assert day.outcomes() == [("micro", NECK.name, "natural"), ("long", DESK.name, "natural")]
    assert [r.record.fell_due for r in day.records()] == [True, False]
    assert day.scheduler.view().active_seconds <= IDLE_CHECK_SECONDS
    assert day.of(ActivityResumed) == []  # no second record for the same spell


def test_a_short_suspend_is_a_micro_break_and_a_blink_is_nothing() -> None:
    day = Day(plan())
    day.work(10 * MIN)
    day.sleep(3)
    day.work(IDLE_CHECK_SECONDS)
    assert day.of(SuspendDetected) == []
    day.sleep(60)
    day.work(IDLE_CHECK_SECONDS)
    assert day.of(SuspendDetected)[0].natural is BreakKind.MICRO
    assert day.scheduler.view().active_seconds >= 10 * MIN


def test_a_suspend_resolves_a_waiting_prompt() -> None:
    day = Day(plan(micro_every=0))
    day.work(60 * MIN)
    day.sleep(8 * 3600)
    day.work(IDLE_CHECK_SECONDS)
    assert day.outcomes() == [("long", DESK.name, "natural")]
    assert day.records()[0].record.fell_due is True


def test_no_prompt_while_quiet_and_the_prompt_comes_when_quiet_ends() -> None:
    day = Day(plan(micro_every=0))
    day.quiet = "do not disturb is on"
    day.work(61 * MIN)
    assert day.due() == [] and day.of(NoticeGiven) == []
    (held,) = day.of(BreakHeld)
    assert held.reason == "do not disturb is on"
    assert day.scheduler.view().status is Status.HELD
    day.quiet = "zoom is running"
    day.work(10)
    assert [h.reason for h in day.of(BreakHeld)] == ["do not disturb is on", "zoom is running"]
    day.quiet = None
    day.work(IDLE_CHECK_SECONDS)
    assert len(day.due()) == 1


def test_snooze_holds_prompts_until_it_is_over() -> None:
    day = Day(plan(micro_every=0))
    day.work(60 * MIN)
    day.scheduler.snooze(30 * MIN)
    assert day.scheduler.view().snooze_left == 30 * MIN
    day.work(29 * MIN)
    assert len(day.due()) == 1
    day.work(1 * MIN)
    assert len(day.of(PauseOver)) == 1
    assert len(day.due()) == 2
    assert day.records() == []  # snoozing is not an outcome


def test_working_hours_bound_the_day() -> None:
    day = Day(
        plan(micro_every=0, working_hours=parse_working_hours("09:00-17:00")),
        start="2026-03-02 08:00",
    )
    assert day.scheduler.view().status is Status.OFF_HOURS
    day.work(59 * MIN)
    assert day.due() == []
    day.work(1 * MIN)
    assert day.of(WorkingHoursBegan)
    day.work(59 * MIN)
    assert day.due() == []
    day.work(1 * MIN)
    assert len(day.due()) == 1
    day.scheduler.start()
    day.work(5 * MIN)
    day.scheduler.finish()
    day.work(8 * 60 * MIN)  # into the evening
    assert len(day.of(WorkingHoursEnded)) == 1
    assert day.scheduler.view().status is Status.OFF_HOURS
    due_by_five = len(day.due())
    day.work(3 * 60 * MIN)
    assert len(day.due()) == due_by_five


def test_a_break_left_waiting_when_the_day_ends_is_recorded_as_skipped() -> None:
    day = Day(
        plan(micro_every=0, working_hours=parse_working_hours("09:00-10:30")),
        start="2026-03-02 09:00",
    )
    day.work(61 * MIN)
    assert len(day.due()) == 1  # prompted at 10:00, never answered
    day.work(30 * MIN)
    assert day.outcomes() == [("long", DESK.name, "skipped")]
    assert day.records()[0].record.at.strftime("%H:%M") == "10:00"


def test_closing_the_reminder_settles_a_waiting_break_and_nothing_else() -> None:
    day = Day(plan(micro_every=0))
    day.work(30 * MIN)
    day.scheduler.close()
    assert day.records() == []  # nothing had fallen due
    day.work(31 * MIN)
    day.scheduler.postpone()
    day.scheduler.close()
    assert day.outcomes() == [("long", DESK.name, "postponed"), ("long", DESK.name, "skipped")]


def test_a_started_break_is_taken_the_moment_it_starts_however_it_ends() -> None:
    """Recorded at start, so a kill, a closed pane or a crash during it loses nothing."""
    day = Day(plan(micro_every=0))
    day.work(61 * MIN)
    day.scheduler.start()
    assert day.outcomes() == [("long", DESK.name, "taken")]
    assert day.scheduler.view().status is Status.IN_BREAK
    day.scheduler.start()  # a second Enter starts nothing new
    day.scheduler.close()  # the reminder ends during the routine or its summary
    assert day.outcomes() == [("long", DESK.name, "taken")]
    assert day.records()[0].record.at.strftime("%H:%M") == "10:00"  # when it fell due


def test_finishing_a_started_break_records_nothing_more_and_starts_the_count_again() -> None:
    day = Day(plan(micro_every=0))
    day.work(61 * MIN)
    day.scheduler.start()
    day.work(5 * MIN)
    day.scheduler.finish()
    assert day.outcomes() == [("long", DESK.name, "taken")]
    assert day.scheduler.view().status is Status.WORKING
    assert day.scheduler.view().active_seconds == 0


def test_working_hours_read() -> None:
    spans = parse_working_hours("09:00-12:30, 13:30-18:00")
    assert spans == ((540, 750), (810, 1080))
    assert within_hours(spans, 600) and not within_hours(spans, 780)
    assert within_hours(parse_working_hours("22:00-02:00"), 60)
    for bad in ("9-5", "25:00-26:00", "10:00-10:00"):
        try:
            parse_working_hours(bad)
        except ValueError:
            continue
        raise AssertionError(bad)


def test_starting_early_takes_the_next_break_now() -> None:
    day = Day(plan())
    day.work(5 * MIN)
    routine = day.scheduler.start()
    assert routine == NECK
    assert day.of(BreakStarted) == [BreakStarted(BreakKind.MICRO, NECK.name)]
    day.scheduler.finish()
    assert day.outcomes() == [("micro", NECK.name, "taken")]


def test_a_whole_working_day() -> None:
    """08:30 to 18:30 with hours 09:00-17:30: every answer, a lunch, a call, a suspend."""
    day = Day(
        plan(working_hours=parse_working_hours("09:00-17:30"), postpone_limit=1),
        start="2026-03-02 08:30",
    )
    day.work(30 * MIN)  # before hours: nothing counts
    assert day.due() == []

    def answer_by_taking(minutes: float) -> None:
        day.scheduler.start()
        day.work(minutes * MIN)
        day.scheduler.finish()

    day.work(20 * MIN)  # 09:20 micro
    answer_by_taking(0.5)
    day.work(20 * MIN)  # 09:40 micro
    answer_by_taking(0.5)
    day.work(20 * MIN)  # 10:01 long
    answer_by_taking(5)
    day.work(15 * MIN)
    day.away(50 * MIN)  # an early lunch: a natural long break
    day.work(20 * MIN + IDLE_CHECK_SECONDS)  # a micro break, postponed once
    assert day.scheduler.postpone()
    day.work(5 * MIN)
    assert not day.scheduler.postpone()  # the limit is one
    day.scheduler.skip()
    day.quiet = "zoom is running"  # a long call: the next prompts wait
    day.work(45 * MIN)
    day.quiet = None
    day.work(IDLE_CHECK_SECONDS)
    answer_by_taking(5)
    day.work(30 * MIN)
    day.sleep(2 * 3600)  # lid closed: a natural long break
    day.work(4 * 60 * MIN)  # the rest of the day, a prompt left unanswered...
    before_evening = len(day.records())
    day.work(60 * MIN)  # ...until hours end; the evening adds nothing
    assert day.scheduler.view().status is Status.OFF_HOURS
    assert len(day.records()) == before_evening
    assert day.outcomes() == [
        ("micro", NECK.name, "taken"),
        ("micro", EYES.name, "taken"),
        ("long", DESK.name, "taken"),
        ("long", STANDING.name, "natural"),
        ("micro", NECK.name, "postponed"),
        ("micro", NECK.name, "skipped"),
        ("long", STANDING.name, "taken"),  # the micro break held by the call grew into it
        ("micro", EYES.name, "natural"),  # prompted, not answered, then the lid closed
        ("long", DESK.name, "natural"),
        ("micro", EYES.name, "skipped"),  # prompted, never answered before the hours ended
    ]
    fell_due = [r.record.fell_due for r in day.records()]
    assert fell_due == [True, True, True, False, True, True, True, True, False, True]
    assert day.records()[3].record.at.strftime("%H:%M") == "10:21"
    assert len(day.of(WorkingHoursBegan)) == 1 and len(day.of(WorkingHoursEnded)) == 1
    assert day.polls < 20_000


def test_the_idle_source_is_asked_at_most_every_few_seconds_and_a_day_is_cheap() -> None:
    day = Day(plan(micro_every=0))
    asked: list[float] = []
    idle = day.scheduler.idle
    day.scheduler.idle = lambda: asked.append(day.mono.now()) or idle()
    day.work(8 * 60 * MIN)
    gaps = [b - a for a, b in itertools.pairwise(asked)]
    assert min(gaps) > 0 and max(gaps) <= IDLE_CHECK_SECONDS
    assert len(asked) <= 8 * 3600 / IDLE_CHECK_SECONDS + 20
