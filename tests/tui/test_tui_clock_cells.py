"""The session clock hands Textual only the cells a new second changes, and all of them."""

from __future__ import annotations

import pytest
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.message_pump import MessagePump
from textual.strip import Strip
from textual.widget import Widget
from tui_helpers import advance, make_app, screen_text, session_screen, two_step_routine

from stretchtimer.session.clock import FakeClock
from stretchtimer.tui.widgets.session_clock import SessionClock, changed_span, source_span

BOLD, DIM = Style(bold=True), Style(dim=True)


def cells(strip: Strip) -> list[tuple[str, Style | None]]:
    return [(char, segment.style) for segment in strip for char in segment.text]


@pytest.mark.parametrize(
    ("old", "new", "span"),
    [
        ([Segment("12:34", BOLD)], [Segment("12:34", BOLD)], None),
        ([Segment("12:34", BOLD)], [Segment("12:33", BOLD)], (4, 5)),
        # The bar's filled end moves one cell: same characters, another style.
        (
            [Segment("ab", BOLD), Segment("━━━", BOLD), Segment("━━", DIM)],
            [Segment("ab", BOLD), Segment("━━━━", BOLD), Segment("━", DIM)],
            (5, 6),
        ),
        # Wide characters: the whole row rather than a guess at cells.
        ([Segment("時間 1", BOLD)], [Segment("時間 2", BOLD)], (0, 6)),
    ],
)
def test_changed_span(old: list[Segment], new: list[Segment], span: tuple[int, int] | None) -> None:
    before, after = Strip(old), Strip(new)
    assert changed_span(before, after) == span
    if span is not None:
        start, end = span
        changed = [
            x for x, (a, b) in enumerate(zip(cells(before), cells(after), strict=True)) if a != b
        ]
        assert all(start <= x < end for x in changed)


async def test_a_new_second_repaints_only_the_changed_cells(
    clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(two_step_routine(), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        advance(clock, screen, 7)
        await pilot.pause()
        widget = screen.query_one(SessionClock)
        rows = range(widget.size.height)
        before = [widget.render_line(y) for y in rows]
        painted: list[Region] = []
        refresh = SessionClock.refresh

        def recording(self: SessionClock, *regions: Region, **flags: bool) -> SessionClock:
            painted.extend(regions or [Region(0, 0, self.size.width, self.size.height)])
            return refresh(self, *regions, **flags)

        monkeypatch.setattr(SessionClock, "refresh", recording)
        for _second in range(4):
            advance(clock, screen, 1)
            after = [widget.render_line(y) for y in rows]
            changed = {
                (x, y)
                for y in rows
                for x, (a, b) in enumerate(zip(cells(before[y]), cells(after[y]), strict=True))
                if a != b
            }
            assert changed  # the digits count down
            assert all(any(region.contains(x, y) for region in painted) for x, y in changed)
            # Far less than the widget: the digit that changed, the bars' moving ends.
            assert sum(region.area for region in painted) < widget.size.area / 3
            before, painted[:] = after, []


async def test_the_cells_told_from_what_rows_show_are_the_cells_that_changed(
    clock: FakeClock,
) -> None:
    """The digits' and bars' changed cells, told from what each row shows, are the very
    span the rows' own comparison finds, second after second, bars and label moving."""
    app = make_app(two_step_routine(), clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = session_screen(app)
        advance(clock, screen, 1)
        await pilot.pause()
        widget = screen.query_one(SessionClock)
        told = {"digits": 0, "phase": 0, "session": 0}
        for _second in range(16):
            rows, sources = list(widget._rows or []), list(widget._sources)
            palette = widget._palette
            advance(clock, screen, 1)
            now = widget._sources
            if widget._palette is not palette or not rows:
                continue  # new colours (the phase's), or none kept: every row drawn anew
            assert len(now) == len(sources) == len(rows)
            for y, (was, shows) in enumerate(zip(sources, now, strict=True)):
                after = widget.render_line(y)
                span = source_span(was, shows, widget._caption_cells)
                if span is not None:
                    told[str(shows[0])] += 1
                    assert span == changed_span(rows[y], after)
                elif was == shows:
                    assert changed_span(rows[y], after) is None
        assert all(told.values()), told


async def test_an_error_in_a_wake_up_reaches_the_app(clock: FakeClock) -> None:
    """The wake-up runs on the event loop's own timer; an error there still ends the app."""
    app = make_app(two_step_routine(), clock=clock)
    failure = RuntimeError("wake-up failed")

    def failing() -> None:
        raise failure

    with pytest.raises(RuntimeError, match="wake-up failed"):
        async with app.run_test(size=(80, 24)) as pilot:
            screen = session_screen(app)
            screen.driver._callback = failing  # type: ignore[method-assign]
            screen.driver.schedule(clock.now())
            for _round in range(20):
                await pilot.pause(0.01)
    assert app.crash is failure


@pytest.mark.parametrize("screen_paints", [True, False])
async def test_the_clock_is_woken_only_when_the_screen_could_not_paint_it(
    clock: FakeClock, monkeypatch: pytest.MonkeyPatch, screen_paints: bool
) -> None:
    import stretchtimer.tui.screens.session as session_module

    app = make_app(two_step_routine(), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        await pilot.pause()
        prompted: list[object] = []
        check_idle = MessagePump.check_idle

        def recording(self: MessagePump) -> None:
            prompted.append(self)
            check_idle(self)

        monkeypatch.setattr(MessagePump, "check_idle", recording)
        if not screen_paints:
            monkeypatch.setattr(session_module, "paint_now", lambda _screen: False)
        widget = screen.query_one(SessionClock)
        face = widget.face
        advance(clock, screen, 1)
        assert widget.face != face
        assert (widget in prompted) is not screen_paints


async def test_a_settled_second_renders_the_clock_alone_and_the_screen_reads_the_same(
    clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The repaint asks every widget near the clock for its lines; only the clock draws anew."""
    app = make_app(two_step_routine(), clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = session_screen(app)
        advance(clock, screen, 7)
        await pilot.pause()
        rendered: list[Widget] = []
        render_lines = Widget.render_lines

        def recording(self: Widget, crop: Region) -> list[Strip]:
            rendered.append(self)
            return render_lines(self, crop)

        monkeypatch.setattr(Widget, "render_lines", recording)
        widget = screen.query_one(SessionClock)
        for _second in range(3):
            advance(clock, screen, 1)
            assert rendered == [widget]
            rendered.clear()
        # The rows the clock took again from the second before read as rows drawn anew.
        rows = [list(widget.render_line(y)) for y in range(widget.size.height)]
        widget.refresh()
        assert [list(widget.render_line(y)) for y in range(widget.size.height)] == rows
        kept = screen_text(app)
        screen.refresh()  # everything drawn afresh from nothing kept
        for widget in screen.walk_children(Widget):
            widget.refresh()
        await pilot.pause()
        assert screen_text(app) == kept
