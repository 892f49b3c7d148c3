"""The footer: the keys in force, as many as fit, the most needed first.

Textual's own footer lays its keys out left to right and cuts the row at the
screen's edge, so on a narrow terminal the keys at the end (quit, help) are
the ones lost. This one asks ``fitting.fit_keys`` which whole keys fit, in
the order ``keys.FOOTER_ORDER`` gives, and always keeps quit and help.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding

from stretchtimer.fitting import KEY_GAP, KeyItem, cells, fit_keys
from stretchtimer.i18n import _
from stretchtimer.tui.keys import ESSENTIAL_KEYS, footer_rank
from stretchtimer.tui.textual_private import KeptLines


class KeyBar(KeptLines):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-bar--key", "key-bar--label"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        padding: 0 1;
        background: $footer-background;
        color: $footer-description-foreground;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        text-style: bold;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        #: (first cell, one past the last, key) of each key drawn, for clicks.
        self._spans: list[tuple[int, int, str]] = []
        #: The key as shown, to the key Textual names (``?`` to ``question_mark``).
        self._keys: dict[str, str] = {}

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: object) -> None:
        self.refresh()

    def offered(self) -> list[KeyItem]:
        """Every key the screen offers now, in the footer's order, one per action."""
        seen: dict[str, tuple[Binding, KeyItem]] = {}
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.show or not active.enabled or binding.action in seen:
                continue
            item = KeyItem(
                self.app.get_key_display(binding),
                _(binding.description),
                essential=binding.id in ESSENTIAL_KEYS,
            )
            seen[binding.action] = (binding, item)
        ordered = sorted(seen.values(), key=lambda pair: footer_rank(pair[0].id))
        self._keys = {item.key: binding.key for binding, item in ordered}
        return [item for _, item in ordered]

    def shown(self) -> list[tuple[str, str]]:
        """The (key, label) pairs the footer shows at its width now."""
        return fit_keys(self.offered(), self.content_size.width)

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key", partial=True)
        text = Text(no_wrap=True, overflow="crop")
        spans: list[tuple[int, int, str]] = []
        for key, label in self.shown():
            if text.cell_len:
                text.append(" " * KEY_GAP)
            start = text.cell_len
            text.append(key, style=key_style)
            if label:
                text.append(f" {label}")
            spans.append((start, start + cells(key) + (cells(label) + 1 if label else 0), key))
        self._spans = spans
        return text

    def on_click(self, event: events.Click) -> None:
        x = event.x - self.styles.padding.left
        for start, end, key in self._spans:
            if start <= x < end:
                event.stop()
                self.app.simulate_key(self._keys.get(key, key))
                return
