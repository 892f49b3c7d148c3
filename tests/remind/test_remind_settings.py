"""The [remind] table and the reminder's options; the plan they make; what the pane says."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from stretchtimer.history.records import BreakKind, BreakRecord, Outcome
from stretchtimer.history.stats import BreakTally
from stretchtimer.remind.build import build_plan
from stretchtimer.remind.display import reminder_text, seconds_until_text_changes
from stretchtimer.remind.events import BreakResolved
from stretchtimer.remind.settings import (
    RemindSettings,
    SettingError,
    from_table,
    with_options,
)
from stretchtimer.remind.today import REREAD_SECONDS, TodayTally
from stretchtimer.remind.view import ReminderView, Status
from stretchtimer.session.clock import FakeClock


def test_the_table_is_read_with_durations_as_in_routine_files() -> None:
    settings = from_table(
        {
            "every": "45m",
            "micro_every": 0,
            "routines": ["desk-break", "standing-break"],
            "postpone": "10m",
            "postpone_limit": 1,
            "idle_after": "2m",
            "working_hours": "09:00-17:30",
            "quiet_programs": ["zoom"],
        }
    )
    assert (settings.every, settings.micro_every, settings.postpone) == (2700, 0, 600)
    assert settings.routines == ("desk-break", "standing-break")
    assert settings.hours() == ((540, 1050),)
    assert settings.quiet_programs == ("zoom",)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"every": "soon"}, "'every' must be a duration like 90, '45s', '20m' or '1h30m'"),
        ({"every": "2s"}, "'every' must be from 10s to 8h, not 2s"),
        ({"idle_after": 5}, "'idle_after' must be from 10s to 4h, not 5s"),
        ({"micro_every": "1s"}, "(or 0 to turn it off)"),
        ({"routines": []}, "'routines' must be a list of names"),
        ({"postpone_limit": -1}, "'postpone_limit' must be a whole number from 0 to 20"),
        ({"working_hours": "9-5"}, "'9-5' is not a span like 09:00-17:30"),
        ({"evrey": "20m"}, "'evrey' is not a setting of [remind]"),
        ({"skip": "never"}, "'skip' must be one of free, confirm, type, not 'never'"),
        ({"skip": 3}, "'skip' must be one of free, confirm, type, not that"),
        ({"skips_per_day": "two"}, "'skips_per_day' must be a whole number from 0 to 50"),
        ({"skips_per_day": True}, "'skips_per_day' must be a whole number from 0 to 50"),
        ({"long_after": 1}, "'long_after' must be 0 (off) or from 2 to 20"),
        ({"long_after": 21}, "'long_after' must be a whole number from 0 to 20"),
        ({"busy_devices": ["/dev/video*", 3]}, "'busy_devices' must be a list of paths"),
        ({"busy_devices": [""]}, "'busy_devices' must be a list of paths"),
    ],
)
def test_a_bad_value_says_what_to_fix(table: dict[str, object], message: str) -> None:
    with pytest.raises(SettingError) as caught:
        from_table(table)
    assert message in str(caught.value)


def test_options_win_over_the_table() -> None:
    settings = with_options(
        from_table({"every": "45m", "mute": False}),
        {"every": "20s", "micro_every": "0", "mute": True, "routines": None, "idle_source": None},
    )
    assert settings.every == 20 and settings.micro_every == 0 and settings.mute
    assert settings.routines == RemindSettings().routines


def test_the_plan_times_each_bundled_routine_of_the_rotation() -> None:
    plan, routines = build_plan(RemindSettings(routines=("desk-break", "standing-break")))
    assert [r.name for r in plan.routines] == ["Desk break", "Standing break"]
    assert [r.name for r in plan.micro_routines] == [
        "Micro break, neck and shoulders",
        "Micro break, eyes and neck",
    ]
    assert all(20 <= r.seconds <= 40 for r in plan.micro_routines)
    assert 240 <= plan.routines[0].seconds <= 360
    assert set(routines) == {r.name for r in (*plan.routines, *plan.micro_routines)}


def test_a_routine_given_by_path_is_called_by_its_name(tmp_path: Path) -> None:
    mine = tmp_path / "my-break.yaml"
    mine.write_text("name: My break\nsteps:\n  - name: Look away\n    hold: 20s\n")
    twin = tmp_path / "twin.yaml"
    twin.write_text(mine.read_text())
    settings = RemindSettings(routines=(str(mine), str(twin), str(mine)), micro_every=0)
    plan, routines = build_plan(settings)
    # Two files with one name stay apart: the second keeps the name it was given by.
    assert [r.name for r in plan.routines] == ["My break", str(twin), "My break"]
    assert routines["My break"].steps[0].name == "Look away"
    due = _view(status=Status.DUE, next_routine=plan.routines[0].name)
    headline = reminder_text(due, BreakTally()).headline
    assert "My break" in headline and "yaml" not in headline


def _view(**changes: object) -> ReminderView:
    values: dict[str, object] = {
        "status": Status.WORKING,
        "active_seconds": 18 * 60 + 5,
        "next_kind": BreakKind.LONG,
        "next_routine": "desk-break",
        "due_in": 41 * 60 + 55,
        "postpones_left": 2,
        "postponed": False,
        "idle_seconds": 0.0,
        "held_reason": None,
        "snooze_left": 0.0,
    }
    values.update(changes)
    return ReminderView(**values)  # type: ignore[arg-type]


def test_the_pane_fits_forty_columns_in_every_state() -> None:
    today = BreakTally(due=3, taken=2, postponed=1, skipped=1)
    for view in (
        _view(),
        _view(status=Status.DUE, due_in=0, postpones_left=0),
        _view(status=Status.IDLE, idle_seconds=260),
        _view(status=Status.HELD, held_reason="zoom is running"),
        _view(status=Status.OFF_HOURS),
        _view(postponed=True, due_in=200, postpones_left=1),
        _view(next_kind=BreakKind.MICRO, next_routine="micro-neck-shoulders", due_in=30),
    ):
        text = reminder_text(view, today)
        for line in (text.headline, text.detail, text.worked, text.today):
            assert len(line) <= 40, line
    working = reminder_text(_view(), today)
    assert working.headline == "Next break in 42 min"
    assert working.worked == "Worked 18 min since the last break"
    assert working.today == "Today 2 taken, 1 postponed, 1 skipped"
    assert working.title == "stretchtimer: break in 42m"
    due = reminder_text(_view(status=Status.DUE, postpones_left=0), today)
    assert "no postpones left" in due.detail


def test_the_text_changes_once_a_minute_until_the_last_minute() -> None:
    view = _view(due_in=41 * 60 + 55, active_seconds=18 * 60)
    assert seconds_until_text_changes(view) == pytest.approx(55)
    view = _view(due_in=30.5, active_seconds=18 * 60 + 59.9)
    assert seconds_until_text_changes(view) == pytest.approx(0.1)
    assert seconds_until_text_changes(_view(due_in=30.5, active_seconds=0)) == pytest.approx(0.5)


class History:
    """Break records as the history file holds them, shared by every reminder."""

    def __init__(self, *records: BreakRecord) -> None:
        self.records = list(records)
        self.reads = 0

    def breaks_since(self, moment: datetime) -> list[BreakRecord]:
        self.reads += 1
        return [r for r in self.records if r.at >= moment]

    def record_break(self, record: BreakRecord) -> None:
        self.records.append(record)


def test_today_is_read_from_history_so_other_reminders_and_restarts_count() -> None:
    now = datetime(2026, 3, 2, 15, 0).astimezone()
    yesterday = BreakRecord(now.replace(day=1), BreakKind.LONG, "desk-break", Outcome.TAKEN)
    morning = BreakRecord(now.replace(hour=9), BreakKind.LONG, "desk-break", Outcome.SKIPPED)
    history = History(yesterday, morning)
    clock = FakeClock()
    tally = TodayTally(lambda: now, history, now=clock.now)
    assert tally.tally() == BreakTally(due=1, skipped=1)

    # This reminder resolves a break: it is written, and read back at once.
    mine = BreakRecord(now, BreakKind.MICRO, "micro-neck-shoulders", Outcome.TAKEN)
    history.record_break(mine)
    tally.on_event(BreakResolved(mine))
    assert tally.tally() == BreakTally(due=2, taken=1, skipped=1)

    # Another reminder on the same history records one: seen within the minute.
    history.record_break(BreakRecord(now, BreakKind.LONG, "desk-break", Outcome.POSTPONED))
    reads = history.reads
    for _ in range(5):
        assert tally.tally() == BreakTally(due=2, taken=1, skipped=1)
        clock.advance(10)
    assert history.reads == reads  # not a read each time the pane looks
    clock.advance(REREAD_SECONDS)
    assert tally.tally() == BreakTally(due=2, taken=1, postponed=1, skipped=1)

    # After a restart, the same from the start.
    again = TodayTally(lambda: now, history, now=clock.now)
    assert again.tally() == tally.tally()


def test_without_history_today_counts_the_reminders_own_breaks() -> None:
    now = datetime(2026, 3, 2, 15, 0).astimezone()
    tally = TodayTally(lambda: now, now=FakeClock().now)
    tally.on_event(BreakResolved(BreakRecord(now, BreakKind.LONG, "desk-break", Outcome.TAKEN)))
    assert tally.tally() == BreakTally(due=1, taken=1)


def test_text_kept_from_the_remind_table_has_no_control_codes() -> None:
    from stretchtimer import locations
    from stretchtimer.config import read_config

    path = locations.config_file()
    path.parent.mkdir(parents=True)
    path.write_text(
        '[remind]\nidle_source = "auto\\u001b[2J"\nroutines = ["desk\\u009bbreak"]\n'
        'quiet_programs = ["zo\\u001b]0;xom"]\n'
    )
    reading = read_config(path)
    remind = reading.config.remind
    assert "idle_source" not in remind  # no such source: a problem, quoted safely
    shown = [*remind["routines"], *remind["quiet_programs"], *reading.problems]
    assert any("'idle_source' must be one of" in problem for problem in reading.problems)
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for text in shown for c in text)


def test_the_big_countdown_reads_in_the_headlines_unit() -> None:
    today = BreakTally(due=0, taken=0, postponed=0, skipped=0)
    working = reminder_text(_view(interval=3600), today)
    assert working.headline.endswith("42 min") and working.countdown == "42"
    assert reminder_text(_view(due_in=35.2), today).countdown == "36"
    assert reminder_text(_view(due_in=150 * 60), today).countdown == "2:30"
    assert reminder_text(_view(status=Status.DUE, due_in=0), today).countdown == "0"
    assert reminder_text(_view(status=Status.IN_BREAK), today).countdown == ""


def test_the_bar_fills_as_the_work_interval_goes_by() -> None:
    today = BreakTally(due=0, taken=0, postponed=0, skipped=0)
    assert reminder_text(_view(due_in=45 * 60, interval=3600), today).work_fraction == 0.25
    assert reminder_text(_view(due_in=3600, interval=3600), today).work_fraction == 0.0
    due = _view(status=Status.DUE, due_in=0, interval=3600)
    assert reminder_text(due, today).work_fraction == 1.0
    assert reminder_text(_view(status=Status.OFF_HOURS), today).work_fraction == 0.0


def test_the_day_fit_settings_are_read() -> None:
    settings = from_table(
        {
            "skip": "type",
            "skips_per_day": 3,
            "long_after": 3,
            "busy_devices": "/dev/video0",
        }
    )
    assert (settings.skip, settings.skips_per_day, settings.long_after) == ("type", 3, 3)
    assert settings.busy_devices == ("/dev/video0",)
    assert from_table({"busy_devices": []}).busy_devices == ()
    defaults = from_table({})
    assert (defaults.skip, defaults.skips_per_day, defaults.long_after) == ("free", None, 0)
    assert defaults.busy_devices == ("/dev/video*",)
