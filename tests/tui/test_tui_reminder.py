"""The reminder pane in the app, on fake clocks: prompt, keys, the break and back."""

from __future__ import annotations

import gc
import shutil
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fake_idle import Keyboard
from rich.cells import cached_cell_len
from textual.dom import DOMNode
from textual.message import Message
from textual.pilot import Pilot
from tui_helpers import FakeAudio, FakeHistory, make_app, screen_text

from stretchtimer.big_digits import draw
from stretchtimer.history.records import BreakKind, BreakRecord
from stretchtimer.idle.selection import IdleSelection
from stretchtimer.remind.build import build_plan
from stretchtimer.remind.service import ActionRelay, Reminder
from stretchtimer.remind.settings import RemindSettings
from stretchtimer.routine import Routine, Step
from stretchtimer.session.clock import FakeClock
from stretchtimer.tui.app import StretchApp
from stretchtimer.tui.messages import (
    LeaveRequestedMessage,
    RoutineChosenMessage,
    WindowTitleChangedMessage,
)
from stretchtimer.tui.reminder_flow import ReminderFlow
from stretchtimer.tui.screens.reminder import ReminderScreen, SnoozePrompt
from stretchtimer.tui.screens.session import SessionScreen
from stretchtimer.tui.screens.summary import SummaryScreen
from stretchtimer.tui.widgets.reminder_clock import ReminderClock

SHORT = Routine(name="Tiny break", steps=(Step(name="Look away", hold=10, prepare=0),))


class Breaks:
    def __init__(self) -> None:
        self.records: list[BreakRecord] = []

    def record_break(self, record: BreakRecord) -> None:
        self.records.append(record)

    def breaks_since(self, moment: datetime) -> list[BreakRecord]:
        return [r for r in self.records if r.at >= moment]


class Rig:
    """A reminder on fake clocks inside the real app, and a way to let time pass."""

    def __init__(self, **settings: object) -> None:
        values: dict[str, object] = {"every": 600, "micro_every": 0, "notice": 30}
        values.update(settings)
        self.settings = RemindSettings(**values)  # type: ignore[arg-type]
        plan, routines = build_plan(self.settings, lambda _name: SHORT)
        self.clock = FakeClock()
        self.boot = FakeClock(10.0)
        start = datetime(2026, 3, 2, 9, 0).astimezone()
        self.keyboard = Keyboard()
        self.breaks = Breaks()
        self.relay = ActionRelay()
        self.reminder = Reminder(
            self.settings,
            plan,
            routines,
            clock=self.clock,
            boot_clock=self.boot,
            wall=lambda: start + timedelta(seconds=self.clock.now() - 1000.0),
            idle=IdleSelection(self.keyboard),
            history=self.breaks,
        )
        self.posted: list[Message] = []
        self.app: StretchApp = make_app(
            clock=self.clock,
            audio=FakeAudio(),
            history=FakeHistory(),
            flow=ReminderFlow(self.reminder, self.relay),
        )

    def hook(self, message: Message) -> None:
        if isinstance(
            message, RoutineChosenMessage | LeaveRequestedMessage | WindowTitleChangedMessage
        ) and not any(m is message for m in self.posted):
            self.posted.append(message)

    @property
    def screen(self) -> ReminderScreen:
        screen = self.app.screen
        assert isinstance(screen, ReminderScreen), screen
        return screen

    def advance(self, seconds: float) -> None:
        """Let time pass, waking the pane whenever its timer would."""
        target = self.clock.now() + seconds
        screen = self.screen
        while True:
            wakeup = screen._driver.wakeup
            if wakeup is None or wakeup > target:
                break
            step = max(self.clock.now(), wakeup) - self.clock.now()
            self.clock.advance(step)
            self.boot.advance(step)
            screen.tick()
        step = target - self.clock.now()
        self.clock.advance(step)
        self.boot.advance(step)
        screen.tick()


async def test_the_prompt_enter_runs_the_routine_and_q_comes_back_reset() -> None:
    rig = Rig()
    async with rig.app.run_test(size=(40, 6), message_hook=rig.hook) as pilot:
        await pilot.pause()
        text = screen_text(rig.app)
        assert "Next break in 10 min" in text and "Look away" not in text  # no session yet
        assert rig.app.window_title == "stretchtimer: break in 10m"
        rig.advance(575)
        await pilot.pause()
        assert "Break in 25 s: get ready" in screen_text(rig.app)  # the notice
        rig.advance(25)
        await pilot.pause()
        text = screen_text(rig.app)
        assert "Time for a break: Tiny break" in text
        assert "2 postpones left" in text
        assert rig.app.window_title == "stretchtimer: BREAK NOW"

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(rig.app.screen, SessionScreen)
        assert rig.app.screen.session.routine is SHORT  # the same screen as `run`
        rig.clock.advance(10)
        rig.app.screen.tick()
        await pilot.pause()
        assert isinstance(rig.app.screen, SummaryScreen)
        footer = screen_text(rig.app).splitlines()[-1]
        assert "Back to reminder" in footer and "Routines" not in footer
        described = {b.id: b.tooltip for b in rig.app.screen.help_bindings()}  # what ? lists
        assert "Back to the reminder" in described["routines"]
        assert "Back to the reminder" in described["quit"]
        rig.clock.advance(120)  # reading the summary is not work time
        await pilot.press("q")
        await pilot.pause()
        text = screen_text(rig.app)
        assert "Next break in 10 min" in text
        assert "Today 1 taken, 0 postponed, 0 skipped" in text
        assert [type(m) for m in rig.posted if not isinstance(m, WindowTitleChangedMessage)] == [
            RoutineChosenMessage
        ]
        assert [r.outcome for r in rig.breaks.records] == ["taken"]


async def test_postpone_until_none_are_left_then_skip() -> None:
    rig = Rig(postpone=300, postpone_limit=1)
    async with rig.app.run_test(size=(60, 12), notifications=True) as pilot:
        await pilot.pause()
        rig.advance(600)
        await pilot.press("p")
        await pilot.pause()
        text = screen_text(rig.app)
        assert "Postponed: break in 5 min" in text and "no postpones left" in text
        rig.advance(300)
        await pilot.pause()
        assert "no postpones left" in screen_text(rig.app)
        await pilot.press("p")
        await pilot.pause()
        assert "No postpones left." in screen_text(rig.app)
        await pilot.press("s")
        await pilot.pause()
        text = screen_text(rig.app)
        assert "Next break in 10 min" in text
        assert "Today 0 taken, 1 postponed, 1 skipped" in text


async def test_idle_pauses_the_count_and_the_pane_says_so() -> None:
    rig = Rig(idle_after=180)
    async with rig.app.run_test(size=(40, 6)) as pilot:
        await pilot.pause()
        rig.advance(120)
        rig.keyboard.idle = 200
        rig.advance(5)
        await pilot.pause()
        assert "Away 3 min: the count is paused" in screen_text(rig.app)
        assert rig.app.window_title == "stretchtimer: paused (away)"
        rig.keyboard.idle = 0
        rig.advance(5)
        await pilot.pause()
        assert "Next break in" in screen_text(rig.app)


async def test_snooze_asks_how_long_and_holds_the_prompt() -> None:
    rig = Rig()
    async with rig.app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        await pilot.press("z")
        await pilot.pause()
        assert isinstance(rig.app.screen, SnoozePrompt)
        await pilot.press("s", "o", "o", "n", "enter")
        await pilot.pause()
        assert "It must be a duration" in screen_text(rig.app)
        for key in ("backspace",) * 4 + ("2", "0", "m", "enter"):
            await pilot.press(key)
        await pilot.pause()
        assert isinstance(rig.app.screen, ReminderScreen)
        assert "Snoozed for 20 min more" in screen_text(rig.app)
        rig.advance(600)
        await pilot.pause()
        assert "held: snoozed" in screen_text(rig.app)
        rig.advance(600)
        await pilot.pause()
        assert "Time for a break" in screen_text(rig.app)


async def test_other_scripts_digits_at_the_snooze_prompt_are_refused_not_fatal() -> None:
    """A superscript two sits left of 1 on AZERTY keyboards; it once ended the reminder."""
    rig = Rig()
    async with rig.app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        await pilot.press("z")
        await pilot.pause()
        for typed in ("²", "٣", "\uff11", "Ⅻ", "½"):
            await pilot.press(typed, "enter")
            await pilot.pause()
            assert isinstance(rig.app.screen, SnoozePrompt)
            assert "It must be a duration" in screen_text(rig.app)
            await pilot.press("backspace")
        await pilot.press("2", "m", "enter")
        await pilot.pause()
        assert isinstance(rig.app.screen, ReminderScreen)
        assert "Snoozed for 2 min more" in screen_text(rig.app)


async def test_the_notification_start_button_does_what_enter_does() -> None:
    rig = Rig()
    async with rig.app.run_test(size=(40, 6)) as pilot:
        await pilot.pause()
        rig.advance(600)
        rig.relay("start")  # as the notifier's thread would
        await pilot.pause()
        await pilot.pause()
        assert isinstance(rig.app.screen, SessionScreen)


async def test_q_asks_before_the_reminder_ends() -> None:
    rig = Rig()
    async with rig.app.run_test(size=(40, 6), message_hook=rig.hook) as pilot:
        await pilot.pause()
        await pilot.press("q", "n")
        await pilot.pause()
        assert isinstance(rig.app.screen, ReminderScreen)
        await pilot.press("q", "y")
        await pilot.pause()
        assert any(isinstance(m, LeaveRequestedMessage) for m in rig.posted)


async def test_the_pane_redraws_once_a_minute_while_the_break_is_far() -> None:
    rig = Rig(every=3600)
    async with rig.app.run_test(size=(40, 6)) as pilot:
        await pilot.pause()
        before = rig.screen.redraws
        rig.advance(30 * 60)
        await pilot.pause()
        # "Worked N min" and "in N min" move together: one redraw per minute.
        assert rig.screen.redraws - before == 30
        assert rig.reminder.scheduler.view().next_kind is BreakKind.LONG


def test_snapshot_reminder_working_40x6(snap_compare: Callable[..., bool]) -> None:
    rig = Rig()

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        rig.advance(4 * 60 + 10)
        await pilot.pause()

    assert snap_compare(rig.app, terminal_size=(40, 6), run_before=run_before)


def test_snapshot_reminder_break_due_40x6(snap_compare: Callable[..., bool]) -> None:
    rig = Rig()

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        rig.advance(600)
        await pilot.pause(0.5)  # past the flash

    assert snap_compare(rig.app, terminal_size=(40, 6), run_before=run_before)


async def test_start_pressed_on_a_real_desktop_notification_starts_the_break(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From the notification server on a private bus, through the notifier's
    thread and the relay, to the session screen."""
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed (.ci/run adds it)")
    from private_bus import FakeDesktop, PrivateBus

    from stretchtimer.remind.service import open_notifier

    bus = PrivateBus(tmp_path / "bus")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus.address)
    desktop = FakeDesktop(bus)
    rig = Rig()
    notifier, problem = open_notifier(rig.settings, rig.relay)
    assert notifier is not None, problem
    rig.reminder.notifier = notifier
    try:
        async with rig.app.run_test(size=(40, 6)) as pilot:
            await pilot.pause()
            rig.advance(600)
            (shown,) = desktop.notify_calls
            desktop.press(shown["id"], "start")
            for _ in range(200):  # the signal crosses two processes and a thread
                await pilot.pause(0.02)
                if isinstance(rig.app.screen, SessionScreen):
                    break
            assert isinstance(rig.app.screen, SessionScreen)
            assert desktop.closed == [shown["id"]]  # withdrawn once the break started
    finally:
        notifier.close()
        desktop.stop()
        bus.stop()


async def test_the_help_lists_the_reminder_keys() -> None:
    rig = Rig()
    async with rig.app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(rig.app)
        assert "The reminder" in text
        assert "Postpone the break that is due" in text and "End the reminder" in text
        # Each key once: the stand-in that answers s when no skips are left is not a row.
        rows = [line.strip(" │") for line in text.splitlines()]
        assert [row for row in rows if row.startswith("s ")] == ["s   Skip the break that is due"]


async def test_prompt_after_prompt_leaves_nothing_behind() -> None:
    """An all-day pane must not grow: each prompt, its flashes and the postpone keep
    the same widgets and screens, and leave no style nodes for the garbage collector.

    Restyling a widget with styled parts (the footer's keys) makes throwaway nodes that
    only the collector frees; a class changed on the screen used to restyle the footer
    eight times a prompt, some eighty nodes, and the memory they took stayed with the
    process.
    """
    rig = Rig(every=60, postpone=60, notice=30, postpone_limit=20)

    def held() -> tuple[int, int]:
        return len(rig.app.screen_stack), len(list(rig.app.screen.walk_children()))

    async with rig.app.run_test(size=(60, 8), message_hook=rig.hook) as pilot:
        await pilot.pause()

        async def prompt_and_postpone() -> None:
            rig.advance(60)  # the notice, then the prompt
            rig.app.request_flash()  # and its cue, where there is no sound to play it
            await pilot.pause()
            assert "Time for a break" in screen_text(rig.app)
            assert not rig.app.screen.has_class("-flash")
            # The state colours the two lines; the pane, with the clock in it, keeps still.
            assert rig.app.screen.query_one("#remind-headline").has_class("-due")
            assert not rig.app.screen.query_one("#reminder").has_class("-due")
            await pilot.press("p")
            await pilot.pause()
            assert "Postponed: break in 60 s" in screen_text(rig.app)

        await prompt_and_postpone()
        before = held()
        gc.collect()
        gc.set_debug(gc.DEBUG_SAVEALL)  # keep what the collector frees, to count it
        try:
            for _ in range(3):
                await prompt_and_postpone()
            gc.collect()
            left = [o for o in gc.garbage if isinstance(o, DOMNode)]
            # A flash lights the pane, which holds the clock: its parts are restyled
            # then (four flashes on and off a prompt at most), but nothing else is.
            flashed = [o for o in left if isinstance(o.parent, ReminderClock)]
            left = [o for o in left if o not in flashed]
        finally:
            gc.set_debug(0)
            gc.garbage.clear()
        assert held() == before
        assert left == []
        assert len(flashed) <= 3 * 4 * len(ReminderClock.COMPONENT_CLASSES)  # 20 seen
        assert "Today 0 taken, 4 postponed, 0 skipped" in screen_text(rig.app)


async def test_the_pane_collects_garbage_when_its_state_changes_not_each_second(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The notice, the prompt and the postpone each free what the redraws before them
    left; the seconds counted in between do not each pay for a collection."""
    collections: list[float] = []
    monkeypatch.setattr(
        "stretchtimer.tui.screens.reminder.collect_now",
        lambda: collections.append(rig.clock.now()),
    )
    rig = Rig(every=60, postpone=60, notice=30)
    async with rig.app.run_test(size=(60, 8), message_hook=rig.hook) as pilot:
        await pilot.pause()
        collections.clear()  # the first draw sets the state too
        rig.advance(45)  # into the notice, counting seconds
        rig.advance(15)  # the prompt
        await pilot.press("p")
        await pilot.pause()
        start = rig.clock.now() - 60
        # The notice at 30 s before the break, the prompt, the postpone: not the 30 seconds.
        assert collections == [start + 30, start + 60, start + 60]
        assert "Postponed: break in 60 s" in screen_text(rig.app)


async def test_the_seconds_a_prompt_counted_are_not_kept_after_it() -> None:
    """Each second of a prompt's last minute draws a new countdown, whose rows two
    caches would keep (the digits drawn, and rich's cell widths): an all-day pane
    would grow by a prompt's worth of texts at each prompt. They are emptied once
    the prompt comes, so the next prompt reuses the same memory."""
    rig = Rig(every=60, postpone=60, notice=30, postpone_limit=20)
    async with rig.app.run_test(size=(100, 30), message_hook=rig.hook) as pilot:
        await pilot.pause()
        rig.advance(40)
        for _second in range(19):
            rig.advance(1)
            await pilot.pause()
        counted = draw.cache_info().currsize, cached_cell_len.cache_info().currsize
        rig.advance(1)  # the prompt
        await pilot.pause()
        assert "Time for a break" in screen_text(rig.app)
        await pilot.press("p")
        await pilot.pause()
        assert counted[0] >= 19  # the seconds were drawn, each once
        # The readings are gone: what is left is the screen shown now.
        assert draw.cache_info().currsize <= 2
        assert cached_cell_len.cache_info().currsize < counted[1] - 19
