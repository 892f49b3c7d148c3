"""Asking for a new routine's name, checked as it is given."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input

from stretchtimer.i18n import N_, _
from stretchtimer.tui.screens.dialog import Dialog
from stretchtimer.tui.widgets.line import Line


class NewRoutineName(Dialog[str | None]):
    """Enter takes the name if ``check`` finds nothing wrong with it; Escape cancels.

    ``check`` returns what is wrong with a name (taken, or not a file name),
    or None; the problem is shown in the dialog so the person can fix it there.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), id="cancel"),
    ]

    def __init__(
        self, suggested: str, source_name: str | None, check: Callable[[str], str | None]
    ) -> None:
        super().__init__()
        self._suggested = suggested
        self._where = (
            _("A copy of {routine}, in your routine folder, named:").format(routine=source_name)
            if source_name
            else _("A short routine to start from, in your routine folder, named:")
        )
        self._check = check

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="new-name"):
            yield Line(_("New routine"), classes="dialog-title dialog-full")
            yield Line(self._where)
            yield Input(self._suggested, id="name", select_on_focus=True)
            yield Line("", id="name-problem")
            yield Line(
                _("enter  create it and open your editor\nesc  cancel"), classes="dialog-full"
            )
            yield Line(_("enter: create  esc: cancel"), classes="dialog-short")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        problem = self._check(event.value)
        if problem is None:
            self.answer(event.value.strip())
        else:
            self.query_one("#name-problem", Line).show(problem)

    def action_cancel(self) -> None:
        self.answer(None)
