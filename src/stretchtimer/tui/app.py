"""The Textual application: screens in order, and the services around a session.

The app owns what outlives one screen: the clock, the audio and history
services, the terminal title and the theme. For every session it makes, it
attaches audio and history before the session starts, so neither misses the
first event. Screens talk to it only through the messages in
``tui/messages.py``; which screen comes first and what follows a summary is
its flow's call (``tui/flow.py``).

Beside it: ``run.py`` runs it for the command line, ``routine_editing.py``
carries out the picker's requests to edit or make a routine, ``hangup.py``
ends it on a signal, ``screens/help.py`` lists the keys in force.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from msgspec.structs import replace
from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.driver import Driver
from textual.screen import ModalScreen, Screen
from textual.theme import Theme
from textual.widget import AwaitMount

from stretchtimer.catalog import RoutineEntry, folder_state
from stretchtimer.catalog import discover as catalog_discover
from stretchtimer.config import Config, ConfigError, save_setting
from stretchtimer.i18n import _
from stretchtimer.routine import Routine
from stretchtimer.services import AudioControl, HistoryControl, RatingsControl
from stretchtimer.session.clock import Clock, MonotonicClock
from stretchtimer.session.engine import Session
from stretchtimer.state import CautionsRead, remember_routine
from stretchtimer.tui import styles
from stretchtimer.tui.flow import Flow, PickerFlow
from stretchtimer.tui.hangup import EndingSignals
from stretchtimer.tui.key_order import KeyOrder
from stretchtimer.tui.keys import APP_BINDINGS, MainScreen
from stretchtimer.tui.messages import (
    CautionReadMessage,
    CheckinGivenMessage,
    EditRequestedMessage,
    FigureToggledMessage,
    FlashRequestedMessage,
    LeaveRequestedMessage,
    NewRoutineRequestedMessage,
    RoutineChosenMessage,
    SessionFinishedMessage,
    SessionMessage,
    StepRatedMessage,
    SummaryClosedMessage,
    WindowTitleChangedMessage,
)
from stretchtimer.tui.screens.dialog import NARROW_DIALOGS, dialogs_small
from stretchtimer.tui.screens.session import SessionScreen
from stretchtimer.tui.terminal_title import TerminalTitle
from stretchtimer.tui.textual_private import (
    CrashKeepingApp,
    replaceable_first_screen,
    write_to_terminal,
)

if TYPE_CHECKING:
    from stretchtimer.editing import EditResult
    from stretchtimer.tui.screens.picker import PickerScreen

# The picker, the summary, the dialogs and the editing code are imported where
# they are first needed: `stretchtimer run ROUTINE` shows its first frame
# without them.

#: How long the visual stand-in for a sound cue lasts.
FLASH_SECONDS = 0.15


class StretchApp(CrashKeepingApp[int]):
    CSS_PATH = "app.tcss"
    TITLE = "stretchtimer"
    BINDINGS: ClassVar[list[BindingType]] = list(APP_BINDINGS)

    def __init__(
        self,
        routine: Routine | None,
        *,
        config: Config,
        audio: AudioControl | None = None,
        history: HistoryControl | None = None,
        ratings: RatingsControl | None = None,
        start_step: int = 0,
        clock: Clock | None = None,
        discover: Callable[[], Sequence[RoutineEntry]] | None = None,
        observers: Sequence[Callable[[Session], None]] = (),
        flow: Flow | None = None,
        config_problems: Sequence[str] = (),
        edit: Callable[[Path], EditResult] | None = None,
        routine_folder: Callable[[], Hashable] = folder_state,
        folder_check_seconds: float | None = None,
        cautions: CautionsRead | None = None,
    ) -> None:
        super().__init__()
        #: Every key read from the terminal goes through it, so keys are handled in order.
        self.key_order = KeyOrder(self, super().on_event)
        self._config_problems = tuple(config_problems)
        if routine is not None and not 0 <= start_step < len(routine.steps):
            raise ValueError(
                f"step {start_step + 1} is outside {routine.name} ({len(routine.steps)} steps)"
            )
        self.config = config
        self.audio = audio
        self.history = history
        #: Ratings and check-ins; None leaves routines as written and asks for neither.
        self.ratings = ratings
        self.clock: Clock = clock or MonotonicClock()
        self.flow: Flow = flow or PickerFlow(routine, start_step)
        self._main: Screen[None] | None = None
        self._discover = discover or catalog_discover
        #: What edits a routine file (the person's editor, and the check after it).
        self.editor = edit
        self._routine_folder = routine_folder
        self._folder_check_seconds = folder_check_seconds
        self._observers = tuple(observers)
        #: Which cautions have been read: a new one waits for a key before the countdown.
        self.cautions = cautions or CautionsRead()
        # tmux has no title stack to give the old title back from.
        self._terminal_title = TerminalTitle(
            self._write_to_terminal, has_title_stack="TMUX" not in os.environ
        )
        self._signals = EndingSignals(self.exit)
        self._services_closed = False
        self.set_keymap(config.keymap)

    # ------------------------------------------------------------ lifecycle
    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for this terminal, with the quiet input thread in place of Linux's.

        Textual's Linux driver polls for keys ten times a second; the quiet one
        (``tui/quiet_input.py``) sleeps until a key comes. A driver named in
        ``TEXTUAL_DRIVER``, or any other platform's, is used as Textual chose it.
        """
        from textual import constants
        from textual.drivers.linux_driver import LinuxDriver

        from stretchtimer.tui.quiet_input import QuietLinuxDriver

        driver = super().get_driver_class()
        chosen_by_textual = constants.DRIVER is None
        return QuietLinuxDriver if chosen_by_textual and driver is LinuxDriver else driver

    def get_default_screen(self) -> Screen[None]:
        """The flow's first screen, as the bottom of Textual's screen stack.

        Pushed over Textual's own empty default screen, it came second: that
        screen was styled, laid out and resumed first, about 5% of the CPU time
        to a session's first frame. It is made here, as Textual composes the
        app, before the app's ``on_mount``.
        """
        if self.audio is not None:
            self.audio.set_flash_handler(self.request_flash)
        self._main = self.flow.first_screen(self)
        styles.read_first(self, self._main)
        return replaceable_first_screen(self._main)

    def on_resize(self, event: events.Resize) -> None:
        self._fit_dialogs(event.size.width, event.size.height)

    def _fit_dialogs(self, width: int, height: int) -> None:
        # On the app, not on each dialog: a dialog screen that handles its own resize
        # events loses keys typed over it in one burst (they arrive during its layout).
        self.set_class(dialogs_small(width, height), "-small-dialogs")
        self.set_class(width < NARROW_DIALOGS, "-narrow-dialogs")

    async def on_mount(self) -> None:
        self._fit_dialogs(self.size.width, self.size.height)
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        else:
            self.notify(
                _("Unknown theme '{theme}'.").format(theme=self.config.theme),
                severity="warning",
                markup=False,
            )
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        # Immediately: the process stops right after this signal is published.
        self.app_suspend_signal.subscribe(self, self._on_suspend, immediate=True)
        self.app_resume_signal.subscribe(self, self._on_resume)
        self._terminal_title.save()
        if not self.is_headless:
            self._signals.catch()
        self._show_history_messages()
        for problem in self._config_problems:
            self.notify(problem, title=_("Settings"), severity="warning", timeout=12, markup=False)
        # Up once the app is: as when it was pushed from here (``get_default_screen``).
        if self._main is not None:
            await AwaitMount(self._main, [self._main])
        # Once the first frame is out: the other screens' rules (``tui/styles.py``).
        self.call_after_refresh(styles.read_the_rest, self)

    def on_unmount(self) -> None:
        self._signals.release()
        self.close_services()

    def close_services(self) -> None:
        """Give the title back and stop the audio; once, whichever way the app ends."""
        if self._services_closed:
            return
        self._services_closed = True
        self._terminal_title.restore()
        if self.audio is not None:
            self.audio.set_flash_handler(None)
            self.audio.close()

    # ------------------------------------------------------------ screens
    def make_picker(self) -> PickerScreen:
        from stretchtimer.tui.screens.picker import FOLDER_CHECK_SECONDS, PickerScreen

        every = self._folder_check_seconds
        return PickerScreen(
            None,
            history=self.history,
            ratings=self.ratings,
            rediscover=self._discover,
            folder=self._routine_folder,
            check_every=FOLDER_CHECK_SECONDS if every is None else every,
        )

    def make_session_screen(self, routine: Routine, start_step: int = 0) -> SessionScreen:
        """A new session with audio and history attached; the screen starts it."""
        session = Session(routine, self.clock, start_step=start_step)
        remember_routine(routine.key)  # the picker opens on it next time
        if self.audio is not None:
            self.audio.attach(session)
        if self.history is not None:
            self.history.attach(session)
        for observe in self._observers:
            observe(session)
        return SessionScreen(
            session,
            clock=self.clock,
            audio=self.audio,
            show_figure=self.config.figure,
            hold_for_caution=self.cautions.is_new(routine.key, routine.caution_key),
            window_title=self.set_window_title,
        )

    @property
    def main_screen(self) -> Screen[None] | None:
        """The screen the flow is on (picker, session, summary), under any dialog."""
        return self._main

    def show(self, screen: Screen[None]) -> None:
        """Put ``screen`` in place of the main screen, closing any dialog over it."""
        self.call_next(self._replace_main, screen)

    async def _replace_main(self, screen: Screen[None]) -> None:
        from stretchtimer.tui.screens.palette import SafeCommandPalette

        while len(self.screen_stack) > 1 and isinstance(self.screen, ModalScreen):
            if isinstance(self.screen, SafeCommandPalette):
                self.screen.stop_searches()
            await self.pop_screen()
        if self._main is None or self._main not in self.screen_stack:
            await self.push_screen(screen)
        else:
            await self.switch_screen(screen)
        self._main = screen

    # ------------------------------------------------------------ messages from screens
    def on_routine_chosen_message(self, message: RoutineChosenMessage) -> None:
        routine = message.routine
        if self.ratings is not None:
            # Chosen as written (the picker lists files): the session follows the ratings.
            plan = self.ratings.plan(routine)
            if plan.nothing_left:
                given = routine.source.stem if routine.source else routine.name
                refusal = plan.refusal(given)
                self.notify(refusal[0].upper() + refusal[1:], severity="warning", markup=False)
                self.flow.refused(self)
                return
            routine = plan.routine
            start = plan.run_index(message.start_step)
        else:
            start = min(message.start_step, len(routine.steps) - 1)
        self.show(self.make_session_screen(routine, start))

    def on_step_rated_message(self, message: StepRatedMessage) -> None:
        if self.ratings is None:
            return
        problem = self.ratings.rate(
            message.routine_name, message.step_name, message.step_index, message.rating
        )
        if problem:
            self.notify(problem, title=_("Ratings"), severity="warning", timeout=8, markup=False)

    def on_checkin_given_message(self, message: CheckinGivenMessage) -> None:
        if self.ratings is None or not message.scores:
            return
        problem = self.ratings.checkin(message.scores)
        if problem:
            self.notify(problem, title=_("Check-in"), severity="warning", timeout=8, markup=False)
        else:
            self.notify(_("Check-in kept: stretchtimer stats shows it by the week."), timeout=4)

    @on(SessionMessage)
    def _show_history_messages(self) -> None:
        """The one place history's problems reach the person: as a session goes, and at start."""
        if self.history is None:
            return
        for message in self.history.take_messages():
            self.notify(message, title=_("History"), severity="warning", timeout=8, markup=False)

    def on_caution_read_message(self, message: CautionReadMessage) -> None:
        routine = message.session.routine
        self.cautions.mark_read(routine.key, routine.caution_key)

    def on_session_finished_message(self, message: SessionFinishedMessage) -> None:
        streak = self.history.current_streak() if self.history is not None else None
        rating = self.ratings is not None
        keymap = self.config.keymap
        summary = self.flow.summary_screen(
            message.summary, streak=streak, rating=rating, keymap=keymap
        )
        self.show(summary)

    def on_summary_closed_message(self, message: SummaryClosedMessage) -> None:
        following = self.flow.after_summary(self, message)
        if following is None:
            self.exit(0)
        else:
            self.show(following)

    def on_edit_requested_message(self, message: EditRequestedMessage) -> None:
        from stretchtimer.tui.routine_editing import edit_routine

        edit_routine(self, message.path)

    def on_new_routine_requested_message(self, message: NewRoutineRequestedMessage) -> None:
        from stretchtimer.tui.routine_editing import new_routine

        new_routine(self, message)

    def on_app_focus(self) -> None:
        """Back from another window: the routine folder may have changed meanwhile."""
        from stretchtimer.tui.screens.picker import PickerScreen

        if isinstance(self.main_screen, PickerScreen):
            self.main_screen.check_folder()

    def on_leave_requested_message(self, _message: LeaveRequestedMessage) -> None:
        self.exit(0)

    def on_window_title_changed_message(self, message: WindowTitleChangedMessage) -> None:
        self.set_window_title(message.text)

    def set_window_title(self, text: str) -> None:
        self._terminal_title.set(text)

    @property
    def window_title(self) -> str | None:
        """The text last written to the terminal's title bar."""
        return self._terminal_title.text

    def _write_to_terminal(self, data: str) -> None:
        write_to_terminal(self, data)

    # ------------------------------------------------------------ keys
    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not self.screen_stack:
            return  # typed ahead of the last screen closing: the app is ending, nothing acts on it
        if isinstance(event, events.Key) and not event.is_forwarded:
            await self.key_order.arrived(event)  # a key just read: in turn (tui/key_order.py)
        else:
            await super().on_event(event)

    def on_key(self, event: events.Key) -> None:
        # Runs before Textual checks the bindings, so a late key is checked on the right screen.
        self.key_order.pass_on_late(event)

    def action_help(self) -> None:
        from stretchtimer.tui.screens.help import HelpScreen, help_screen

        if not isinstance(self.screen, HelpScreen):
            key_display = lambda key: self.get_key_display(Binding(key, ""))  # noqa: E731
            self.push_screen(help_screen(self.main_screen, self.config.keymap, key_display))

    def action_help_quit(self) -> None:
        """Ctrl+C, which Textual keeps from quitting: its hint, in the person's language."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                hint = _("Press [b]{key}[/b] to quit the app").format(key=key)
                self.notify(hint, title=_("Do you want to quit?"))
                return

    def action_command_palette(self) -> None:
        from stretchtimer.tui.screens.palette import SafeCommandPalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(SafeCommandPalette(id="--command-palette"))

    def search_themes(self) -> None:
        """The palette's Theme command: a list of themes as safe as the palette itself."""
        from textual.theme import ThemeProvider

        from stretchtimer.tui.screens.palette import SafeCommandPalette

        placeholder = _("Search for themes…")
        self.push_screen(SafeCommandPalette([ThemeProvider], placeholder=placeholder))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's commands in the palette (Theme, Quit ...), in the person's language."""
        from stretchtimer.tui.screens.palette import translated_commands

        return translated_commands(super().get_system_commands(screen))

    def _on_suspend(self, _app: App[object]) -> None:
        main = self.main_screen
        if isinstance(main, SessionScreen):
            main.pause_for_suspend()

    def _on_resume(self, _app: App[object]) -> None:
        # The terminal was someone else's meanwhile (a shell, an editor): all of it is drawn
        # again, not only what changed while away.
        self.screen.refresh()
        if isinstance(self.main_screen, SessionScreen):
            self.notify(_("Paused while you were away: space carries on."), timeout=5)

    # ------------------------------------------------------------ looks
    def _remember_theme(self, theme: Theme) -> None:
        if theme.name == self.config.theme:
            return
        self._remember(replace(self.config, theme=theme.name), "theme", _("the theme"))

    def on_figure_toggled_message(self, message: FigureToggledMessage) -> None:
        if message.shown != self.config.figure:
            self._remember(
                replace(self.config, figure=message.shown), "figure", _("the figure setting")
            )

    def _remember(self, config: Config, key: str, what: str) -> None:
        """Use ``config`` from now on and keep its setting ``key`` in the file for next time."""
        self.config = config
        try:
            save_setting(key, getattr(config, key))
        except (OSError, ConfigError) as exc:
            # Translators: {what} is "the theme" or "the figure setting"; {problem} says why.
            message = _("Could not save {what}: {problem}").format(what=what, problem=exc)
            self.notify(message, severity="warning", markup=False)

    def request_flash(self) -> None:
        """Flash the screen briefly; safe to call from any thread."""
        self.post_message(FlashRequestedMessage())

    def on_flash_requested_message(self) -> None:
        screen = self.screen
        target = screen.flash_target() if isinstance(screen, MainScreen) else screen
        target.add_class("-flash")
        self.set_timer(FLASH_SECONDS, lambda: target.remove_class("-flash"))
