"""Every key the app answers to, each with an id so ``config.toml`` can remap it.

The ids are what a person writes under ``[keymap]`` (``pause = "space,k"``);
the help screen reads the same lists, so it always shows the keys in force.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum
from functools import cache
from typing import ClassVar, assert_never

from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

from stretchtimer.i18n import N_, _

APP_BINDINGS = [
    Binding("question_mark", "help", N_("Keys"), id="help", tooltip=N_("Show every key")),
    Binding(
        "ctrl+z",
        "suspend_process",
        N_("Suspend"),
        id="suspend",
        show=False,
        tooltip=N_("Suspend to the shell (the timer pauses)"),
    ),
]

SESSION_BINDINGS = [
    Binding("space", "toggle_pause", N_("Pause"), id="pause", tooltip=N_("Pause or resume")),
    Binding("n,right", "skip", N_("Next"), id="next", tooltip=N_("Skip to the next step")),
    Binding(
        "p,left", "back", N_("Back"), id="back", tooltip=N_("Restart this step, or go back one")
    ),
    Binding("r", "restart", N_("Restart"), id="restart", tooltip=N_("Restart this step")),
    Binding("plus", "more_time", N_("+10s"), id="more_time", tooltip=N_("Add 10 seconds")),
    Binding("minus", "less_time", N_("-10s"), id="less_time", tooltip=N_("Take away 10 seconds")),
    Binding("enter", "done", N_("Done"), id="done", tooltip=N_("Finish the reps now (rep steps)")),
    Binding("m", "mute", N_("Mute"), id="mute", tooltip=N_("Sound on or off")),
    Binding(
        "f",
        "toggle_figure",
        N_("Figure"),
        id="figure",
        tooltip=N_("Show or hide the stretch figure"),
    ),
    Binding(
        "d",
        "details",
        N_("Notes"),
        id="details",
        tooltip=N_("The whole step to read: instructions, tip and caution (the timer pauses)"),
    ),
    Binding("q", "quit_session", N_("Quit"), id="quit", tooltip=N_("End the session (asks first)")),
]

#: Every picker key that moves its choice (routine or step) or starts it is a
#: priority binding, handled as it arrives and so in the order typed: were the
#: list to handle its own keys, a ← → or Enter typed with them would reach the
#: routine shown before.
PICKER_BINDINGS = [
    Binding(
        "enter",
        "start",
        N_("Start"),
        id="start",
        tooltip=N_("Start the highlighted routine"),
        priority=True,
    ),
    Binding(
        "e",
        "edit",
        N_("Edit"),
        id="edit",
        tooltip=N_("Edit the highlighted routine in your editor (a bundled one is copied first)"),
    ),
    Binding(
        "n",
        "new_copy",
        N_("New"),
        id="new",
        tooltip=N_("A new routine of your own, starting from a copy of the highlighted one"),
    ),
    Binding("q", "exit_app", N_("Quit"), id="quit", tooltip=N_("Leave stretchtimer")),
    Binding(
        "right",
        "next_step",
        N_("Next step"),
        id="next_step",
        show=False,
        tooltip=N_("Highlight the routine's next step and show its figure"),
        priority=True,
    ),
    Binding(
        "left",
        "previous_step",
        N_("Previous step"),
        id="previous_step",
        show=False,
        tooltip=N_("Highlight the routine's previous step and show its figure"),
        priority=True,
    ),
    Binding(
        "up",
        "move_highlight('cursor_up')",
        N_("Previous routine"),
        id="previous_routine",
        show=False,
        tooltip=N_("The routine above in the list"),
        priority=True,
    ),
    Binding(
        "down",
        "move_highlight('cursor_down')",
        N_("Next routine"),
        id="next_routine",
        show=False,
        tooltip=N_("The routine below in the list"),
        priority=True,
    ),
    Binding(
        "home",
        "move_highlight('first')",
        N_("First routine"),
        id="first_routine",
        show=False,
        tooltip=N_("The first routine in the list"),
        priority=True,
    ),
    Binding(
        "end",
        "move_highlight('last')",
        N_("Last routine"),
        id="last_routine",
        show=False,
        tooltip=N_("The last routine in the list"),
        priority=True,
    ),
    Binding(
        "pageup",
        "move_highlight('page_up')",
        N_("Page up"),
        id="routines_page_up",
        show=False,
        tooltip=N_("A page up the list of routines"),
        priority=True,
    ),
    Binding(
        "pagedown",
        "move_highlight('page_down')",
        N_("Page down"),
        id="routines_page_down",
        show=False,
        tooltip=N_("A page down the list of routines"),
        priority=True,
    ),
]

REMIND_BINDINGS = [
    Binding(
        "enter",
        "start_break",
        N_("Start"),
        id="start_break",
        tooltip=N_("Start the break now (the one due, or the next one early)"),
        priority=True,
    ),
    Binding(
        "p", "postpone", N_("Postpone"), id="postpone", tooltip=N_("Postpone the break that is due")
    ),
    Binding(
        "s", "skip_break", N_("Skip"), id="skip_break", tooltip=N_("Skip the break that is due")
    ),
    # Takes ``s`` once the day's skips are used up: out of the footer, and says why.
    Binding("s", "no_skips_left", N_("Skip"), id="no_skips_left", show=False),
    Binding(
        "z",
        "snooze",
        N_("Snooze"),
        id="snooze",
        tooltip=N_("No prompts for a while (asks how long)"),
    ),
    Binding("q", "leave", N_("Quit"), id="quit", tooltip=N_("End the reminder (asks first)")),
]

#: Rating the stretches just done: on every summary, whichever flow it ends.
_RATINGS = (
    ("1", "easy", N_("Easy"), N_("Rate the highlighted stretch easy; the next session follows")),
    # Translators: a rating of a stretch: neither too easy nor too hard.
    ("2", "right", N_("Right"), N_("Rate the highlighted stretch right; the next session follows")),
    ("3", "hard", N_("Hard"), N_("Rate the highlighted stretch hard; the next session follows")),
    # Translators: a rating of a stretch: it hurt.
    ("4", "hurt", N_("Hurt"), N_("Rate the highlighted stretch hurt; the next session follows")),
)
RATING_BINDINGS = [
    *(
        Binding(key, f"rate('{word}')", label, id=f"rate_{word}", tooltip=tooltip)
        for key, word, label, tooltip in _RATINGS
    ),
    Binding(
        "down",
        "rating_step(1)",
        N_("Next stretch"),
        id="rating_next",
        show=False,
        tooltip=N_("Highlight the next stretch to rate"),
    ),
    Binding(
        "up",
        "rating_step(-1)",
        N_("Previous stretch"),
        id="rating_previous",
        show=False,
        tooltip=N_("Highlight the previous stretch to rate"),
    ),
]

SUMMARY_BINDINGS = [
    Binding("b", "routines", N_("Routines"), id="routines", tooltip=N_("Back to the routines")),
    Binding("q", "exit_app", N_("Quit"), id="quit", tooltip=N_("Leave stretchtimer")),
    *RATING_BINDINGS,
]

#: The same keys (and ids, so a keymap moves both) after a reminder's break, where
#: each goes back to the reminder: they say so, and only one is in the footer.
BREAK_SUMMARY_BINDINGS = [
    Binding(
        "b", "routines", N_("Back to reminder"), id="routines", tooltip=N_("Back to the reminder")
    ),
    Binding(
        "q",
        "exit_app",
        N_("Back to reminder"),
        id="quit",
        tooltip=N_("Back to the reminder too (its own q ends it)"),
        show=False,
    ),
    *RATING_BINDINGS,
]


#: Bindings that answer to another's keys, whatever the keymap says: each takes the
#: key when its leader is switched off (``check_action``), so the key still says why.
FOLLOWERS = {"no_skips_left": "skip_break"}


#: The footer's order when room is short: quit and help first (they always show),
#: then what a person needs most on each screen. Ids not named here come last.
FOOTER_ORDER = (
    "quit",
    "help",
    "pause",
    "start",
    "start_break",
    "routines",
    "next",
    "done",
    "postpone",
    "skip_break",
    "back",
    "more_time",
    "less_time",
    "snooze",
    "restart",
    "edit",
    "new",
    "mute",
    "figure",
    "details",
)
#: The keys the footer shows at any width.
ESSENTIAL_KEYS = frozenset({"quit", "help"})


def footer_rank(binding_id: str | None) -> int:
    """Where a binding comes in the footer's order (lower shows first)."""
    try:
        return FOOTER_ORDER.index(binding_id or "")
    except ValueError:
        return len(FOOTER_ORDER)


class KeyContext(StrEnum):
    """A set of bindings in force at one time: one per kind of main screen.

    A key may do one thing in each; the help screen shows the one the person
    is in, and the keymap is checked for clashes in each.
    """

    SESSION = "session"
    PICKER = "picker"
    SUMMARY = "summary"
    REMINDER = "reminder"

    @property
    def bindings(self) -> list[Binding]:
        match self:
            case KeyContext.SESSION:
                return SESSION_BINDINGS
            case KeyContext.PICKER:
                return PICKER_BINDINGS
            case KeyContext.SUMMARY:
                return SUMMARY_BINDINGS
            case KeyContext.REMINDER:
                return REMIND_BINDINGS
            case _:
                assert_never(self)

    @property
    def help_title(self) -> str:
        """The heading of its section of the help screen."""
        match self:
            case KeyContext.SESSION:
                return _("During a session")
            case KeyContext.PICKER:
                return _("Choosing a routine")
            case KeyContext.SUMMARY:
                return _("After a session")
            case KeyContext.REMINDER:
                return _("The reminder")
            case _:
                assert_never(self)

    @property
    def where(self) -> str:
        """Where it is in force, as a keymap problem says it."""
        match self:
            case KeyContext.SESSION:
                return _("during a session")
            case KeyContext.PICKER:
                return _("in the routine picker")
            case KeyContext.SUMMARY:
                return _("after a session")
            case KeyContext.REMINDER:
                return _("in the reminder")
            case _:
                assert_never(self)


class MainScreen(Screen[None]):
    """A screen a flow puts in the main place (picker, session, summary, reminder).

    Each answers to the keys of one context, which the help screen lists.
    """

    KEY_CONTEXT: ClassVar[KeyContext]

    def flash_target(self) -> Widget:
        """What a flash lights up (a prompt, or a cue with no sound): the screen itself
        unless the screen names a part.

        A class set on the screen restyles every widget under it, the footer's keys
        too, and Textual leaves some 10 KiB of throwaway style nodes for the garbage
        collector each time; a screen that flashes all day names a part without them.
        """
        return self

    def help_bindings(self) -> Sequence[Binding]:
        """The keys the help screen lists for this screen: its context's, unless it says
        otherwise (the same keys, described for what they do here)."""
        return self.KEY_CONTEXT.bindings


#: Modifiers Textual puts in front of a key name, as in ``ctrl+shift+up``.
_MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
#: Every set of bindings that is in force at one time: a key may do one thing in each.
_CONTEXTS = tuple((context, APP_BINDINGS + context.bindings) for context in KeyContext)


@cache
def _named_keys() -> frozenset[str]:
    """Textual's names for keys that have no character (``up``, ``f5``), built once."""
    from textual.keys import Keys

    return frozenset(k.value for k in Keys if not k.value.startswith("<"))


def _key_identity(key: str) -> str | None:
    """One spelling per key (``?`` and ``question_mark`` alike), or None for no such key."""
    from textual.keys import REPLACED_KEYS, key_to_character

    *modifiers, base = key.split("+")
    if not base or any(m not in _MODIFIERS for m in modifiers):
        return None
    if len(base) == 1 and base.isprintable() and not base.isspace():
        character: str | None = base
    elif base in _named_keys():
        character = None
    else:
        character = key_to_character(REPLACED_KEYS.get(base, base))
        if character is None:
            return None
    return "+".join([*sorted(modifiers), character or base])


@cache
def _textual_keys() -> frozenset[str | None]:
    """Keys the app answers to through Textual itself, whatever the keymap says."""
    from textual.app import App
    from textual.binding import Binding

    keys = [b.key for b in App.BINDINGS if isinstance(b, Binding)]
    return frozenset(_key_identity(key) for key in [*keys, App.COMMAND_PALETTE_BINDING])


def check_keymap(keymap: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """The ``[keymap]`` entries that can be used, and a message for each that cannot.

    An entry with an unknown binding id, an empty or unknown key name, one of
    Textual's own keys (Ctrl+Q, Ctrl+C, Ctrl+P), or a key that another action
    already answers to at the same time is left out, so that action keeps its
    usual keys. With no entries there is nothing to check: the app's own
    bindings never clash (a test holds them to that).
    """
    if not keymap:
        return {}, []
    ids = {b.id for _, bindings in _CONTEXTS for b in bindings if b.id and b.id not in FOLLOWERS}
    kept: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, keys in keymap.items():
        if binding_id in FOLLOWERS:
            continue  # it takes its leader's keys below
        if binding_id not in ids:
            problems.append(
                _("keymap: unknown binding '{binding_id}'; the ids are {ids}").format(
                    binding_id=binding_id, ids=", ".join(sorted(ids))
                )
            )
            continue
        names = [k.strip() for k in keys.split(",")]
        if not keys.strip() or "" in names:
            problems.append(
                _("keymap: '{binding_id}' has an empty key name in \"{keys}\"").format(
                    binding_id=binding_id, keys=keys
                )
            )
            continue
        unknown = [name for name in names if _key_identity(name) is None]
        if unknown:
            problems.append(
                _(
                    "keymap: '{binding_id}': no key is called '{key}' (key names look like "
                    "a, space, enter, question_mark, ctrl+x, f5)"
                ).format(binding_id=binding_id, key=unknown[0])
            )
            continue
        taken = [name for name in names if _key_identity(name) in _textual_keys()]
        if taken:
            problems.append(
                _(
                    "keymap: '{binding_id}': '{key}' is already Textual's own key "
                    "(quit, interrupt or the command palette)"
                ).format(binding_id=binding_id, key=taken[0])
            )
            continue
        kept[binding_id] = ",".join(names)
    while clash := _first_clash(kept):
        key, where, first, second = clash
        dropped = second if second in kept else first
        problems.append(
            # Translators: {where} is a place in the app, such as "during a session".
            _(
                "keymap: '{key}' is given to both '{first}' and '{second}' {where}; "
                "'{dropped}' keeps its usual keys"
            ).format(key=key, first=first, second=second, where=where.where, dropped=dropped)
        )
        kept.pop(dropped)
    for follower, leader in FOLLOWERS.items():
        if leader in kept:
            kept[follower] = kept[leader]
    return kept, problems


def _first_clash(keymap: Mapping[str, str]) -> tuple[str, KeyContext, str, str] | None:
    """(key, where, one id, another id) for a key two actions answer to at once."""
    for where, bindings in _CONTEXTS:
        owner: dict[str, str] = {}
        for binding in bindings:
            binding_id = binding.id or ""
            if binding_id in FOLLOWERS:
                continue
            for key in keymap.get(binding_id, binding.key).split(","):
                identity = _key_identity(key.strip()) or key
                other = owner.setdefault(identity, binding_id)
                if other != binding_id:
                    return key.strip(), where, other, binding_id
    return None
