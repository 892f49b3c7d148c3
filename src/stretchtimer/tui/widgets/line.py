"""A one-purpose text widget that ignores updates which would change nothing."""

from __future__ import annotations

from textual.app import RenderResult
from textual.content import Content
from textual.widgets import Static

from stretchtimer.fitting import fit_words
from stretchtimer.tui.textual_private import KeptLines


class Line(Static, KeptLines):
    """Plain text (never markup: routine files may contain brackets).

    It hands back the lines it has while nothing changed it (``KeptLines``):
    the session's once-a-second repaint asks every line beside the clock again.
    """

    DEFAULT_CSS = """
    Line {
        height: auto;
    }
    """

    def __init__(
        self,
        text: str = "",
        *,
        id: str | None = None,
        classes: str | None = None,
        whole_words: bool = False,
    ):
        super().__init__(text, id=id, classes=classes, markup=False)
        self._text = text
        self._stale = False
        #: One row that, when too long, ends after the last whole word that fits.
        self._whole_words = whole_words

    @property
    def text(self) -> str:
        return self._text

    def show(self, text: str) -> bool:
        """Display ``text``; return whether anything had to be redrawn."""
        if text == self._text:
            return False
        old, self._text = self._text, text
        if not self.display:
            # Refreshing a hidden widget repaints the whole screen; catch up when shown.
            self._stale = True
            return False
        self.update(text, layout=not self._same_shape(old, text))
        return True

    def render(self) -> RenderResult:
        if not self._whole_words or "\n" in self._text:
            return super().render()
        # The width the last layout gave. Textual renders the line to measure its height
        # in the middle of a layout, where asking for ``content_size`` lays the whole
        # screen out once more to find it; the layout's end clears what was rendered
        # then, so the line is drawn fitted to its new width all the same.
        width = self.outer_size.width - self.styles.gutter.width
        if width <= 0:
            return super().render()
        fitted = fit_words(self._text, width)
        return super().render() if fitted == self._text else Content(fitted)

    def on_show(self) -> None:
        if self._stale:
            self._stale = False
            self.update(self._text)

    def _same_shape(self, old: str, new: str) -> bool:
        """Whether ``new`` fills exactly the cells ``old`` did (``0:09`` -> ``0:08``).

        A countdown's text changes every second; re-laying out the whole
        screen for it would cost more than everything else the tick does.
        A hidden line takes no room, so its text cannot move anything either.
        """
        if not self.display:
            return True
        return len(old) == len(new) and "\n" not in new and 0 < len(new) <= self.content_size.width
