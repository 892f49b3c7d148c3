"""Every private Textual name stretchtimer leans on, gathered in one place.

Textual has no public way to do these things, so they are done here
and nowhere else. pyproject.toml holds textual to the minor release tested,
and ``tests/tui/test_textual_private.py`` exercises each of them: an upgrade
that moves one fails there, by name, instead of somewhere in a session.
"""

from __future__ import annotations

from typing import Any, TypeVar

from rich.console import RenderableType
from textual import _time, events
from textual._parser import ParseError, Parser
from textual.app import App
from textual.filter import ANSIToTruecolor
from textual.geometry import Region
from textual.message import Message
from textual.screen import Screen
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget
from textual.widgets import OptionList

ReturnType = TypeVar("ReturnType")


def write_to_terminal(app: App[Any], data: str) -> None:
    """Write an escape sequence (the window title) to the terminal Textual draws on.

    Textual sets the title of its own screens but not the terminal's, and has
    no public call that writes raw bytes through its driver.
    """
    driver = app._driver
    if driver is not None and not app.is_headless:
        driver.write(data)


def hand_key_to(target: Widget, key: events.Key) -> None:
    """Give ``key`` to ``target`` (the focused widget or the screen on top) as the app does.

    The app marks a key it hands on as forwarded, so that when the key bubbles
    back up the app checks its bindings rather than taking it for a new key
    from the terminal; Textual has no public call that does both.
    """
    target._forward_event(key)


def new_input_parser(*, debug: bool) -> Parser[Message]:
    """The parser that turns terminal input into Textual's key, mouse and resize events.

    Its module is private; the quiet input driver (``tui/quiet_input.py``)
    waits for input its own way but must parse it exactly as Textual does.
    """
    from textual._xterm_parser import XTermParser

    return XTermParser(debug)


def finish_input_parser(parser: Parser[Message]) -> None:
    """Tell the parser the input has ended, dropping a half-read sequence as Textual does."""
    try:
        for _event in parser.feed(""):
            pass
    except (EOFError, ParseError):
        pass


#: The work a widget's ``refresh()`` can leave pending, as flags Textual's refresh path
#: reads (``Widget._check_refresh``). ``paint_now`` does the repaint itself and leaves a
#: widget with any other flag set to Textual; a test reads Textual's source and fails when
#: it has a flag that is not in here, which this would then paint past.
WIDGET_REPAINT = "_repaint_required"
WIDGET_LEFT_TO_TEXTUAL = (
    "_layout_required",
    "_scroll_required",
    "_recompose_required",
    "_refresh_styles_required",
)
#: What a screen's idle handler looks at before it resumes its update timer
#: (``Screen._on_idle``); ``paint_now`` leaves the first three to Textual and fills the
#: last, the widgets to paint, which the update (``Screen._on_timer_update``) then paints,
#: with the screen's own repaint.
SCREEN_LEFT_TO_TEXTUAL = ("_layout_required", "_scroll_required", "_recompose_required")
SCREEN_PAINTED = ("_repaint_required", "_dirty_widgets")


def paint_now(screen: Screen[Any]) -> bool:
    """Put the screen's changed widgets on the terminal now; False if that is left to Textual.

    A widget's ``refresh()`` only marks it: its own task later tells the
    screen, whose paused update timer is then resumed, fires up to a frame
    later, paints, and wakes once more before it notices it is paused again.
    For the once-a-second countdown that is two extra wake-ups and a handful
    of messages a second. When only repaints are pending (no layout, scroll,
    restyle or recompose anywhere), this does what the timer would do, at
    once, from the caller's own callback. Anything else is left to Textual's
    own path, unchanged.
    """
    app = screen.app
    if app.screen is not screen or app._batch_count or not screen.is_attached:
        return False
    if any(getattr(screen, flag) for flag in SCREEN_LEFT_TO_TEXTUAL):
        return False
    changed: list[Widget] = []
    for widget in screen.walk_children(Widget):
        if any(getattr(widget, flag) for flag in WIDGET_LEFT_TO_TEXTUAL):
            return False
        if getattr(widget, WIDGET_REPAINT):
            changed.append(widget)
    if not changed:
        return False
    for widget in changed:
        widget._repaint_required = False
        if widget.display:
            screen._dirty_widgets.add(widget)
    screen._on_timer_update()
    return True


class KeptLines(Widget):
    """A widget that hands the compositor the same lines again while nothing marked it.

    A partial update asks every widget whose container overlaps the change
    for all its lines, changed or not. Textual keeps each widget's rendered
    lines (its styles cache) until the widget is marked dirty, but on every
    ask it still works out the widget's background from all its ancestors
    and passes each kept line through the app's filters: 0.03-0.05 ms a
    container, several containers a wake-up. This keeps the finished lines
    for the same crop, size and filters, and forgets them whenever Textual
    marks the widget dirty (``Widget._set_dirty``, the one place that
    empties or dirties its styles cache), so it hands out exactly what
    Textual would have rendered. For containers with nothing of their own,
    as the last base class: Textual takes a widget's default CSS and type
    names from its first base alone.
    """

    _kept_lines: tuple[tuple[object, ...], list[Strip]] | None = None

    def _set_dirty(self, *regions: Region) -> None:
        self._kept_lines = None
        super()._set_dirty(*regions)

    def render_lines(self, crop: Region) -> list[Strip]:
        key = (crop, self.size, *self.get_line_filters())
        kept = self._kept_lines
        if kept is not None and kept[0] == key:
            return kept[1]
        lines = super().render_lines(crop)
        self._kept_lines = (key, lines)
        return lines


def message_time() -> float:
    """Now, on the clock Textual stamps each message (and so each key) with."""
    return _time.get_time()


def whole_screen(app: App[Any]) -> RenderableType | None:
    """Everything on the terminal now, dialogs and toasts included, for tests to read.

    Textual's public screenshot is SVG; the compositor gives the same picture
    as text.
    """
    return app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)


def option_lines_measured(options: OptionList) -> bool:
    """Whether the list has laid out the line its highlight is on.

    ``OptionList`` pages by screen lines, which it only measures once it has
    a size; paging before that (Ctrl+P then PageDown, typed together) looks
    up a line that is not there yet and raises ``KeyError``.
    """
    highlighted = options.highlighted
    return highlighted is None or highlighted in options._index_to_line


def replaceable_first_screen(screen: Screen[ReturnType]) -> Screen[ReturnType]:
    """``screen``, made ready to be Textual's default screen and later replaced.

    Given by ``App.get_default_screen``, the first screen is styled and laid out
    once instead of after an empty default screen. ``switch_screen`` takes a result
    callback off the screen it replaces, which Textual gives only to screens it
    pushes (or switches in); this gives the first screen the one a switch gives.
    """
    screen._push_result_callback(screen, None)
    return screen


def being_taken_down(widget: Widget) -> bool:
    """Whether ``widget`` is being removed or closed (its app ending, its screen going).

    A screen's mount handler can run after that has begun, when its children are
    already gone; Textual marks such nodes only with private flags.
    """
    return bool(widget._pruning or widget._closing or widget._closed)


class CrashKeepingApp(App[ReturnType]):
    """An app that keeps an unexpected error for its caller instead of printing it.

    Textual prints a long traceback with local variables onto the terminal it
    has just given back. The caller gets the error in ``crash`` instead and
    says it in one line, with the details in a file.
    """

    crash: BaseException | None = None

    def _handle_exception(self, error: Exception) -> None:
        if self.crash is None:
            self.crash = error
        super()._handle_exception(error)
        self._exit_renderables.clear()


def forget_drawn_styles() -> None:
    """Empty Textual's caches of styles met while drawing: sums of styles, their
    escape codes, and their colours for the terminal.

    Each style Textual draws carries the cell it is drawn at, so a text that
    moves or changes length brings new ones, which these caches keep until they
    hold thousands. An all-day screen empties them after each burst of drawing
    (the reminder's prompts). Textual has no public call for it; the caches are
    ``functools.lru_cache``s on the methods.
    """
    Strip.render_ansi.cache_clear()
    Style.__add__.cache_clear()
    ANSIToTruecolor.truecolor_style.cache_clear()
