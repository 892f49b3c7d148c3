"""The end of a session: what got done, and where to go from here.

Where "back" leads is the app's flow's call, not this screen's: it only says
whether the person wants to go back or to leave.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll

from stretchtimer.adapt.policy import Rating
from stretchtimer.i18n import _
from stretchtimer.session.events import SessionSummary
from stretchtimer.session.outcome import all_done
from stretchtimer.tui import styles
from stretchtimer.tui.key_order import pass_on_stale_key
from stretchtimer.tui.keys import BREAK_SUMMARY_BINDINGS, KeyContext, MainScreen
from stretchtimer.tui.messages import (
    StepRatedMessage,
    SummaryClosedMessage,
    WindowTitleChangedMessage,
)
from stretchtimer.tui.summary_view import (
    rateable,
    rated_steps,
    rating_hint,
    summary_counts,
    summary_outcome_line,
    summary_steps,
    summary_title,
)
from stretchtimer.tui.widgets.key_bar import KeyBar
from stretchtimer.tui.widgets.line import Line

#: Below this height the summary keeps to its outcome and counts.
SMALL_HEIGHT = 14


class SummaryScreen(MainScreen):
    CSS_PATH = styles.SUMMARY
    KEY_CONTEXT = KeyContext.SUMMARY
    BINDINGS: ClassVar[list[BindingType]] = list(KEY_CONTEXT.bindings)
    AUTO_FOCUS = None

    def __init__(
        self,
        summary: SessionSummary,
        *,
        streak: int | None = None,
        rating: bool = False,
        keymap: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.summary = summary
        self.streak = streak
        self._left = False
        #: The steps that may be rated (places in the results); none when ratings are off.
        self._rateable = rateable(summary) if rating else []
        self._cursor = 0
        #: Each rated step's rating, by its place in the results.
        self.ratings: dict[int, str] = {}
        #: Each rating's key as the person's keymap has it, for the hint.
        self._rating_keys = {
            rating.value: (keymap or {}).get(f"rate_{rating.value}", str(n)).split(",")[0]
            for n, rating in enumerate(Rating, start=1)
        }

    def compose(self) -> ComposeResult:
        with Vertical(id="summary"):
            yield Line(summary_title(self.summary), id="summary-title")
            # A small terminal has room for the outcome alone, whole.
            yield Line(summary_outcome_line(self.summary), id="summary-outcome")
            yield Line("\n".join(summary_counts(self.summary, self.streak)), id="summary-counts")
            with VerticalScroll(id="summary-steps-box", can_focus=False):
                yield Line(self._steps_text(), id="summary-steps")
            if self._rateable:
                yield Line(rating_hint(self._rating_keys), id="summary-rating-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self.set_class(self.app.size.height < SMALL_HEIGHT, "-small")
        name = self.summary.routine_name
        title = (
            _("{routine} — done · stretchtimer")
            if all_done(self.summary)
            else _("{routine} — ended · stretchtimer")
        )
        self.post_message(WindowTitleChangedMessage(title.format(routine=name)))

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.height < SMALL_HEIGHT, "-small")

    def on_key(self, event: events.Key) -> None:
        pass_on_stale_key(self, event)

    def _steps_text(self) -> str:
        if not self._rateable:
            return "\n".join(summary_steps(self.summary))
        cursor = self._rateable[self._cursor] if self._cursor < len(self._rateable) else None
        return "\n".join(rated_steps(self.summary, self.ratings, cursor))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("rate", "rating_step"):
            return bool(self._rateable)
        return True

    def action_rate(self, word: str) -> None:
        """Rate the highlighted stretch and move on, so the whole list takes a key a step."""
        if not self._rateable or self._cursor >= len(self._rateable):
            return
        place = self._rateable[self._cursor]
        result = self.summary.results[place]
        rating = Rating(word)
        self.ratings[place] = rating.value
        self.post_message(
            StepRatedMessage(self.summary.routine_key, result.step_index, result.key, rating)
        )
        self._cursor = min(self._cursor + 1, len(self._rateable))
        self.query_one("#summary-steps", Line).show(self._steps_text())

    def action_rating_step(self, by: int) -> None:
        if self._rateable:
            self._cursor = max(0, min(len(self._rateable) - 1, self._cursor + by))
            self.query_one("#summary-steps", Line).show(self._steps_text())

    def action_routines(self) -> None:
        self._leave_with(leave=False)

    def action_exit_app(self) -> None:
        self._leave_with(leave=True)

    def _leave_with(self, *, leave: bool) -> None:
        """Only the first answer counts: a second ``b`` typed ahead must not open two pickers."""
        if not self._left:
            self._left = True
            self.post_message(SummaryClosedMessage(leave=leave))


class BreakSummaryScreen(SummaryScreen):
    """The summary of a reminder's break, where ``b`` and ``q`` both lead back to the reminder."""

    BINDINGS: ClassVar[list[BindingType]] = list(BREAK_SUMMARY_BINDINGS)

    def help_bindings(self) -> Sequence[Binding]:
        return BREAK_SUMMARY_BINDINGS
