"""The figure widget: draws what the core rasterised, and nothing again for an unchanged frame."""

from __future__ import annotations

from textual.app import App, ComposeResult

from stretchtimer.figures.animation import moment
from stretchtimer.figures.library import library_figure
from stretchtimer.figures.raster import BODY, PROP
from stretchtimer.tui.widgets.figure_view import FigureView


class OneFigure(App[None]):
    CSS = "FigureView { width: 30; height: 12; }"

    def compose(self) -> ComposeResult:
        yield FigureView()


async def test_the_widget_draws_once_per_changed_frame() -> None:
    cat_cow = library_figure("cat-cow")
    assert cat_cow is not None
    app = OneFigure()
    async with app.run_test(size=(40, 14)) as pilot:
        view = app.query_one(FigureView)
        assert view.lines == ()
        first = moment(cat_cow, kind="work", side=None, elapsed=1.0, length=60, rep_time=6)
        assert view.show(cat_cow, first)
        await pilot.pause()
        assert len(view.lines) == 12 and view.draw_count == 1
        # The same moment, or a later one on the same frame: no new drawing.
        same = moment(cat_cow, kind="work", side=None, elapsed=1.05, length=60, rep_time=6)
        assert not view.show(cat_cow, same)
        assert view.draw_count == 1
        later = moment(cat_cow, kind="work", side=None, elapsed=2.0, length=60, rep_time=6)
        assert view.show(cat_cow, later)
        assert view.draw_count == 2
        # What is on screen is what the widget drew.
        await pilot.pause()
        screen_rows = ["".join(seg.text for seg in view.render_line(y)).rstrip() for y in range(12)]
        assert screen_rows == [line.rstrip() for line in view.lines]


async def test_props_are_drawn_in_a_dimmer_style_than_the_body() -> None:
    wall = library_figure("wall-stretch")
    assert wall is not None
    app = OneFigure()
    async with app.run_test(size=(40, 14)) as pilot:
        view = app.query_one(FigureView)
        view.show(wall, moment(wall, kind="work", side=None, elapsed=0, length=30))
        await pilot.pause()
        assert view._raster is not None
        styles: dict[int, set[object]] = {}
        for y in range(12):
            spans = view._raster.spans(y)
            segments = list(view.render_line(y))
            assert [seg.text for seg in segments] == [text for text, _ in spans]
            for (_, weight), segment in zip(spans, segments, strict=True):
                if weight:
                    styles.setdefault(weight, set()).add(segment.style)
        prop_styles, body_styles = styles[PROP], styles[BODY]
        assert len(prop_styles) == len(body_styles) == 1 and prop_styles != body_styles


async def test_a_mirrored_moment_draws_the_mirror_image() -> None:
    reach = library_figure("overhead-arm-reach")
    assert reach is not None
    app = OneFigure()
    async with app.run_test(size=(40, 14)):
        view = app.query_one(FigureView)
        view.show(reach, moment(reach, kind="work", side="left", elapsed=0, length=15))
        left = view.lines
        view.show(reach, moment(reach, kind="work", side="right", elapsed=0, length=15))
        assert view.lines != left and view.draw_count == 2
