"""What fits in the room a terminal gives: footer keys and notes, chosen by priority.

Screens are drawn at any size, from 40x6 to a whole monitor, and with words
that may grow longer in another language. Rather than let text be cut
mid-word or a container scroll, each screen asks these functions which whole
items fit and shows those; what is left out is left out whole. They know
nothing of Textual, so the rules are tested on their own.
"""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

#: Cells between two keys in the footer.
KEY_GAP = 2


def cells(text: str) -> int:
    """How many terminal cells ``text`` takes (wide East Asian characters take two)."""
    return sum(
        0
        if unicodedata.combining(ch)
        else 2
        if unicodedata.east_asian_width(ch) in ("W", "F")
        else 1
        for ch in text
    )


@dataclass(frozen=True)
class KeyItem:
    """One key as the footer offers it: the key, what it does, and whether it must show."""

    key: str
    label: str
    #: Quit and help: shown at any width, if need be as the key alone.
    essential: bool = False


def _width(items: Sequence[tuple[str, str]]) -> int:
    return sum(cells(f"{key} {label}" if label else key) for key, label in items) + KEY_GAP * max(
        0, len(items) - 1
    )


def fit_keys(items: Sequence[KeyItem], width: int) -> list[tuple[str, str]]:
    """The (key, label) pairs to show in ``width`` cells, ``items`` being in priority order.

    Whole items are taken in order while they fit; one that does not fit is
    left out and the next ones are still tried. The essential items always
    show: when they do not fit with their labels, every key shown gives its
    label up (the key alone), rather than have a word cut.
    """
    essentials = [(item.key, item.label) for item in items if item.essential]
    compact = _width(essentials) > width
    chosen: list[tuple[str, str]] = []
    for item in items:
        pair = (item.key, "" if compact else item.label)
        if item.essential or _width([*chosen, pair, *_later_essentials(items, item, compact)]) <= (
            width
        ):
            chosen.append(pair)
    return chosen


def _later_essentials(
    items: Sequence[KeyItem], current: KeyItem, compact: bool
) -> list[tuple[str, str]]:
    """The essential items after ``current``: room is kept for them."""
    later = items[items.index(current) + 1 :]
    return [(item.key, "" if compact else item.label) for item in later if item.essential]


@dataclass(frozen=True)
class Note:
    """One piece of text shown whole or not at all (an instruction, the tip, the caution)."""

    text: str
    #: Lower goes first when room is short.
    rank: int
    #: Items of one group keep their order: once one is left out, the rest of it are too.
    group: str
    #: Blank rows above it when it is shown (not above the first row shown).
    gap_before: int = 0


@dataclass(frozen=True)
class NotesFit:
    """The notes chosen, in their own order, each wrapped to the width."""

    shown: tuple[tuple[Note, tuple[str, ...]], ...]
    #: How many notes were left out.
    hidden: int

    @property
    def lines(self) -> list[str]:
        """Every row to draw, blank rows between notes included (not the mark)."""
        rows: list[str] = []
        for note, wrapped in self.shown:
            if rows:
                rows.extend([""] * note.gap_before)
            rows.extend(wrapped)
        return rows


def fit_words(text: str, width: int, mark: str = "…") -> str:
    """``text`` if it fits in ``width`` cells, else as many whole words as fit and ``mark``.

    A line of one row (the phase, what comes next) in a longer language must
    not end in half a word. A word so long that the whole words before it
    would fill less than half the row is cut inside instead (a first word
    wider than the row, or a long compound): there is no other way to show
    enough of it.
    """
    if cells(text) <= width:
        return text
    words = text.split(" ")
    while len(words) > 1:
        words.pop()
        shown = " ".join(words).rstrip(" ·—-,;:") + mark
        if cells(shown) <= width:
            if 2 * cells(shown) >= width:
                return shown
            break
    cut = text
    while cut and cells(cut) + cells(mark) > width:
        cut = cut[:-1]
    return cut + mark


def wrap(text: str, width: int) -> tuple[str, ...]:
    """``text`` in rows of at most ``width`` cells, broken between words (its own rows kept).

    A word longer than the row is the one thing broken inside, as there is no
    other way to show it.
    """
    rows: list[str] = []
    for paragraph in text.splitlines() or [""]:
        wrapped = textwrap.wrap(paragraph, max(1, width), break_on_hyphens=False)
        rows.extend(wrapped or [""])
    while any(cells(row) > width for row in rows):
        # textwrap counts characters; a wide character takes two cells.
        index = next(i for i, row in enumerate(rows) if cells(row) > width)
        row = rows[index]
        cut = len(row)
        while cut > 1 and cells(row[:cut]) > width:
            cut -= 1
        rows[index : index + 1] = [row[:cut], row[cut:].lstrip()]
    return tuple(rows)


def fit_notes(notes: Sequence[Note], width: int, height: int) -> NotesFit:
    """The notes that fit in ``width`` x ``height``, chosen by rank, shown in their order.

    When any note is left out, one row is kept free for the mark that says
    so. Within a group the order holds: a left-out instruction takes the ones
    after it along, so the steps never read 1, 3.
    """
    wrapped = [wrap(note.text, width) for note in notes]
    every = NotesFit(tuple(zip(notes, wrapped, strict=True)), 0)
    if len(every.lines) <= height:
        return every
    room = max(0, height - 1)
    chosen: set[int] = set()
    closed: set[str] = set()
    for index in sorted(range(len(notes)), key=lambda i: (notes[i].rank, i)):
        note = notes[index]
        if note.group in closed:
            continue
        trial = sorted(chosen | {index})
        fit = NotesFit(tuple((notes[i], wrapped[i]) for i in trial), 0)
        if len(fit.lines) <= room:
            chosen.add(index)
        else:
            closed.add(note.group)
    kept = sorted(chosen)
    return NotesFit(tuple((notes[i], wrapped[i]) for i in kept), len(notes) - len(kept))
