"""Rating the stretches on the summary, and the next session following the ratings (Pilot)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tui_helpers import (
    FakeHistory,
    make_app,
    screen_text,
    session_screen,
    stored_ratings,
    two_step_routine,
)

from stretchtimer.catalog import RoutineEntry
from stretchtimer.history.feedback_commands import HistoryRatings
from stretchtimer.session.clock import FakeClock
from stretchtimer.tui.messages import StepRatedMessage, SummaryClosedMessage
from stretchtimer.tui.screens.session import SessionScreen
from stretchtimer.tui.screens.summary import SummaryScreen


async def _finish_session(app, pilot, clock: FakeClock) -> None:
    screen = session_screen(app)
    while app.screen is screen:
        clock.advance(screen.session.remaining + 0.002)
        screen.tick()
        await pilot.pause()


async def test_one_key_a_stretch_rates_the_whole_list_and_keeps_each_rating(tmp_path: Path):
    db = tmp_path / "history.db"
    clock = FakeClock()
    ratings = HistoryRatings(db_path=db)
    app = make_app(two_step_routine(), clock=clock, history=FakeHistory(), ratings=ratings)
    async with app.run_test(size=(100, 30)) as pilot:
        await _finish_session(app, pilot, clock)
        assert isinstance(app.screen, SummaryScreen)
        assert "1 easy · 2 right · 3 hard · 4 hurt" in screen_text(app)
        first = next(line for line in screen_text(app).splitlines() if "Neck tilt" in line)
        assert "◂ rate" in first
        await pilot.press("1", "3")  # two keys: both stretches rated
        await pilot.pause()
        text = screen_text(app)
        assert "Neck tilt" in text and "rated easy" in text
        assert "Shoulder rolls" in text and "rated hard" in text
        assert stored_ratings(db) == [
            ("Mini break", "Neck tilt", "easy", 0),
            ("Mini break", "Shoulder rolls", "hard", 1),
        ]
        await pilot.press("up", "4")  # a change of mind: the last rating counts
        await pilot.pause()
        assert "rated hurt" in screen_text(app)
        assert stored_ratings(db)[-1] == ("Mini break", "Shoulder rolls", "hurt", 1)


async def test_a_skipped_stretch_can_be_rated_hurt_on_the_summary(tmp_path: Path):
    db = tmp_path / "history.db"
    clock = FakeClock()
    ratings = HistoryRatings(db_path=db)
    app = make_app(two_step_routine(), clock=clock, history=FakeHistory(), ratings=ratings)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")  # skip Neck tilt, as the caution asks of a step that hurts
        await pilot.pause()
        await _finish_session(app, pilot, clock)
        assert isinstance(app.screen, SummaryScreen)
        first = next(line for line in screen_text(app).splitlines() if "Neck tilt" in line)
        assert "skipped" in first and "◂ rate" in first
        await pilot.press("4")
        await pilot.pause()
        first = next(line for line in screen_text(app).splitlines() if "Neck tilt" in line)
        assert "rated hurt" in first
        assert stored_ratings(db) == [("Mini break", "Neck tilt", "hurt", 0)]


async def test_rating_is_never_required_and_the_hint_follows_the_keymap(tmp_path: Path):
    from stretchtimer.config import Config

    clock = FakeClock()
    posted: list[object] = []
    ratings = HistoryRatings(db_path=tmp_path / "history.db")
    config = Config(keymap={"rate_easy": "e,E"})
    app = make_app(
        two_step_routine(), clock=clock, config=config, history=FakeHistory(), ratings=ratings
    )
    async with app.run_test(size=(100, 30), message_hook=posted.append) as pilot:
        await _finish_session(app, pilot, clock)
        assert "Rate each stretch: e easy · 2 right · 3 hard · 4 hurt" in screen_text(app)
        await pilot.press("q")
        await pilot.pause()
    assert not any(isinstance(m, StepRatedMessage) for m in posted)
    assert any(isinstance(m, SummaryClosedMessage) and m.leave for m in posted)
    assert not (tmp_path / "history.db").exists() or stored_ratings(tmp_path / "history.db") == []


async def test_a_routine_chosen_in_the_picker_runs_as_its_ratings_adapt_it(tmp_path: Path):
    db = tmp_path / "history.db"
    ratings = HistoryRatings(db_path=db)
    assert ratings.checkin({"neck": 2}) is None  # this week's check-in is done
    for _ in range(2):
        assert ratings.rate("Mini break", "Neck tilt", 0, _easy()) is None
    routine = two_step_routine()
    entry = RoutineEntry("mini-break", Path("/r/mini-break.yaml"), "bundled", routine, ())
    app = make_app(entries=[entry], history=FakeHistory(), ratings=ratings)
    async with app.run_test(size=(100, 30)) as pilot:
        assert "hold 25 s, was 20 s: rated easy twice" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.session.routine.steps[0].hold == 25
        assert "Adapted: hold 25 s, was 20 s: rated easy twice" in screen_text(app)


async def test_the_picker_preview_lists_the_steps_and_total_the_session_will_run(
    tmp_path: Path,
):
    from stretchtimer.adapt.policy import Rating
    from stretchtimer.session.timeline import compile_timeline
    from stretchtimer.wording import length_text

    ratings = HistoryRatings(db_path=tmp_path / "history.db")
    assert ratings.checkin({"neck": 2}) is None  # this week's check-in is done
    for _ in range(2):
        assert ratings.rate("Mini break", "Neck tilt", 0, _easy()) is None
    assert ratings.rate("Mini break", "Shoulder rolls", 1, Rating.HURT) is None
    routine = two_step_routine()
    written_total = length_text(compile_timeline(routine).total_seconds)
    entry = RoutineEntry("mini-break", Path("/r/mini-break.yaml"), "bundled", routine, ())
    app = make_app(entries=[entry], history=FakeHistory(), ratings=ratings)
    async with app.run_test(size=(100, 40)) as pilot:
        text = screen_text(app)
        assert "0:25 hold · each side" in text  # the step list itself, not only the note
        assert "0:20 hold" not in text
        assert f"{written_total} in all" not in text
        assert "Shoulder rolls  left out" in text
        assert "rated hurt, and the routine gives no easier version" in text
        assert "Adapted to your ratings" in text  # the note stays
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        ran = length_text(compile_timeline(app.screen.session.routine).total_seconds)
    assert f"{ran} in all" in text


async def test_starting_at_a_step_in_the_picker_starts_there_when_an_earlier_one_is_left_out(
    tmp_path: Path,
):
    import msgspec

    from stretchtimer.adapt.policy import Rating
    from stretchtimer.routine import Step

    ratings = HistoryRatings(db_path=tmp_path / "history.db")
    assert ratings.checkin({"neck": 2}) is None  # this week's check-in is done
    assert ratings.rate("Mini break", "Neck tilt", 0, Rating.HURT) is None
    routine = two_step_routine()
    routine = msgspec.structs.replace(
        routine, steps=(*routine.steps, Step(name="Wrist circles", hold=20, prepare=5))
    )
    entry = RoutineEntry("mini-break", Path("/r/mini-break.yaml"), "bundled", routine, ())
    app = make_app(entries=[entry], history=FakeHistory(), ratings=ratings)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("right")  # step 2 of the file: Shoulder rolls
        await pilot.pause()
        assert "Enter: start at step 2 (Shoulder rolls)" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        session = app.screen.session
        assert session.routine.steps[session.current_phase.step_index].name == "Shoulder rolls"


async def test_a_routine_whose_every_step_hurt_does_not_start_and_the_picker_says_why(
    tmp_path: Path,
):
    from stretchtimer.adapt.policy import Rating
    from stretchtimer.tui.screens.picker import PickerScreen

    ratings = HistoryRatings(db_path=tmp_path / "history.db")
    assert ratings.checkin({"neck": 2}) is None  # this week's check-in is done
    assert ratings.rate("Mini break", "Neck tilt", 0, Rating.HURT) is None
    assert ratings.rate("Mini break", "Shoulder rolls", 1, Rating.HURT) is None
    routine = two_step_routine()
    entry = RoutineEntry("mini-break", Path("/r/mini-break.yaml"), "bundled", routine, ())
    app = make_app(entries=[entry], history=FakeHistory(), ratings=ratings)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)  # no session of steps that hurt
        text = screen_text(app)  # the notice says how to get them back (its end shows)
        assert "or run it with" in text and "--as-written" in text


def _easy():
    from stretchtimer.adapt.policy import Rating

    return Rating.EASY


async def test_the_picker_offers_a_check_in_at_most_once_a_week_and_one_key_dismisses_it(
    tmp_path: Path,
):
    from datetime import UTC, datetime, timedelta

    from textual.widgets import Input

    from stretchtimer.history.store import open_store
    from stretchtimer.tui.screens.checkin import CheckinScreen
    from stretchtimer.tui.screens.picker import PickerScreen

    db = tmp_path / "history.db"
    now = [datetime(2026, 12, 7, 9, tzinfo=UTC)]
    ratings = HistoryRatings(db_path=db, now=lambda: now[0])
    entry = RoutineEntry("mini", Path("/r/mini.yaml"), "bundled", two_step_routine(), ())

    assert not ratings.offer_checkin()  # nothing done yet: nothing to set a check-in beside
    store = open_store(db)
    with store.transaction():
        store.insert_session(
            routine="Mini break",
            routine_file=None,
            started_at="2026-12-06T09:00:00+00:00",
            start_step=0,
            step_count=2,
        )
    store.close()

    async def picker_opens() -> bool:
        app = make_app(entries=[entry], history=FakeHistory(), ratings=ratings)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            offered = isinstance(app.screen, CheckinScreen)
            if offered:
                await pilot.press("escape")
                await pilot.pause()
                assert isinstance(app.screen, PickerScreen)
            return offered

    assert await picker_opens()
    now[0] += timedelta(days=6)
    assert not ratings.offer_checkin()  # dismissed counts: not again within the week
    now[0] += timedelta(days=1)
    app = make_app(entries=[entry], history=FakeHistory(), ratings=ratings)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        field = app.screen.query_one(Input)
        field.value = "knee=2"
        await pilot.press("enter")
        await pilot.pause()
        assert "unknown area 'knee'" in screen_text(app)
        field.value = "neck=3 eyes=7"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT area, score FROM checkins").fetchall() == [("neck", 3), ("eyes", 7)]
    conn.close()
