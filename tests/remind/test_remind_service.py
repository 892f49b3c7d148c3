"""The reminder put together: scheduler events reach the history, the cue sound and
a real notification server on a private bus; the server's buttons come back."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from pathlib import Path

from fake_idle import Keyboard
from private_bus import FakeDesktop

from stretchtimer.cues import Cue
from stretchtimer.history.recorder import HistoryRecorder
from stretchtimer.history.records import Outcome
from stretchtimer.idle.selection import IdleSelection
from stretchtimer.notify.dbus import open_notifier
from stretchtimer.remind.build import build_plan
from stretchtimer.remind.service import Reminder
from stretchtimer.remind.settings import RemindSettings
from stretchtimer.session.clock import FakeClock


class Sound:
    def __init__(self) -> None:
        self.cues: list[Cue] = []

    def play_cue(self, cue: Cue) -> None:
        self.cues.append(cue)


def test_a_due_break_is_heard_notified_and_recorded(desktop: FakeDesktop, tmp_path: Path) -> None:
    settings = RemindSettings(every=600, micro_every=0)
    plan, routines = build_plan(settings)
    mono, boot = FakeClock(), FakeClock(50.0)
    start = datetime(2026, 3, 2, 9, 0).astimezone()

    def wall() -> datetime:
        return start + timedelta(seconds=mono.now() - 1000.0)

    pressed: list[str] = []
    arrived = threading.Event()

    def on_action(key: str) -> None:
        pressed.append(key)
        arrived.set()

    history = HistoryRecorder(tmp_path / "history.db")
    sound = Sound()
    keyboard = Keyboard()
    reminder = Reminder(
        settings,
        plan,
        routines,
        clock=mono,
        boot_clock=boot,
        wall=wall,
        idle=IdleSelection(keyboard),
        notifier=open_notifier(on_action),
        history=history,
        sound=sound,
    )
    try:

        def run(seconds: float) -> None:
            end = mono.now() + seconds
            while (step := reminder.wake_in()) + mono.now() <= end:
                mono.advance(max(step, 0.01))
                boot.advance(max(step, 0.01))
                reminder.poll()

        assert reminder.text().headline == "Next break in 10 min"
        run(570)
        assert sound.cues == [Cue.TICK]  # the notice, 30 s before
        run(31)
        assert sound.cues == [Cue.TICK, Cue.GET_READY]
        (shown,) = desktop.notify_calls
        assert shown["summary"] == "Time for a break"
        assert shown["body"].startswith("Desk break, about ")
        assert shown["actions"] == ["start", "Start", "postpone", "Postpone"]
        assert reminder.text().headline == "Time for a break: Desk break"

        desktop.press(shown["id"], "postpone")
        assert arrived.wait(10)
        assert pressed == ["postpone"]
        assert reminder.postpone()  # what the screen does with the button
        assert desktop.closed == [shown["id"]]
        assert reminder.text().headline == "Postponed: break in 5 min"

        run(301)
        assert len(desktop.notify_calls) == 2
        routine = reminder.start()
        assert routine.name == "Desk break"
        reminder.finish()
        assert reminder.tally().taken == 1 and reminder.tally().postponed == 1
        kept = history.breaks_since(start)
        assert [r.outcome for r in kept] == [Outcome.POSTPONED, Outcome.TAKEN]
        assert reminder.describe()[0] == "Idle source: fake (the first that answered)"
        assert "fake-notifyd" in reminder.describe()[1]
    finally:
        reminder.close()
        history.close()
