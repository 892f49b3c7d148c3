"""The reminder's way through the app: reminder -> session -> summary -> reminder.

The session and summary screens are the ones ``run`` uses. Whatever the
person does on the summary (or if they quit the routine early), the break
counts as taken, the timer starts again and the reminder comes back; only
the reminder's own ``q`` leaves.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual.screen import Screen

from stretchtimer.session.events import SessionSummary
from stretchtimer.tui.messages import SummaryClosedMessage
from stretchtimer.tui.screens.reminder import ReminderScreen
from stretchtimer.tui.screens.summary import BreakSummaryScreen

if TYPE_CHECKING:
    from stretchtimer.control.server import ControlServer
    from stretchtimer.remind.service import ActionRelay, Reminder
    from stretchtimer.tui.app import StretchApp


class ReminderFlow:
    def __init__(
        self,
        reminder: Reminder,
        relay: ActionRelay | None = None,
        control: ControlServer | None = None,
    ) -> None:
        self.reminder = reminder
        self.relay = relay
        self.control = control

    def first_screen(self, app: StretchApp) -> Screen[None]:
        if self.control is not None:
            # Requests from other shells run on the app's loop, like a key press.
            self.control.start(app.call_from_thread)
        return ReminderScreen(self.reminder, self.relay)

    def summary_screen(
        self,
        summary: SessionSummary,
        *,
        streak: int | None,
        rating: bool,
        keymap: Mapping[str, str],
    ) -> Screen[None]:
        return BreakSummaryScreen(summary, streak=streak, rating=rating, keymap=keymap)

    def after_summary(self, app: StretchApp, closed: SummaryClosedMessage) -> Screen[None] | None:
        del closed  # back to the reminder either way
        self.reminder.finish()
        return ReminderScreen(self.reminder, self.relay)

    def refused(self, app: StretchApp) -> None:
        # The break had started: it ends with nothing done, and the reminder carries on.
        self.reminder.finish()
        app.show(ReminderScreen(self.reminder, self.relay))
