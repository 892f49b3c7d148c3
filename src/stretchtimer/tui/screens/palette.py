"""Textual's command palette, made safe to page through before it has been drawn.

Ctrl+P and PageDown arriving together reach the palette's list before it has
a size, and the stock list then fails looking up a line it has not measured.
Paging waits for nothing here: until the list is measured, a page moves to
the last (or first) command, as it does when nothing is highlighted.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.command import CommandList, CommandPalette

from stretchtimer.tui.textual_private import option_lines_measured


class SafeCommandPalette(CommandPalette):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown", "page(1)", "Next page", show=False, priority=True),
        Binding("pageup", "page(-1)", "Previous page", show=False, priority=True),
    ]

    def action_page(self, direction: int) -> None:
        commands = self.query_one(CommandList)
        if not option_lines_measured(commands):
            if direction > 0:
                commands.action_last()
            else:
                commands.action_first()
        elif direction > 0:
            commands.action_page_down()  # type: ignore[no-untyped-call]
        else:
            commands.action_page_up()  # type: ignore[no-untyped-call]
