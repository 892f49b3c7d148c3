"""A question asked over another screen, answered once.

Typed-ahead keys can reach a dialog after it has already been answered; a
second answer would close whatever screen is underneath (and, with nothing
left, stop the app). So answering is idempotent and only the dialog on top
can answer; keys for a dialog that is gone go to the screen on top now.

Every dialog is centred, and on a small terminal (below ``SMALL_WIDTH`` x
``SMALL_HEIGHT``, when the app has the class ``-small-dialogs``) drops its
frame and swaps its long wording (``dialog-full``) for a short one
(``dialog-short``), so its question and keys show at 40x6.
"""

from __future__ import annotations

from typing import TypeVar

from textual import events
from textual.screen import ModalScreen

from stretchtimer.tui import styles
from stretchtimer.tui.key_order import pass_on_stale_key, send_on

ResultType = TypeVar("ResultType")

#: Below either size a dialog drops its frame and asks in its short words.
SMALL_WIDTH = 36
SMALL_HEIGHT = 12
#: Below this width a dialog is held to the terminal's width (its widest is 70 cells and
#: its margins), so that longer words wrap rather than run off the edge.
NARROW_DIALOGS = 74


def dialogs_small(width: int, height: int) -> bool:
    """Whether dialogs ask in their short words: the app carries it as ``-small-dialogs``."""
    return width < SMALL_WIDTH or height < SMALL_HEIGHT


class Dialog(ModalScreen[ResultType]):
    CSS_PATH = styles.DIALOGS

    def __init__(self) -> None:
        super().__init__()
        self._answered = False

    @property
    def answered(self) -> bool:
        return self._answered

    def answer(self, result: ResultType | None = None) -> None:
        """Close with ``result``; does nothing once answered or while not on top."""
        if self._answered or not self.is_active:
            return
        self._answered = True
        self.dismiss(result)

    def on_key(self, event: events.Key) -> None:
        if pass_on_stale_key(self, event):
            return
        if self._answered:
            # Typed together with the answer, so meant for the screen underneath: sent on
            # until this dialog is gone and that screen is on top to take it.
            send_on(self.app, event)
            return
        self.key_pressed(event)

    def key_pressed(self, event: events.Key) -> None:
        """A key for this dialog while it is on top (bindings are checked after)."""
