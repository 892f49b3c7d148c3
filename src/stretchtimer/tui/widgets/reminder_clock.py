"""The reminder's big countdown to the next break, and a bar of the work interval.

Shown only on a terminal with room for it (the pane keeps to four lines of
text otherwise). It changes when the pane's text does, once a minute until
the last one, so it draws with ``render`` and the digits come from
``big_digits``' cache.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cached_cell_len
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from stretchtimer.big_digits import SMALL_ROWS, draw, fitting_rows, width_of
from stretchtimer.i18n import N_, _
from stretchtimer.tui.textual_private import forget_drawn_styles
from stretchtimer.tui.widgets.session_clock import bar_cells

_CELL = "━"
# Translators: the caption of the bar of the time worked since the last break.
BAR_CAPTION = N_("Work")
#: The reading the digits' size is measured with, so it holds as the time changes.
WIDEST = "0:00"


def forget_drawn_texts() -> None:
    """Empty the caches the pane's changing texts fill, keyed by the text itself.

    The countdown draws a new reading every second of a prompt's last
    minute, and each of its rows is a new string that two caches keep: the
    digits drawn (``big_digits.draw``) and rich's cell widths of short texts,
    which every line Textual draws goes through. Neither gives anything
    back until it holds hundreds or thousands of texts, so an all-day pane
    would grow prompt by prompt; emptied once a prompt's burst is over, the
    memory they held is reused by the next burst instead.
    """
    draw.cache_clear()
    cached_cell_len.cache_clear()
    forget_drawn_styles()  # and the styles of them, kept by Textual for each cell


class ReminderClock(Widget):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reminder-clock--digits",
        "reminder-clock--done",
        "reminder-clock--left",
        "reminder-clock--label",
    }
    DEFAULT_CSS = """
    ReminderClock {
        height: auto;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    ReminderClock > .reminder-clock--digits {
        color: $accent;
    }
    ReminderClock > .reminder-clock--done {
        color: $accent;
    }
    ReminderClock > .reminder-clock--left {
        color: $foreground 20%;
    }
    ReminderClock > .reminder-clock--label {
        color: $text-muted;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._countdown = ""
        self._fraction = 0.0
        self._room = SMALL_ROWS
        self._digit_rows = SMALL_ROWS

    @property
    def digit_rows(self) -> int:
        """How many rows the digits take now (0 with nothing to count down)."""
        return self._digit_rows if self._countdown else 0

    def set_room(self, rows: int) -> None:
        if rows != self._room:
            self._room = rows
            self.refresh(layout=True)

    def show(self, countdown: str, fraction: float) -> None:
        if (countdown, fraction) != (self._countdown, self._fraction):
            layout = bool(countdown) != bool(self._countdown)
            self._countdown, self._fraction = countdown, fraction
            self.refresh(layout=layout)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        self._digit_rows = fitting_rows(WIDEST, width, self._room)
        return (self.digit_rows + 1 if self._countdown else 0) + 1

    def render(self) -> Text:
        width = self.content_size.width
        style = self.get_component_rich_style
        rows: list[Text] = []
        if self._countdown:
            digits = style("reminder-clock--digits", partial=True)
            drawn = draw(self._countdown, self._digit_rows)
            left = " " * max(0, (width - width_of(self._countdown, self._digit_rows)) // 2)
            rows.extend(Text(left + row, style=digits) for row in drawn)
            rows.append(Text())
        label = f"{round(self._fraction * 100)}%"
        caption = _(BAR_CAPTION)
        done, cells = bar_cells(self._fraction, caption, label, width)
        bar = Text()
        bar.append(f"{caption} ", style=style("reminder-clock--label", partial=True))
        bar.append(_CELL * done, style=style("reminder-clock--done", partial=True))
        bar.append(_CELL * (cells - done), style=style("reminder-clock--left", partial=True))
        bar.append(f" {label}", style=style("reminder-clock--label", partial=True))
        rows.append(bar)
        text = Text("\n").join(rows)
        text.no_wrap, text.overflow = True, "crop"
        return text
