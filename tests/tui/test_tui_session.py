"""The session screen on Pilot, with a fake clock: whole routines in milliseconds."""

from __future__ import annotations

import asyncio
import time

import pytest
from rich.segment import Segment
from textual.screen import Screen
from tui_helpers import (
    FakeAudio,
    FakeHistory,
    advance,
    advance_to,
    make_app,
    screen_text,
    session_screen,
    sets_routine,
    two_step_routine,
)

from stretchtimer.session.clock import FakeClock
from stretchtimer.session.engine import SessionState
from stretchtimer.session.timeline import PhaseKind
from stretchtimer.tui.screens.confirm import ConfirmQuit
from stretchtimer.tui.screens.help import HelpScreen
from stretchtimer.tui.screens.summary import SummaryScreen
from stretchtimer.tui.session_view import SessionView
from stretchtimer.tui.widgets.line import Line
from stretchtimer.tui.widgets.session_clock import ClockFace, SessionClock


def shown(app: object, selector: str) -> str:
    line = session_screen(app).query_one(selector, Line)  # type: ignore[arg-type]
    return line.text if line.display else ""


async def test_whole_routine_runs_through_every_phase(
    clock: FakeClock, audio: FakeAudio, history: FakeHistory
) -> None:
    app = make_app(two_step_routine(), clock=clock, audio=audio, history=history)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        seen = []
        while app.screen is screen:
            seen.append((shown(app, "#step-name"), shown(app, "#phase"), screen.view.countdown))
            clock.advance(screen.session.remaining + 0.002)
            screen.tick()
            await pilot.pause()
        assert seen == [
            ("Neck tilt", "Get ready · Your left side", "0:05"),
            ("Neck tilt", "Hold · Your left side", "0:20"),
            ("Neck tilt", "Switch sides · Your right side", "0:05"),
            ("Neck tilt", "Hold · Your right side", "0:20"),
            ("Neck tilt", "Rest", "0:15"),
            ("Shoulder rolls", "Get ready", "0:05"),
            ("Shoulder rolls", "Reps", "0:30"),
        ]
        assert isinstance(app.screen, SummaryScreen)
        text = screen_text(app)
        assert "Mini break — all done" in text
        assert "Completed: 2" in text
        assert "Skipped: 0" in text
        assert "Active time: 1:40" in text
        assert "Streak: 3 days in a row" in text


async def test_screen_changes_once_a_second_on_deadline_boundaries(clock: FakeClock) -> None:
    app = make_app(two_step_routine(), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        session = screen.session
        advance_to(clock, screen, PhaseKind.WORK)
        start = clock.now()
        assert screen.driver.wakeup == pytest.approx(start + 1)
        clock.advance(0.5)
        screen.tick()
        assert screen.view.countdown == "0:20"
        assert screen.driver.wakeup == pytest.approx(start + 1)
        clock.advance(0.5)
        screen.tick()
        assert screen.view.countdown == "0:19"
        assert screen.driver.wakeup == pytest.approx(start + 2)
        await pilot.press("space")
        assert screen.driver.wakeup is None
        assert session.state is SessionState.PAUSED


async def test_unchanged_state_redraws_nothing(
    clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(two_step_routine(), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        await pilot.pause()
        updates: list[str] = []
        original = SessionClock.show

        def counting(self: SessionClock, face: ClockFace) -> bool:
            drawn = original(self, face)
            if drawn:
                updates.append(face.time)
            return drawn

        monkeypatch.setattr(SessionClock, "show", counting)
        refreshed: list[str] = []
        original_update = Line.update

        def counting_line(self: Line, *args: object, **kwargs: object) -> None:
            refreshed.append(self.id or "")
            original_update(self, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(Line, "update", counting_line)
        screen.tick()
        screen.tick()
        assert updates == []  # nothing moved: nothing is drawn
        clock.advance(0.4)
        screen.tick()
        assert updates == ["0:05"]  # the 5 s bar moved on by cells; the digits did not change
        clock.advance(0.6)
        screen.tick()
        assert updates == ["0:05", "0:04"]
        assert refreshed == []  # no line of text changed


async def test_real_clock_moves_the_screen_without_help() -> None:
    from stretchtimer.config import Config
    from stretchtimer.routine import Routine, Step
    from stretchtimer.tui.app import StretchApp

    routine = Routine(name="Quick", steps=(Step(name="Blink", hold=5, prepare=1),))
    app = StretchApp(routine, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        assert screen.view.phase == "Get ready"
        # What the screen showed at each of its own updates: a test slowed down by a busy
        # machine would otherwise read a later second of the hold than the one shown first.
        shown: list[SessionView] = []
        refresh = screen._refresh_from_session

        def recorded() -> None:
            refresh()
            assert screen.view is not None
            shown.append(screen.view)

        screen._refresh_from_session = recorded  # type: ignore[method-assign]
        # Only a guard against a screen that never moves; the move itself takes a second.
        deadline = time.monotonic() + 30
        while not any(v.phase == "Hold" for v in shown) and time.monotonic() < deadline:
            await pilot.pause(0.05)
        holds = [v for v in shown if v.phase == "Hold"]
        assert holds, f"the screen never moved on by itself: {shown}"
        first_hold = holds[0]
        assert first_hold.countdown == "0:05"
        assert all(v.phase == "Get ready" for v in shown[: shown.index(first_hold)])
        await pilot.press("question_mark")  # a dialog stops the real clock's timer too
        assert screen.session.state is SessionState.PAUSED


@pytest.mark.parametrize("turns", range(6))
async def test_a_session_screen_the_app_closes_around_does_not_start(
    clock: FakeClock, turns: int
) -> None:
    """The app ends (``turns`` event-loop turns) after a session screen is put up, before
    or while it mounts: no error, and the session nobody saw is not started."""
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.make_session_screen(two_step_routine())
        app.push_screen(screen)
        for _ in range(turns):
            await asyncio.sleep(0)
        app.exit()
    assert screen.session.state is SessionState.READY


async def test_services_are_attached_before_the_session_starts(
    clock: FakeClock, audio: FakeAudio, history: FakeHistory
) -> None:
    app = make_app(two_step_routine(), clock=clock, audio=audio, history=history)
    async with app.run_test(size=(80, 24)):
        assert [state for _, state in audio.attached] == [SessionState.READY]
        assert [state for _, state in history.attached] == [SessionState.READY]
        assert audio.attached[0][0] is session_screen(app).session
        assert audio.flash_handler is not None
    assert audio.closed == 1


async def test_caution_shows_while_the_first_step_gets_ready(clock: FakeClock) -> None:
    app = make_app(two_step_routine(), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        assert "⚠ Stop if anything hurts." in screen_text(app)
        advance_to(clock, screen, PhaseKind.WORK)
        await pilot.pause()
        assert "Stop if anything hurts" not in screen_text(app)


async def test_session_screen_shows_step_side_set_and_instructions(clock: FakeClock) -> None:
    app = make_app(sets_routine(), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        advance_to(clock, screen, PhaseKind.WORK)
        advance(clock, screen, 2)
        await pilot.pause()
        text = screen_text(app)
        assert "Sets · step 1 of 2" in text
        assert "Chin tuck" in text
        assert "stretch" in text
        assert "Hold · Your left side · set 1 of 2" in text
        assert "Next: switch to your right side" in text
        assert screen.view.countdown == "0:28"
        assert screen.query_one(SessionClock).face.time == "0:28"
        advance_to(clock, screen, PhaseKind.SWITCH)
        await pilot.pause()
        assert "Switch sides · Your right side · set 1 of 2" in screen_text(app)


async def test_rep_step_counts_reps(clock: FakeClock) -> None:
    app = make_app(two_step_routine(), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        advance_to(clock, screen, PhaseKind.WORK, reps=True)
        await pilot.pause()
        assert "Rep 1 of 10" in screen_text(app)
        assert "warm-up" in screen_text(app)
        advance(clock, screen, 9)
        await pilot.pause()
        assert "Rep 4 of 10" in screen_text(app)
        assert "1. Roll both shoulders back." in screen_text(app)


async def test_window_title_follows_the_countdown(clock: FakeClock) -> None:
    app = make_app(two_step_routine(), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        assert app.window_title == "0:05 Get ready · Neck tilt — stretchtimer"
        advance(clock, screen, 1)
        # Written in the same wake-up as the frame, not by a later turn of the app's queue.
        assert app.window_title == "0:04 Get ready · Neck tilt — stretchtimer"
        await pilot.pause()
        assert app.window_title == "0:04 Get ready · Neck tilt — stretchtimer"
        await pilot.press("space")
        await pilot.pause()
        assert app.window_title == "0:04 PAUSED · Neck tilt — stretchtimer"


@pytest.mark.parametrize("size", [(30, 8), (60, 16), (10, 3)])
async def test_small_terminals_get_plain_text_and_never_crash(
    clock: FakeClock, size: tuple[int, int]
) -> None:
    app = make_app(two_step_routine(), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        assert not screen.query_one(SessionClock).compact
        await pilot.resize_terminal(*size)
        await pilot.pause()
        advance(clock, screen, 1)
        await pilot.pause()
        text = screen_text(app)
        assert screen.query_one(SessionClock).compact
        if size == (30, 8):
            assert "0:04" in text
            assert "Get ready" in text
            await pilot.press("space")
            assert "PAUSED" in screen_text(app)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not screen.query_one(SessionClock).compact


async def test_resizing_every_screen_never_crashes(clock: FakeClock) -> None:
    app = make_app(two_step_routine(), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        for size in [(1, 1), (120, 40), (80, 24)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
        await pilot.press("question_mark")
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.press("q", "y")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        for size in [(5, 2), (80, 24)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        for size in [(5, 2), (80, 24)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()


async def test_quit_while_paused_stays_paused_when_cancelled(clock: FakeClock) -> None:
    app = make_app(two_step_routine(), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        await pilot.press("space", "q")
        assert isinstance(app.screen, ConfirmQuit)
        await pilot.press("escape")
        assert app.screen is screen
        assert screen.session.state is SessionState.PAUSED


async def test_a_session_under_the_help_screen_waits_for_it_to_close(
    clock: FakeClock,
) -> None:
    app = make_app(two_step_routine(), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        advance_to(clock, screen, PhaseKind.WORK, reps=True)
        left = screen.session.remaining
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        advance(clock, screen, 30)  # longer than the reps had left
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert app.screen is screen
        assert screen.session.remaining == left
        advance(clock, screen, 30)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)


async def test_history_messages_become_notifications(clock: FakeClock) -> None:
    history = FakeHistory()
    history.messages.append("History could not be saved: disk full")
    app = make_app(two_step_routine(), clock=clock, history=history)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert "History could not be saved" in screen_text(app)


async def test_flash_from_another_thread(clock: FakeClock, audio: FakeAudio) -> None:
    import threading

    app = make_app(two_step_routine(), clock=clock, audio=audio)
    async with app.run_test(size=(80, 24)) as pilot:
        assert audio.flash_handler is not None
        # Every change of the flash, as it happens: polling could miss a short flash on a
        # busy machine, or look before the timer that ends it has had its turn.
        screen = app.screen
        flashes: list[str] = []
        add, remove = screen.add_class, screen.remove_class

        def added(*names: str, update: bool = True) -> Screen[object]:
            flashes.extend("on" for name in names if name == "-flash")
            return add(*names, update=update)

        def removed(*names: str, update: bool = True) -> Screen[object]:
            flashes.extend("off" for name in names if name == "-flash" and screen.has_class(name))
            return remove(*names, update=update)

        screen.add_class = added  # type: ignore[method-assign]
        screen.remove_class = removed  # type: ignore[method-assign]
        thread = threading.Thread(target=audio.flash_handler)
        thread.start()
        thread.join()
        for _ in range(200):  # a guard only: the flash ends by itself within a second
            if flashes == ["on", "off"]:
                break
            await pilot.pause(0.05)
        assert flashes == ["on", "off"]
        assert not screen.has_class("-flash")


async def test_suspend_pauses_and_resume_keeps_it_paused(clock: FakeClock) -> None:
    app = make_app(two_step_routine(), clock=clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = session_screen(app)
        advance(clock, screen, 2)
        app.app_suspend_signal.publish(app)
        assert screen.session.state is SessionState.PAUSED
        clock.advance(60)
        app.app_resume_signal.publish(app)
        # The note goes up through a few hops of messages and a mount: waited for by turns.
        for _ in range(50):
            await pilot.pause()
            if "Paused while you were" in screen_text(app):
                break
        screen.tick()
        assert screen.session.state is SessionState.PAUSED
        assert screen.view.countdown == "0:03"
        assert "Paused while you were" in screen_text(app)


async def test_keymap_from_config_remaps_keys(clock: FakeClock) -> None:
    from stretchtimer.config import Config

    app = make_app(
        two_step_routine(), clock=clock, config=Config(keymap={"pause": "k", "next": "j"})
    )
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        await pilot.press("space")
        assert screen.session.state is SessionState.RUNNING
        await pilot.press("k")
        assert screen.session.state is SessionState.PAUSED
        await pilot.press("j")
        assert screen.session.current_step.name == "Shoulder rolls"
        await pilot.press("question_mark")
        text = screen_text(app)
        assert "k      Pause or resume" in text
        assert "j      Skip to the next step" in text


async def test_mute_without_audio_says_so(clock: FakeClock) -> None:
    app = make_app(two_step_routine(), clock=clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert "Sound is not available" in screen_text(app)


async def test_theme_is_applied_and_a_new_choice_is_saved(clock: FakeClock) -> None:
    from stretchtimer.config import Config, load_config

    app = make_app(two_step_routine(), clock=clock, config=Config(theme="nord"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == "nord"
        await pilot.pause()
        assert load_config().theme == "textual-dark"  # starting does not write
        app.theme = "gruvbox"
        await pilot.pause()
        assert load_config().theme == "gruvbox"
        assert app.config.theme == "gruvbox"


async def test_the_plain_countdown_is_current_the_moment_it_is_shown(clock: FakeClock) -> None:
    app = make_app(two_step_routine(), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        advance(clock, screen, 2)  # the hidden one-line countdown is not redrawn meanwhile
        await pilot.pause()
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        assert screen.query_one(SessionClock).compact
        assert "0:03" in screen_text(app)


def bar_and_digit_segments(app: object) -> list[Segment]:
    """The phase bar and the first line of the big digits, as drawn now."""
    clock = session_screen(app).query_one(SessionClock)  # type: ignore[arg-type]
    rows = [clock.render_line(y) for y in range(clock.size.height)]
    [bar] = [row for row in rows if row.text.startswith("Phase")]
    return [*bar, *rows[0]]


async def test_bars_and_digits_take_the_colours_of_a_new_theme(clock: FakeClock) -> None:
    from stretchtimer.config import Config

    app = make_app(two_step_routine(), clock=clock, config=Config(theme="nord"))
    async with app.run_test(size=(80, 24)) as pilot:
        advance(clock, session_screen(app), 3)
        await pilot.pause()

        def colours() -> set[object]:
            return {segment.style.color for segment in bar_and_digit_segments(app) if segment.style}

        before = colours()
        app.theme = "gruvbox"
        await pilot.pause()
        after = colours()
        assert before and after
        assert before.isdisjoint(after)


async def test_a_flash_tints_the_bars_and_digits_and_they_return(clock: FakeClock) -> None:
    app = make_app(two_step_routine(), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        advance(clock, screen, 3)
        await pilot.pause()

        def backgrounds() -> set[object]:
            return {
                segment.style.bgcolor for segment in bar_and_digit_segments(app) if segment.style
            }

        normal = backgrounds()
        screen.add_class("-flash")
        await pilot.pause()
        flashed = backgrounds()
        screen.remove_class("-flash")
        await pilot.pause()
        assert len(normal) == 1 and len(flashed) == 1 and flashed != normal
        assert backgrounds() == normal


async def test_the_digits_take_each_phases_colour_and_the_rep_count_its_own_row(
    clock: FakeClock,
) -> None:
    app = make_app(two_step_routine(), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        widget = screen.query_one(SessionClock)

        def digit_colours() -> set[object]:
            return {s.style.color for s in widget.render_line(0) if s.style and s.text.strip()}

        preparing = digit_colours()
        height = widget.size.height
        advance_to(clock, screen, PhaseKind.WORK)
        await pilot.pause()
        working = digit_colours()
        assert len(preparing) == len(working) == 1
        assert preparing != working
        assert widget.size.height == height  # a hold has no rep row
        await pilot.press("space")
        await pilot.pause()
        assert digit_colours() not in (preparing, working)  # paused: greyed
        await pilot.press("space")
        advance_to(clock, screen, PhaseKind.WORK, reps=True)
        await pilot.pause()
        assert widget.size.height == height + 1  # the rep count has a row of its own
        rows = [widget.render_line(y).text for y in range(widget.size.height)]
        assert rows[widget.digit_rows].strip() == widget.face.reps != ""
