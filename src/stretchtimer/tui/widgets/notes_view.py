"""The step's notes (caution, instructions, tip) in the rows left to them, never scrolling.

A scrolling box drew its scrollbar in the middle of the screen and cut the
tip mid-sentence. This widget asks ``fitting.fit_notes`` which whole notes
fit its size, draws those, and, when any are left out, a last row that says
so and names the key that shows them all.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.geometry import Size

from stretchtimer.fitting import Note, NotesFit, fit_notes
from stretchtimer.tui.textual_private import KeptLines

#: The groups whose notes get a style of their own.
STYLED_GROUPS = ("caution", "adapted", "tip")


class NotesView(KeptLines):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "notes-view--caution",
        "notes-view--adapted",
        "notes-view--tip",
        "notes-view--more",
    }
    DEFAULT_CSS = """
    NotesView {
        height: 1fr;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    NotesView > .notes-view--caution {
        color: $text-warning;
    }
    NotesView > .notes-view--adapted {
        color: $text-accent;
    }
    NotesView > .notes-view--tip {
        color: $text-muted;
    }
    NotesView > .notes-view--more {
        color: $text-muted;
        text-style: italic;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._notes: tuple[Note, ...] = ()
        self._mark = ""
        #: Asks only for the rows of the most needed notes (when the figure is below them).
        self.first_only = False
        self._fit: NotesFit | None = None

    @property
    def notes(self) -> tuple[Note, ...]:
        return self._notes

    @property
    def fit(self) -> NotesFit | None:
        """What was drawn last: the notes shown and how many were left out."""
        return self._fit

    def show(self, notes: tuple[Note, ...], mark: str) -> bool:
        """Show ``notes``; ``mark`` is the row that says some are left out."""
        if notes == self._notes and mark == self._mark:
            return False
        self._notes, self._mark = notes, mark
        self.refresh(layout=self.first_only)
        return True

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not self.first_only or not self._notes:
            return container.height
        first = min(note.rank for note in self._notes)
        shown = [note for note in self._notes if note.rank == first]
        return len(fit_notes(shown, width, container.height).lines)

    def render(self) -> Text:
        width, height = self.content_size.width, self.content_size.height
        fit = fit_notes(self._notes, width, height)
        self._fit = fit
        styles = {
            group: self.get_component_rich_style(f"notes-view--{group}", partial=True)
            for group in STYLED_GROUPS
        }
        rows: list[Text] = []
        for note, wrapped in fit.shown:
            if rows:
                rows.extend(Text() for _ in range(note.gap_before))
            style = styles.get(note.group, "")
            rows.extend(Text(row, style=style) for row in wrapped)
        if fit.hidden and height > 0:
            more = self.get_component_rich_style("notes-view--more", partial=True)
            rows.append(Text(self._mark, style=more))
        text = Text("\n").join(rows)
        text.no_wrap, text.overflow = True, "crop"
        return text
