"""Textual's command palette, made safe against keys typed faster than it works.

Two races in the stock palette end the app when keys arrive together:

- Ctrl+P and PageDown: the list is paged before it has a size, and it fails
  looking up a line it has not measured. Until the list is measured, a page
  moves to the last (or first) command, as it does when nothing is
  highlighted.
- Ctrl+P, a letter and Escape: the search the letter starts runs after the
  palette has closed and fails looking for its list. Searches stop when the
  palette closes, and none starts after that.
- Enter typed twice: the palette closes twice, the second time closing the
  screen beneath it. It closes once, and only while it is on top. The theme
  list the palette's Theme command opens is one of these palettes too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import ClassVar

from textual import events
from textual.app import SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.command import CommandList, CommandPalette, ProviderSource
from textual.widgets import Input

from stretchtimer.i18n import N_, _
from stretchtimer.tui.textual_private import option_lines_measured

#: The words of Textual's own system commands (title and help of each), marked here so
#: the catalogs carry them; ``translated_commands`` translates them as the palette lists
#: them. A test holds this list to what Textual offers.
TEXTUAL_COMMAND_WORDS = (
    # Translators: a command in the command palette (Ctrl+P): choose the colours.
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit"),
    N_("Quit the application as soon as possible"),
    N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
)


def translated_commands(commands: Iterable[SystemCommand]) -> Iterator[SystemCommand]:
    """Textual's system commands with their title and help in the person's language."""
    for command in commands:
        yield command._replace(title=_(command.title), help=_(command.help))


class SafeCommandPalette(CommandPalette):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown", "page(1)", N_("Next page"), show=False, priority=True),
        Binding("pageup", "page(-1)", N_("Previous page"), show=False, priority=True),
    ]

    def __init__(
        self,
        providers: ProviderSource | None = None,
        *,
        placeholder: str | None = None,
        id: str | None = None,
    ) -> None:
        placeholder = _("Search for commands…") if placeholder is None else placeholder
        super().__init__(providers, placeholder=placeholder, id=id)
        self._searches_stopped = False
        self._closing_once = False

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

    def stop_searches(self) -> None:
        """Cancel the searches under way and start no more: the palette is going."""
        self._searches_stopped = True
        self.workers.cancel_node(self)

    def dismiss(self, result: None = None) -> AwaitComplete:
        """Close, once: Enter typed twice must not close the screen underneath too."""
        if self._closing_once or not self.is_active:
            done: AwaitComplete = AwaitComplete.nothing()  # type: ignore[no-untyped-call]
            return done
        self._closing_once = True
        self.stop_searches()
        return super().dismiss(result)

    def on_input_changed(self, event: Input.Changed) -> None:
        # Runs before the stock handler, which would start a search.
        if self._searches_stopped:
            event.stop()
            event.prevent_default()

    def on_screen_suspend(self, _event: events.ScreenSuspend) -> None:
        self.stop_searches()
