"""Choosing a routine: every file found, with a preview of the highlighted one.

A routine file that fails to load is listed with its first error instead of
being dropped, so a typo in one file never hides the others (or itself).

The list follows the routine folder while it is open: a file added, changed
or removed in another window shows up within a couple of seconds. The check
is a listing of one folder every ``FOLDER_CHECK_SECONDS`` while the picker is
on top (and at once when it comes back on top or the terminal regains focus),
so an idle picker stays as cheap as before; only a change reads files again.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from stretchtimer import locations
from stretchtimer.adapt.policy import Plan, as_written
from stretchtimer.catalog import RoutineEntry, discover, folder_state
from stretchtimer.figures.animation import Moment, mirrored_for
from stretchtimer.figures.targets import working_parts
from stretchtimer.i18n import N_, _, ngettext
from stretchtimer.routine import Routine
from stretchtimer.services import HistoryControl, RatingsControl
from stretchtimer.session.timeline import Timeline, compile_timeline
from stretchtimer.state import read_state
from stretchtimer.tui import styles
from stretchtimer.tui.key_order import pass_on_stale_key
from stretchtimer.tui.keys import KeyContext, MainScreen
from stretchtimer.tui.messages import (
    CheckinGivenMessage,
    EditRequestedMessage,
    LeaveRequestedMessage,
    NewRoutineRequestedMessage,
    RoutineChosenMessage,
    WindowTitleChangedMessage,
)
from stretchtimer.tui.screens.confirm import ResumeChoice
from stretchtimer.tui.session_view import kind_label
from stretchtimer.tui.widgets.figure_view import FigureView
from stretchtimer.tui.widgets.key_bar import KeyBar
from stretchtimer.tui.widgets.line import Line
from stretchtimer.tui.widgets.scroll_column import own_column
from stretchtimer.wording import length_text, step_summary

WINDOW_TITLE = N_("stretchtimer — choose a routine")
#: How often an open picker looks at the routine folder for changes.
FOLDER_CHECK_SECONDS = 2.0


def short_problem(entry: RoutineEntry, problem: str) -> str:
    """A problem line with the folder left out: the list is narrow."""
    return problem.replace(entry.location, entry.file_name, 1)


def origin_word(origin: str) -> str:
    """Where a routine comes from, as the list says it."""
    # Translators: where a routine comes from: with the app, or the person's own folder.
    return _("bundled") if origin == "bundled" else _("user")


def entry_prompt(entry: RoutineEntry) -> Text:
    text = Text(no_wrap=False)
    text.append(entry.name, style="bold")
    if entry.origin != "bundled":
        text.append(f"  {origin_word(entry.origin)}", style="italic")
    if entry.routine is None:
        text.append("  " + _("broken"), style="bold red")
        first = entry.problems[0] if entry.problems else _("cannot be read")
        text.append(f"\n{short_problem(entry, first)}", style="red")
        return text
    total = compile_timeline(entry.routine).total_seconds
    count = len(entry.routine.steps)
    steps = ngettext("{n} step · {time}", "{n} steps · {time}", count)
    text.append("\n" + steps.format(n=count, time=length_text(total)), style="dim")
    return text


def routine_preview(
    entry: RoutineEntry,
    interrupted: int | None,
    highlighted: int | None = None,
    planned: Plan | None = None,
) -> RenderableType:
    """The routine as the next session runs it: ``planned`` is its plan from the ratings."""
    text = Text()
    routine = entry.routine
    if routine is None:
        text.append(
            _("{routine} cannot be used").format(routine=entry.name) + "\n", style="bold red"
        )
        text.append(f"{entry.location}\n\n", style="dim")
        for problem in entry.problems or (_("cannot be read"),):
            text.append(f"{problem}\n", style="red")
        return text
    plan = planned if planned is not None and not planned.nothing_left else as_written(routine)
    timeline = compile_timeline(plan.routine)
    text.append(f"{routine.name}\n", style="bold")
    about = _("{routine} · {origin} · {time} in all").format(
        routine=entry.name,
        origin=origin_word(entry.origin),
        time=length_text(timeline.total_seconds),
    )
    text.append(f"{about}\n", style="dim")
    if routine.description:
        text.append(f"\n{routine.description.strip()}\n")
    if routine.caution:
        text.append(f"\n⚠ {routine.caution.strip()}\n", style="bold yellow")
    text.append("\n" + _("Steps") + "\n", style="bold")
    if any(step.figure for step in routine.steps):
        how = _("← → highlight a step to see its figure and start there")
    else:
        how = _("← → choose the step to start at")
    text.append(f"{how}\n", style="dim italic")
    if highlighted and highlighted != interrupted:
        step = routine.steps[highlighted]
        start = _("Enter: start at step {number} ({step})")
        text.append(start.format(number=highlighted + 1, step=step.name) + "\n", style="bold")
    text.append_text(_steps_table(plan, timeline, highlighted))
    if planned is not None and planned.adapted:
        text.append("\n" + _("Adapted to your ratings") + "\n", style="bold")
        for p in planned.steps:
            if p.adaptation is not None:
                line = f"{p.index + 1:>2}. {p.written.name}: {p.adaptation.reason}"
                text.append(f"{line}\n", style="italic")
    if interrupted is not None:
        step = routine.steps[interrupted]
        stopped = (
            _("Stopped last time at step {number} ({step}): Enter offers to resume.")
            if highlighted in (None, interrupted)
            else _("Stopped last time at step {number} ({step}).")
        )
        text.append(
            "\n" + stopped.format(number=interrupted + 1, step=step.name) + "\n", style="italic"
        )
    return text


def _steps_table(plan: Plan, timeline: Timeline, highlighted: int | None = None) -> Text:
    """Two lines a step, as the session runs it: number, name and time, then how it is done.

    Steps keep the numbers they have in the file; a step the ratings leave out
    stays in the list, marked, so the numbers and the note below agree.
    """
    text = Text()
    kept = plan.kept
    for planned in plan.steps:
        index, step = planned.index, planned.step
        style = "reverse" if index == highlighted else ""
        text.append(f"{index + 1:>2}. {step.name}", style=style)
        if planned.skip and planned.adaptation is not None:
            text.append("  " + _("left out") + "\n", style="bold")
            text.append(f"    {planned.adaptation.why}\n", style="dim")
            continue
        kind = f" · {kind_label(step.kind)}" if step.kind.is_warmup else ""
        seconds = timeline.step_seconds(kept.index(index))
        text.append(f"  {length_text(seconds)}\n", style="bold")
        text.append(f"    {step_summary(step)}{kind}\n", style="dim")
    return text


#: Below this terminal height the preview keeps its rows for text and shows no figure.
PREVIEW_FIGURE_HEIGHT = 20
#: Below this width the list stands alone; below this height it has no frame.
NARROW_WIDTH = 56
SHORT_HEIGHT = 12


class PickerScreen(MainScreen):
    CSS_PATH = styles.PICKER
    KEY_CONTEXT = KeyContext.PICKER
    BINDINGS: ClassVar[list[BindingType]] = list(KEY_CONTEXT.bindings)

    def __init__(
        self,
        entries: Sequence[RoutineEntry] | None = None,
        *,
        history: HistoryControl | None = None,
        ratings: RatingsControl | None = None,
        rediscover: Callable[[], Sequence[RoutineEntry]] = discover,
        folder: Callable[[], Hashable] = folder_state,
        check_every: float = FOLDER_CHECK_SECONDS,
    ) -> None:
        super().__init__()
        self._rediscover = rediscover
        self._folder = folder
        self._folder_seen = folder()
        self.entries = list(entries) if entries is not None else list(rediscover())
        self._history = history
        self._ratings = ratings
        self._chosen = False
        self._check_every = check_every
        self._check_timer: Timer | None = None
        self._previewed: int | None = None
        self._step = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Line(_("Choose a routine"), id="picker-title")
            with Horizontal(id="picker-body"):
                yield OptionList(*self._options(), id="routines")
                with Vertical(id="preview-pane"):
                    yield FigureView(id="preview-figure")
                    yield Line(id="preview-step")
                    with VerticalScroll(id="preview", can_focus=False):
                        yield Static(id="preview-text")
        yield KeyBar()

    def _options(self) -> list[Option]:
        return [Option(entry_prompt(e), id=str(i)) for i, e in enumerate(self.entries)]

    def on_mount(self) -> None:
        self.post_message(WindowTitleChangedMessage(_(WINDOW_TITLE)))
        options = self.query_one(OptionList)
        if self.entries:
            index = self._last_used()
            options.highlighted = index
            self._preview(index)
        else:
            self._show_empty()
        options.focus()
        self._fit(self.app.size.width, self.app.size.height)
        for scrolling in (options, self.query_one("#preview", VerticalScroll)):
            own_column(scrolling)
        self._check_timer = self.set_interval(self._check_every, self.check_folder)
        if self._ratings is not None and self._ratings.offer_checkin():
            from stretchtimer.tui.screens.checkin import CheckinScreen

            self.app.push_screen(CheckinScreen(), self._checked_in)

    def _checked_in(self, scores: dict[str, int] | None) -> None:
        self.post_message(CheckinGivenMessage(scores or {}))

    def _last_used(self) -> int:
        """Where the routine run last is in the list (the first routine if it is not there)."""
        last = read_state().last_routine
        for index, entry in enumerate(self.entries):
            if entry.routine is not None and entry.routine.key == last:
                return index
        return 0

    def on_screen_suspend(self) -> None:
        if self._check_timer is not None:
            self._check_timer.pause()

    def on_screen_resume(self) -> None:
        if self._check_timer is not None:
            self._check_timer.resume()
        self.check_folder()

    def check_folder(self) -> None:
        """Reload the list if a routine file was added, changed or removed."""
        seen = self._folder()
        if seen != self._folder_seen:
            self.reload()

    def reload(self, highlight: str | None = None) -> None:
        """Read every routine again, keeping ``highlight`` (or the highlighted one) in view."""
        self._folder_seen = self._folder()
        options = self.query_one(OptionList)
        index = options.highlighted
        if highlight is None and index is not None and 0 <= index < len(self.entries):
            highlight = self.entries[index].name
        self.entries = list(self._rediscover())
        options.set_options(self._options())
        if not self.entries:
            self._show_empty()
            return
        names = [e.name for e in self.entries]
        index = names.index(highlight) if highlight in names else min(index or 0, len(names) - 1)
        options.highlighted = index
        self._preview(index)

    def _show_empty(self) -> None:
        self._previewed = None
        self.query_one("#preview-figure", FigureView).display = False
        self.query_one("#preview-step", Line).display = False
        folder = locations.user_routines_dir()
        self.query_one("#preview-text", Static).update(
            Text(
                _("No routines found.\nRoutine files (.yaml) go in {folder};\nn makes one.").format(
                    folder=folder
                )
            )
        )

    def highlighted_entry(self) -> RoutineEntry | None:
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self.entries):
            return None
        return self.entries[index]

    def action_edit(self) -> None:
        entry = self.highlighted_entry()
        if entry is not None:
            self.post_message(EditRequestedMessage(entry.path))

    def action_new_copy(self) -> None:
        entry = self.highlighted_entry()
        if entry is None:
            self.post_message(NewRoutineRequestedMessage(None, "my-break"))
        else:
            self.post_message(NewRoutineRequestedMessage(entry.path, f"my-{entry.name}"))

    def on_key(self, event: events.Key) -> None:
        pass_on_stale_key(self, event)

    def action_move_highlight(self, action: str) -> None:
        """Move the list's highlight, and the preview with it, before the next key."""
        options = self.query_one(OptionList)
        getattr(options, f"action_{action}")()
        self._follow_highlight()

    def _follow_highlight(self) -> None:
        """Preview the highlighted routine, unless it is already the one shown."""
        index = self.query_one(OptionList).highlighted
        if index is not None and index != self._previewed:
            self._preview(index)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # Arrives after the keys typed with it: the highlight may have moved on since.
        self._follow_highlight()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._follow_highlight()
        self._start(event.option_index)

    def action_start(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is not None:
            self._follow_highlight()
            self._start(index)

    def action_exit_app(self) -> None:
        self.post_message(LeaveRequestedMessage())

    def interrupted_step(self, entry: RoutineEntry) -> int | None:
        """Where the last, unfinished run of this routine stopped (if it still exists)."""
        if self._history is None or entry.routine is None:
            return None
        return self._history.interrupted_step(
            entry.routine.key, step_count=len(entry.routine.steps)
        )

    def _preview(self, index: int) -> None:
        """Show routine ``index``, its highlighted step the one a session would start at."""
        if not 0 <= index < len(self.entries):
            return
        entry = self.entries[index]
        interrupted = self.interrupted_step(entry)
        self._previewed = index
        self._step = interrupted or 0
        self._show_preview(entry, interrupted)
        self.query_one("#preview", VerticalScroll).scroll_home(animate=False)

    def _show_preview(self, entry: RoutineEntry, interrupted: int | None) -> None:
        routine = entry.routine
        has_figures = routine is not None and any(step.figure for step in routine.steps)
        highlighted = self._step if has_figures or self._step else None
        planned = self._plan(routine)
        preview = routine_preview(entry, interrupted, highlighted, planned)
        self.query_one("#preview-text", Static).update(preview)
        if routine is not None and highlighted:
            row = routine.steps[highlighted] if planned is None else planned.steps[highlighted].step
            self.call_after_refresh(self._scroll_to_step, preview, row.name)
        figure = routine.figure_for(self._step) if routine is not None else None
        view = self.query_one("#preview-figure", FigureView)
        view.display = figure is not None and self.app.size.height >= PREVIEW_FIGURE_HEIGHT
        # Pinned above the scrolling text, so where Enter starts is never scrolled
        # (or squeezed) out of sight, even when there is no room for the figure.
        caption = self.query_one("#preview-step", Line)
        starts_elsewhere = bool(highlighted) and highlighted != interrupted
        caption.display = routine is not None and (view.display or starts_elsewhere)
        if routine is not None and caption.display:
            step = routine.steps[self._step]
            where = (
                _("Step {number} of {total}: {step} · Enter starts here")
                if starts_elsewhere
                else _("Step {number} of {total}: {step}  (← →)")
            )
            caption.show(
                where.format(number=self._step + 1, total=len(routine.steps), step=step.name)
            )
        shown = (
            None
            if figure is None
            else Moment(
                figure.target,
                mirrored=self._mirrored(entry),
                moving=False,
                frame=-1,
                marks=figure.marks_of(figure.keyframes[-1]),
                around=figure.keyframes[-1].around,
            )
        )
        targets = routine.steps[self._step].targets if routine is not None else ()
        view.show(figure, shown, working_parts(targets))

    def _plan(self, routine: Routine | None) -> Plan | None:
        """What the next session runs, from the ratings; None without them."""
        if self._ratings is None or routine is None:
            return None
        return self._ratings.plan(routine)

    def _mirrored(self, entry: RoutineEntry) -> bool:
        """The figure as the session shows it on the highlighted step's first side."""
        if entry.routine is None:
            return False
        sides = entry.routine.steps[self._step].sides
        return mirrored_for(sides[0] if sides else None)

    def _scroll_to_step(self, preview: Text, name: str) -> None:
        """Bring the highlighted step's row into view, as the preview wraps at its width."""
        row = preview.plain.find(f"{self._step + 1:>2}. {name}")
        scrolls = list(self.query("#preview").results(VerticalScroll))
        if not scrolls:
            return  # the picker closed (a key typed ahead started a routine) before the refresh
        scroll = scrolls[0]
        width = self.query_one("#preview-text", Static).content_region.width
        if row < 0 or width <= 0:
            return
        above = len(preview[:row].wrap(self.app.console, width))
        scroll.scroll_to(y=max(0, above - 2), animate=False)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)
        if self._previewed is not None:
            entry = self.entries[self._previewed]
            self._show_preview(entry, self.interrupted_step(entry))

    def _fit(self, width: int, height: int) -> None:
        self.set_class(width < NARROW_WIDTH, "-narrow")
        self.set_class(height < SHORT_HEIGHT, "-short")

    def _move_step(self, by: int) -> None:
        self._follow_highlight()
        if self._previewed is None:
            return
        entry = self.entries[self._previewed]
        if entry.routine is None:
            return
        self._step = max(0, min(len(entry.routine.steps) - 1, self._step + by))
        self._show_preview(entry, self.interrupted_step(entry))

    def action_next_step(self) -> None:
        self._move_step(1)

    def action_previous_step(self) -> None:
        self._move_step(-1)

    @property
    def highlighted_step(self) -> int | None:
        """The step highlighted in the preview (its figure is the one shown), if any."""
        return self._step if self._previewed is not None else None

    def _start(self, index: int) -> None:
        entry = self.entries[index]
        routine = entry.routine
        if routine is None:
            first = entry.problems[0] if entry.problems else _("cannot be read")
            title = _("Broken routine")
            self.notify(short_problem(entry, first), title=title, severity="error", markup=False)
            return
        step = self.interrupted_step(entry)
        chosen = self._step if index == self._previewed else 0
        if step is None or chosen != step:
            self._choose(routine, chosen)  # the step highlighted with ← →, as the preview says
            return

        def answered(choice: str | None) -> None:
            if choice == "resume":
                self._choose(routine, step)
            elif choice == "fresh":
                self._choose(routine, 0)

        self.app.push_screen(
            ResumeChoice(routine.name, step + 1, routine.steps[step].name), answered
        )

    def _choose(self, routine: Routine, start_step: int) -> None:
        """Only the first choice counts: Enter typed twice must not start two sessions."""
        if not self._chosen:
            self._chosen = True
            self.post_message(RoutineChosenMessage(routine, start_step))
