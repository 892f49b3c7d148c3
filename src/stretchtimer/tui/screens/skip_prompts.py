"""What a skip costs in the reminder pane: a y/n question, or a word to type.

For those who skip without thinking (``[remind] skip = "confirm"`` or
``"type"``): the break goes only once the person has answered on purpose.
"""

from __future__ import annotations

import random
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input

from stretchtimer.i18n import N_, _
from stretchtimer.tui.screens.dialog import Dialog
from stretchtimer.tui.widgets.line import Line

#: Short words to type before a skip: easy to type, long enough to need a look.
SKIP_WORDS = (
    # Translators: the words someone types to skip a break: short, easy to type, in lower case.
    N_("stretch"),
    N_("shoulder"),
    N_("posture"),
    N_("breathe"),
    N_("stand"),
    N_("window"),
    N_("neck"),
)


class ConfirmSkip(Dialog[bool]):
    """``y`` skips the break; any other key keeps it."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -compact"):
            # Translators: {yes} is the key y, {no} the key n (any other key does the same).
            yield Line(
                _("Skip this break? {yes}/{no}").format(yes="y", no="n"), classes="dialog-title"
            )
            yield Line(_("{yes} skips it, other keys keep it").format(yes="y"))

    def key_pressed(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self.answer(event.key == "y")

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.answer(False)


class TypeToSkip(Dialog[bool]):
    """The break is skipped once the word shown is typed (Enter); esc keeps it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), id="cancel"),
    ]

    def __init__(self, word: str | None = None) -> None:
        super().__init__()
        self.word = word or _(random.choice(SKIP_WORDS))

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -compact"):
            yield Line(
                _("To skip this break, type: {word}").format(word=self.word), classes="dialog-title"
            )
            yield Input(id="skip-word", placeholder=_("then Enter; esc keeps it"))
            yield Line("", id="skip-problem")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip().casefold() == self.word.casefold():
            self.answer(True)
            return
        # A wrong word is cleared, so the next try starts from nothing.
        self.query_one("#skip-word", Input).value = ""
        self.query_one("#skip-problem", Line).show(
            _("That is not '{word}'.").format(word=self.word)
        )

    def action_cancel(self) -> None:
        self.answer(False)
