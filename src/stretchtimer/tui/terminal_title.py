"""The terminal window's title, which Textual's ``App.title`` does not touch.

It is set with the xterm OSC 2 sequence and only rewritten when its text
changes. The title in place before the app started is pushed onto the
terminal's title stack (XTWINOPS 22;0) and popped on exit (23;0). tmux keeps
no such stack and cannot tell us the title it had, so there the title is
cleared on exit instead of being left saying a countdown that has stopped.
"""

from __future__ import annotations

from collections.abc import Callable

PUSH_TITLE = "\x1b[22;0t"
POP_TITLE = "\x1b[23;0t"
CLEAR_TITLE = "\x1b]2;\x07"


def title_sequence(text: str) -> str:
    clean = text if text.isprintable() else "".join(ch for ch in text if ch.isprintable())
    return f"\x1b]2;{clean}\x07"


class TerminalTitle:
    def __init__(self, write: Callable[[str], None], *, has_title_stack: bool = True) -> None:
        self._write = write
        self._has_stack = has_title_stack
        self._text: str | None = None
        self._saved = False

    @property
    def text(self) -> str | None:
        return self._text

    def save(self) -> None:
        if not self._saved:
            if self._has_stack:
                self._write(PUSH_TITLE)
            self._saved = True

    def set(self, text: str) -> bool:
        if text == self._text:
            return False
        self._text = text
        self._write(title_sequence(text))
        return True

    def restore(self) -> None:
        if self._saved:
            self._write(POP_TITLE if self._has_stack else CLEAR_TITLE)
            self._saved = False
            self._text = None
