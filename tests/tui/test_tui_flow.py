"""What the screens tell the app, and a flow other than the picker's reusing them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static
from tui_helpers import (
    CautionsAlreadyRead,
    FakeHistory,
    entry,
    make_app,
    screen_text,
    session_screen,
    two_step_routine,
)

from stretchtimer.config import Config
from stretchtimer.routine import Routine
from stretchtimer.session.clock import FakeClock
from stretchtimer.session.events import SessionSummary, StepStatus
from stretchtimer.tui.app import StretchApp
from stretchtimer.tui.messages import (
    LeaveRequestedMessage,
    RoutineChosenMessage,
    SessionFinishedMessage,
    SessionStartedMessage,
    StepStartedMessage,
    SummaryClosedMessage,
    WindowTitleChangedMessage,
)
from stretchtimer.tui.screens.picker import PickerScreen
from stretchtimer.tui.screens.session import SessionScreen
from stretchtimer.tui.screens.summary import SummaryScreen

OURS = (
    LeaveRequestedMessage,
    RoutineChosenMessage,
    SessionFinishedMessage,
    SessionStartedMessage,
    StepStartedMessage,
    SummaryClosedMessage,
    WindowTitleChangedMessage,
)


class Posted:
    """A ``message_hook`` keeping our messages once each (a bubbling message is seen twice)."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    def __call__(self, message: Message) -> None:
        if isinstance(message, OURS) and not any(m is message for m in self.messages):
            self.messages.append(message)

    def of(self, kind: type[Message]) -> list[Message]:
        return [m for m in self.messages if isinstance(m, kind)]

    def kinds(self) -> list[str]:
        names = [
            type(m).__name__ for m in self.messages if not isinstance(m, WindowTitleChangedMessage)
        ]
        return names


async def test_picker_session_summary_and_back_post_typed_messages(clock: FakeClock) -> None:
    posted = Posted()
    app = make_app(clock=clock, entries=[entry(two_step_routine(), "mini-break")])
    async with app.run_test(size=(80, 24), message_hook=posted) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = session_screen(app)
        await pilot.press("n")  # skip the first step
        await pilot.pause()
        await pilot.press("q", "y")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)

    assert posted.kinds() == [
        "RoutineChosenMessage",
        "SessionStartedMessage",
        "StepStartedMessage",
        "SessionFinishedMessage",
        "SummaryClosedMessage",
    ]
    (chosen,) = posted.of(RoutineChosenMessage)
    assert isinstance(chosen, RoutineChosenMessage)
    assert (chosen.routine.name, chosen.start_step) == ("Mini break", 0)
    (finished,) = posted.of(SessionFinishedMessage)
    assert isinstance(finished, SessionFinishedMessage)
    assert finished.session is screen.session
    assert finished.summary.quit
    assert [r.status for r in finished.summary.results] == [StepStatus.SKIPPED] * 2
    (closed,) = posted.of(SummaryClosedMessage)
    assert isinstance(closed, SummaryClosedMessage) and not closed.leave
    titles = [
        m.text
        for m in posted.of(WindowTitleChangedMessage)
        if isinstance(m, WindowTitleChangedMessage)
    ]
    assert titles[0] == "stretchtimer — choose a routine"
    assert "Mini break — ended · stretchtimer" in titles  # every step skipped: not "done"
    assert titles[-1] == "stretchtimer — choose a routine"


async def test_the_resume_choice_is_in_the_message(clock: FakeClock) -> None:
    posted = Posted()
    history = FakeHistory(interrupted={"Mini break": 1})
    app = make_app(clock=clock, entries=[entry(two_step_routine(), "mini-break")], history=history)
    async with app.run_test(size=(80, 24), message_hook=posted) as pilot:
        await pilot.press("enter", "escape")  # asked, then cancelled: nothing posted
        await pilot.pause()
        assert posted.of(RoutineChosenMessage) == []
        await pilot.press("enter", "r")
        await pilot.pause()
        await pilot.press("q", "y")
        await pilot.pause()
        await pilot.press("b", "enter", "f")
        await pilot.pause()
    starts = [
        m.start_step for m in posted.of(RoutineChosenMessage) if isinstance(m, RoutineChosenMessage)
    ]
    assert starts == [1, 0]


async def test_leaving_from_the_summary_ends_the_app_with_status_0(clock: FakeClock) -> None:
    posted = Posted()
    app = make_app(two_step_routine(), clock=clock)
    async with app.run_test(size=(80, 24), message_hook=posted) as pilot:
        await pilot.press("q", "y")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    (closed,) = posted.of(SummaryClosedMessage)
    assert isinstance(closed, SummaryClosedMessage) and closed.leave
    assert app.return_code == 0


async def test_leaving_from_the_picker_is_a_message_too(clock: FakeClock) -> None:
    posted = Posted()
    app = make_app(clock=clock, entries=[entry(two_step_routine(), "mini-break")])
    async with app.run_test(size=(80, 24), message_hook=posted) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert posted.kinds() == ["LeaveRequestedMessage"]
    assert app.return_code == 0


async def test_history_problems_that_arise_mid_session_are_shown(clock: FakeClock) -> None:
    history = FakeHistory()
    app = make_app(two_step_routine(), clock=clock, history=history)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert "History" not in screen_text(app)
        history.messages.append("disk full")
        await pilot.press("n")  # a new step: the app looks for news from history
        await pilot.pause()
        assert "disk full" in screen_text(app)
        history.messages.append("file gone")
        await pilot.press("q", "y")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "file gone" in screen_text(app)


class Waiting(Screen[None]):
    """Stands in for a mode that waits in the background and then offers a break."""

    BINDINGS: ClassVar[list[BindingType]] = [("s", "start", "Start")]

    def __init__(self, routine: Routine, visit: int) -> None:
        super().__init__()
        self.routine = routine
        self.visit = visit

    def compose(self) -> ComposeResult:
        yield Static(f"waiting, visit {self.visit}")

    def action_start(self) -> None:
        self.post_message(RoutineChosenMessage(self.routine))


class WaitingFlow:
    """waiting -> session -> summary -> waiting again, whatever key closed the summary."""

    def __init__(self, routine: Routine) -> None:
        self.routine = routine
        self.visits = 0

    def first_screen(self, app: StretchApp) -> Screen[None]:
        return self._waiting()

    def summary_screen(
        self,
        summary: SessionSummary,
        *,
        streak: int | None,
        rating: bool,
        keymap: Mapping[str, str],
    ) -> Screen[None]:
        return SummaryScreen(summary, streak=streak, rating=rating, keymap=keymap)

    def after_summary(self, app: StretchApp, closed: SummaryClosedMessage) -> Screen[None] | None:
        return self._waiting()

    def refused(self, app: StretchApp) -> None:
        del app

    def _waiting(self) -> Waiting:
        self.visits += 1
        return Waiting(self.routine, self.visits)


async def test_another_flow_reuses_the_session_and_summary_screens(clock: FakeClock) -> None:
    flow = WaitingFlow(two_step_routine())
    history = FakeHistory()
    app = StretchApp(
        None,
        config=Config(),
        clock=clock,
        history=history,
        flow=flow,
        cautions=CautionsAlreadyRead(),
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, Waiting)
        for visit in (1, 2):
            assert isinstance(app.screen, Waiting) and app.screen.visit == visit
            await pilot.press("s")
            await pilot.pause()
            assert isinstance(app.screen, SessionScreen)
            await pilot.press("q", "y")
            await pilot.pause()
            assert isinstance(app.screen, SummaryScreen)
            await pilot.press("q")  # "leave", but this flow goes back to waiting
            await pilot.pause()
        assert isinstance(app.screen, Waiting) and app.screen.visit == 3
        assert app.main_screen is app.screen
        assert len(history.attached) == 2
        assert app.return_code is None  # still running
