"""The private Textual names in tui/textual_private.py still do what we use them for.

When a Textual upgrade renames or reshapes one of them, this file fails and
says which; pyproject.toml holds textual to the minor release tested.
"""

from __future__ import annotations

import ast
import contextlib
import inspect
import io
import re
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
import textual
from rich.console import Console
from rich.segment import Segment
from textual import events
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.drivers.linux_driver import LinuxDriver
from textual.geometry import Region
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import OptionList, Static

from stretchtimer.tui.textual_private import (
    SCREEN_LEFT_TO_TEXTUAL,
    SCREEN_PAINTED,
    WIDGET_LEFT_TO_TEXTUAL,
    WIDGET_REPAINT,
    CrashKeepingApp,
    KeptLines,
    KeptPictures,
    being_taken_down,
    driver_output_file,
    finish_input_parser,
    hand_key_to,
    new_input_parser,
    option_lines_measured,
    paint_now,
    replaceable_first_screen,
    whole_screen,
    write_to_terminal,
    writes_together,
)


async def test_the_linux_driver_draws_on_the_file_it_names() -> None:
    """The quiet driver writes the screen to the same file Textual's thread would."""
    assert driver_output_file(LinuxDriver(App())) is sys.__stderr__
    assert "WriterThread(self._file)" in inspect.getsource(LinuxDriver.start_application_mode)
    # Every write of the driver's goes through ``write``, which the quiet driver replaces.
    assert "_writer_thread.write" in inspect.getsource(LinuxDriver.write)
    source = inspect.getsource(LinuxDriver)
    assert source.count("_writer_thread.write") == 1 and "_file.write" not in source


async def test_writes_together_holds_them_where_the_driver_can() -> None:
    events_seen: list[str] = []
    app = Hello()
    async with app.run_test():
        with writes_together(app):  # headless: no driver to hold them, the block just runs
            events_seen.append("ran")
        driver = app._driver
        assert driver is not None

        @contextlib.contextmanager
        def writes_held() -> Iterator[None]:
            events_seen.append("held")
            yield
            events_seen.append("written")

        driver.writes_held = writes_held  # type: ignore[attr-defined]
        with writes_together(app):
            events_seen.append("ran")
    assert events_seen == ["ran", "held", "ran", "written"]


class Hello(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("hello there")


async def test_the_driver_takes_raw_escape_sequences() -> None:
    written: list[str] = []
    app = Hello()
    async with app.run_test() as pilot:
        driver = app._driver
        assert driver is not None, "App._driver is gone: write_to_terminal needs another way"
        driver.write = written.append  # type: ignore[method-assign]
        write_to_terminal(app, "\x1b]2;title\x07")  # headless: nothing goes out
        assert written == []
        type(app).is_headless = property(lambda _self: False)  # type: ignore[method-assign,assignment]
        try:
            write_to_terminal(app, "\x1b]2;title\x07")
        finally:
            del type(app).is_headless
        await pilot.pause()
    assert written == ["\x1b]2;title\x07"]


async def test_the_whole_screen_renders_as_text() -> None:
    app = Hello()
    async with app.run_test(size=(40, 10), notifications=True) as pilot:
        await pilot.pause()
        app.notify("a toast")
        await pilot.pause()
        console = Console(width=40, height=10, file=io.StringIO(), record=True)
        console.print(whole_screen(app))
        text = console.export_text()
    assert "hello there" in text
    assert "a toast" in text


class Options(App[None]):
    pass


async def test_an_option_list_knows_its_lines_only_once_laid_out() -> None:
    app = Options()
    async with app.run_test(size=(40, 10)) as pilot:
        options = OptionList(*(f"option {n}" for n in range(40)))
        # Held in a batch, the screen cannot lay the list out, however late the mount ends.
        with app.batch_update():
            await app.mount(options)
            options.highlighted = 5
            assert not option_lines_measured(options)  # no size yet: paging would fail
        await pilot.pause()
        assert option_lines_measured(options)


class Broken(CrashKeepingApp[int]):
    def on_mount(self) -> None:
        raise ValueError("boom")


async def test_an_unexpected_error_is_kept_for_the_caller_and_not_printed() -> None:
    app = Broken()
    with pytest.raises(ValueError, match="boom"):
        async with app.run_test() as pilot:
            await pilot.pause()
    assert isinstance(app.crash, ValueError)
    assert app.return_code == 1
    assert app._exit_renderables == []  # nothing left for Textual to print on exit


def test_the_input_parser_turns_bytes_into_keys_and_ends_quietly() -> None:
    parser = new_input_parser(debug=False)
    keys = [event.key for event in parser.feed("a\x1b[A") if isinstance(event, events.Key)]
    assert keys == ["a", "up"]
    list(parser.feed("\x1b["))  # half a sequence when the input ends
    finish_input_parser(parser)  # dropped without an error


class Painted(App[None]):
    """Counts what goes to the terminal; the test itself paints or leaves it to Textual."""

    def __init__(self) -> None:
        super().__init__()
        self.displays = 0

    def compose(self) -> ComposeResult:
        yield Static("first", id="text")

    def _display(self, screen: Any, renderable: Any) -> None:
        if renderable is not None:
            self.displays += 1
        super()._display(screen, renderable)


async def test_paint_now_puts_a_repaint_out_before_returning() -> None:
    app = Painted()
    async with app.run_test() as pilot:
        await pilot.pause()
        before = app.displays
        app.query_one("#text", Static).refresh()  # a repaint, same size
        assert paint_now(app.screen)
        assert app.displays == before + 1  # no await: it went out from here
        await pilot.pause()
        assert app.displays == before + 1  # and Textual found nothing left to paint


async def test_paint_now_leaves_a_layout_change_to_textual() -> None:
    app = Painted()
    async with app.run_test() as pilot:
        await pilot.pause()
        before = app.displays
        app.query_one("#text", Static).update("a longer text that needs another layout")
        assert not paint_now(app.screen)
        assert app.displays == before
        await pilot.pause()
        assert app.displays > before


#: How Textual names the work a refresh leaves pending.
_FLAG = re.compile(r"^_\w+_required$")


def _flags_in(source: str) -> set[str]:
    """Every pending-work flag named in ``source``, read or set, on any object."""
    return {
        node.attr
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Attribute) and _FLAG.match(node.attr)
    }


def _read_by(function: Callable[..., Any]) -> set[str]:
    """The attributes of ``self`` that ``function`` tests in its conditions."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    tests = [node.test for node in ast.walk(tree) if isinstance(node, ast.If | ast.While)]
    return {
        node.attr
        for test in tests
        for node in ast.walk(test)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "self"
    }


def test_the_flag_reader_sees_a_new_flag() -> None:
    """The check below can fail: a flag Textual might add is found, set or read."""
    assert _flags_in("self._pulse_required = True\nif w._layout_required: pass\n") == {
        "_pulse_required",
        "_layout_required",
    }


def test_paint_now_knows_every_flag_textual_refreshes_by() -> None:
    """A flag paint_now does not know would be painted past: Textual's own work lost.

    If this fails after a Textual upgrade, see what the new flag asks for and
    add it to the flags paint_now leaves to Textual (or drop paint_now).
    """
    package = Path(textual.__file__).parent
    found = set().union(*(_flags_in(path.read_text("utf-8")) for path in package.rglob("*.py")))
    assert found == {WIDGET_REPAINT, *WIDGET_LEFT_TO_TEXTUAL}
    # A widget's pending work is taken up by these two (a recompose by the second).
    read = _read_by(Widget._check_refresh) | _read_by(Widget._check_recompose)
    assert {name for name in read if _FLAG.match(name)} == {WIDGET_REPAINT, *WIDGET_LEFT_TO_TEXTUAL}
    # What makes an idle screen resume its update: paint_now checks the same (the app not
    # batching, the screen current) and hands everything else to Textual.
    assert _read_by(Screen._on_idle) == {
        "app",
        "is_current",
        *SCREEN_LEFT_TO_TEXTUAL,
        *SCREEN_PAINTED,
    }


async def test_a_widget_being_removed_is_known_as_taken_down() -> None:
    app = Options()
    async with app.run_test(size=(40, 10)) as pilot:
        label = Static("going")
        await app.mount(label)
        assert not being_taken_down(label)
        await label.remove()
        await pilot.pause()
        assert being_taken_down(label)


def test_textual_empties_a_widgets_rendered_lines_only_when_marking_it_dirty() -> None:
    """``KeptLines`` forgets its lines in ``Widget._set_dirty``: it must be the only place."""
    package = Path(textual.__file__).parent
    touching: list[str] = []
    # Under widgets/ a DataTable keeps a cache of its own by the same name.
    for path in (p for p in package.rglob("*.py") if "widgets" not in p.parts):
        source = path.read_text(encoding="utf-8")
        if "_styles_cache" not in source:
            continue
        tree = ast.parse(source)
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if (
                    isinstance(node, ast.Attribute)
                    and isinstance(node.value, ast.Attribute)
                    and node.value.attr == "_styles_cache"
                    and node.attr in {"clear", "set_dirty", "_cache", "_dirty_lines"}
                ):
                    touching.append(f"{path.name}:{function.name}")
    assert touching and set(touching) == {"widget.py:_set_dirty"}, touching
    assert "_set_dirty" in inspect.getsource(Widget.refresh)


class KeptBox(Vertical, KeptLines):
    pass


class Boxes(App[None]):
    CSS = """
    Screen.-tinted { background: $error; }
    KeptBox { height: 3; }
    """

    def compose(self) -> ComposeResult:
        with KeptBox():
            yield Static("inside")


async def test_kept_lines_are_what_textual_renders_after_each_change() -> None:
    app = Boxes()
    async with app.run_test(size=(20, 6)) as pilot:
        box = app.query_one(KeptBox)
        crop = Region(0, 0, box.size.width, box.size.height)
        before = box.render_lines(crop)
        assert box.render_lines(crop) is before  # nothing changed: the same lines
        app.screen.add_class("-tinted")  # a new background from an ancestor
        await pilot.pause()
        tinted = box.render_lines(crop)
        assert tinted != before
        assert tinted == Widget.render_lines(box, crop)
        app.theme = "nord" if app.theme != "nord" else "gruvbox"
        await pilot.pause()
        assert box.render_lines(crop) == Widget.render_lines(box, crop) != tinted


class Picture(KeptPictures):
    """A row of its letter between rows of dots; padded, so Textual adds to every row."""

    DEFAULT_CSS = "Picture { height: 5; padding: 1 2; color: $accent; }"
    letter = "a"

    def picture_key(self) -> object | None:
        return self.letter

    def show(self, letter: str) -> None:
        self.letter = letter
        self.refresh_picture(Region(0, 1, self.content_size.width, 1))  # the middle row

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        text = (self.letter if y == 1 else ".") * width
        return Strip([Segment(text, self.rich_style)], width)


class Pictures(App[None]):
    CSS = "Screen.-tinted { background: $error; }"

    def compose(self) -> ComposeResult:
        yield Picture()


async def test_kept_pictures_are_what_textual_renders_after_each_change() -> None:
    app = Pictures()
    async with app.run_test(size=(20, 7)) as pilot:
        widget = app.query_one(Picture)
        crop = Region(0, 0, widget.size.width, widget.size.height)
        a = widget.render_lines(crop)
        assert widget.render_lines(crop) is a  # the same picture: the same lines
        widget.show("b")
        b = widget.render_lines(crop)
        assert b != a and b == Widget.render_lines(widget, crop)
        widget.show("a")  # a picture shown before: its lines, kept
        assert widget.render_lines(crop) is a
        assert a == Widget.render_lines(widget, crop)
        app.screen.add_class("-tinted")  # a new background from an ancestor
        await pilot.pause()
        tinted = widget.render_lines(crop)
        assert tinted != a and tinted == Widget.render_lines(widget, crop)
        widget.show("b")
        assert widget.render_lines(crop) == Widget.render_lines(widget, crop) != b
        app.theme = "nord" if app.theme != "nord" else "gruvbox"
        await pilot.pause()
        themed = widget.render_lines(crop)
        assert themed == Widget.render_lines(widget, crop) != tinted
        widget.show("a")
        assert widget.render_lines(crop) == Widget.render_lines(widget, crop) != a


class Named(Screen[None]):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(self.text)


class FirstScreenApp(App[None]):
    def __init__(self, *, replaceable: bool) -> None:
        super().__init__()
        self.replaceable = replaceable

    def get_default_screen(self) -> Screen[None]:
        first = Named("first")
        return replaceable_first_screen(first) if self.replaceable else first


async def test_the_first_screen_can_be_switched_away_only_once_made_replaceable() -> None:
    app = FirstScreenApp(replaceable=True)
    async with app.run_test(size=(40, 10)) as pilot:
        assert [type(s) for s in app.screen_stack] == [Named]
        await app.switch_screen(Named("second"))
        await pilot.pause()
        assert [s.text for s in app.screen_stack if isinstance(s, Named)] == ["second"]
    # Without it Textual's switch has no result callback to take off the first screen.
    plain = FirstScreenApp(replaceable=False)
    with pytest.raises(IndexError):
        async with plain.run_test(size=(40, 10)):
            await plain.switch_screen(Named("second"))


async def test_a_key_handed_to_a_screen_reaches_it_once_and_the_app_checks_its_bindings() -> None:
    seen: list[str] = []

    class Keys(Screen[None]):
        def on_key(self, event: events.Key) -> None:
            seen.append(f"screen {event.key}")

    class KeysApp(App[None]):
        BINDINGS: ClassVar[list[tuple[str, str, str]]] = [("z", "note", "")]

        def on_mount(self) -> None:
            self.push_screen(Keys())

        def action_note(self) -> None:
            seen.append("binding z")

    app = KeysApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        hand_key_to(app.screen, events.Key("z", "z"))
        await pilot.pause()
        await pilot.pause()
    assert seen == ["screen z", "binding z"]


def test_the_drawn_styles_forgotten_are_gone_from_textuals_caches() -> None:
    from rich.color import Color as RichColor
    from rich.color import ColorSystem
    from rich.style import Style as RichStyle
    from rich.terminal_theme import DEFAULT_TERMINAL_THEME
    from textual.filter import ANSIToTruecolor
    from textual.strip import Strip
    from textual.style import Style

    from stretchtimer.tui.textual_private import forget_drawn_styles

    Strip.render_ansi(RichStyle(bold=True), ColorSystem.TRUECOLOR)
    _ = Style(bold=True) + Style(italic=True)
    ANSIToTruecolor(DEFAULT_TERMINAL_THEME).truecolor_style(
        RichStyle(color="red"), RichColor.parse("black")
    )
    caches = (Strip.render_ansi, Style.__add__, ANSIToTruecolor.truecolor_style)
    assert all(cache.cache_info().currsize > 0 for cache in caches)
    forget_drawn_styles()
    assert [cache.cache_info().currsize for cache in caches] == [0, 0, 0]
