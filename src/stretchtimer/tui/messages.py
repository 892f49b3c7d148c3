"""Every message the app handles, typed: what screens tell it, and the flash.

Screens never call the app: they post one of these and the app (through its
flow, ``tui/flow.py``) decides what happens next. So a screen can be reused in
another mode unchanged, and tests can assert on exactly what a screen asked
for with ``run_test(message_hook=...)``.

Every name ends in ``Message`` (its handler in ``_message``): the engine's
events have names of their own (``SessionStarted``, ``SessionFinished``), and
a message about a session is told apart from the event at a glance.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from stretchtimer.routine import Routine
from stretchtimer.session.engine import Session
from stretchtimer.session.events import SessionSummary

if TYPE_CHECKING:
    from stretchtimer.adapt.policy import Rating


class RoutineChosenMessage(Message):
    """Start ``routine`` at ``start_step`` (0-based)."""

    def __init__(self, routine: Routine, start_step: int = 0) -> None:
        super().__init__()
        self.routine = routine
        self.start_step = start_step


class EditRequestedMessage(Message):
    """Open the routine file at ``path`` in the person's editor (a bundled one is copied)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path


class NewRoutineRequestedMessage(Message):
    """Make a routine of the person's own from a copy of ``source`` (None: the template)."""

    def __init__(self, source: Path | None, suggested_name: str) -> None:
        super().__init__()
        self.source = source
        self.suggested_name = suggested_name


class LeaveRequestedMessage(Message):
    """The person wants to leave stretchtimer."""


class WindowTitleChangedMessage(Message):
    """The terminal's title should now read ``text``."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class SessionMessage(Message):
    """Something happened in a session; the base of the messages below.

    The app handles this base class in one place, which is where it shows the
    history's messages (a write that failed is reported while it is news).
    """

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session


class SessionStartedMessage(SessionMessage):
    """The screen started (or took over) its session."""


class CautionReadMessage(SessionMessage):
    """The routine's caution stayed on screen until a key was pressed: it has been read."""


class StepStartedMessage(SessionMessage):
    """The session moved to another step."""


class SessionFinishedMessage(SessionMessage):
    """The session ended (every step done, or quit); ``summary`` says how it went."""

    def __init__(self, session: Session, summary: SessionSummary) -> None:
        super().__init__(session)
        self.summary = summary


class SummaryClosedMessage(Message):
    """The person is done with a summary.

    ``leave`` is True when they asked to leave stretchtimer, False when they
    asked to go back (to the routines, or wherever the flow says back is).
    """

    def __init__(self, *, leave: bool) -> None:
        super().__init__()
        self.leave = leave


class FigureToggledMessage(Message):
    """The person showed or hid the stretch figure; ``shown`` is the new choice, to remember."""

    def __init__(self, *, shown: bool) -> None:
        super().__init__()
        self.shown = shown


class FlashRequestedMessage(Message):
    """Flash the screen (the bell's visual stand-in); posted from the audio worker's thread."""


class StepRatedMessage(Message):
    """The person rated step ``step_index`` (0-based) of the session just done."""

    def __init__(self, routine_name: str, step_index: int, step_name: str, rating: Rating) -> None:
        super().__init__()
        self.routine_name = routine_name
        self.step_index = step_index
        self.step_name = step_name
        self.rating = rating


class CheckinGivenMessage(Message):
    """The person said how areas feel (``scores``: area to 0..10); empty when dismissed."""

    def __init__(self, scores: dict[str, int]) -> None:
        super().__init__()
        self.scores = scores
