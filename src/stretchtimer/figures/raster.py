"""A dot canvas that prints as Braille: each character cell holds 2 x 4 dots.

Braille patterns (U+2800 to U+28FF) give a terminal four times the
resolution of its character grid. Every dot carries a weight, its layer (a
prop, the body, the part the step works, a motion mark); a cell reports the
strongest weight among its dots, so the shell can dim the cells that only hold
props and colour the working part and the marks.
"""

from __future__ import annotations

import itertools
import math

import msgspec

BLANK = 0
PROP = 1
BODY = 2
#: The part of the body a step works, picked out in the theme's accent colour.
TARGET = 3
#: A motion mark: drawn over the body, in a colour of its own where there is colour.
MARK = 4

_BRAILLE_BASE = 0x2800
#: Bit of each dot, indexed [row][column] inside a cell (the Unicode Braille layout).
_DOT_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))
#: The character for each pattern of dots; no dots is a plain space.
_CHARS = (" ", *(chr(_BRAILLE_BASE + bits) for bits in range(1, 256)))


class Raster(msgspec.Struct, frozen=True):
    """Rows of text, one character per cell, and the weight of each cell."""

    lines: tuple[str, ...]
    weights: tuple[bytes, ...]

    @property
    def width(self) -> int:
        return len(self.lines[0]) if self.lines else 0

    def spans(self, row: int) -> list[tuple[str, int]]:
        """Row ``row`` as runs of (text, weight), for colouring each run once."""
        line, weights = self.lines[row], self.weights[row]
        runs: list[tuple[str, int]] = []
        start = 0
        for index in range(1, len(line) + 1):
            if index == len(line) or weights[index] != weights[start]:
                runs.append((line[start:index], weights[start]))
                start = index
        return runs


class DotCanvas:
    """A grid of ``cols`` x ``rows`` cells, that is ``2 * cols`` x ``4 * rows`` dots.

    Dot (0, 0) is the top-left. Drawing outside the canvas is clipped, not an error.
    """

    def __init__(self, cols: int, rows: int) -> None:
        self.cols = max(0, cols)
        self.rows = max(0, rows)
        self.width = self.cols * 2
        self.height = self.rows * 4
        self._dots = bytearray(self.width * self.height)
        # Kept up to date as dots are plotted, so turning the canvas into text
        # costs one pass over the cells rather than eight over the dots.
        self._cell_bits = bytearray(self.cols * self.rows)
        self._cell_weights = bytearray(self.cols * self.rows)

    def get(self, x: int, y: int) -> int:
        if 0 <= x < self.width and 0 <= y < self.height:
            return self._dots[y * self.width + x]
        return BLANK

    def plot(self, x: int, y: int, weight: int = BODY) -> None:
        if 0 <= x < self.width and 0 <= y < self.height:
            index = y * self.width + x
            if self._dots[index] < weight:
                self._dots[index] = weight
                cell = (y >> 2) * self.cols + (x >> 1)
                self._cell_bits[cell] |= _DOT_BITS[y & 3][x & 1]
                if self._cell_weights[cell] < weight:
                    self._cell_weights[cell] = weight

    def line(self, x0: int, y0: int, x1: int, y1: int, weight: int = BODY) -> None:
        """Bresenham's line: every dot from one end to the other, no gaps, no doubles."""
        dx, dy = abs(x1 - x0), -abs(y1 - y0)
        step_x = 1 if x0 < x1 else -1
        step_y = 1 if y0 < y1 else -1
        error = dx + dy
        # ``plot`` written out here: lines are most of a frame's dots.
        width, height, cols = self.width, self.height, self.cols
        dots, cell_bits, cell_weights = self._dots, self._cell_bits, self._cell_weights
        while True:
            if 0 <= x0 < width and 0 <= y0 < height:
                index = y0 * width + x0
                if dots[index] < weight:
                    dots[index] = weight
                    cell = (y0 >> 2) * cols + (x0 >> 1)
                    cell_bits[cell] |= _DOT_BITS[y0 & 3][x0 & 1]
                    if cell_weights[cell] < weight:
                        cell_weights[cell] = weight
            if x0 == x1 and y0 == y1:
                return
            doubled = 2 * error
            if doubled >= dy:
                error += dy
                x0 += step_x
            if doubled <= dx:
                error += dx
                y0 += step_y

    def polyline(self, points: list[tuple[int, int]], weight: int = BODY) -> None:
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            self.line(x0, y0, x1, y1, weight)

    def disc(self, cx: float, cy: float, radius: float, weight: int = BODY) -> None:
        """Every dot whose centre lies within ``radius`` of (cx, cy)."""
        reach = math.ceil(radius)
        base_x, base_y = round(cx), round(cy)
        limit = radius * radius + 0.25
        for y in range(base_y - reach, base_y + reach + 1):
            for x in range(base_x - reach, base_x + reach + 1):
                if (x - cx) ** 2 + (y - cy) ** 2 <= limit:
                    self.plot(x, y, weight)

    def clear_disc(self, cx: float, cy: float, radius: float) -> None:
        """Remove every dot strictly inside ``radius``: what the head hides behind it."""
        reach = math.ceil(radius)
        base_x, base_y = round(cx), round(cy)
        limit = radius * radius
        width, cols, dots = self.width, self.cols, self._dots
        touched: set[int] = set()
        for y in range(max(0, base_y - reach), min(self.height, base_y + reach + 1)):
            for x in range(max(0, base_x - reach), min(self.width, base_x + reach + 1)):
                index = y * width + x
                if dots[index] and (x - cx) ** 2 + (y - cy) ** 2 < limit:
                    dots[index] = BLANK
                    cell = (y >> 2) * cols + (x >> 1)
                    self._cell_bits[cell] &= ~_DOT_BITS[y & 3][x & 1] & 0xFF
                    touched.add(cell)
        # A cleared cell's weight is that of the heaviest dot left in it, worked out once.
        for cell in touched:
            top, left = (cell // cols) * 4, (cell % cols) * 2
            self._cell_weights[cell] = max(
                dots[row * width + col]
                for row in range(top, top + 4)
                for col in range(left, left + 2)
            )

    def circle(self, cx: float, cy: float, radius: float, weight: int = BODY) -> None:
        """The outline of a circle, closed with no gaps at any radius."""
        if radius < 1.0:
            self.disc(cx, cy, radius, weight)
            return
        steps = max(8, math.ceil(2 * math.pi * radius * 2))
        previous: tuple[int, int] | None = None
        for index in range(steps + 1):
            angle = 2 * math.pi * index / steps
            point = (round(cx + radius * math.cos(angle)), round(cy + radius * math.sin(angle)))
            if previous is not None and point != previous:
                self.line(*previous, *point, weight)
            previous = point

    def raster(self) -> Raster:
        cols = self.cols
        lines: list[str] = []
        weights: list[bytes] = []
        for row in range(self.rows):
            start = row * cols
            lines.append("".join(map(_CHARS.__getitem__, self._cell_bits[start : start + cols])))
            weights.append(bytes(self._cell_weights[start : start + cols]))
        return Raster(tuple(lines), tuple(weights))
