"""The stretch figure, drawn through Textual's line API from rows the core rasterised.

The screen hands over a figure and the moment to show; the core turns that
into Braille rows. This widget only keeps those rows as Strips and hands them
out line by line. A moment that would draw the same picture as the one on
screen (same pose, side and size) costs a comparison and nothing else.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from stretchtimer.figures.animation import Moment
from stretchtimer.figures.draw import Framing, draw, fit
from stretchtimer.figures.model import Figure
from stretchtimer.figures.raster import PROP, Raster
from stretchtimer.figures.skeleton import Point

PoseKey = tuple[tuple[str, Point], ...]


def pose_key(pose: Mapping[str, Point]) -> PoseKey:
    return tuple(sorted(pose.items()))


class FigureView(Widget):
    """Shows one figure at one moment; blank until it has something to show."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"figure-view--prop"}
    DEFAULT_CSS = """
    FigureView {
        width: 1fr;
        height: 1fr;
    }
    FigureView > .figure-view--prop {
        color: $text-muted;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._figure: Figure | None = None
        self._moment: Moment | None = None
        self._framing: tuple[tuple[int, int, int], Framing] | None = None
        self._key: tuple[object, ...] | None = None
        self._raster: Raster | None = None
        self._strips: list[Strip] | None = None
        #: How many times a picture was rasterised (for tests and benchmarks).
        self.draw_count = 0

    @property
    def figure(self) -> Figure | None:
        return self._figure

    @property
    def lines(self) -> tuple[str, ...]:
        """The text on screen now (empty when nothing is shown)."""
        return self._raster.lines if self._raster is not None else ()

    def show(self, figure: Figure | None, moment: Moment | None) -> bool:
        """Show ``figure`` at ``moment``; return whether the picture changed."""
        self._figure, self._moment = figure, moment
        return self._update_picture()

    def on_resize(self) -> None:
        self._update_picture()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips = None  # colours changed (a new theme): same rows, new styles

    def _update_picture(self) -> bool:
        figure, moment = self._figure, self._moment
        width, height = self.content_size.width, self.content_size.height
        if figure is None or moment is None or width <= 0 or height <= 0:
            key: tuple[object, ...] | None = None
        else:
            key = (id(figure), width, height, moment.mirrored, pose_key(moment.pose))
        if key == self._key:
            return False
        self._key = key
        if figure is None or moment is None or key is None:
            self._raster = None
        else:
            self._raster = draw(
                figure, moment.pose, self._fit(figure, width, height), mirrored=moment.mirrored
            )
            self.draw_count += 1
        self._strips = None
        self.refresh()
        return True

    def _fit(self, figure: Figure, width: int, height: int) -> Framing:
        wanted = (id(figure), width, height)
        if self._framing is None or self._framing[0] != wanted:
            self._framing = (wanted, fit(figure, width, height))
        return self._framing[1]

    def _build_strips(self) -> list[Strip]:
        if self._raster is None:
            return []
        body = self.rich_style
        prop = body + self.get_component_rich_style("figure-view--prop", partial=True)
        styles: dict[int, Style] = {PROP: prop}
        strips = []
        for row in range(len(self._raster.lines)):
            segments = [
                Segment(text, styles.get(weight, body)) for text, weight in self._raster.spans(row)
            ]
            strips.append(Strip(segments, self._raster.width))
        return strips

    def render_line(self, y: int) -> Strip:
        if self._strips is None:
            self._strips = self._build_strips()
        if 0 <= y < len(self._strips):
            return self._strips[y]
        return Strip.blank(self.size.width, self.rich_style)
