"""Which screen comes first, and where the app goes once a summary is closed.

The session and summary screens are the same in every mode: they only post
messages (``tui/messages.py``). What differs between modes is the way in
and the way back, and that is all a flow decides. The picker flow goes
picker -> session -> summary -> picker; a mode that waits in the background
can go its own way (reminder -> session -> summary -> reminder) with the same
screens.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

from textual.screen import Screen

from stretchtimer.routine import Routine
from stretchtimer.session.events import SessionSummary
from stretchtimer.tui.messages import SummaryClosedMessage

if TYPE_CHECKING:
    from stretchtimer.tui.app import StretchApp


class Flow(Protocol):
    def first_screen(self, app: StretchApp) -> Screen[None]:
        """The screen the app opens on."""
        ...

    def summary_screen(
        self,
        summary: SessionSummary,
        *,
        streak: int | None,
        rating: bool,
        keymap: Mapping[str, str],
    ) -> Screen[None]:
        """The summary, with its keys labelled for where this flow takes them."""
        ...

    def after_summary(self, app: StretchApp, closed: SummaryClosedMessage) -> Screen[None] | None:
        """The screen to show once a summary is closed; None leaves stretchtimer."""
        ...

    def refused(self, app: StretchApp) -> None:
        """A chosen routine has nothing to run (its ratings leave out every step)."""
        ...


class PickerFlow:
    """Choose a routine (or start the one given), stretch, see the summary, choose again."""

    def __init__(self, routine: Routine | None = None, start_step: int = 0) -> None:
        self.routine = routine
        self.start_step = start_step

    def first_screen(self, app: StretchApp) -> Screen[None]:
        if self.routine is None:
            return app.make_picker()
        return app.make_session_screen(self.routine, self.start_step)

    def summary_screen(
        self,
        summary: SessionSummary,
        *,
        streak: int | None,
        rating: bool,
        keymap: Mapping[str, str],
    ) -> Screen[None]:
        from stretchtimer.tui.screens.summary import SummaryScreen

        return SummaryScreen(summary, streak=streak, rating=rating, keymap=keymap)

    def after_summary(self, app: StretchApp, closed: SummaryClosedMessage) -> Screen[None] | None:
        return None if closed.leave else app.make_picker()

    def refused(self, app: StretchApp) -> None:
        del app  # the picker stays, to choose another
