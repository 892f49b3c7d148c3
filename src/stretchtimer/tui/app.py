"""The Textual application: screens in order, and the services around a session.

The app owns what outlives one screen: the clock, the audio and history
services, the terminal title and the theme. For every session it makes, it
attaches audio and history before the session starts, so neither misses the
first event. Screens talk to it only through the messages in
``tui/messages.py``; which screen comes first and what follows a summary is
its flow's call (``tui/flow.py``).
"""

from __future__ import annotations

import asyncio
import os
import signal
import traceback
from collections.abc import Callable, Hashable, Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from msgspec.structs import replace
from textual import events, on
from textual.app import App, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.driver import Driver
from textual.screen import ModalScreen, Screen
from textual.theme import Theme

from stretchtimer import locations
from stretchtimer.catalog import RoutineEntry, folder_state
from stretchtimer.catalog import discover as catalog_discover
from stretchtimer.config import Config, ConfigError, save_setting
from stretchtimer.gc_policy import resume_collection
from stretchtimer.routine import Routine
from stretchtimer.services import AppCrashed, AudioControl, HistoryControl
from stretchtimer.session.clock import Clock, MonotonicClock
from stretchtimer.session.engine import Session
from stretchtimer.tui.flow import Flow, PickerFlow
from stretchtimer.tui.hangup import exit_within_grace, silence_terminal, terminal_gone
from stretchtimer.tui.keys import APP_BINDINGS, KeyHelp, MainScreen, key_help
from stretchtimer.tui.messages import (
    EditRequestedMessage,
    FigureToggledMessage,
    FlashRequestedMessage,
    LeaveRequestedMessage,
    NewRoutineRequestedMessage,
    RoutineChosenMessage,
    SessionFinishedMessage,
    SessionMessage,
    SummaryClosedMessage,
    WindowTitleChangedMessage,
)
from stretchtimer.tui.screens.routing import pass_on_late_key
from stretchtimer.tui.screens.session import SessionScreen
from stretchtimer.tui.terminal_title import TerminalTitle
from stretchtimer.tui.textual_private import CrashKeepingApp, write_to_terminal
from stretchtimer.wording import plural

if TYPE_CHECKING:
    from stretchtimer.editing import EditResult
    from stretchtimer.tui.screens.picker import PickerScreen

# The picker, the summary, the dialogs and the editing code are imported where
# they are first needed: `stretchtimer run ROUTINE` shows its first frame
# without them.

#: How long the visual stand-in for a sound cue lasts.
FLASH_SECONDS = 0.15

#: Signals that end the app the orderly way: terminal given back, session left
#: as interrupted, exit status 128 + the signal's number as a shell expects.
ENDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)


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
        start_step: int = 0,
        clock: Clock | None = None,
        discover: Callable[[], Sequence[RoutineEntry]] | None = None,
        observers: Sequence[Callable[[Session], None]] = (),
        flow: Flow | None = None,
        config_problems: Sequence[str] = (),
        edit: Callable[[Path], EditResult] | None = None,
        routine_folder: Callable[[], Hashable] = folder_state,
        folder_check_seconds: float | None = None,
    ) -> None:
        super().__init__()
        self._config_problems = tuple(config_problems)
        if routine is not None and not 0 <= start_step < len(routine.steps):
            raise ValueError(
                f"step {start_step + 1} is outside {routine.name} ({len(routine.steps)} steps)"
            )
        self.config = config
        self.audio = audio
        self.history = history
        self.clock: Clock = clock or MonotonicClock()
        self.flow: Flow = flow or PickerFlow(routine, start_step)
        self._main: Screen[None] | None = None
        self._discover = discover or catalog_discover
        self._edit = edit or _run_editor
        self._routine_folder = routine_folder
        self._folder_check_seconds = folder_check_seconds
        self._observers = tuple(observers)
        # tmux has no title stack to give the old title back from.
        self._terminal_title = TerminalTitle(
            self._write_to_terminal, has_title_stack="TMUX" not in os.environ
        )
        self._signals: list[signal.Signals] = []
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

    def on_mount(self) -> None:
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        else:
            self.notify(f"Unknown theme '{self.config.theme}'.", severity="warning", markup=False)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        # Immediately: the process stops right after this signal is published.
        self.app_suspend_signal.subscribe(self, self._on_suspend, immediate=True)
        self.app_resume_signal.subscribe(self, self._on_resume)
        self._terminal_title.save()
        if not self.is_headless:
            self._catch_signals()
        if self.audio is not None:
            self.audio.set_flash_handler(self.request_flash)
        self._main = self.flow.first_screen(self)
        self.push_screen(self._main)
        self._show_history_messages()
        for problem in self._config_problems:
            self.notify(problem, title="Settings", severity="warning", timeout=12, markup=False)

    def on_unmount(self) -> None:
        self._release_signals()
        self._close_services()

    def _catch_signals(self) -> None:
        loop = asyncio.get_running_loop()
        for number in ENDING_SIGNALS:
            try:
                loop.add_signal_handler(number, self._ended_by_signal, number)
            except (ValueError, RuntimeError, NotImplementedError):
                continue
            self._signals.append(number)

    def _release_signals(self) -> None:
        loop = asyncio.get_running_loop()
        for number in self._signals:
            loop.remove_signal_handler(number)
        self._signals.clear()

    def _ended_by_signal(self, number: signal.Signals) -> None:
        """Leave as after ``q``, but without ending the session: it stays interrupted."""
        if number == signal.SIGHUP and terminal_gone():
            silence_terminal()
        exit_within_grace(128 + number)
        self.exit(128 + number)

    def _close_services(self) -> None:
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
            rediscover=self._discover,
            folder=self._routine_folder,
            check_every=FOLDER_CHECK_SECONDS if every is None else every,
        )

    def make_session_screen(self, routine: Routine, start_step: int = 0) -> SessionScreen:
        """A new session with audio and history attached; the screen starts it."""
        session = Session(routine, self.clock, start_step=start_step)
        if self.audio is not None:
            self.audio.attach(session)
        if self.history is not None:
            self.history.attach(session)
        for observe in self._observers:
            observe(session)
        return SessionScreen(
            session, clock=self.clock, audio=self.audio, show_figure=self.config.figure
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
        self.show(self.make_session_screen(message.routine, message.start_step))

    @on(SessionMessage)
    def _show_history_messages(self) -> None:
        """The one place history's problems reach the person: as a session goes, and at start."""
        if self.history is None:
            return
        for message in self.history.take_messages():
            self.notify(message, title="History", severity="warning", timeout=8, markup=False)

    def on_session_finished_message(self, message: SessionFinishedMessage) -> None:
        from stretchtimer.tui.screens.summary import SummaryScreen

        streak = self.history.current_streak() if self.history is not None else None
        self.show(SummaryScreen(message.summary, streak=streak))

    def on_summary_closed_message(self, message: SummaryClosedMessage) -> None:
        following = self.flow.after_summary(self, message)
        if following is None:
            self.exit(0)
        else:
            self.show(following)

    def on_edit_requested_message(self, message: EditRequestedMessage) -> None:
        from stretchtimer.editing import EditError, editable

        try:
            target = editable(message.path)
        except EditError as exc:
            self.notify(str(exc), title="Cannot edit", severity="error", markup=False)
            return
        if target.copied_from is not None:
            self.notify(
                f"{target.path.stem} is bundled: you are editing your own copy.",
                markup=False,
            )
        self.call_after_refresh(self._edit_in_terminal, target.path)

    def on_new_routine_requested_message(self, message: NewRoutineRequestedMessage) -> None:
        from stretchtimer.editing import EditError, create_routine
        from stretchtimer.tui.screens.new_name import NewRoutineName

        def named(name: str | None) -> None:
            if name is None:
                return
            try:
                path = create_routine(name, source=message.source)
            except EditError as exc:
                self.notify(str(exc), title="Cannot create", severity="error", markup=False)
                return
            self.call_after_refresh(self._edit_in_terminal, path)

        self.push_screen(
            NewRoutineName(
                message.suggested_name,
                message.source.stem if message.source else None,
                _problem_with_name,
            ),
            named,
        )

    def _edit_in_terminal(self, path: Path) -> None:
        """Hand the terminal to the editor (the edit loop runs there), then show the result."""
        from stretchtimer.editing import EditError, Outcome
        from stretchtimer.tui.screens.picker import PickerScreen

        try:
            with self._terminal_for_editor():
                result = self._edit(path)
        except SuspendNotSupported:
            self.notify(
                f"An editor cannot be opened from here; run 'stretchtimer edit {path.stem}'.",
                severity="error",
                markup=False,
            )
            return
        except EditError as exc:
            self.notify(str(exc), title="Cannot edit", severity="error", markup=False)
            return
        finally:
            if isinstance(self.main_screen, PickerScreen):
                self.main_screen.reload(highlight=path.stem)
        if result.outcome is Outcome.VALID and result.routine is not None:
            steps = len(result.routine.steps)
            self.notify(f"{result.name}: saved, {plural(steps, 'step')}.", markup=False)
        else:
            self.notify(
                f"{result.name} was kept with problems; the list shows them.",
                severity="warning",
                markup=False,
            )

    def _terminal_for_editor(self) -> AbstractContextManager[None]:
        """The real terminal, suspended for the editor; a headless app has none to hand over."""
        return nullcontext() if self.is_headless else self.suspend()

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
    def on_key(self, event: events.Key) -> None:
        # Runs before Textual checks the bindings, so a late key is checked on the right screen.
        pass_on_late_key(self, event)

    def action_help(self) -> None:
        from stretchtimer.tui.screens.help import HelpScreen, help_text

        if isinstance(self.screen, HelpScreen):
            return
        keymap = self.config.keymap
        main = self.main_screen
        sections: list[tuple[str, Sequence[KeyHelp]]] = []
        if isinstance(main, MainScreen):
            context = main.KEY_CONTEXT
            sections.append((context.help_title, key_help(context.bindings, keymap)))
        anywhere = key_help(APP_BINDINGS, keymap)
        anywhere.append(KeyHelp(("ctrl+p",), "Commands, including the theme"))
        sections.append(("Anywhere", anywhere))
        text = help_text(sections, lambda key: self.get_key_display(Binding(key, "")))
        self.push_screen(HelpScreen(text))

    def action_command_palette(self) -> None:
        from stretchtimer.tui.screens.palette import SafeCommandPalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(SafeCommandPalette(id="--command-palette"))

    def _on_suspend(self, _app: App[object]) -> None:
        main = self.main_screen
        if isinstance(main, SessionScreen):
            main.pause_for_suspend()

    def _on_resume(self, _app: App[object]) -> None:
        if isinstance(self.main_screen, SessionScreen):
            self.notify("Paused while you were away: space carries on.", timeout=5)

    # ------------------------------------------------------------ looks
    def _remember_theme(self, theme: Theme) -> None:
        if theme.name == self.config.theme:
            return
        self._remember(replace(self.config, theme=theme.name), "theme", "the theme")

    def on_figure_toggled_message(self, message: FigureToggledMessage) -> None:
        if message.shown != self.config.figure:
            self._remember(
                replace(self.config, figure=message.shown), "figure", "the figure setting"
            )

    def _remember(self, config: Config, key: str, what: str) -> None:
        """Use ``config`` from now on and keep its setting ``key`` in the file for next time."""
        self.config = config
        try:
            save_setting(key, getattr(config, key))
        except (OSError, ConfigError) as exc:
            self.notify(f"Could not save {what}: {exc}", severity="warning", markup=False)

    def request_flash(self) -> None:
        """Flash the screen briefly; safe to call from any thread."""
        self.post_message(FlashRequestedMessage())

    def on_flash_requested_message(self) -> None:
        screen = self.screen
        screen.add_class("-flash")
        self.set_timer(FLASH_SECONDS, lambda: screen.remove_class("-flash"))


def _problem_with_name(name: str) -> str | None:
    """What is wrong with a new routine's name, said without the folder (the dialog is narrow)."""
    from stretchtimer.editing import EditError, new_routine_path

    try:
        new_routine_path(name)
    except EditError as exc:
        return str(exc).replace(f"{locations.user_routines_dir()}{os.sep}", "")
    return None


def _run_editor(path: Path) -> EditResult:
    from stretchtimer.editing import edit_in_terminal

    return edit_in_terminal(path)


def run_app(
    routine: Routine | None,
    *,
    config: Config,
    audio: AudioControl | None = None,
    history: HistoryControl | None = None,
    start_step: int = 0,
    clock: Clock | None = None,
    observers: Sequence[Callable[[Session], None]] = (),
    flow: Flow | None = None,
    config_problems: Sequence[str] = (),
) -> int:
    """Run the app until the person leaves; return the exit status."""
    app = StretchApp(
        routine,
        config=config,
        audio=audio,
        history=history,
        start_step=start_step,
        clock=clock,
        observers=observers,
        flow=flow,
        config_problems=config_problems,
    )
    # What exists by now (Textual's and our modules, the routine, the settings)
    # lives as long as the process. Frozen, the collector stops walking it: the
    # first full collection would otherwise come before the first frame and
    # walk all of it. It was off during start-up (stretchtimer/gc_policy.py).
    resume_collection()
    try:
        result = app.run()
    finally:
        app._close_services()
    if app.crash is not None:
        raise AppCrashed(app.crash, _write_error_log(app.crash))
    if result is not None:
        return result
    return app.return_code or 0


def _write_error_log(error: BaseException) -> Path | None:
    from stretchtimer import locations

    path = locations.error_log()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(traceback.format_exception(error)), encoding="utf-8")
    except OSError:
        return None
    return path
