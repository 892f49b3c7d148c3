"""What a skip costs in the pane: free, a y/n question, a word to type, a daily limit;
and a pause from another shell shown in the pane."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from test_tui_reminder import Rig
from textual.pilot import Pilot
from textual.widgets import Input
from tui_helpers import screen_text

from stretchtimer.tui.screens.skip_prompts import ConfirmSkip, TypeToSkip
from stretchtimer.tui.widgets.line import Line


async def test_confirm_asks_first_and_only_y_skips() -> None:
    rig = Rig(skip="confirm")
    async with rig.app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        rig.advance(600)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(rig.app.screen, ConfirmSkip)
        assert "Skip this break? y/n" in screen_text(rig.app)
        await pilot.press("n")
        await pilot.pause()
        assert "Time for a break" in screen_text(rig.app)
        assert rig.breaks.records == []
        await pilot.press("s", "y")
        await pilot.pause()
        assert "Next break in 10 min" in screen_text(rig.app)
        assert [r.outcome for r in rig.breaks.records] == ["skipped"]


async def test_type_wants_the_word_on_screen() -> None:
    rig = Rig(skip="type")
    async with rig.app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        rig.advance(600)
        await pilot.press("s")
        await pilot.pause()
        prompt = rig.app.screen
        assert isinstance(prompt, TypeToSkip)
        assert f"To skip this break, type: {prompt.word}" in screen_text(rig.app)
        await pilot.press("x", "enter")
        await pilot.pause()
        assert f"That is not '{prompt.word}'." in screen_text(rig.app)
        assert prompt.query_one("#skip-word", Input).value == ""
        assert rig.breaks.records == []
        prompt.query_one("#skip-word", Input).value = prompt.word.upper()
        await pilot.press("enter")
        await pilot.pause()
        assert "Next break in 10 min" in screen_text(rig.app)
        assert [r.outcome for r in rig.breaks.records] == ["skipped"]


async def test_with_no_skips_left_the_prompt_says_so_and_offers_start_or_postpone() -> None:
    rig = Rig(skips_per_day=1)
    async with rig.app.run_test(size=(60, 12), notifications=True) as pilot:
        await pilot.pause()
        rig.advance(600)
        assert "Skip" in screen_text(rig.app)
        await pilot.press("s")
        await pilot.pause()
        rig.advance(600)
        await pilot.pause()
        assert "2 postpones left, no skips left today" in screen_text(rig.app)
        assert "Skip" not in screen_text(rig.app)  # the footer offers no skip
        await pilot.press("s")
        await pilot.pause()
        text = screen_text(rig.app)
        assert "No skips left today:" in text
        assert [r.outcome for r in rig.breaks.records] == ["skipped"]
        await pilot.press("p")
        await pilot.pause()
        assert "Postponed: break in 5 min" in screen_text(rig.app)


async def test_a_pause_from_another_shell_shows_in_the_pane_at_once() -> None:
    rig = Rig()
    async with rig.app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        rig.reminder.scheduler.pause(45 * 60)  # what the socket's handler does
        await pilot.pause()
        text = screen_text(rig.app)
        assert "Paused until 09:45" in text and "Next break in 10 min" in text
        assert rig.app.window_title == "stretchtimer: paused until 09:45"
        rig.reminder.scheduler.resume()
        await pilot.pause()
        assert "Paused" not in screen_text(rig.app)
        # A break that fell due during a pause is prompted the moment it is resumed.
        rig.reminder.scheduler.pause(45 * 60)
        rig.advance(11 * 60)
        await pilot.pause()
        assert "A break is due: it comes when the pause ends" in screen_text(rig.app)
        rig.reminder.scheduler.resume()
        await pilot.pause()
        assert "Time for a break: Tiny break" in screen_text(rig.app)


def test_snapshot_reminder_paused_40x6(snap_compare: Callable[..., bool]) -> None:
    rig = Rig()

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        rig.reminder.scheduler.pause(45 * 60)
        await pilot.pause()

    assert snap_compare(rig.app, terminal_size=(40, 6), run_before=run_before)


def test_snapshot_confirm_skip_40x6(snap_compare: Callable[..., bool]) -> None:
    rig = Rig(skip="confirm")

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        rig.advance(600)
        await pilot.pause(0.5)  # past the flash
        await pilot.press("s")
        await pilot.pause()

    assert snap_compare(rig.app, terminal_size=(40, 6), run_before=run_before)


def test_snapshot_type_to_skip_40x6(snap_compare: Callable[..., bool]) -> None:
    rig = Rig(skip="type")

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        rig.advance(600)
        await pilot.pause(0.5)  # past the flash
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(rig.app.screen, TypeToSkip)
        rig.app.screen.word = "posture"
        rig.app.screen.query_one(".dialog-title", Line).show("To skip this break, type: posture")
        await pilot.press("x", "enter")
        await pilot.pause()

    assert snap_compare(rig.app, terminal_size=(40, 6), run_before=run_before)
