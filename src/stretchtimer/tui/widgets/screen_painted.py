"""A widget the session screen paints from its own wake-up, without waking the widget too.

``Widget.refresh()`` marks the widget and then prompts the widget's own
message queue, so that on going idle it asks its screen for a repaint. When
the screen paints the change itself in the same wake-up (``paint_now``),
that prompt wakes the widget's task only for it to find nothing left to do:
one more turn of the event loop per widget, every second of a session and
every frame of a moving figure. While the screen holds the prompts, they
are owed instead, and handed over only if the screen could not paint.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from stretchtimer.tui.textual_private import PaintedDirectly


class ScreenPainted(PaintedDirectly):
    _holding_prompt = False
    _prompt_owed = False

    def check_idle(self) -> None:
        if self._holding_prompt:
            self._prompt_owed = True
            return
        super().check_idle()


@contextmanager
def prompts_held(widgets: Iterable[ScreenPainted]) -> Iterator[list[bool]]:
    """Hold the widgets' prompts; the caller sets ``[True]`` once it has painted them."""
    held = list(widgets)
    painted = [False]
    for widget in held:
        widget._holding_prompt, widget._prompt_owed = True, False
    try:
        yield painted
    finally:
        for widget in held:
            widget._holding_prompt = False
            if widget._prompt_owed and not painted[0]:
                widget.check_idle()
            widget._prompt_owed = False
