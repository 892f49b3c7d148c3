"""A one-purpose text widget that ignores updates which would change nothing."""

from __future__ import annotations

from textual.widgets import Static


class Line(Static):
    """Plain text (never markup: routine files may contain brackets)."""

    DEFAULT_CSS = """
    Line {
        height: auto;
    }
    """

    def __init__(self, text: str = "", *, id: str | None = None, classes: str | None = None):
        super().__init__(text, id=id, classes=classes, markup=False)
        self._text = text

    @property
    def text(self) -> str:
        return self._text

    def show(self, text: str) -> bool:
        """Display ``text``; return whether anything had to be redrawn."""
        if text == self._text:
            return False
        self._text = text
        self.update(text)
        return True
