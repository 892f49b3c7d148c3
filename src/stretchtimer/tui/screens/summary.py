"""The end of a session: what got done, and where to go from here.

Where "back" leads is the app's flow's call, not this screen's: it only says
whether the person wants to go back or to leave.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll

from stretchtimer.session.events import SessionSummary
from stretchtimer.tui.keys import KeyContext, MainScreen
from stretchtimer.tui.messages import SummaryClosedMessage, WindowTitleChangedMessage
from stretchtimer.tui.screens.routing import pass_on_stale_key
from stretchtimer.tui.summary_view import summary_counts, summary_steps, summary_title
from stretchtimer.tui.widgets.key_bar import KeyBar
from stretchtimer.tui.widgets.line import Line

#: Below this height the summary keeps to its outcome and counts.
SMALL_HEIGHT = 14


class SummaryScreen(MainScreen):
    KEY_CONTEXT = KeyContext.SUMMARY
    BINDINGS: ClassVar[list[BindingType]] = list(KEY_CONTEXT.bindings)
    AUTO_FOCUS = None

    def __init__(self, summary: SessionSummary, *, streak: int | None = None) -> None:
        super().__init__()
        self.summary = summary
        self.streak = streak
        self._left = False

    def compose(self) -> ComposeResult:
        with Vertical(id="summary"):
            yield Line(summary_title(self.summary), id="summary-title")
            yield Line("\n".join(summary_counts(self.summary, self.streak)), id="summary-counts")
            with VerticalScroll(id="summary-steps-box", can_focus=False):
                yield Line("\n".join(summary_steps(self.summary)), id="summary-steps")
        yield KeyBar()

    def on_mount(self) -> None:
        self.set_class(self.app.size.height < SMALL_HEIGHT, "-small")
        self.post_message(
            WindowTitleChangedMessage(f"{self.summary.routine_name} — done · stretchtimer")
        )

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.height < SMALL_HEIGHT, "-small")

    def on_key(self, event: events.Key) -> None:
        pass_on_stale_key(self, event)

    def action_routines(self) -> None:
        self._leave_with(leave=False)

    def action_exit_app(self) -> None:
        self._leave_with(leave=True)

    def _leave_with(self, *, leave: bool) -> None:
        """Only the first answer counts: a second ``b`` typed ahead must not open two pickers."""
        if not self._left:
            self._left = True
            self.post_message(SummaryClosedMessage(leave=leave))
