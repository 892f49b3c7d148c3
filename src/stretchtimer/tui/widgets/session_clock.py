"""The session's clock: the big countdown, the rep count and both time bars, as one widget.

All four change together, once a second, for as long as a session runs. As
separate widgets each change cost Textual a refresh of its own (a message to
the widget's task, a render through its style cache, a place in the
compositor's update); drawn as one widget they cost one of each, and the
screen's once-a-second update renders fewer widgets around them.

The digits come from ``big_digits`` at the tallest size that fits the rows
the screen grants (``set_room``) and the widget's width; the bars are drawn
here and change only when a cell would fill or their label would read
differently. On a small terminal (``compact``) the digits give way to one
line of text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Self, cast

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region, Size
from textual.strip import Strip

from stretchtimer.big_digits import SMALL_ROWS, draw, fitting_rows
from stretchtimer.i18n import N_, _
from stretchtimer.tui.widgets.screen_painted import ScreenPainted

_CELL = "━"
PHASE_CAPTION = N_("Phase")
SESSION_CAPTION = N_("Session")
#: The reading the digits' size is measured with, so it does not change as the time does.
WIDEST_TIME = "00:00"


@dataclass(frozen=True)
class ClockFace:
    """What the clock shows."""

    time: str = ""
    reps: str = ""
    phase_fraction: float = 0.0
    session_fraction: float = 0.0
    session_left: str = ""


#: Where in ``SessionClock._key`` the row layout is: compact, digit rows, width.
SHAPE_KEYS = slice(5, 8)
#: Where in it the content's width is.
WIDTH_KEY = 7
#: Where in it the two bars' (filled cells, all cells) are: the phase's, the session's.
BAR_KEYS = (2, 3)


def changed_span(old: Strip, new: Strip) -> tuple[int, int] | None:
    """The first and one past the last cell where two rows of one width differ, or None.

    Whole segments are skipped from both ends; within the first and last
    differing segment, characters too when the style is the same and each
    character is one cell wide. Anything less clear-cut gives the whole row.
    """
    width = new.cell_length
    if old.cell_length != width:
        return 0, width
    a, b = list(old), list(new)
    if a == b:
        return None
    start, i, count = 0, 0, min(len(a), len(b))
    while i < count and a[i] == b[i]:
        start += cell_len(a[i].text)
        i += 1
    if i < count:
        start += _common_cells(a[i], b[i], reverse=False)
    end, j = width, 1
    while j <= count - i and a[-j] == b[-j]:
        end -= cell_len(a[-j].text)
        j += 1
    if j <= count - i:
        end -= _common_cells(a[-j], b[-j], reverse=True)
    return (start, end) if start < end else (0, width)


def source_span(
    old: tuple[object, ...], new: tuple[object, ...], caption_cells: tuple[int, int]
) -> tuple[int, int] | None:
    """The changed cells of a clock row, told from what it showed and shows, or None.

    Each second the digits' rows and both bars differ by a few cells, and
    where is plain from what they show: the digits are centred strings of one
    width, a bar is its caption, its cells and its label in fixed places. That
    is cheaper than comparing the rows cell by cell. None when it is not that
    plain (another kind of row, width or shape, wide characters): then
    ``changed_span`` compares the rows.
    """
    kind, width = new[0], new[-1]
    if old[0] != kind or old[-1] != width or not isinstance(width, int):
        return None
    if kind == "digits":
        before, after = cast("str", old[1]), cast("str", new[1])
        size = len(after)
        if len(before) != size or not 0 < size <= width or cell_len(after) != size:
            return None
        if cell_len(before) != size:
            return None
        left = (width - size) // 2
        span = _text_span(before, after)
        return None if span is None else (left + span[0], left + span[1])
    if kind not in ("phase", "session"):
        return None
    done_before, cells = cast("tuple[int, int]", old[1:3])
    done, cells_now = cast("tuple[int, int]", new[1:3])
    start = caption_cells[0] if kind == "phase" else caption_cells[1]
    label_before = cast("str", old[3]) if kind == "session" else ""
    label = cast("str", new[3]) if kind == "session" else ""
    label_cells = cell_len(label) + 1 if label else 0
    if cells != cells_now or cells <= 0 or start + cells + label_cells != width:
        return None
    spans = (
        [(start + min(done, done_before), start + max(done, done_before))]
        if done != done_before
        else []
    )
    if label != label_before:
        label_start = start + cells + 1
        if bool(label_before) != bool(label) or cell_len(label_before) != label_cells - 1:
            return None
        if len(label) == label_cells - 1 == len(label_before):
            span = _text_span(label_before, label)
            spans.extend([(label_start + span[0], label_start + span[1])] if span else [])
        else:
            spans.append((label_start, width))
    if not spans:
        return None
    return min(first for first, _ in spans), max(last for _, last in spans)


def _text_span(before: str, after: str) -> tuple[int, int] | None:
    """The first and one past the last character where two strings of one length differ."""
    size = len(after)
    first = 0
    while first < size and before[first] == after[first]:
        first += 1
    if first == size:
        return None
    last = size
    while before[last - 1] == after[last - 1]:
        last -= 1
    return first, last


def _common_cells(a: Segment, b: Segment, *, reverse: bool) -> int:
    """How many cells two segments share at their start (or end), if that is plain to see."""
    if a.style != b.style or len(a.text) != cell_len(a.text) or len(b.text) != cell_len(b.text):
        return 0
    x, y = (a.text[::-1], b.text[::-1]) if reverse else (a.text, b.text)
    same = 0
    for p, q in zip(x, y, strict=False):
        if p != q:
            break
        same += 1
    return same


def bar_captions() -> tuple[str, str]:
    """The two bars' captions in the person's language, padded alike so the bars line up."""
    phase, session = _(PHASE_CAPTION), _(SESSION_CAPTION)
    width = max(cell_len(phase), cell_len(session))
    return phase + " " * (width - cell_len(phase)), session + " " * (width - cell_len(session))


def bar_cells(fraction: float, caption: str, label: str, width: int) -> tuple[int, int]:
    """(filled cells, all cells) of a bar ``width`` wide with its caption and label."""
    text = (cell_len(caption) + 1 if caption else 0) + (cell_len(label) + 1 if label else 0)
    cells = max(0, width - text)
    return round(min(1.0, max(0.0, fraction)) * cells), cells


class SessionClock(ScreenPainted):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "session-clock--digits",
        "session-clock--small",
        "session-clock--reps",
        "session-clock--done",
        "session-clock--left",
        "session-clock--label",
    }

    DEFAULT_CSS = """
    SessionClock {
        height: auto;
    }
    SessionClock > .session-clock--small {
        text-style: bold;
    }
    SessionClock > .session-clock--reps {
        text-style: bold;
    }
    SessionClock > .session-clock--done {
        color: $accent;
    }
    SessionClock > .session-clock--left {
        color: $foreground 20%;
    }
    SessionClock > .session-clock--label {
        color: $text-muted;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._face = ClockFace()
        #: The bars' captions, translated once: the clock redraws every second.
        self._captions = bar_captions()
        self._compact = False
        #: The most rows the digits may take, and the rows they take at this width.
        self._room = SMALL_ROWS
        self._digit_rows = SMALL_ROWS
        #: What the drawn rows show, so an unchanged second draws nothing.
        self._drawn: tuple[object, ...] | None = None
        self._rows: list[Strip] | None = None
        #: Each row drawn, by what it shows, for the next face to take again.
        self._row_sources: dict[tuple[object, ...], Strip] = {}
        #: What each row shows, in order (``source_span`` tells their changed cells apart).
        self._sources: list[tuple[object, ...]] = []
        #: Each bar's cells before its first bar cell: its caption and a space.
        phase, session = self._captions
        self._caption_cells = (cell_len(phase) + 1, cell_len(session) + 1)
        self._blank: Strip | None = None
        self._blank_look: tuple[int, Style] | None = None
        #: The widget's size when the rows were drawn.
        self._drawn_size = Size(0, 0)
        #: The widget's style and its parts', kept while only the face changes.
        self._palette: dict[str, Style] | None = None
        self._redrawing_face = False

    @property
    def face(self) -> ClockFace:
        return self._face

    @property
    def compact(self) -> bool:
        """Whether one line of text stands in for the big digits."""
        return self._compact

    def set_compact(self, compact: bool) -> None:
        if compact != self._compact:
            self._compact = compact
            self.refresh(layout=True)

    @property
    def digit_rows(self) -> int:
        """How many rows the big digits take now (0 when compact)."""
        return 0 if self._compact else self._digit_rows

    def set_room(self, rows: int) -> None:
        """Let the digits grow up to ``rows`` high, as far as the width allows too."""
        if rows != self._room:
            self._room = rows
            self.refresh(layout=True)

    def show(self, face: ClockFace) -> bool:
        """Show ``face``; redraw only the cells that read differently.

        Once drawn, a new face of the same shape (same rows, same width) is drawn
        at once and only the changed span of each changed row is handed to
        Textual: the seconds digit and the bars' moving ends, not all the rows.
        The screen's update then renders and writes just those cells.
        """
        old, self._face = self._face, face
        key = self._key()
        if key == self._drawn:
            return False
        drawn, rows, sources = self._drawn, self._rows, self._sources
        same_shape = (
            rows is not None
            and drawn is not None
            and bool(old.reps) == bool(face.reps)
            and drawn[SHAPE_KEYS] == key[SHAPE_KEYS]
        )
        self._redrawing_face = True
        try:
            if not same_shape or rows is None:
                self.refresh(layout=bool(old.reps) != bool(face.reps))
                return True
            self._draw_rows(key)
            assert self._rows is not None
            if len(rows) != len(self._rows):
                self.refresh()
                return True
            regions = [
                Region(start, y, end - start, 1)
                for y, (before, after, was, now) in enumerate(
                    zip(rows, self._rows, sources, self._sources, strict=True)
                )
                if before is not after
                and (
                    span := source_span(was, now, self._caption_cells)
                    or changed_span(before, after)
                )
                is not None
                for start, end in (span,)
            ]
            if regions:
                self.refresh(*regions)
        finally:
            self._redrawing_face = False
        return True

    def refresh(
        self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False
    ) -> Self:
        # A repaint of some cells for a new face (``show``) keeps the rows it has
        # just drawn. Any other repaint draws the rows afresh. One that is not for a new face (a
        # new theme, the screen's phase colours reaching the component styles,
        # a new background behind the widget) works the styles out again too:
        # Textual computes each from every ancestor, which for six parts cost
        # more than the drawing.
        if repaint and not (regions and self._redrawing_face):
            self._rows = None
            if not self._redrawing_face:
                self._palette = None
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def notify_style_update(self) -> None:
        self._rows = None
        self._palette = None
        super().notify_style_update()

    def _styles(self) -> dict[str, Style]:
        if self._palette is None:
            self._palette = {
                "": self.rich_style,
                **{name: self.get_component_rich_style(name) for name in self.COMPONENT_CLASSES},
            }
        return self._palette

    def _row_kinds(self) -> list[str]:
        rows = ["small"] if self._compact else ["digits"] * self._digit_rows
        if self._face.reps:
            rows.append("reps")
        if not self._compact:
            rows.append("gap")
        return [*rows, "phase", "session"]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        self._digit_rows = fitting_rows(WIDEST_TIME, width, self._room)
        return len(self._row_kinds())

    def _width(self) -> int:
        """The content's width, from the size kept on the widget (``content_size`` looks
        the widget up in the compositor's map each time)."""
        return self.outer_size.width - self.styles.gutter.width

    def _key(self) -> tuple[object, ...]:
        face, width = self._face, self._width()
        phase, session = self._captions
        return (
            face.time,
            face.reps,
            bar_cells(face.phase_fraction, phase, "", width),
            bar_cells(face.session_fraction, session, face.session_left, width),
            face.session_left,
            self._compact,
            self._digit_rows,
            width,
        )

    def render_line(self, y: int) -> Strip:
        # Drawn afresh after a repaint, or when the size changed; not per line, so
        # the key is not worked out seven times a frame.
        if self._rows is None or self._blank is None or self._drawn_size != self.outer_size:
            self._draw_rows()
        assert self._rows is not None and self._blank is not None
        return self._rows[y] if 0 <= y < len(self._rows) else self._blank

    def _draw_rows(self, key: tuple[object, ...] | None = None) -> None:
        """Draw every row; ``key`` is ``_key()`` when the caller has just worked it out.

        A row that reads as it did (the gap, a row of the digits the new second
        leaves alone, a bar whose end has not moved) is the same row object as
        before, which ``show`` then passes over; after any other repaint every
        row is drawn anew.
        """
        if key is None:
            key = self._key()
        width = cast("int", key[WIDTH_KEY])
        palette = self._styles()
        base = palette[""]
        style = palette.__getitem__
        face = self._face
        digit_style = base + style("session-clock--digits")
        digits = iter(draw(face.time, self._digit_rows))
        previous = self._row_sources if self._rows is not None else {}
        sources: dict[tuple[object, ...], Strip] = {}
        order: list[tuple[object, ...]] = []
        rows: list[Strip] = []
        for kind in self._row_kinds():
            match kind:
                case "digits":
                    text = next(digits, "")
                    source: tuple[object, ...] = (kind, text, width)
                    row = previous.get(source)
                    if row is None:
                        segments = [Segment(text, digit_style)] if text else []
                        row = _centred(segments, width, base)
                case "small":
                    source = (kind, face.time, width)
                    row = previous.get(source)
                    if row is None:
                        small = [Segment(face.time, base + style("session-clock--small"))]
                        row = Strip(small).crop_extend(0, width, base)
                case "reps":
                    source = (kind, face.reps, width)
                    row = previous.get(source)
                    if row is None:
                        reps = [Segment(face.reps, base + style("session-clock--reps"))]
                        row = _centred(reps, width, base)
                case "gap":
                    source = (kind, width)
                    row = previous.get(source) or Strip.blank(width, base)
                case "phase":
                    caption = self._captions[0]
                    done, cells = cast("tuple[int, int]", key[BAR_KEYS[0]])
                    source = (kind, done, cells, width)
                    row = previous.get(source) or self._bar(caption, done, cells, "", width, base)
                case _:
                    caption, label = self._captions[1], face.session_left
                    done, cells = cast("tuple[int, int]", key[BAR_KEYS[1]])
                    source = (kind, done, cells, label, width)
                    row = previous.get(source) or self._bar(
                        caption, done, cells, label, width, base
                    )
            sources[source] = row
            order.append(source)
            rows.append(row)
        self._rows = rows
        self._row_sources = sources
        self._sources = order
        if self._blank is None or self._blank_look != (width, base):
            self._blank, self._blank_look = Strip.blank(width, base), (width, base)
        self._drawn_size = self.outer_size
        self._drawn = key

    def _bar(
        self, caption: str, done: int, cells: int, label: str, width: int, base: Style
    ) -> Strip:
        style = self._styles().__getitem__
        label_style = style("session-clock--label")
        parts = [
            (f"{caption} ", label_style),
            (_CELL * done, style("session-clock--done")),
            (_CELL * (cells - done), style("session-clock--left")),
            (f" {label}" if label else "", label_style),
        ]
        segments = [Segment(text, part) for text, part in parts if text]
        return _fitted(segments, width, base)


def _fitted(segments: list[Segment], width: int, style: Style) -> Strip:
    """``segments`` as a row exactly ``width`` cells wide (cut, or padded with ``style``)."""
    used = sum(cell_len(segment.text) for segment in segments)
    if used == width:
        return Strip(segments, width)  # the usual case: no cutting or padding to work out
    return Strip(segments).crop_extend(0, width, style)


def _centred(segments: list[Segment], width: int, style: Style) -> Strip:
    used = sum(cell_len(segment.text) for segment in segments)
    left = max(0, (width - used) // 2)
    right = width - left - used
    if right >= 0:
        padded = [Segment(" " * left, style), *segments, Segment(" " * right, style)]
        return Strip([segment for segment in padded if segment.text], width)
    return Strip([Segment(" " * left, style), *segments]).crop_extend(0, width, style)
