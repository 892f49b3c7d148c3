"""Every key, as remapped by the person's keymap; any key closes it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import msgspec
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
    for binding in bindings:
        keys = keymap.get(binding.id or "", binding.key)
        rows.append(
            KeyHelp(
                tuple(k.strip() for k in keys.split(",") if k.strip()),
                _(binding.tooltip or binding.description),
            )
        )
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
) -> Text:
    text = Text()
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
            text.append("\n")
        text.append(f"{title}\n", style="bold")
        for row in rows:
            keys = " / ".join(key_display(k) for k in row.keys)
            text.append(f"  {keys}{' ' * (width - cells(keys))}", style="bold")
            text.append(f"  {row.what}\n")
    text.append("\n" + _("Any key closes this."), style="dim")
    return text


class HelpScreen(Dialog[None]):
    def __init__(self, text: Text) -> None:
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
