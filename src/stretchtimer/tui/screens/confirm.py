"""Small questions asked over another screen."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll

from stretchtimer.i18n import N_, _
from stretchtimer.tui.screens.dialog import Dialog
from stretchtimer.tui.widgets.line import Line


class ConfirmQuit(Dialog[bool]):
    """``y`` ends the session; any other key carries on."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Line(_("End this session?"), classes="dialog-title dialog-full")
            yield Line(
                # Translators: {yes} is the key y, which answers yes in every language.
                _("{yes}  yes, show the summary\nany other key  no, carry on").format(yes="y"),
                classes="dialog-full",
            )
            # Translators: the short question for a small terminal; {yes} is the key y.
            yield Line(
                _("End session?\n{yes}: yes  other: no").format(yes="y"), classes="dialog-short"
            )

    def key_pressed(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self.answer(event.key == "y")

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.answer(False)


class ResumeChoice(Dialog[str | None]):
    """Continue an interrupted session where it stopped, or start again."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose('resume')", N_("Resume"), id="resume"),
        Binding("f", "choose('fresh')", N_("Start fresh"), id="fresh"),
        Binding("escape", "choose('')", N_("Cancel"), id="cancel"),
    ]

    def __init__(self, routine_name: str, step_number: int, step_name: str) -> None:
        super().__init__()
        self._step_number = step_number
        self._question = _("Last time {routine} stopped at step {number}: {step}.").format(
            routine=routine_name, number=step_number, step=step_name
        )

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Line(_("Resume?"), classes="dialog-title dialog-full")
            yield Line(self._question, classes="dialog-full")
            yield Line(
                # Translators: {resume} and {fresh} are the keys r and f.
                _(
                    "{resume}  resume at that step\n{fresh}  start from the beginning\nesc  cancel"
                ).format(resume="r", fresh="f"),
                classes="dialog-full",
            )
            yield Line(
                _(
                    "Resume at step {number}?\n{resume}: resume  {fresh}: from the start\n"
                    "esc: cancel"
                ).format(number=self._step_number, resume="r", fresh="f"),
                classes="dialog-short",
            )

    def action_choose(self, choice: str) -> None:
        self.answer(choice or None)


class StepNotes(Dialog[None]):
    """The step's notes in full, for when the screen has room for only part; any key closes."""

    def __init__(self, step_name: str, notes: list[str]) -> None:
        super().__init__()
        self._step_name = step_name
        self._notes = notes

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="step-notes", can_focus=False):
            yield Line(self._step_name, classes="dialog-title")
            yield Line("\n\n".join(self._notes) or _("No notes for this step."))
            yield Line(_("Any key closes this."), classes="dialog-hint")

    def key_pressed(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self.answer()

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.answer()
