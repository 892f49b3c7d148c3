"""The Textual application: screens in order, and the services around a session.

The app owns what outlives one screen: the clock, the audio and history
services, the terminal title and the theme. For every session it makes, it
attaches audio and history before the session starts, so neither misses the
first event. Screens talk to it only through the messages in
``tui/messages.py``; which screen comes first and what follows a summary is
its flow's call (``tui/flow.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from msgspec.structs import replace
from textual import on
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen
from textual.theme import Theme

from stretchtimer.catalog import RoutineEntry
from stretchtimer.catalog import discover as catalog_discover
from stretchtimer.clock import Clock, MonotonicClock
from stretchtimer.config import Config, save_config
from stretchtimer.engine import Session
from stretchtimer.routine import Routine
from stretchtimer.services import AudioControl, HistoryControl
from stretchtimer.tui.flow import Flow, PickerFlow
from stretchtimer.tui.keys import (
    APP_BINDINGS,
    PICKER_BINDINGS,
    SESSION_BINDINGS,
    SUMMARY_BINDINGS,
    KeyHelp,
    key_help,
)
from stretchtimer.tui.messages import (
    FigureToggled,
    FlashRequested,
    LeaveRequested,
    RoutineChosen,
    SessionFinished,
    SessionMessage,
    SummaryClosed,
    WindowTitleChanged,
)
from stretchtimer.tui.screens.help import HelpScreen, help_text
from stretchtimer.tui.screens.picker import PickerScreen
from stretchtimer.tui.screens.session import SessionScreen
from stretchtimer.tui.screens.summary import SummaryScreen
from stretchtimer.tui.terminal_title import TerminalTitle
from stretchtimer.tui.textual_private import write_to_terminal

#: How long the visual stand-in for a sound cue lasts.
FLASH_SECONDS = 0.15


class StretchApp(App[int]):
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
    ) -> None:
        super().__init__()
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
        self._observers = tuple(observers)
        self._terminal_title = TerminalTitle(self._write_to_terminal)
        self._services_closed = False
        self.set_keymap(config.keymap)

    # ------------------------------------------------------------ lifecycle
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
        if self.audio is not None:
            self.audio.set_flash_handler(self.request_flash)
        self._main = self.flow.first_screen(self)
        self.push_screen(self._main)
        self._show_history_messages()

    def on_unmount(self) -> None:
        self._close_services()

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
        return PickerScreen(self._discover(), history=self.history)

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
        while len(self.screen_stack) > 1 and isinstance(self.screen, ModalScreen):
            await self.pop_screen()
        if self._main is None or self._main not in self.screen_stack:
            await self.push_screen(screen)
        else:
            await self.switch_screen(screen)
        self._main = screen

    # ------------------------------------------------------------ messages from screens
    def on_routine_chosen(self, message: RoutineChosen) -> None:
        self.show(self.make_session_screen(message.routine, message.start_step))

    @on(SessionMessage)
    def _show_history_messages(self) -> None:
        """The one place history's problems reach the person: as a session goes, and at start."""
        if self.history is None:
            return
        for message in self.history.take_messages():
            self.notify(message, title="History", severity="warning", timeout=8, markup=False)

    def on_session_finished(self, message: SessionFinished) -> None:
        streak = self.history.current_streak() if self.history is not None else None
        self.show(SummaryScreen(message.summary, streak=streak))

    def on_summary_closed(self, message: SummaryClosed) -> None:
        following = self.flow.after_summary(self, message)
        if following is None:
            self.exit(0)
        else:
            self.show(following)

    def on_leave_requested(self, _message: LeaveRequested) -> None:
        self.exit(0)

    def on_window_title_changed(self, message: WindowTitleChanged) -> None:
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
    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        keymap = self.config.keymap
        main = self.main_screen
        sections: list[tuple[str, Sequence[KeyHelp]]] = []
        if isinstance(main, SessionScreen):
            sections.append(("During a session", key_help(SESSION_BINDINGS, keymap)))
        elif isinstance(main, PickerScreen):
            sections.append(("Choosing a routine", key_help(PICKER_BINDINGS, keymap)))
        elif isinstance(main, SummaryScreen):
            sections.append(("After a session", key_help(SUMMARY_BINDINGS, keymap)))
        anywhere = key_help(APP_BINDINGS, keymap)
        anywhere.append(KeyHelp(("ctrl+p",), "Commands, including the theme"))
        sections.append(("Anywhere", anywhere))
        text = help_text(sections, lambda key: self.get_key_display(Binding(key, "")))
        self.push_screen(HelpScreen(text))

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
        self._remember(replace(self.config, theme=theme.name), "the theme")

    def on_figure_toggled(self, message: FigureToggled) -> None:
        if message.shown != self.config.figure:
            self._remember(replace(self.config, figure=message.shown), "the figure setting")

    def _remember(self, config: Config, what: str) -> None:
        """Use ``config`` from now on and keep it for next time."""
        self.config = config
        try:
            save_config(self.config)
        except OSError as exc:
            self.notify(f"Could not save {what}: {exc}", severity="warning", markup=False)

    def request_flash(self) -> None:
        """Flash the screen briefly; safe to call from any thread."""
        self.post_message(FlashRequested())

    def on_flash_requested(self) -> None:
        screen = self.screen
        screen.add_class("-flash")
        self.set_timer(FLASH_SECONDS, lambda: screen.remove_class("-flash"))


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
    )
    try:
        result = app.run()
    finally:
        app._close_services()
    if result is not None:
        return result
    return app.return_code or 0
