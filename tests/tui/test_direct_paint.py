"""A widget's changed cells written straight to the terminal, and when that is left to Textual.

The direct paint (``DirectPainter`` in tui/textual_private.py) must write the
very cells Textual's own update would, and must stand aside whenever anything
else is pending or could lie over the widget: then the widget stays marked
and Textual paints it as before.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from rich.control import Control
from rich.segment import Segment
from rich.style import Style
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.filter import Monochrome
from textual.geometry import Region
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static
from tui_helpers import advance, advance_to, make_app, screen_text, session_screen, two_step_routine

from stretchtimer.routine import Routine, Step
from stretchtimer.session.clock import FakeClock
from stretchtimer.session.timeline import PhaseKind
from stretchtimer.tui import textual_private
from stretchtimer.tui.painted_cells import cursor_to
from stretchtimer.tui.textual_private import (
    DirectPainter,
    PaintedDirectly,
    finished_line_reader,
    plain_look,
)
from stretchtimer.tui.widgets.figure_view import FigureView
from stretchtimer.tui.widgets.session_clock import SessionClock


def cat_cow_reps() -> Routine:
    return Routine(
        name="Reps",
        steps=(
            Step(
                name="Cat-cow",
                hold=None,
                reps=6,
                rep_time=4,
                prepare=2,
                instructions=("Kneel on hands and knees.",),
                figure="cat-cow",
            ),
        ),
    )


class Counter(Widget):
    DEFAULT_CSS = """
    Counter { height: 3; width: 24; background: $panel; color: $text; }
    """

    value = "0"

    def render_line(self, y: int) -> Strip:
        text = f"count {self.value}" if y == 1 else "-" * 10
        return Strip([Segment(text, Style(bold=y == 1))]).extend_cell_length(self.size.width)


class Counting(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.displays = 0

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("above")
            yield Counter()
            yield Static("beside", id="other")

    def _display(self, screen: Any, renderable: Any) -> None:
        if renderable is not None:
            self.displays += 1
        super()._display(screen, renderable)


class Dialog(ModalScreen[None]):
    def compose(self) -> ComposeResult:
        yield Static("a question")


@contextmanager
def as_a_terminal(app: App[Any], monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The test driver taken for a real terminal's for the block; what it is given."""
    driver = app._driver
    assert driver is not None
    written: list[str] = []
    with monkeypatch.context() as patch:
        patch.setattr(type(driver), "is_headless", property(lambda _self: False))
        patch.setattr(driver, "write", written.append)
        yield written


def written_as_textual_draws(
    app: App[Any], region: Region, spans: list[tuple[int, int, int]]
) -> str:
    """What painting ``spans`` of a widget at ``region`` writes: for each (first cell, end,
    row) in the widget, a move there and the cells as Textual draws them from the whole
    screen; then the cursor back where it was."""
    rows = app.screen._compositor.render_strips()
    cursor = app.screen.outer_size.clamp_offset(app.cursor_position)
    return (
        "".join(
            Control.move_to(region.x + start, region.y + row).segment.text
            + rows[region.y + row].crop(region.x + start, region.x + end).render(app.console)
            for start, end, row in spans
        )
        + Control.move_to(*cursor).segment.text
    )


async def test_the_changed_cells_go_out_as_textual_draws_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = Counting()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        counter = app.query_one(Counter)
        painter = DirectPainter(app.screen, (counter,))
        displays = app.displays
        counter.value = "7"
        counter.refresh(Region(6, 1, 1, 1))
        with as_a_terminal(app, monkeypatch) as written:
            assert painter.paint()
        # What Textual draws there now, from the whole screen.
        region = counter.region
        row = app.screen._compositor.render_strips()[region.y + 1]
        assert row.crop(region.x + 6, region.x + 7).text == "7"
        assert "".join(written) == written_as_textual_draws(app, region, [(6, 7, 1)])
        await pilot.pause()
        assert app.displays == displays  # nothing left for Textual to paint
        # Textual's later updates draw the same: its lines were rendered anew.
        assert "count 7" in app.screen._compositor.render_strips()[region.y + 1].text


async def test_painting_direct_touches_only_what_textual_would(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each span of each line in turn, a span off the widget cut at its edge."""
    app = Counting()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        counter = app.query_one(Counter)
        painter = DirectPainter(app.screen, (counter,))
        counter.refresh(Region(0, 1, 2, 1), Region(3, 1, 2, 1), Region(20, 0, 30, 1))
        with as_a_terminal(app, monkeypatch) as written:
            assert painter.paint()
        assert "".join(written) == written_as_textual_draws(
            app, counter.region, [(20, 24, 0), (0, 2, 1), (3, 5, 1)]
        )


def _cover(app: App[Any]) -> None:
    cover = Static("over it", id="cover")
    cover.styles.overlay = "screen"
    cover.styles.position = "absolute"
    cover.styles.offset = (0, 1)
    app.query_one(Vertical).mount(cover)


@pytest.mark.parametrize("case", ["dialog", "covered", "another widget", "layout", "headless"])
async def test_anything_else_pending_or_on_top_is_left_to_textual(
    monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    app = Counting()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        counter = app.query_one(Counter)
        painter = DirectPainter(app.screen, (counter,))
        if case == "dialog":
            await app.push_screen(Dialog())
        elif case == "covered":
            _cover(app)
        await pilot.pause()
        counter.value = "8"
        counter.refresh(Region(6, 1, 1, 1))
        if case == "another widget":
            app.query_one("#other", Static).refresh()
        elif case == "layout":
            counter.refresh(layout=True)
        displays = app.displays
        if case == "headless":
            assert not painter.paint()
            written: list[str] = []
        else:
            with as_a_terminal(app, monkeypatch) as written:
                assert not painter.paint()
        assert written == []
        assert counter._repaint_required  # still marked: Textual paints it
        await pilot.pause()
        if case != "dialog":  # under a dialog nothing of the screen is drawn
            assert app.displays > displays
            region = counter.region
            assert "count 8" in app.screen._compositor.render_strips()[region.y + 1].text


async def test_the_painter_sees_a_cover_come_and_go(monkeypatch: pytest.MonkeyPatch) -> None:
    app = Counting()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        counter = app.query_one(Counter)
        painter = DirectPainter(app.screen, (counter,))
        counter.refresh(Region(6, 1, 1, 1))
        with as_a_terminal(app, monkeypatch):
            assert painter.paint()
        _cover(app)
        await pilot.pause()
        counter.refresh(Region(6, 1, 1, 1))
        with as_a_terminal(app, monkeypatch):
            assert not painter.paint()
        await pilot.pause()
        await app.query_one("#cover").remove()
        await pilot.pause()
        counter.refresh(Region(6, 1, 1, 1))
        with as_a_terminal(app, monkeypatch):
            assert painter.paint()


def test_textuals_update_still_writes_as_the_painter_does() -> None:
    """The painter copies what ``App._display`` does around a partial update."""
    display = inspect.getsource(App._display)
    for name in ("_begin_update", "_end_update", "_previous_cursor_position", "post_display_hook"):
        assert name in display
    assert "clamp_offset(\n" in display or "clamp_offset(" in display
    assert "Control.move_to(" in display


class Terminal:
    """Enough of a terminal to read what the app writes: moves, text, and nothing else."""

    def __init__(self, lines: list[str], width: int) -> None:
        self.rows = [list(line.ljust(width)[:width]) for line in lines]
        self.x = self.y = 0

    def feed(self, data: str) -> None:
        for token in re.findall(
            r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|[\r\n]|[^\x1b\r\n]", data
        ):
            if token.startswith("\x1b["):
                if token.endswith("H"):
                    y, x = (int(part) for part in token[2:-1].split(";"))
                    self.y, self.x = y - 1, x - 1
            elif token[0] not in "\x1b\r\n":
                self.rows[self.y][self.x] = token
                self.x += 1

    def text(self) -> str:
        return "\n".join("".join(row).rstrip() for row in self.rows)


@pytest.mark.parametrize("figure", [False, True])
async def test_a_session_paints_its_seconds_and_frames_itself_and_reads_the_same(
    clock: FakeClock, monkeypatch: pytest.MonkeyPatch, figure: bool
) -> None:
    app = make_app(cat_cow_reps() if figure else two_step_routine(), clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = session_screen(app)
        if figure:
            advance_to(clock, screen, PhaseKind.WORK, reps=True)
        else:
            advance_to(clock, screen, PhaseKind.WORK)
        advance(clock, screen, 1)
        await pilot.pause()
        assert (screen.figure_place is not None) is figure
        terminal = Terminal(screen_text(app).splitlines(), 100)
        painted: list[bool] = []
        paint = screen._painter.paint

        def recording() -> bool:
            painted.append(paint())
            return painted[-1]

        monkeypatch.setattr(screen._painter, "paint", recording)
        figure_view = screen.query_one(FigureView)
        pictures = figure_view.draw_count
        read: list[Widget] = []
        reader = textual_private.finished_line_reader

        def reading(widget: Widget, region: Region) -> Callable[[int], Strip]:
            read.append(widget)
            return reader(widget, region)

        monkeypatch.setattr(textual_private, "finished_line_reader", reading)
        for _step in range(20):  # ten seconds: the reps' pictures come again
            with as_a_terminal(app, monkeypatch) as written:
                advance(clock, screen, 0.5)
                await pilot.pause()  # and what Textual paints, if anything
            terminal.feed("".join(written))
            assert terminal.text() == screen_text(app)
        assert painted.count(True) >= 18
        if figure:
            # A change of picture seen before is written as it was then, without its lines.
            changes = figure_view.draw_count - pictures
            assert changes >= 20
            assert read.count(figure_view) < changes / 2


async def test_a_plain_widgets_finished_lines_are_textuals_own(clock: FakeClock) -> None:
    """The clock's and the figure's lines, read without Textual's styles cache, through
    seconds, frames, a pause, a phase's new colours, a new theme and a colour filter."""
    app = make_app(cat_cow_reps(), clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = session_screen(app)
        widgets = (screen.query_one(SessionClock), screen.query_one(FigureView))
        for step in range(16):
            if step == 6:
                await pilot.press("space")  # paused, then on again
            elif step == 8:
                await pilot.press("space")
            elif step == 10:
                app.theme = "textual-light"
            elif step == 12:
                app._filters.append(Monochrome())  # as NO_COLOR would give from the start
            advance(clock, screen, 0.5)
            await pilot.pause()
            assert plain_look(widgets[0]) is not None  # the figure has padding: Textual's lines
            for widget in widgets:
                region = widget.region
                finished = finished_line_reader(widget, region)
                textual = widget.render_lines(Region(0, 0, region.width, region.height))
                assert [list(finished(y)) for y in range(region.height)] == [
                    list(line) for line in textual
                ]


async def test_a_widget_with_a_border_is_read_through_textual() -> None:
    class Boxed(Counter, PaintedDirectly):
        DEFAULT_CSS = "Boxed { border: round red; height: 5; }"

    class BoxedApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Boxed()

    app = BoxedApp()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        boxed = app.query_one(Boxed)
        assert plain_look(boxed) is None
        region = boxed.region
        finished = finished_line_reader(boxed, region)
        assert finished(0).text.startswith("╭")
        boxed.styles.border = ("none", "red")
        await pilot.pause()
        assert plain_look(boxed) is not None  # the look is worked out again on a restyle


@pytest.mark.parametrize("monochrome", [False, True])
async def test_a_span_cut_before_the_filters_reads_as_cut_from_textuals_line(
    clock: FakeClock, monochrome: bool
) -> None:
    """The painter cuts a changed span from a line and then filters the span alone: the
    clock's own lines, and the figure's (with padding) as Textual finishes them."""
    app = make_app(cat_cow_reps(), clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        if monochrome:
            app._filters.append(Monochrome())
        screen = session_screen(app)
        advance_to(clock, screen, PhaseKind.WORK, reps=True)
        advance(clock, screen, 1.5)
        await pilot.pause()
        for widget in (screen.query_one(SessionClock), screen.query_one(FigureView)):
            region = widget.region
            finished = finished_line_reader(widget, region)
            textual = widget.render_lines(Region(0, 0, region.width, region.height))
            for y in range(region.height):
                for start, end in ((0, 3), (2, 40), (37, 61), (region.width - 9, region.width)):
                    assert list(finished(y, start, end)) == list(textual[y].crop(start, end))


def test_a_cursor_move_is_written_as_rich_writes_it() -> None:
    for x, y in ((0, 0), (5, 1), (99, 29), (140, 61)):
        assert cursor_to(x, y) == Control.move_to(x, y).segment.text
