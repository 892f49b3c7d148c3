"""The weekly check-in: how each area feels, given in one line, or passed over with one key."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input

from stretchtimer.areas import SCORE_RANGE, area_name, area_names, parse_scores
from stretchtimer.i18n import N_, _
from stretchtimer.tui.screens.dialog import Dialog
from stretchtimer.tui.widgets.line import Line


class CheckinScreen(Dialog[dict[str, int] | None]):
    """Enter keeps the scores if they all read; Escape passes the check-in over."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_checkin", N_("Not now"), id="dismiss_checkin"),
    ]

    def compose(self) -> ComposeResult:
        low, high = SCORE_RANGE
        with Vertical(classes="dialog", id="checkin"):
            yield Line(_("A weekly check-in"), classes="dialog-title")
            yield Line(
                # Translators: {areas} lists the body areas by their names in the
                # catalog, which are what is typed below.
                _(
                    "How do these areas feel, {low} (fine) to {high}?\n{areas}\n"
                    "Give any of them, such as:"
                ).format(low=low, high=high, areas=", ".join(area_names()))
            )
            example = " ".join(
                f"{area_name(area)}={n}" for area, n in (("neck", 3), ("shoulders", 5))
            )
            yield Input(placeholder=example, id="scores")
            yield Line("", id="checkin-problem")
            yield Line(_("enter  keep it (stats shows it by the week)\nesc  not now"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            scores = parse_scores(event.value.split())
        except ValueError as exc:
            self.query_one("#checkin-problem", Line).show(str(exc))
            return
        self.answer(scores or None)

    def action_dismiss_checkin(self) -> None:
        self.answer(None)
