"""Every private Textual name stretchtimer leans on, gathered in one place.

Textual has no public way to do these things, so they are done here
and nowhere else. pyproject.toml holds textual to the minor release tested,
and ``tests/tui/test_textual_private.py`` exercises each of them: an upgrade
that moves one fails there, by name, instead of somewhere in a session.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from rich.console import RenderableType
from rich.control import Control
from rich.style import Style as RichStyle
from textual import _time, events
from textual._parser import ParseError, Parser
from textual.app import App
from textual.color import Color
from textual.filter import ANSIToTruecolor
from textual.geometry import Region
from textual.message import Message
from textual.screen import Screen
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget
from textual.widgets import OptionList

if TYPE_CHECKING:
    from textual.drivers.linux_driver import LinuxDriver

ReturnType = TypeVar("ReturnType")


def write_to_terminal(app: App[Any], data: str) -> None:
    """Write an escape sequence (the window title) to the terminal Textual draws on.

    Textual sets the title of its own screens but not the terminal's, and has
    no public call that writes raw bytes through its driver.
    """
    driver = app._driver
    if driver is not None and not app.is_headless:
        driver.write(data)


@contextmanager
def writes_together(app: App[Any]) -> Iterator[None]:
    """Everything the app writes to the terminal in the block goes out in one write.

    Only a driver that can hold its writes (the quiet driver's ``writes_held``)
    does; with any other, or none (headless), the block runs as it is.
    """
    hold: Callable[[], AbstractContextManager[None]] | None = getattr(
        app._driver, "writes_held", None
    )
    if hold is None:
        yield
    else:
        with hold():
            yield


def driver_output_file(driver: LinuxDriver) -> TextIO | None:
    """The file Textual's Linux driver writes the screen to (its own thread writes it).

    The quiet driver writes to the same terminal itself (``tui/terminal_output.py``);
    Textual names the file only privately.
    """
    file: TextIO | None = driver._file
    return file


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
#: A widget's flags read at once (repaint first): looked over at every wake-up.
_pending = attrgetter(WIDGET_REPAINT, *WIDGET_LEFT_TO_TEXTUAL)


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
        repaint, *left_to_textual = _pending(widget)
        if any(left_to_textual):
            return False
        if repaint:
            changed.append(widget)
    if not changed:
        return False
    for widget in changed:
        widget._repaint_required = False
        if widget.display:
            screen._dirty_widgets.add(widget)
    screen._on_timer_update()
    return True


class DirectPainter:
    """Puts chosen widgets' changed cells on the terminal itself when nothing can cover them.

    Textual's update for a repaint asks every widget whose container overlaps
    the change for its lines and cuts them at every widget's edge: two thirds
    of the session's once-a-second wake-up, for a dozen cells of the clock.
    When only this painter's widgets are marked, nothing but their ancestors
    shares their cells (no dialog, toast, tooltip or other screen) and no
    layout, scroll, restyle or recompose is pending, this writes the changed
    spans of the lines Textual would render. Else ``paint_now`` and Textual.
    """

    def __init__(self, screen: Screen[Any], widgets: tuple[Widget, ...]) -> None:
        self._screen = screen
        self._widgets = widgets
        #: The compositor's map of visible widgets the two below were worked out for.
        self._map: dict[Widget, tuple[Region, Region]] | None = None
        #: Each widget's region, None where something else shares its cells.
        self._places: dict[Widget, Region | None] = {}
        self._all: list[Widget] = []  # the screen's widgets, for that map

    def paint(self) -> bool:
        """Paint the pending repaint; False, having changed nothing, when Textual must."""
        screen = self._screen
        app = screen.app
        driver = app._driver
        if driver is None or driver.is_headless or driver.is_inline or not app._running:
            return False
        if app._batch_count or app._closed or app.screen is not screen or not screen.is_attached:
            return False
        if screen._repaint_required or screen._dirty_widgets or screen._compositor._dirty_regions:
            return False
        if any(getattr(screen, flag) for flag in SCREEN_LEFT_TO_TEXTUAL):
            return False
        visible = screen._compositor.visible_widgets
        if visible is not self._map:
            self._map = visible
            self._places = {widget: _alone(widget, visible) for widget in self._widgets}
            self._all = list(screen.walk_children(Widget))
        changed: list[Widget] = []
        for widget in self._all:
            pending = _pending(widget)
            if any(pending):
                if any(pending[1:]) or widget not in self._widgets:
                    return False
                changed.append(widget)
        if not changed:
            return False
        places = [self._places.get(widget) for widget in changed]
        if any(place is None for place in places):
            return False
        pieces: list[str] = []
        for widget, place in zip(changed, places, strict=True):
            assert place is not None
            widget._repaint_required = False
            pieces.extend(_changed_cells(app, widget, place))
        if not pieces:
            return True  # nothing left on screen to change
        cursor = screen.outer_size.clamp_offset(app.cursor_position)
        pieces.append(Control.move_to(*cursor).segment.text)
        app._previous_cursor_position = cursor
        app._begin_update()
        try:
            driver.write("".join(pieces))
        finally:
            app._end_update()
        driver.flush()
        app.post_display_hook()
        return True


def _alone(widget: Widget, visible: dict[Widget, tuple[Region, Region]]) -> Region | None:
    """The widget's region if wholly in view and shared with none but its ancestors."""
    placed = visible.get(widget)
    if placed is None:
        return None
    region, clip = placed
    if not region or not clip.contains_region(region):
        return None
    own = set(widget.ancestors_with_self)
    for other, (other_region, other_clip) in visible.items():
        if other not in own and other_region.intersection(other_clip).overlaps(region):
            return None
    return region


def _changed_cells(app: App[Any], widget: Widget, region: Region) -> list[str]:
    """The widget's repaint regions as escape sequences: a move and the cells, a span a line."""
    change: tuple[object, ...] = ()
    kept: dict[tuple[object, ...], list[str]] | None = None
    if isinstance(widget, KeptPictures) and widget._change is not None:
        change, widget._change = (widget._change, region, *widget.get_line_filters()), None
        kept = widget._painted_changes = widget._painted_changes or {}
        if (written := kept.get(change)) is not None:
            widget._exchange_repaint_regions()
            return written
    spans: set[tuple[int, int, int]] = set()
    for dirty in widget._exchange_repaint_regions():
        on_screen = dirty.translate(region.offset).intersection(region)
        spans.update((y, on_screen.x, on_screen.right) for y in on_screen.line_range)
    if not spans:
        return []
    line_of = finished_line_reader(widget, region)
    console = app.console
    move_to = Control.move_to
    pieces: list[str] = []
    for y, start, end in sorted(spans):
        pieces.append(move_to(start, y).segment.text)
        pieces.append(line_of(y - region.y).crop(start - region.x, end - region.x).render(console))
    if kept is not None:
        kept[change] = pieces
        if len(kept) > KEPT_PICTURE_LINES:
            del kept[next(iter(kept))]
    return pieces


def finished_line_reader(widget: Widget, region: Region) -> Callable[[int], Strip]:
    """Reads the widget's finished lines as Textual's update would (all lines, as it asks)."""
    look = plain_look(widget) if isinstance(widget, PaintedDirectly) else None
    if look is None or (widget.auto_links and widget.hover_style._link_id):
        lines = widget.render_lines(Region(0, 0, region.width, region.height))
        return lines.__getitem__
    inner, background = look
    filters = widget.get_line_filters()
    width = region.width
    render_line = widget.render_line

    def finished(y: int) -> Strip:
        line = render_line(y).adjust_cell_length(width, inner)
        for line_filter in filters:
            line = line.apply_filter(line_filter, background)
        return line

    return finished


class PaintedDirectly(Widget):
    """A widget ``DirectPainter`` may paint from its own content lines, its look known.

    Textual's styles cache takes each content line through border, padding,
    outline, tint, opacity and hatching, then the app's filters: for the clock
    1.1 M instructions a wake-up. With none of those (``plain_look``) a line
    is its content padded with the inner background, through the filters.
    The look is kept until Textual marks the widget dirty as a whole
    (``Widget._set_dirty`` with no regions: the one place its own cache empties).
    """

    _direct_look: tuple[bool, RichStyle, Color] | None = None

    def _set_dirty(self, *regions: Region) -> None:
        if not regions:
            self._direct_look = None
        super()._set_dirty(*regions)


def plain_look(widget: PaintedDirectly) -> tuple[RichStyle, Color] | None:
    """The inner style and background a plain widget's lines take; None if not plain."""
    look = widget._direct_look
    if look is None:
        styles = widget.styles
        plain = not (
            any(styles.gutter)
            or any(edge for edge, _color in styles.outline)
            or styles.tint.a
            or styles.text_opacity != 1.0
            or widget.opacity != 1.0
            or (styles.has_rule("hatch") and styles.hatch != "none")
        )
        base, background = widget.background_colors
        inner = Style(background=base + background).rich_style
        look = widget._direct_look = (plain, inner, background)
    plain, inner, background = look
    return (inner, background) if plain else None


class KeptLines(Widget):
    """A widget that hands the compositor the same lines again while nothing marked it.

    A partial update asks every widget whose container overlaps the change
    for all its lines; even kept ones cost a walk of the ancestors for the
    background and the filters again (0.03-0.05 ms a container). This keeps
    the finished lines for the same crop, size and filters until Textual marks
    the widget dirty (``Widget._set_dirty``, where its styles cache empties
    too). For containers with nothing of their own, as the last base class:
    Textual takes a widget's default CSS and type names from its first base.
    """

    _kept_lines: tuple[tuple[object, ...], list[Strip]] | None = None

    def _set_dirty(self, *regions: Region) -> None:
        self._kept_lines = None
        super()._set_dirty(*regions)

    def render_lines(self, crop: Region) -> list[Strip]:
        # The outer size is kept on the widget; ``size`` finds it in the compositor's map.
        key = (crop, self.outer_size, *self.get_line_filters())
        kept = self._kept_lines
        if kept is not None and kept[0] == key:
            return kept[1]
        lines = super().render_lines(crop)
        self._kept_lines = (key, lines)
        return lines


#: Finished lines a ``KeptPictures`` widget keeps: a picture and the part of it asked for.
KEPT_PICTURE_LINES = 32


class KeptPictures(Widget):
    """A widget whose lines follow from one value, its picture, and that shows few of them.

    A moving figure shows the same dozen pictures in every rep, and Textual
    renders each changed line again for each frame (padding, background, the
    colour filter). This keeps each picture's finished lines for the same crop,
    size and filters. The widget names its picture (``picture_key``) and marks
    a change of picture through ``refresh_picture``, which keeps them; any
    other marking as dirty (``Widget._set_dirty``: style, size, theme, an
    ancestor's background) forgets them all.
    """

    _kept_pictures: dict[tuple[object, ...], list[Strip]] | None = None
    _changing_picture = False
    #: The change pending, if it is all that is (``refresh_picture``), and each change's
    #: cells as ``DirectPainter`` wrote them, by change, place and filters.
    _change: object | None = None
    _painted_changes: dict[tuple[object, ...], list[str]] | None = None

    def picture_key(self) -> object | None:
        """What the widget's lines follow from now; None keeps nothing."""
        return None

    def refresh_picture(self, *regions: Region, change: object | None = None) -> None:
        """Repaint ``regions``, where the new picture differs from the one before; ``change``
        names the two pictures (the same regions each time), unless more was pending."""
        self._change = None if self._repaint_regions else change
        self._changing_picture = True
        try:
            self.refresh(*regions)
        finally:
            self._changing_picture = False

    def _set_dirty(self, *regions: Region) -> None:
        if not (regions and self._changing_picture):
            self._kept_pictures = self._change = None
            if not regions:
                self._painted_changes = None
        super()._set_dirty(*regions)

    def render_lines(self, crop: Region) -> list[Strip]:
        picture = self.picture_key()
        if picture is None:
            return super().render_lines(crop)
        key = (picture, crop, self.size, *self.get_line_filters())
        kept = self._kept_pictures
        if kept is None:
            kept = self._kept_pictures = {}
        elif (lines := kept.get(key)) is not None:
            return lines
        lines = kept[key] = super().render_lines(crop)
        if len(kept) > KEPT_PICTURE_LINES:
            del kept[next(iter(kept))]
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
