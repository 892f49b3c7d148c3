"""Bursts of keys with no pause, on every screen and dialog: the app lives, leaves on q, and
the history it writes makes sense.

Seeded, so a failure replays: the seed and the burst that broke it are in the message.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from textual.screen import ModalScreen
from tui_helpers import (
    entry,
    make_app,
    session_screen,
    sets_routine,
    settle,
    two_step_routine,
    type_ahead,
)

from stretchtimer.history.recorder import HistoryRecorder
from stretchtimer.history.records import SessionStatus
from stretchtimer.history.store import open_store
from stretchtimer.session.clock import FakeClock
from stretchtimer.session.engine import Session, SessionState
from stretchtimer.tui.screens.confirm import ConfirmQuit
from stretchtimer.tui.screens.help import HelpScreen
from stretchtimer.tui.screens.session import SessionScreen

SEED = 20261201
BURSTS = 120
#: Every key some screen or dialog answers to, and a few that none does.
KEYS = [
    *("question_mark", "q", "y", "n", "p", "r", "b", "f", "space", "enter", "plus", "minus"),
    *("m", "right", "left", "up", "down", "escape", "ctrl+p", "pagedown", "pageup", "tab"),
    *("a", "x", "e", "s", "1"),
]
#: q is what a person presses to leave, so it comes up often, and y after it.
WEIGHTS = [3 if key in ("q", "y", "n", "enter") else 1 for key in KEYS]


async def leave(pilot, app) -> None:  # type: ignore[no-untyped-def]
    """From wherever the bursts left it, q (and what each dialog needs) ends the app."""
    for _ in range(12):
        if app.return_code is not None:
            return
        screen = app.screen
        if isinstance(screen, HelpScreen):
            await pilot.press("x")
        elif isinstance(screen, ConfirmQuit):
            await pilot.press("y")
        elif isinstance(screen, ModalScreen):  # the palette, the resume question...
            await pilot.press("escape")
        else:
            await pilot.press("q")
        await settle(pilot, 2)
    raise AssertionError(f"q did not end the app; it is on {app.screen_stack}")


async def test_bursts_of_keys_on_every_screen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the palette's screenshot command writes here
    for variable in ("VISUAL", "EDITOR"):  # keys that open an editor open one that just ends
        monkeypatch.setenv(variable, "true")
    rng = random.Random(SEED)
    history_file = tmp_path / "history.db"
    clock = FakeClock()
    started: list[Session] = []
    entries = [entry(two_step_routine(), "mini"), entry(sets_routine(), "sets")]
    # An interrupted session to begin with, so the picker asks whether to resume it.
    recorder = HistoryRecorder(history_file)
    interrupted = Session(two_step_routine(), clock)
    recorder.attach(interrupted)
    interrupted.start()
    interrupted.skip()
    recorder.close()
    seen: set[str] = set()
    bursts_done = apps = 0
    while bursts_done < BURSTS:
        apps += 1
        recorder = HistoryRecorder(history_file)
        app = make_app(entries=entries, clock=clock, history=recorder, observers=[started.append])
        async with app.run_test(size=(80, 24)) as pilot:
            app.screen_change_signal.subscribe(app, lambda screen: seen.add(type(screen).__name__))
            await pilot.pause()
            while bursts_done < BURSTS and app.return_code is None:
                burst = rng.choices(KEYS, WEIGHTS, k=rng.randint(1, 8))
                type_ahead(app, *burst)
                bursts_done += 1
                if rng.random() < 0.3 and isinstance(app.screen, SessionScreen):
                    clock.advance(rng.choice([0.4, 1, 3, 7, 20]))
                    session_screen(app).tick()
                await pilot.pause()
                assert app.screen_stack, f"seed {SEED}: no screen left after {burst}"
            await leave(pilot, app)
        assert app.return_code == 0, f"seed {SEED}: exit status {app.return_code}"
        recorder.close()
    assert apps >= 3  # the bursts ended the app (with q) and it was started again
    every_screen = {"PickerScreen", "SessionScreen", "SummaryScreen", "HelpScreen"}
    every_dialog = {"ConfirmQuit", "ResumeChoice", "SafeCommandPalette", "NewRoutineName"}
    assert every_screen | every_dialog <= seen

    store = open_store(history_file)
    try:
        records = store.sessions()
    finally:
        store.close()
    # One row per session that started (plus the interrupted one), none out of nowhere.
    assert len(records) == 1 + sum(s.state is not SessionState.READY for s in started)
    for record in records:
        # Interrupted: left through the palette's Quit command in the middle of a session.
        assert record.completed + record.partial + record.skipped <= record.step_count
        assert len({step.index for step in record.steps}) == len(record.steps)
        assert record.active_seconds >= 0
        if record.status is SessionStatus.COMPLETED:
            done = record.completed + record.partial + record.skipped
            assert done == record.step_count - record.start_step  # a resumed one starts later
