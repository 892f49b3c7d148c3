"""Streaks and totals, on fixed dates."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from stretchtimer.history.records import SessionStatus
from stretchtimer.history.stats import (
    SessionFacts,
    compute_stats,
    current_streak,
    longest_streak,
    most_skipped,
    week_start,
)


def d(text: str) -> date:
    return date.fromisoformat(text)


def test_a_streak_runs_across_a_month_boundary():
    days = [d("2025-02-27"), d("2025-02-28"), d("2025-03-01"), d("2025-03-02")]
    assert current_streak(days, today=d("2025-03-02")) == 4
    assert longest_streak(days) == 4


def test_a_streak_runs_across_a_leap_day_and_a_year_end():
    assert current_streak([d("2024-02-28"), d("2024-02-29"), d("2024-03-01")], d("2024-03-01")) == 3
    assert current_streak([d("2024-12-31"), d("2025-01-01")], d("2025-01-01")) == 2


def test_a_gap_day_ends_the_streak():
    days = [d("2025-03-01"), d("2025-03-02"), d("2025-03-04"), d("2025-03-05")]
    assert current_streak(days, today=d("2025-03-05")) == 2
    assert longest_streak(days) == 2


def test_a_streak_lasts_until_the_day_without_a_break_is_over():
    days = [d("2025-03-03"), d("2025-03-04")]
    assert current_streak(days, today=d("2025-03-05")) == 2  # today's break may still come
    assert current_streak(days, today=d("2025-03-06")) == 0  # yesterday went by without one


def test_several_sessions_on_one_day_count_once():
    days = [d("2025-03-04"), d("2025-03-04"), d("2025-03-05")]
    assert current_streak(days, today=d("2025-03-05")) == 2
    assert longest_streak(days) == 2


def test_no_sessions_no_streak():
    assert current_streak([], today=d("2025-03-05")) == 0
    assert longest_streak([]) == 0


def test_the_longest_streak_can_lie_in_the_past():
    days = [d("2025-01-01") + timedelta(days=n) for n in range(10)] + [d("2025-03-05")]
    assert longest_streak(days) == 10
    assert current_streak(days, today=d("2025-03-05")) == 1


@given(st.sets(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 1, 1)), max_size=60))
def test_the_current_streak_never_beats_the_longest(days):
    today = date(2030, 1, 1)
    assert current_streak(days, today) <= longest_streak(days)


def test_weeks_start_on_monday():
    assert week_start(d("2025-03-12")) == d("2025-03-10")  # a Wednesday
    assert week_start(d("2025-03-10")) == d("2025-03-10")
    assert week_start(d("2025-03-16")) == d("2025-03-10")  # a Sunday


def test_most_skipped_ranks_by_skips_and_says_out_of_how_many():
    outcomes = (
        [("Neck roll", "skipped")] * 3
        + [("Neck roll", "completed")] * 2
        + [("Wrist circles", "skipped")] * 3
        + [("Chin tuck", "completed")] * 5
        + [("Calf raise", "skipped")]
    )
    ranked = most_skipped(outcomes, limit=2)
    assert [(s.name, s.skipped, s.finished) for s in ranked] == [
        ("Neck roll", 3, 5),
        ("Wrist circles", 3, 3),
    ]


def test_stats_totals_this_week_and_all_time():
    today = d("2025-03-12")  # a Wednesday
    sessions = [
        SessionFacts(d("2025-03-12"), 300, True),
        SessionFacts(d("2025-03-10"), 600, True),  # Monday: this week
        SessionFacts(d("2025-03-09"), 120, True),  # Sunday: last week
        SessionFacts(d("2025-03-11"), 900, False),  # quit before stretching: not counted
    ]
    stats = compute_stats(sessions, [], today)
    assert (stats.sessions_this_week, stats.minutes_this_week) == (2, 15)
    assert (stats.sessions_total, stats.minutes_total) == (3, 17)
    assert stats.current_streak == 1  # the 11th had no real session
    assert stats.longest_streak == 2


def test_the_chart_covers_whole_weeks_up_to_today():
    today = d("2025-03-12")
    stats = compute_stats([SessionFacts(today, 90, True), SessionFacts(today, 30, True)], [], today)
    assert stats.days[0].day == d("2025-02-17")  # the Monday three weeks earlier
    assert stats.days[-1].day == today
    assert len(stats.days) == 3 * 7 + 3
    assert (stats.days[-1].sessions, stats.days[-1].minutes) == (2, 2)
    assert all(day.sessions == 0 for day in stats.days[:-1])


def test_taking_away_time_through_a_routine_earns_no_streak(start_run, recorder, read_sessions):
    run = start_run()
    while run.session.summary is None:
        run.session.adjust(-10)  # the phase ends at once; no work is held
    [record] = read_sessions()
    assert record.status is SessionStatus.FINISHED  # the routine ran to its end, not completed...
    assert (record.completed, record.partial, record.skipped) == (0, 0, 4)
    assert not record.stretched
    assert recorder.current_streak() == 0  # ...but no stretching was done


def test_holding_the_steps_earns_the_streak(start_run, recorder):
    start_run().finish_steps(4)
    assert recorder.current_streak() == 1
