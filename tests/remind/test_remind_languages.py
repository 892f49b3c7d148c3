"""A reminder speaking German names the break in German and keeps it under the file's name."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from fake_idle import Keyboard

from stretchtimer.bundled_steps import bundled_step
from stretchtimer.catalog import resolve
from stretchtimer.history.recorder import HistoryRecorder
from stretchtimer.history.records import Outcome
from stretchtimer.idle.selection import IdleSelection
from stretchtimer.loader import load_routine
from stretchtimer.remind.build import build_plan
from stretchtimer.remind.service import Reminder
from stretchtimer.remind.settings import RemindSettings
from stretchtimer.routine import Routine
from stretchtimer.session.clock import FakeClock


def _german(spec: str) -> Routine:
    return load_routine(resolve(spec), bundled_step, language="de")


def test_a_break_shown_in_german_is_kept_under_the_routines_own_name(tmp_path: Path) -> None:
    settings = RemindSettings(every=600, micro_every=0)
    plan, routines = build_plan(settings, _german)
    mono, boot = FakeClock(), FakeClock(50.0)
    start = datetime(2026, 3, 2, 9, 0).astimezone()
    history = HistoryRecorder(tmp_path / "history.db")
    reminder = Reminder(
        settings,
        plan,
        routines,
        clock=mono,
        boot_clock=boot,
        wall=lambda: start + timedelta(seconds=mono.now() - 1000.0),
        idle=IdleSelection(Keyboard()),
        notifier=None,
        history=history,
        sound=None,
    )
    try:
        mono.advance(601)
        boot.advance(601)
        reminder.poll()
        assert reminder.text().headline.endswith(": Schreibtischpause")
        assert reminder.start().name == "Schreibtischpause"
        reminder.finish()
        [kept] = history.breaks_since(start)
        assert (kept.routine, kept.outcome) == ("Desk break", Outcome.TAKEN)
    finally:
        reminder.close()
        history.close()
