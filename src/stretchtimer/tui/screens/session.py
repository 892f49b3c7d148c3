"""The session screen: one step at a time, redrawn from the engine's state.

The screen keeps no time of its own. After each key or wake-up it lets the
engine catch up, copies the engine's state into its widgets (each widget skips
the redraw when its text is unchanged) and books one timer for the engine's
next wake-up. It tells the app what happened through messages
(``tui/messages.py``) and never asks it anything, so any flow can host it.

The stretch figure follows the session through the engine's events. While it
moves, the screen's one timer is booked for the figure's next frame if that
comes before the engine's next wake-up; while it is still, it books none.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical

from stretchtimer.figures.animation import FRAMES_PER_SECOND
from stretchtimer.i18n import N_, _
from stretchtimer.services import AudioControl
from stretchtimer.session.clock import Clock
from stretchtimer.session.engine import Session, SessionState
from stretchtimer.session.figure_follower import FigureFollower
from stretchtimer.session.timeline import PhaseKind
from stretchtimer.tui import styles
from stretchtimer.tui.clock_driver import ClockDriver
from stretchtimer.tui.key_order import pass_on_stale_key
from stretchtimer.tui.keys import KeyContext, MainScreen
from stretchtimer.tui.messages import (
    CautionReadMessage,
    FigureToggledMessage,
    SessionFinishedMessage,
    SessionStartedMessage,
    StepStartedMessage,
    WindowTitleChangedMessage,
)
from stretchtimer.tui.session_view import Describer, SessionView, step_notes
from stretchtimer.tui.textual_private import (
    DirectPainter,
    KeptLines,
    being_taken_down,
    message_time,
    paint_now,
    writes_together,
)
from stretchtimer.tui.widgets.figure_view import FigureView
from stretchtimer.tui.widgets.key_bar import KeyBar
from stretchtimer.tui.widgets.line import Line
from stretchtimer.tui.widgets.notes_view import NotesView
from stretchtimer.tui.widgets.screen_painted import prompts_held
from stretchtimer.tui.widgets.session_clock import ClockFace, SessionClock

#: Below either size the big digits give way to a plain line of text.
COMPACT_WIDTH = 44
COMPACT_HEIGHT = 18
#: From this width the figure stands beside the instructions ...
FIGURE_BESIDE_WIDTH = 70
FIGURE_BESIDE_HEIGHT = 20
#: ... and, narrower, below them from this height; smaller than both, it is hidden.
FIGURE_BELOW_HEIGHT = 34
#: A wide figure (lying down) goes below the instructions from this height, where the
#: row left under them is taller than the column beside them would let it be.
WIDE_FIGURE_BELOW_HEIGHT = 28
#: A frame due this close before the engine's wake-up waits for it: the wake-up draws
#: the figure as well, so the two cost one repaint and one timer instead of two.
FOLD_FRAME_SECONDS = 1 / FRAMES_PER_SECOND
FIGURE_CLASSES = {"beside": "-figure-beside", "below": "-figure-below"}

PHASE_CLASSES = {kind: f"-{kind.value}" for kind in PhaseKind}
#: The lines the session's words go to, in the order ``_draw`` works them out.
LINE_NAMES = ("heading", "step-name", "kind", "phase", "paused", "next")
#: Rows of the screen besides the digits and the notes: footer, heading, name, phase,
#: bars, the next line and the blank rows between them.
FIXED_ROWS = 12
#: The share of what is left that the digits may take; the notes get the rest.
DIGITS_SHARE = 0.45
#: The last row of the notes when some are left out: the key that shows them all.
# Translators: {key} is the key d.
NOTES_MARK = N_("… more: {key} shows the whole step")


def digits_room(height: int) -> int:
    """The most rows the big digits may take on a terminal ``height`` rows high."""
    return max(3, int((height - FIXED_ROWS) * DIGITS_SHARE))


class KeptColumn(Vertical, KeptLines): ...


class KeptRow(Horizontal, KeptLines): ...


class SessionScreen(MainScreen, KeptLines):
    CSS_PATH = styles.SESSION
    KEY_CONTEXT = KeyContext.SESSION
    BINDINGS: ClassVar[list[BindingType]] = list(KEY_CONTEXT.bindings)
    AUTO_FOCUS = None

    def __init__(
        self,
        session: Session,
        *,
        clock: Clock,
        audio: AudioControl | None = None,
        show_figure: bool = True,
        hold_for_caution: bool = False,
        window_title: Callable[[str], None] | None = None,
    ) -> None:
        # Styled for its first phase from the start: adding the class after the
        # first styling would restyle every widget again (~6 ms of start-up).
        super().__init__(classes=PHASE_CLASSES[session.current_phase.kind])
        self.session = session
        self._audio = audio
        #: Writes the terminal's title at once, with the wake-up's frame; else a message.
        self._window_title = window_title
        self._driver = ClockDriver(self, clock, self.tick)
        self._view: SessionView | None = None
        self._describe = Describer()
        self._ended = False
        #: The caution is new: it stays on screen, the countdown not started, until a key.
        self._holding = hold_for_caution and session.state is SessionState.READY
        #: When the held caution was first drawn: only a key read after it counts.
        self._hold_shown_at: float | None = None
        #: Paused because a dialog (help, the palette, a question) covers the screen.
        self._paused_under_dialog = False
        self._lines: dict[str, Line] = {}
        self._clock = clock
        # Attached before the session starts, so it sees every event from the first.
        self._follower = FigureFollower()
        self._follower.attach(session)
        self._figure_wanted = show_figure
        self._figure_place: str | None = None
        self._has_figure = False
        #: When the engine next changes what the screen shows (booked at each full redraw).
        self._engine_wakeup: float | None = None
        self._terminal_size = (0, 0)
        #: What the lines were last told to show.
        self._texts: tuple[str, ...] = ()

    @property
    def driver(self) -> ClockDriver:
        return self._driver

    @property
    def follower(self) -> FigureFollower:
        return self._follower

    @property
    def figure_place(self) -> str | None:
        """Where the figure is: "beside" or "below" the instructions, or None (hidden)."""
        return self._figure_place

    @property
    def view(self) -> SessionView | None:
        """What the screen shows now (the last state copied into the widgets)."""
        return self._view

    def compose(self) -> ComposeResult:
        # The figure has a column (or a row) of its own beside the session's widgets,
        # so a frame of it repaints it alone: Textual redraws every widget whose
        # container overlaps a change, and none of theirs overlaps this one. The screen
        # and these two hand back the lines they have (KeptLines) when asked again.
        with KeptRow(id="session-frame"):
            with KeptColumn(id="session"):
                with KeptRow(id="top", classes="row"):
                    yield Line(id="heading", whole_words=True)
                    yield Line(id="sound")
                with KeptRow(id="name-row", classes="row"):
                    yield Line(id="step-name", whole_words=True)
                    yield Line(id="kind")
                with KeptRow(id="phase-row", classes="row"):
                    yield Line(id="phase", whole_words=True)
                    yield Line(id="paused")
                yield SessionClock(id="clock")
                yield NotesView(id="notes")
                yield Line(id="next", whole_words=True)
            yield FigureView(id="figure")
        yield KeyBar()

    # ------------------------------------------------------------ lifecycle
    def on_mount(self) -> None:
        if self.app.return_code is not None or being_taken_down(self):
            # The app is ending while the screen is still being put up (a break started
            # from a notification just as the reminder ended): its widgets are being taken
            # away, and a session nobody saw must not start.
            return
        # Looked up once: the screen redraws every second for as long as it runs.
        self._lines = {line.id: line for line in self.query(Line) if line.id is not None}
        self._session_clock = self.query_one(SessionClock)
        self._figure_view = self.query_one(FigureView)
        self._notes_view = self.query_one(NotesView)
        self._painter = DirectPainter(self, (self._session_clock, self._figure_view))
        self._fit(self.app.size.width, self.app.size.height)
        self._show_sound()
        if self.session.state is SessionState.READY and not self._holding:
            self.session.start()
        self.post_message(SessionStartedMessage(self.session))
        if self._holding:
            # Stamped as the caution is first drawn, not once the frame is out: on a busy
            # machine the frame can reach the terminal, and the key typed on seeing it
            # be read, before a callback after the refresh runs, and that key was lost.
            # Keys typed ahead with the choice were read before this screen existed.
            self._hold_shown_at = message_time()
        self._refresh_from_session()

    def on_unmount(self) -> None:
        self._driver.cancel()

    def on_screen_suspend(self) -> None:
        """A dialog came over the screen: the countdown waits for the person to come back."""
        if self.session.state is SessionState.RUNNING:
            self.session.pause()
            self._paused_under_dialog = True
            self._refresh_from_session()

    def on_screen_resume(self) -> None:
        """Back from a dialog: running again only if it was running when the dialog opened."""
        if self._paused_under_dialog:
            self._paused_under_dialog = False
            self.session.resume()
            self._refresh_from_session()

    def on_key(self, event: events.Key) -> None:
        if pass_on_stale_key(self, event) or not self._holding:
            return
        # Any key: the caution has been read, and this key only starts the session.
        event.stop()
        event.prevent_default()
        if self._hold_shown_at is None or event.time < self._hold_shown_at:
            return  # typed before the caution was on screen (with the Enter that chose it)
        self._holding = False
        self.post_message(CautionReadMessage(self.session))
        self.session.start()
        self._refresh_from_session()

    @property
    def holding(self) -> bool:
        """Whether the screen waits, caution shown, for a key before it starts."""
        return self._holding

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        self._terminal_size = (width, height)
        compact = width < COMPACT_WIDTH or height < COMPACT_HEIGHT
        self.set_class(compact, "-compact")
        clocks = self.query(SessionClock)
        if not clocks:
            # A resize can reach the screen while its widgets are taken away (the app
            # ending as a break starts): nothing is left to fit.
            return
        clocks.first().set_compact(compact)
        clocks.first().set_room(digits_room(height))
        self.set_class(height < 12, "-tiny")
        if self._lines:
            # Drawn now: a paused session has no wake-up to draw a figure newly given room.
            self._show_figure()
            self._driver.schedule(self._next_wakeup())

    def _place_figure(self) -> str | None:
        """Put the figure beside or below the instructions, or hide it, for this size."""
        width, height = self._terminal_size
        place: str | None = None
        figure = self._follower.figure
        if self._figure_wanted and figure is not None:
            if width >= FIGURE_BESIDE_WIDTH and height >= FIGURE_BESIDE_HEIGHT:
                # A lying figure in a column a third of the screen wide is a few rows high.
                below = height >= WIDE_FIGURE_BELOW_HEIGHT and self._follower.wide
                place = "below" if below else "beside"
            elif height >= FIGURE_BELOW_HEIGHT and width >= COMPACT_WIDTH:
                place = "below"
        if place != self._figure_place:
            self._figure_place = place
            for name, css_class in FIGURE_CLASSES.items():
                self.set_class(name == place, css_class)
            # Below the notes, the figure comes before the tip and the caution.
            self._notes_view.first_only = place == "below"
            self._notes_view.refresh(layout=True)
        return place

    # ------------------------------------------------------------ the loop
    def tick(self) -> None:
        """Let the engine catch up with the clock, then redraw and rebook.

        A wake-up before the engine's next one is a frame of the moving figure:
        nothing else on screen can have changed, so only the figure is drawn.
        Either way the change is painted before this returns, the window title
        and the frame in one write.
        """
        with (
            writes_together(self.app),
            prompts_held((self._session_clock, self._figure_view)) as painted,
        ):
            wakeup = self._engine_wakeup
            if wakeup is not None and self._clock.now() < wakeup and self._figure_place is not None:
                self._show_figure()
                self._driver.schedule(self._next_wakeup())
            else:
                self.session.update()
                self._refresh_from_session()
            # The changes go out from this wake-up rather than from two more of Textual's:
            # the clock's and the figure's changed cells alone when nothing can cover them.
            painted[0] = self._painter.paint() or paint_now(self)

    def _refresh_from_session(self) -> None:
        if self.session.state is SessionState.FINISHED:
            self._end()
            return
        self._draw(self._describe(self.session))
        self._engine_wakeup = self.session.next_wakeup()
        self._show_figure()
        self._driver.schedule(self._next_wakeup())

    def _show_figure(self) -> None:
        figure = self._follower.figure
        if (figure is not None) != self._has_figure:
            self._has_figure = figure is not None
            self.refresh_bindings()  # "f" is offered only with a figure to show
        if self._place_figure() is None:
            return
        moment = self._follower.moment(self._clock.now())
        self._figure_view.show(figure, moment, self._follower.working)

    def _next_wakeup(self) -> float | None:
        """The engine's next wake-up, or the figure's next frame if that comes first."""
        wakeup = self._engine_wakeup
        if self._figure_place is None or wakeup is None:
            return wakeup
        frame = self._follower.next_frame(
            self._clock.now(), dots_per_unit=self._figure_view.dots_per_unit
        )
        if frame is None or wakeup - frame <= FOLD_FRAME_SECONDS + 1e-6:
            return wakeup  # the engine's wake-up draws the figure too: one repaint for both
        return frame

    def _end(self) -> None:
        self._driver.cancel()
        summary = self.session.summary
        if not self._ended and summary is not None:
            self._ended = True
            self.post_message(SessionFinishedMessage(self.session, summary))

    def _draw(self, view: SessionView) -> None:
        old = self._view
        self._view = view
        if self._holding:
            phase, paused = _("First read the caution below"), _("any key starts")
        else:
            phase = f"{view.phase} · {view.detail}" if view.detail else view.phase
            paused = _("PAUSED") if view.paused else ""
        # Most seconds change none of the lines: compared at once, not line by line.
        texts = (view.heading, view.step_name, view.kind, phase, paused, view.next)
        if texts != self._texts:
            self._texts = texts
            for name, text in zip(LINE_NAMES, texts, strict=True):
                self._line(name, text)
        self._session_clock.show(
            ClockFace(
                time=view.countdown,
                reps=view.reps,
                phase_fraction=view.phase_fraction,
                session_fraction=view.session_fraction,
                session_left=view.session_left,
            )
        )
        self._notes_view.show(
            step_notes(view, caution_first=self._holding), _(NOTES_MARK).format(key="d")
        )
        kind = self.session.current_phase.kind
        if old is None or old.phase != view.phase or old.paused != view.paused:
            for phase_kind, css_class in PHASE_CLASSES.items():
                self.set_class(phase_kind is kind, css_class)
            self.set_class(view.paused, "-paused")
        # The footer is first built with "done" hidden (no view yet), so only a
        # change needs a rebuild; an unneeded one costs ~40 ms of CPU at start-up.
        if (old.rep_work if old is not None else False) != view.rep_work:
            self.refresh_bindings()
        if old is not None and old.heading != view.heading:
            self.post_message(StepStartedMessage(self.session))
        if old is None or old.window_title != view.window_title:
            if self._window_title is not None:
                # Now, with the frame: a message would take the app's queue a turn a second.
                self._window_title(view.window_title)
            else:
                self.app.post_message(WindowTitleChangedMessage(view.window_title))

    def _line(self, name: str, text: str) -> None:
        line = self._lines[name]
        line.show(text)
        if line.display != bool(text):
            line.display = bool(text)

    def _show_sound(self) -> None:
        muted = self._audio is not None and self._audio.muted
        self._line("sound", _("muted") if muted else "")

    # ------------------------------------------------------------ commands
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "done":
            return self._view is not None and self._view.rep_work
        if action == "toggle_figure":
            return self._has_figure
        return True

    def action_toggle_pause(self) -> None:
        self.session.toggle_pause()
        self._refresh_from_session()

    def action_skip(self) -> None:
        self.session.skip()
        self._refresh_from_session()

    def action_back(self) -> None:
        self.session.back()
        self._refresh_from_session()

    def action_restart(self) -> None:
        self.session.restart_step()
        self._refresh_from_session()

    def action_more_time(self) -> None:
        self.session.adjust(10)
        self._refresh_from_session()

    def action_less_time(self) -> None:
        self.session.adjust(-10)
        self._refresh_from_session()

    def action_done(self) -> None:
        self.session.finish_reps()
        self._refresh_from_session()

    def action_toggle_figure(self) -> None:
        self._figure_wanted = not self._figure_wanted
        self.post_message(FigureToggledMessage(shown=self._figure_wanted))
        self._refresh_from_session()

    def action_mute(self) -> None:
        if self._audio is None:
            self.notify(_("Sound is not available in this session."), timeout=3)
            return
        self._audio.set_muted(not self._audio.muted)
        self._show_sound()
        self.notify(_("Sound off") if self._audio.muted else _("Sound on"), timeout=2)

    def action_details(self) -> None:
        """The whole step to read, paused while it is read (the screen may show only part)."""
        view = self._view
        if view is None:
            return
        was_running = self.session.state is SessionState.RUNNING
        self.session.pause()
        self._refresh_from_session()

        def closed(_result: None) -> None:
            if was_running and self.session.state is SessionState.PAUSED:
                self.session.resume()
            self._refresh_from_session()

        from stretchtimer.tui.screens.confirm import StepNotes  # not before the first frame

        lines = [note.text for note in step_notes(view)]
        self.app.push_screen(StepNotes(view.step_name, lines), closed)

    def action_quit_session(self) -> None:
        """Pause while asking, so a slip of the finger costs nothing."""
        was_running = self.session.state is SessionState.RUNNING
        self.session.pause()
        self._refresh_from_session()
        if self.session.state is SessionState.FINISHED:
            return

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                self.session.quit()
            elif was_running:
                self.session.resume()
            self._refresh_from_session()

        from stretchtimer.tui.screens.confirm import ConfirmQuit  # not before the first frame

        self.app.push_screen(ConfirmQuit(), answered)

    def pause_for_suspend(self) -> None:
        """Stop the clock before the process is stopped; resuming is left to the person."""
        self._paused_under_dialog = False
        self.session.pause()
        self._refresh_from_session()
