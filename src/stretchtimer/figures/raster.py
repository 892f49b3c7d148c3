"""A dot canvas that prints as Braille: each character cell holds 2 x 4 dots.

Braille patterns (U+2800 to U+28FF) give a terminal four times the
resolution of its character grid. Every dot carries a weight, its layer (a
prop, the body, the part the step works, a motion mark); a cell reports the
strongest weight among its dots, so the shell can dim the cells that only hold
props and colour the working part and the marks.
"""

from __future__ import annotations

import functools
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

#: Bit of each dot, indexed [row][column] inside a cell (the Unicode Braille layout).
_DOT_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))


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
        # Depth, for parts drawn nearest first (see ``stroke``): the dots a nearer part
        # holds or keeps clear around itself, and those of the part being drawn.
        self._claimed = bytearray(self.width * self.height)
        self._layer = bytearray(self.width * self.height)

    def copy(self) -> DotCanvas:
        """A canvas with the same dots, to draw on without changing this one."""
        other = DotCanvas.__new__(DotCanvas)
        other.__dict__.update(
            {k: bytearray(v) if isinstance(v, bytearray) else v for k, v in self.__dict__.items()}
        )
        return other

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

    def stroke(self, x0: int, y0: int, x1: int, y1: int, weight: int = BODY, bare: int = 0) -> None:
        """A line of a part behind those drawn before it since the last ``end_layer``...

        ... in front of those drawn after: it leaves out the dots a nearer part
        holds or keeps clear, and from ``end_layer`` on keeps its own neighbours
        clear of farther parts, so where two cross the one behind has a gap and
        the lines read as one in front of the other and not as a knot. The first
        ``bare`` dots keep no gap around them: where a limb joins the body.
        """
        dx, dy = abs(x1 - x0), -abs(y1 - y0)
        step_x = 1 if x0 < x1 else -1
        step_y = 1 if y0 < y1 else -1
        error = dx + dy
        width, height, cols = self.width, self.height, self.cols
        dots, cell_bits, cell_weights = self._dots, self._cell_bits, self._cell_weights
        claimed, layer = self._claimed, self._layer
        while True:
            if 0 <= x0 < width and 0 <= y0 < height:
                index = y0 * width + x0
                if not claimed[index]:
                    if bare > 0:
                        bare -= 1
                    else:
                        layer[index] = 1
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

    def band(self, points: list[tuple[int, int, int]], weight: int = BODY) -> None:
        """A solid band along ``points`` (x, y, how many dots it reaches either side of
        its middle from there to the next point), drawn like ``stroke``.

        Each piece is its middle line and copies of it moved across the line's
        run (sideways for a steep piece, up and down for a flat one), so the band
        has no holes at any slope.
        """
        stroke = self.stroke
        for (x0, y0, half), (x1, y1, _) in itertools.pairwise(points):
            ax, ay = (1, 0) if abs(x1 - x0) < abs(y1 - y0) else (0, 1)
            for k in range(-half, half + 1):
                stroke(x0 + k * ax, y0 + k * ay, x1 + k * ax, y1 + k * ay, weight)

    def dab(self, cx: float, cy: float, radius: float, weight: int = BODY) -> None:
        """A disc of the part being drawn, hidden where a nearer part is, keeping no gap."""
        claimed, width = self._claimed, self.width
        for x, y in _disc_offsets(cx, cy, radius):
            if 0 <= x < width and 0 <= y < self.height and not claimed[y * width + x]:
                self.plot(x, y, weight)

    def end_layer(self) -> None:
        """The part drawn since the last call, with a dot all round it, hides what comes after.

        Worked on the whole canvas at once as one large number, a byte per dot,
        so it costs a few operations and not one per dot.
        """
        drawn = int.from_bytes(self._layer, "little")
        if not drawn:
            return
        size = len(self._layer)
        wide = drawn | drawn << 8 | drawn >> 8  # a byte is a dot: one dot left and right
        row = 8 * self.width
        grown = (wide | wide << row | wide >> row) & _all_dots(size)
        self._claimed = bytearray(
            (int.from_bytes(self._claimed, "little") | grown).to_bytes(size, "little")
        )
        self._layer = bytearray(size)

    def polyline(self, points: list[tuple[int, int]], weight: int = BODY) -> None:
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            self.line(x0, y0, x1, y1, weight)

    def polyline_behind(self, points: list[tuple[int, int]], weight: int = BODY) -> None:
        """A line behind all that is drawn: left out on and beside anything there, and
        where that leaves a piece of less than three dots, that too (a stray speck)."""
        dots, width = self._dots, self.width
        run: list[tuple[int, int]] = []
        pieces: list[list[tuple[int, int]]] = [run]
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            steps = max(abs(x1 - x0), abs(y1 - y0), 1)
            for step in range(steps + 1):
                x, y = x0 + (x1 - x0) * step // steps, y0 + (y1 - y0) * step // steps
                i = y * width + x
                if (
                    0 < x < width - 1
                    and 0 < y < self.height - 1
                    and not (
                        dots[i] or dots[i - 1] or dots[i + 1] or dots[i - width] or dots[i + width]
                    )
                ):
                    run.append((x, y))
                elif run:
                    run = []
                    pieces.append(run)
        for piece in pieces:
            if len(set(piece)) >= 3:
                for x, y in piece:
                    self.plot(x, y, weight)

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
        self._reweigh(touched)

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

    def ring(self, cx: float, cy: float, radius: float, weight: int = BODY) -> None:
        """A round outline the same at every place on the grid: a head.

        ``circle`` follows the true circle, so a small one comes out square,
        lumpy or flat on one side depending on where its centre falls among the
        dots. A ring snaps its centre to the grid and takes a fixed shape for its
        size, cleared inside: whatever is behind it is hidden.
        """
        diameter, left, top = _ring_place(cx, cy, radius)
        outline = ring_shape(diameter)[0]
        width, cols, dots = self.width, self.cols, self._dots
        touched: set[int] = set()
        for dy, start, end in _inside_rows(diameter):
            y = top + dy
            first, last = max(left + start, 0), min(left + end, width - 1)
            if not 0 <= y < self.height or first > last:
                continue
            row = y * width
            if dots.count(0, row + first, row + last + 1) == last - first + 1:
                continue  # nothing drawn across this row of the inside (the usual case)
            for x in range(first, last + 1):
                if dots[row + x]:
                    dots[row + x] = BLANK
                    cell = (y >> 2) * cols + (x >> 1)
                    self._cell_bits[cell] &= ~_DOT_BITS[y & 3][x & 1] & 0xFF
                    touched.add(cell)
        self._reweigh(touched)
        for dx, dy in outline:
            self.plot(left + dx, top + dy, weight)

    def _reweigh(self, cells: set[int]) -> None:
        """A cleared cell's weight is that of the heaviest dot left in it."""
        width, cols, dots = self.width, self.cols, self._dots
        for cell in cells:
            top, left = (cell // cols) * 4, (cell % cols) * 2
            self._cell_weights[cell] = max(
                dots[row * width + col]
                for row in range(top, top + 4)
                for col in range(left, left + 2)
            )

    def raster(self) -> Raster:
        cols, bits, cell_weights = self.cols, self._cell_bits, self._cell_weights
        if not cols:
            return Raster(("",) * self.rows, (b"",) * self.rows)
        # A Braille character is U+2800 plus its dots' bits: as UTF-16 that is the
        # bits' byte and then 0x28, so the whole canvas decodes in one go; the
        # empty pattern then becomes a plain space.
        utf16 = bytearray(2 * len(bits))
        utf16[0::2] = bits
        utf16[1::2] = b"\x28" * len(bits)
        text = utf16.decode("utf-16-le").replace("\u2800", " ")
        lines = tuple(text[start : start + cols] for start in range(0, len(text), cols))
        weights = tuple(
            bytes(cell_weights[start : start + cols]) for start in range(0, len(bits), cols)
        )
        return Raster(lines, weights)


@functools.lru_cache(maxsize=16)
def _all_dots(size: int) -> int:
    """A byte of ones for every dot of a canvas: what a grown layer is cut back to."""
    return (1 << 8 * size) - 1


@functools.lru_cache(maxsize=256)
def _disc_offsets(cx: float, cy: float, radius: float) -> tuple[tuple[int, int], ...]:
    """The dots of a disc, for ``dab``: remembered, as joints land on few places."""
    reach = math.ceil(radius)
    base_x, base_y = round(cx), round(cy)
    limit = radius * radius + 0.25
    return tuple(
        (x, y)
        for y in range(base_y - reach, base_y + reach + 1)
        for x in range(base_x - reach, base_x + reach + 1)
        if (x - cx) ** 2 + (y - cy) ** 2 <= limit
    )


def ring_diameter(radius: float) -> int:
    """The ring's width in dots: odd below ten, where an odd ring has a single middle
    dot on each side and reads round; even ones that small have flat or pointed sides."""
    diameter = max(3, round(2 * radius))
    return diameter if diameter >= 10 else 2 * math.floor(radius) + 1


def ring_centre(cx: float, cy: float, radius: float) -> tuple[float, float]:
    """Where a ring drawn about (cx, cy) has its centre, on the grid."""
    diameter, left, top = _ring_place(cx, cy, radius)
    half = (diameter - 1) / 2
    return left + half, top + half


def _ring_place(cx: float, cy: float, radius: float) -> tuple[int, int, int]:
    """The ring's diameter and the dot of its top-left corner, its centre on the grid."""
    diameter = ring_diameter(radius)
    half = (diameter - 1) / 2  # the centre's offset from the corner: whole or a half
    return diameter, round(cx - half), round(cy - half)


@functools.cache
def ring_shape(diameter: int) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """A ring's outline and inside as dots from its top-left corner, worked out once.

    The inside is every dot within the radius; the outline is those of them
    next to one outside. The corners of a small ring are cut back by hand where
    a true circle on so coarse a grid has a point (eight dots across) or a tooth.
    """
    radius = diameter / 2
    middle = (diameter - 1) / 2

    def within(x: int, y: int) -> bool:
        return (
            0 <= x < diameter
            and 0 <= y < diameter
            and (math.hypot(x - middle, y - middle) <= radius - 0.25)
        )

    filled = {(x, y) for y in range(diameter) for x in range(diameter) if within(x, y)}
    if diameter == 8:  # a true circle eight dots across has a point on each side
        filled = {(x, y) for x in range(8) for y in range(8) if min(x, 7 - x) + min(y, 7 - y) >= 2}
    outline = tuple(
        sorted(
            (x, y)
            for x, y in filled
            if not all((x + a, y + b) in filled for a, b in ((1, 0), (-1, 0), (0, 1), (0, -1)))
        )
    )
    inside = tuple(sorted(filled - set(outline)))
    return outline, inside


@functools.cache
def _inside_rows(diameter: int) -> tuple[tuple[int, int, int], ...]:
    """A ring's inside as (row, first dot, last dot): a round inside has no gaps in a row,
    so a row with nothing drawn across it is passed over at once."""
    rows: dict[int, list[int]] = {}
    for x, y in ring_shape(diameter)[1]:
        rows.setdefault(y, []).append(x)
    return tuple((y, min(xs), max(xs)) for y, xs in sorted(rows.items()))
