"""Every key, as remapped by the person's keymap; any key closes it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import msgspec
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from stretchtimer.fitting import cells
from stretchtimer.i18n import _
from stretchtimer.tui.keys import APP_BINDINGS, MainScreen
from stretchtimer.tui.screens.dialog import Dialog


class KeyHelp(msgspec.Struct, frozen=True):
    keys: tuple[str, ...]
    what: str


def key_help(bindings: Sequence[Binding], keymap: Mapping[str, str]) -> list[KeyHelp]:
    """The keys of ``bindings`` as remapped by ``keymap``, one entry per binding id."""
    rows = []
    listed: set[str] = set()
    for binding in bindings:
        keys = tuple(k.strip() for k in keymap.get(binding.id or "", binding.key).split(","))
        keys = tuple(k for k in keys if k)
        if not binding.show and listed.issuperset(keys):
            # A hidden stand-in for a key already listed (``s`` once no skips are left).
            continue
        listed.update(keys)
        rows.append(KeyHelp(keys, _(binding.tooltip or binding.description)))
    return rows


def help_screen(
    main: Screen[None] | None, keymap: Mapping[str, str], key_display: Callable[[str], str]
) -> HelpScreen:
    """The keys of the main screen's context, then those that work anywhere."""
    sections: list[tuple[str, Sequence[KeyHelp]]] = []
    if isinstance(main, MainScreen):
        context = main.KEY_CONTEXT
        sections.append((context.help_title, key_help(main.help_bindings(), keymap)))
    anywhere = key_help(APP_BINDINGS, keymap)
    anywhere.append(KeyHelp(("ctrl+p",), _("Commands, including the theme")))
    sections.append((_("Anywhere"), anywhere))
    return HelpScreen(help_text(sections, key_display))


def help_text(
    sections: Sequence[tuple[str, Sequence[KeyHelp]]], key_display: Callable[[str], str]
) -> RenderableType:
    """Each section's keys in a column, and what each does beside them: a description
    too long for the row wraps under itself, clear of the keys (longer languages)."""
    parts: list[RenderableType] = []
    width = max(
        (
            cells(" / ".join(key_display(k) for k in row.keys))
            for _t, rows in sections
            for row in rows
        ),
        default=0,
    )
    for number, (title, rows) in enumerate(sections):
        if number:
            parts.append(Text())
        parts.append(Text(title, style="bold"))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True, min_width=width)
        grid.add_column()
        for row in rows:
            grid.add_row(" / ".join(key_display(k) for k in row.keys), row.what)
        parts.append(Padding(grid, (0, 0, 0, 2)))
    parts.append(Text("\n" + _("Any key closes this."), style="dim"))
    return Group(*parts)


class HelpScreen(Dialog[None]):
    def __init__(self, text: RenderableType) -> None:
        super().__init__()
        self._text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help", can_focus=False):
            yield Static(self._text, id="help-text")

    def key_pressed(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self.answer()

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.answer()
