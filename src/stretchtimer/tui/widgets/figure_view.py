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

from collections.abc import Mapping
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from stretchtimer.figures.animation import Moment
from stretchtimer.figures.draw import Framing, draw, fit
from stretchtimer.figures.model import Figure
from stretchtimer.figures.raster import BODY, MARK, PROP, TARGET, Raster
from stretchtimer.figures.skeleton import Point

PoseKey = tuple[tuple[str, Point], ...]


def pose_key(pose: Mapping[str, Point]) -> PoseKey:
    return tuple(sorted(pose.items()))


PROP_CLASS = "figure-view--prop"
MARK_CLASS = "figure-view--mark"
TARGET_CLASS = "figure-view--target"


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


class FigureView(Widget):
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
        self._working: frozenset[str] = frozenset()
        #: One Strip per row, built on first use; None where a row must be built again.
        self._strips: list[Strip | None] = []
        self._styles: dict[int, Style] | None = None
        #: How many times a picture was rasterised (for tests and benchmarks).
        self.draw_count = 0

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

    def on_resize(self) -> None:
        self._update_picture()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips = [None] * len(self._strips)  # new colours (a theme): same rows, new styles
        self._styles = None

    def _update_picture(self) -> bool:
        figure, moment = self._figure, self._moment
        width, height = self.content_size.width, self.content_size.height
        if figure is None or moment is None or width <= 0 or height <= 0:
            key: tuple[object, ...] | None = None
        else:
            key = (
                id(figure),
                width,
                height,
                moment.mirrored,
                pose_key(moment.pose),
                moment.marks,
                self._working,
            )
        if key == self._key:
            return False
        self._key = key
        old = self._raster
        if figure is None or moment is None or key is None:
            self._raster = None
        else:
            self._raster = draw(
                figure,
                moment.pose,
                self._fit(figure, width, height),
                mirrored=moment.mirrored,
                working=self._working,
                marks=moment.marks,
            )
            self.draw_count += 1
        new = self._raster
        if old is None or new is None or len(old.lines) != len(new.lines):
            self._strips = [None] * (len(new.lines) if new is not None else 0)
            self.refresh()
            return True
        regions = [
            Region(span[0], row, span[1] - span[0], 1)
            for row in range(len(new.lines))
            if (span := _changed_span(old, new, row)) is not None
        ]
        for region in regions:
            self._strips[region.y] = None
        if regions:
            # Only the cells that differ: the compositor crops to them and writes less.
            self.refresh(*regions)
        return bool(regions)

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
            strip = self._strips[y] = self._build_strip(raster, y)
        return strip
