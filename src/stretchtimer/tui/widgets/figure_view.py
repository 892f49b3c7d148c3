"""The stretch figure, drawn through Textual's line API from rows the core rasterised.

The screen hands over a figure and the moment to show; the core turns that
into Braille rows. This widget only keeps those rows as Strips and hands them
out line by line. A moment that would draw the same picture as the one on
screen (same pose, side and size) costs a comparison and nothing else; a new
picture repaints only the cells that differ from the last one (per row, from
the first to the last changed column), which is what keeps a moving figure
cheap: between two frames most rows stay the same.
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Mapping
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip

from stretchtimer.figures.animation import Moment
from stretchtimer.figures.draw import Framing, draw, fit
from stretchtimer.figures.model import Figure
from stretchtimer.figures.raster import BODY, MARK, PROP, TARGET, Raster
from stretchtimer.figures.skeleton import Point
from stretchtimer.tui.textual_private import KeptPictures
from stretchtimer.tui.widgets.screen_painted import ScreenPainted

PoseKey = tuple[tuple[str, ...], bytes]


def pose_key(pose: Mapping[str, Point]) -> PoseKey:
    """The pose as a key: its joints' names, and their places packed (a kept picture's key
    holds 16 bytes a joint instead of three tuples and two floats). Names in another
    order make another key, which costs a drawing and never shows a wrong one."""
    names = tuple(pose)
    return names, array("d", [value for point in pose.values() for value in point]).tobytes()


#: Pictures kept for one figure: a rep's frames and the countdown's seconds between
#: them, for a rep and its mirror image or a sweep's way back, with room to spare.
KEPT_PICTURES = 64
KEPT_CHANGES = 2 * KEPT_PICTURES
#: Distinct rows kept as Strips: a picture has a few dozen, most shared with the next.
KEPT_ROWS = 4 * KEPT_PICTURES

PROP_CLASS = "figure-view--prop"
MARK_CLASS = "figure-view--mark"
TARGET_CLASS = "figure-view--target"


def _changed_cells(old: Raster, new: Raster) -> array[int]:
    """Where ``new`` differs from ``old``: (first column, row, width) for each changed row."""
    cells = array("i")
    for row in range(len(new.lines)):
        if (span := _changed_span(old, new, row)) is not None:
            cells.extend((span[0], row, span[1] - span[0]))
    return cells


def _changed_span(old: Raster, new: Raster, row: int) -> tuple[int, int] | None:
    """The first and one past the last column where ``row`` differs, or None if it does not."""
    a, b = old.lines[row], new.lines[row]
    wa, wb = old.weights[row], new.weights[row]
    if a == b and wa == wb:
        return None
    width = min(len(a), len(b))
    start = 0
    while start < width and a[start] == b[start] and wa[start] == wb[start]:
        start += 1
    end = max(len(a), len(b))
    while end > start and end <= width and a[end - 1] == b[end - 1] and wa[end - 1] == wb[end - 1]:
        end -= 1
    return start, end


class _Picture:
    """One drawing of the figure: its raster and its rows as Strips (None until built)."""

    __slots__ = ("number", "raster", "strips")

    def __init__(self, number: int, raster: Raster, strips: list[Strip | None]) -> None:
        self.number, self.raster, self.strips = number, raster, strips


class FigureView(ScreenPainted, KeptPictures):
    """Shows one figure at one moment; blank until it has something to show."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {PROP_CLASS, MARK_CLASS, TARGET_CLASS}
    DEFAULT_CSS = """
    FigureView {
        width: 1fr;
        height: 1fr;
    }
    FigureView > .figure-view--prop {
        color: $text-muted;
    }
    FigureView > .figure-view--target {
        color: $accent;
        text-style: bold;
    }
    FigureView > .figure-view--mark {
        color: $primary;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._figure: Figure | None = None
        self._moment: Moment | None = None
        self._framing: tuple[tuple[int, int, int], Framing] | None = None
        self._key: tuple[object, ...] | None = None
        self._raster: Raster | None = None
        self._picture: _Picture | None = None
        self._working: frozenset[str] = frozenset()
        #: The rows on screen as Strips, built on first use; None where not built yet.
        self._strips: list[Strip | None] = []
        self._styles: dict[int, Style] | None = None
        #: Pictures of the figure shown (the one whose pictures these are), by key: the
        #: raster and its rows. Reps repeat one motion, so from the second rep on the
        #: frames are pictures already drawn and cost a look-up.
        self._pictures_of: Figure | None = None
        self._pictures_size = (0, 0)
        self._pictures: dict[tuple[object, ...], _Picture] = {}
        #: The cells that differ from one kept picture to another, by their numbers.
        self._changes: dict[tuple[int, int], array[int]] = {}
        #: Each distinct row (text and layers) once, and its Strip once built: rows that
        #: stay the same from one picture to the next share it, and Textual's caches in it.
        self._rows: dict[tuple[str, bytes], tuple[str, bytes]] = {}
        self._row_strips: dict[tuple[str, bytes], Strip] = {}
        self._numbers = itertools.count()
        #: How many new pictures were put on screen (for tests and benchmarks) ...
        self.draw_count = 0
        #: ... and how many of them had to be rasterised, not found among those kept.
        self.raster_count = 0

    @property
    def figure(self) -> Figure | None:
        return self._figure

    @property
    def dots_per_unit(self) -> float | None:
        """The scale the figure is drawn at (dots per figure unit), once it has been drawn."""
        return self._framing[1].scale if self._framing is not None else None

    @property
    def lines(self) -> tuple[str, ...]:
        """The text on screen now (empty when nothing is shown)."""
        return self._raster.lines if self._raster is not None else ()

    @property
    def drawn_layers(self) -> frozenset[int]:
        """The layers on screen now (prop, body, target, mark), each by its weight."""
        if self._raster is None:
            return frozenset()
        return frozenset(w for row in self._raster.weights for w in row) - {0}

    def show(
        self,
        figure: Figure | None,
        moment: Moment | None,
        working: frozenset[str] = frozenset(),
    ) -> bool:
        """Show ``figure`` at ``moment`` with ``working`` parts picked out.

        Returns whether the picture changed.
        """
        self._figure, self._moment, self._working = figure, moment, working
        return self._update_picture()

    def picture_key(self) -> object | None:
        return None if self._picture is None else self._picture.number

    def on_resize(self) -> None:
        self._update_picture()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # New colours (a theme): the same pictures, every row in new styles.
        for picture in self._pictures.values():
            picture.strips[:] = [None] * len(picture.strips)
        if self._picture is not None:
            self._picture.strips[:] = [None] * len(self._picture.strips)
        self._row_strips.clear()
        self._styles = None

    def _update_picture(self) -> bool:
        figure, moment = self._figure, self._moment
        width, height = self.content_size.width, self.content_size.height
        if figure is None or moment is None or width <= 0 or height <= 0:
            key: tuple[object, ...] | None = None
        else:
            key = (
                width,
                height,
                moment.mirrored,
                pose_key(moment.pose),
                moment.marks,
                moment.around,
                self._working,
            )
        if key == self._key and (key is None or figure is self._pictures_of):
            return False
        old = self._picture
        self._key = key
        if figure is None or moment is None or key is None:
            self._picture = None
        else:
            if figure is not self._pictures_of or (width, height) != self._pictures_size:
                # Another figure or size: the pictures kept would not be shown again.
                self._forget_pictures()
                self._pictures_of, self._pictures_size = figure, (width, height)
            self._picture = self._pictures.get(key) or self._new_picture(figure, moment, key)
            self.draw_count += 1
        new = self._picture
        self._raster = new.raster if new is not None else None
        self._strips = new.strips if new is not None else []
        if old is None or new is None or len(old.strips) != len(new.strips):
            self.refresh()
            return True
        cells = self._changes.get((old.number, new.number))
        if cells is None:
            cells = self._changes[old.number, new.number] = _changed_cells(old.raster, new.raster)
            if len(self._changes) > KEPT_CHANGES:
                del self._changes[next(iter(self._changes))]
        regions = [Region(x, y, width, 1) for x, y, width in zip(*[iter(cells)] * 3, strict=True)]
        if regions:
            # Only the cells that differ: the compositor crops to them and writes less.
            self.refresh_picture(*regions, change=(old.number, new.number))
        return bool(regions)

    def _new_picture(self, figure: Figure, moment: Moment, key: tuple[object, ...]) -> _Picture:
        width, height = self.content_size.width, self.content_size.height
        raster = draw(
            figure,
            moment.pose,
            self._fit(figure, width, height),
            mirrored=moment.mirrored,
            working=self._working,
            marks=moment.marks,
            around=moment.around,
        )
        self.raster_count += 1
        # Rows seen before are kept once: from one picture to the next most rows stay.
        drawn = zip(raster.lines, raster.weights, strict=True)
        rows = [self._rows.setdefault(row, row) for row in drawn]
        if len(self._rows) > KEPT_ROWS:
            for row in list(itertools.islice(self._rows, len(self._rows) - KEPT_ROWS)):
                del self._rows[row]
                self._row_strips.pop(row, None)
        raster = Raster(lines=tuple(row[0] for row in rows), weights=tuple(row[1] for row in rows))
        picture = _Picture(next(self._numbers), raster, [None] * len(rows))
        self._pictures[key] = picture
        if len(self._pictures) > KEPT_PICTURES:
            del self._pictures[next(iter(self._pictures))]
        return picture

    def _forget_pictures(self) -> None:
        self._pictures.clear()
        self._changes.clear()
        self._rows.clear()
        self._row_strips.clear()

    def _fit(self, figure: Figure, width: int, height: int) -> Framing:
        wanted = (id(figure), width, height)
        if self._framing is None or self._framing[0] != wanted:
            self._framing = (wanted, fit(figure, width, height))
        return self._framing[1]

    def _build_strip(self, raster: Raster, row: int) -> Strip:
        if self._styles is None:
            body = self.rich_style
            self._styles = {
                BODY: body,
                PROP: body + self.get_component_rich_style(PROP_CLASS, partial=True),
                MARK: body + self.get_component_rich_style(MARK_CLASS, partial=True),
                TARGET: body + self.get_component_rich_style(TARGET_CLASS, partial=True),
            }
        styles = self._styles
        segments = [
            Segment(text, styles.get(weight, styles[BODY])) for text, weight in raster.spans(row)
        ]
        return Strip(segments, raster.width)

    def render_line(self, y: int) -> Strip:
        raster = self._raster
        if raster is None or not 0 <= y < len(self._strips):
            return Strip.blank(self.size.width, self.rich_style)
        strip = self._strips[y]
        if strip is None:
            row = (raster.lines[y], raster.weights[y])
            strip = self._row_strips.get(row)
            if strip is None:
                strip = self._build_strip(raster, y)
                if row in self._rows:
                    self._row_strips[row] = strip
            self._strips[y] = strip
        return strip
