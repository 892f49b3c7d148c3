"""Every key the app answers to, each with an id so ``config.toml`` can remap it.

The ids are what a person writes under ``[keymap]`` (``pause = "space,k"``);
the help screen reads the same lists, so it always shows the keys in force.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import msgspec
from textual.binding import Binding

APP_BINDINGS = [
    Binding("question_mark", "help", "Keys", id="help", tooltip="Show every key"),
    Binding(
        "ctrl+z",
        "suspend_process",
        "Suspend",
        id="suspend",
        show=False,
        tooltip="Suspend to the shell (the timer pauses)",
    ),
]

SESSION_BINDINGS = [
    Binding("space", "toggle_pause", "Pause", id="pause", tooltip="Pause or resume"),
    Binding("n,right", "skip", "Next", id="next", tooltip="Skip to the next step"),
    Binding("p,left", "back", "Back", id="back", tooltip="Restart this step, or go back one"),
    Binding("r", "restart", "Restart", id="restart", tooltip="Restart this step"),
    Binding("plus", "more_time", "+10s", id="more_time", tooltip="Add 10 seconds"),
    Binding("minus", "less_time", "-10s", id="less_time", tooltip="Take away 10 seconds"),
    Binding("enter", "done", "Done", id="done", tooltip="Finish the reps now (rep steps)"),
    Binding("m", "mute", "Mute", id="mute", tooltip="Sound on or off"),
    Binding("f", "toggle_figure", "Figure", id="figure", tooltip="Show or hide the stretch figure"),
    Binding("q", "quit_session", "Quit", id="quit", tooltip="End the session (asks first)"),
]

PICKER_BINDINGS = [
    Binding(
        "enter",
        "start",
        "Start",
        id="start",
        tooltip="Start the highlighted routine",
        priority=True,
    ),
    Binding("q", "exit_app", "Quit", id="quit", tooltip="Leave stretchtimer"),
    Binding(
        "right",
        "next_step",
        "Next step",
        id="next_step",
        show=False,
        tooltip="Highlight the routine's next step and show its figure",
    ),
    Binding(
        "left",
        "previous_step",
        "Previous step",
        id="previous_step",
        show=False,
        tooltip="Highlight the routine's previous step and show its figure",
    ),
]

SUMMARY_BINDINGS = [
    Binding("b", "routines", "Routines", id="routines", tooltip="Back to the routines"),
    Binding("q", "exit_app", "Quit", id="quit", tooltip="Leave stretchtimer"),
]


class KeyHelp(msgspec.Struct, frozen=True):
    keys: tuple[str, ...]
    what: str


def key_help(bindings: Sequence[Binding], keymap: Mapping[str, str]) -> list[KeyHelp]:
    """The keys of ``bindings`` as remapped by ``keymap``, one entry per binding id."""
    rows = []
    for binding in bindings:
        keys = keymap.get(binding.id or "", binding.key)
        rows.append(
            KeyHelp(
                tuple(k.strip() for k in keys.split(",") if k.strip()),
                binding.tooltip or binding.description,
            )
        )
    return rows
