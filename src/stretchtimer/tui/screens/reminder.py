"""The reminder pane: the time to the next break, and the prompt when it is due.

Like the session screen it keeps no time of its own: after every key or
wake-up it lets the reminder catch up, compares the text it would show with
what it shows, redraws only what differs, and books one timer for the next
moment anything could change (whole minutes while the next break is more
than a minute away). A break is started by posting ``RoutineChosenMessage``: the app
runs it on the same session screen as ``run``, and the reminder flow brings
the person back here after the summary.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input

from stretchtimer.big_digits import SMALL_ROWS
from stretchtimer.gc_policy import collect_now
from stretchtimer.i18n import N_, _
from stretchtimer.remind.display import ReminderText
from stretchtimer.remind.events import BreakDue, Paused, PauseOver, ReminderEvent
from stretchtimer.remind.settings import SettingError, duration_setting
from stretchtimer.tui import styles
from stretchtimer.tui.clock_driver import ClockDriver
from stretchtimer.tui.keys import KeyContext, MainScreen
from stretchtimer.tui.messages import (
    LeaveRequestedMessage,
    RoutineChosenMessage,
    WindowTitleChangedMessage,
)
from stretchtimer.tui.screens.dialog import Dialog
from stretchtimer.tui.screens.skip_prompts import ConfirmSkip, TypeToSkip
from stretchtimer.tui.widgets.key_bar import KeyBar
from stretchtimer.tui.widgets.line import Line
from stretchtimer.tui.widgets.reminder_clock import ReminderClock, forget_drawn_texts
from stretchtimer.wording import format_duration

if TYPE_CHECKING:
    from stretchtimer.remind.service import ActionRelay, Reminder

MOODS = ("working", "soon", "due", "idle", "held", "break")
#: From this size the pane shows the countdown's digits and the bar of the work interval.
BIG_WIDTH = 60
BIG_HEIGHT = 14
#: Rows besides the digits: the four lines, the bar, the footer and the blank rows.
FIXED_ROWS = 12
#: The share of what is left that the digits may take.
DIGITS_SHARE = 0.7


class NotificationPressedMessage(Message):
    """A button on the desktop notification (posted from the notifier's thread)."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key


class ReminderScreen(MainScreen):
    CSS_PATH = styles.REMINDER
    KEY_CONTEXT = KeyContext.REMINDER
    BINDINGS: ClassVar[list[BindingType]] = list(KEY_CONTEXT.bindings)
    AUTO_FOCUS = None

    def __init__(self, reminder: Reminder, relay: ActionRelay | None = None) -> None:
        super().__init__()
        self.reminder = reminder
        self._relay = relay
        self._driver = ClockDriver(self, reminder.clock, self.tick)
        self._shown: ReminderText | None = None
        self._lines: dict[str, Line] = {}
        self._pane: Vertical | None = None
        #: How many times the pane was redrawn: the all-day cost, for tests and benchmarks.
        self.redraws = 0

    @property
    def shown(self) -> ReminderText | None:
        return self._shown

    def compose(self) -> ComposeResult:
        with Vertical(id="reminder"):
            yield Line(id="remind-headline", classes="-working")
            yield Line(id="remind-detail", classes="-working")
            yield ReminderClock(id="remind-clock")
            yield Line(id="remind-worked")
            yield Line(id="remind-today")
        yield KeyBar()

    def on_mount(self) -> None:
        self._lines = {line.id: line for line in self.query(Line) if line.id is not None}
        self._pane = self.query_one("#reminder", Vertical)
        self._clock = self.query_one(ReminderClock)
        self._fit(self.app.size.width, self.app.size.height)
        self.reminder.scheduler.subscribe(self._on_event)
        if self._relay is not None:
            self._relay.handler = self._from_notifier
        self.tick()

    def on_unmount(self) -> None:
        self._driver.cancel()
        self.reminder.scheduler.unsubscribe(self._on_event)
        if self._relay is not None and self._relay.handler == self._from_notifier:
            self._relay.handler = None

    def flash_target(self) -> Widget:
        return self if self._pane is None else self._pane

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        """Room for the big countdown and the bar, or the four lines of text alone."""
        self.set_class(width >= BIG_WIDTH and height >= BIG_HEIGHT, "-big")
        self._clock.set_room(max(SMALL_ROWS, int((height - FIXED_ROWS) * DIGITS_SHARE)))

    def _from_notifier(self, key: str) -> None:
        # Any thread: post_message is the thread-safe way in.
        self.post_message(NotificationPressedMessage(key))

    # ------------------------------------------------------------ the loop
    def tick(self) -> None:
        self.reminder.poll()
        self._refresh()

    def _refresh(self) -> None:
        text = self.reminder.text()
        if text != self._shown:
            self._draw(text)
        for problem in self.reminder.problems():
            self.notify(problem, severity="warning", timeout=8, markup=False)
        self._driver.schedule(self.reminder.clock.now() + self.reminder.wake_in())

    def _draw(self, text: ReminderText) -> None:
        old, self._shown = self._shown, text
        self.redraws += 1
        self._lines["remind-headline"].show(text.headline)
        self._lines["remind-detail"].show(text.detail)
        self._lines["remind-worked"].show(text.worked)
        self._lines["remind-today"].show(text.today)
        self._clock.show(text.countdown, text.work_fraction)
        if old is None or old.mood != text.mood:
            # On the two lines it colours, in one change: a class changed on the screen or
            # the pane would restyle the clock and the key bar too, which leaves garbage
            # behind each time (screens/reminder.tcss).
            moods = {f"-{mood}": mood == text.mood for mood in MOODS}
            self._lines["remind-headline"].update_classes(moods)
            self._lines["remind-detail"].update_classes(moods)
            # A prompt, its answer, a walk away: each change comes after a burst of
            # redrawing, whose garbage is freed now rather than spread (gc_policy), and
            # whose texts the caches would keep all day.
            forget_drawn_texts()
            collect_now()
        if old is None or old.today != text.today:
            self.refresh_bindings()  # the skips left are counted in this line
        if old is None or old.title != text.title:
            self.post_message(WindowTitleChangedMessage(text.title))

    def _on_event(self, event: ReminderEvent) -> None:
        match event:
            case BreakDue():
                # The prompt in the terminal: the bell and a flash (the cue sound and
                # the desktop notification come from the reminder's own listeners).
                self.app.bell()
                pane = self.flash_target()
                pane.add_class("-flash")
                self.set_timer(0.3, lambda: pane.remove_class("-flash"))
            case Paused() | PauseOver():
                # A pause may come from another shell, between this screen's own wake-ups;
                # a break it held is prompted at once when it ends.
                self.call_later(self.tick)
            case _:
                pass

    # ------------------------------------------------------------ commands
    def action_start_break(self) -> None:
        routine = self.reminder.start()
        self._driver.cancel()
        self.post_message(RoutineChosenMessage(routine))

    def action_postpone(self) -> None:
        view = self.reminder.scheduler.view()
        if view.status.value not in ("due", "held"):
            self.notify(_("No break is due: nothing to postpone."), timeout=4)
        elif not self.reminder.postpone():
            self.notify(_("No postpones left."), severity="warning", timeout=5)
        self._refresh()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # ``s`` Skip leaves the footer when no skips are left; the key then says so.
        if action in ("skip_break", "no_skips_left"):
            no_skips = self.reminder.scheduler.view().skips_left == 0
            return no_skips == (action == "no_skips_left")
        return True

    def action_no_skips_left(self) -> None:
        self.notify(
            # Translators: {postpone} is the key p.
            _("No skips left today: Enter starts the break, {postpone} postpones it.").format(
                postpone="p"
            ),
            severity="warning",
            timeout=6,
        )

    def action_skip_break(self) -> None:
        view = self.reminder.scheduler.view()
        if view.status.value not in ("due", "held") and not view.postponed:
            self.notify(_("No break is due: nothing to skip."), timeout=4)
            return
        if view.skips_left == 0:
            self.action_no_skips_left()
            return

        def skip(yes: bool | None) -> None:
            if yes:
                self.reminder.skip()
            self._refresh()

        match self.reminder.settings.skip:
            case "confirm":
                self.app.push_screen(ConfirmSkip(), skip)
            case "type":
                self.app.push_screen(TypeToSkip(), skip)
            case _:
                skip(True)

    def action_snooze(self) -> None:
        default = self.reminder.settings.snooze

        def snooze(seconds: int | None) -> None:
            if seconds is not None:
                self.reminder.snooze(seconds)
                self._refresh()

        self.app.push_screen(SnoozePrompt(default), snooze)

    def action_leave(self) -> None:
        def leave(yes: bool | None) -> None:
            if yes:
                self.post_message(LeaveRequestedMessage())

        self.app.push_screen(ConfirmLeave(), leave)

    def on_notification_pressed_message(self, message: NotificationPressedMessage) -> None:
        if message.key == "start":
            self.action_start_break()
        elif message.key == "postpone":
            self.action_postpone()


class SnoozePrompt(Dialog[int | None]):
    """``z``: how long to hold prompts, as a duration (Enter takes the default)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), id="cancel"),
    ]

    def __init__(self, default: int) -> None:
        super().__init__()
        self._default = default

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Line(_("Snooze for how long?"), classes="dialog-title")
            yield Input(placeholder=format_duration(self._default), id="snooze-for")
            yield Line("", id="snooze-problem")
            yield Line(_("Enter  snooze\nesc  cancel"), classes="dialog-full")
            yield Line(_("Enter: snooze  esc: cancel"), classes="dialog-short")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip() or str(self._default)
        try:
            seconds = duration_setting("snooze", text)
        except SettingError as exc:
            # Translators: the duration just typed, named where a setting's name would be, as
            # in "It must be a duration like 90, '45s', '20m' or '1h30m'".
            problem = exc.said_as(_("It"))
            self.query_one("#snooze-problem", Line).show(problem)
            return
        self.answer(seconds)

    def action_cancel(self) -> None:
        self.answer(None)


class ConfirmLeave(Dialog[bool]):
    """``y`` ends the reminder; any other key keeps it running."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Line(_("End the reminder?"), classes="dialog-title dialog-full")
            yield Line(
                # Translators: {yes} is the key y, which answers yes in every language.
                _("{yes}  yes, stop reminding me\nany other key  no, keep going").format(yes="y"),
                classes="dialog-full",
            )
            short = _("End the reminder?\n{yes}: yes  other: no").format(yes="y")
            yield Line(short, classes="dialog-short")

    def key_pressed(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self.answer(event.key == "y")

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.answer(False)
