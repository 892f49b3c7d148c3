"""The screens' wording and the title writer, without a terminal."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from tui_helpers import two_step_routine

from stretchtimer.session.clock import FakeClock
from stretchtimer.session.engine import Session
from stretchtimer.session.events import SessionSummary, StepResult, StepStatus
from stretchtimer.tui.keys import SESSION_BINDINGS
from stretchtimer.tui.screens.help import KeyHelp, help_text, key_help
from stretchtimer.tui.session_view import Describer, describe
from stretchtimer.tui.summary_view import summary_counts, summary_steps, summary_title
from stretchtimer.tui.terminal_title import CLEAR_TITLE, POP_TITLE, PUSH_TITLE, TerminalTitle


def test_terminal_title_is_written_only_when_it_changes() -> None:
    written: list[str] = []
    title = TerminalTitle(written.append)
    title.save()
    assert title.set("0:05 Hold")
    assert not title.set("0:05 Hold")
    assert title.set("0:04 Hold\x07\x1b")
    title.restore()
    assert written == [
        PUSH_TITLE,
        "\x1b]2;0:05 Hold\x07",
        "\x1b]2;0:04 Hold\x07",
        POP_TITLE,
    ]


def test_without_a_title_stack_the_title_is_cleared_on_exit() -> None:
    written: list[str] = []
    title = TerminalTitle(written.append, has_title_stack=False)
    title.save()
    title.set("0:05 Hold")
    title.restore()
    title.restore()
    assert written == ["\x1b]2;0:05 Hold\x07", CLEAR_TITLE]
    assert PUSH_TITLE == "\x1b[22;0t" and POP_TITLE == "\x1b[23;0t"  # icon and window title


def test_key_help_follows_the_keymap() -> None:
    rows = {row.what: row.keys for row in key_help(SESSION_BINDINGS, {"pause": "k, p"})}
    assert rows["Pause or resume"] == ("k", "p")
    assert rows["Skip to the next step"] == ("n", "right")


def test_a_long_description_in_the_help_wraps_under_itself_clear_of_the_keys() -> None:
    rows = [KeyHelp(("d",), "The whole step to read: instructions, tip and caution")]
    console = Console(width=32, record=True, file=io.StringIO())
    console.print(help_text([("Keys", rows)], str))
    lines = [line.rstrip() for line in console.export_text().splitlines()]
    assert lines[1:3] == ["  d  The whole step to read:", "     instructions, tip and"]


def test_session_view_wording() -> None:
    clock = FakeClock()
    session = Session(two_step_routine(), clock)
    session.start()
    view = describe(session)
    assert view.heading == "Mini break · step 1 of 2"
    assert view.phase == "Get ready"
    assert view.detail == "Your left side"
    assert view.caution == "Stop if anything hurts."
    assert view.instructions == ("1. Sit tall.", "2. Tip your ear toward your shoulder.")
    assert view.tip == "Tip: Breathe out as you tilt."
    assert view.next == "Next: hold 0:20 · your left side"
    clock.advance(50)
    session.update()
    view = describe(session)
    assert (view.phase, view.detail, view.caution) == ("Rest", "", "")
    assert view.next == "Next: Shoulder rolls (10 reps)"
    assert view.session_left == "0:50 left"
    assert view.session_fraction == 0.5


@pytest.mark.parametrize("with_commands", [False, True])
def test_the_screens_describer_reads_as_describe_all_through_a_session(
    with_commands: bool,
) -> None:
    """It works the phase's words out once a phase: never stale after any command."""
    clock = FakeClock()
    session = Session(two_step_routine(), clock)
    describer = Describer()
    session.start()
    commands = [
        session.pause,
        session.resume,
        lambda: session.adjust(10),
        session.skip,
        session.back,
        session.toggle_pause,
        session.toggle_pause,
        session.restart_step,
        lambda: session.adjust(-10),
        session.skip,
    ]
    seen: set[str] = set()
    for second in range(120):
        if with_commands and second % 7 == 3 and commands:
            commands.pop(0)()
        clock.advance(1)
        session.update()
        view = describer(session)
        assert view == describe(session)
        seen.add(view.phase)
    assert {"Get ready", "Hold", "Reps"} <= seen
    if not with_commands:
        assert {"Switch sides", "Rest"} <= seen


def test_summary_wording() -> None:
    results = (
        StepResult(0, "Neck tilt", StepStatus.COMPLETED, 40, 40.0, ("work left",), 2),
        StepResult(1, "Shoulder rolls", StepStatus.SKIPPED, 30, 0.0, (), 1),
    )
    summary = SessionSummary("Mini break", results, 2, 95.4, quit=True)
    assert summary_title(summary) == "Mini break — stopped early after 2 of 4 steps"
    assert summary_counts(summary, 1) == [
        "Completed: 1",
        "Partial: 0",
        "Skipped: 1",
        "Not reached: 2",
        "Active time: 1:35",
        "Streak: 1 day",
    ]
    assert summary_steps(summary) == [
        "✓ Neck tilt       completed  0:40",
        "· Shoulder rolls  skipped",
    ]


def test_a_pause_between_sets_on_one_side_is_not_called_a_side_switch() -> None:
    from stretchtimer.routine import Routine, Step

    clock = FakeClock()
    routine = Routine(
        name="Sets only",
        steps=(Step(name="Shoulder roll", hold=8, sets=3, prepare=0, switch=4),),
    )
    session = Session(routine, clock)
    session.start()
    assert describe(session).next == "Next: a short pause, then set 2 of 3"
    clock.advance(9)
    session.update()
    assert describe(session).phase == "Between sets"


def test_a_switch_to_the_other_side_says_so() -> None:
    from tui_helpers import sets_routine

    clock = FakeClock()
    session = Session(sets_routine(), clock)
    session.start()
    clock.advance(5)
    session.update()
    assert describe(session).next == "Next: switch to your right side"
    clock.advance(31)
    session.update()
    assert describe(session).phase == "Switch sides"
