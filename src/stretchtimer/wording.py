"""How durations, counts and steps are put into words: once, for every screen and command.

A duration is read from text by one parser, whether it comes from a routine
file, ``config.toml``, a command-line option or the snooze prompt; each form
it is shown in (the written ``1m30s`` that options and messages about
settings use, a countdown's ``1:30``, a length in a list or a summary,
``6:48``, the spoken ``1 minute 30 seconds``, the reminder's ``42 min``) is
made by one function here, and so are plurals and the line that says how a step is done. Strings
are formed here so that translating them is one module's work.

It imports nothing of the package at run time but ``i18n``, so every part can use it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from stretchtimer.i18n import _, ngettext

#: A duration written as text: hours, minutes and seconds, each optional, in that order
#: (``45s``, ``2m``, ``1m30s``, ``1h``). Written for both Python's ``re`` and the ECMA-262
#: patterns of JSON Schema, which uses it too: ASCII digits and spaces only, which both
#: read alike (``\s`` and ``\d`` would take other scripts' spaces and digits in one or both).
DURATION_PATTERN = (
    r"^[ \t]*(?:([0-9]+)[ \t]*h)?[ \t]*(?:([0-9]+)[ \t]*m)?[ \t]*(?:([0-9]+)[ \t]*s)?[ \t]*$"
)
_DURATION = re.compile(DURATION_PATTERN)
_DIGITS = re.compile(r"^[ \t]*([0-9]+)[ \t]*$")

if TYPE_CHECKING:
    from stretchtimer.routine import Step


# ------------------------------------------------------------------ durations
def parse_duration(value: object, *, bare_number: bool = False) -> int | None:
    """Whole seconds from ``90``, ``'45s'``, ``'2m'``, ``'1m30s'``; None if unreadable.

    The one reader of durations, for routine files, ``config.toml``, options
    and the snooze prompt. Text is read in ASCII only: a superscript,
    Arabic-Indic or full-width digit counts as one to ``str.isdigit`` (and
    some to ``int``), but a duration written with them is refused, not
    guessed at.
    ``bare_number``: text of digits alone counts as seconds (an option or a
    prompt, where everything typed is text; in a routine file it needs a unit).
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if not isinstance(value, str) or not value.isascii():
        return None
    if bare_number and (digits := _DIGITS.match(value)):
        return int(digits.group(1))
    match = _DURATION.match(value)
    if match and any(match.groups()):
        hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
        return hours * 3600 + minutes * 60 + seconds
    return None


def format_duration(seconds: float) -> str:
    """``1m30s``: the written form, which ``parse_duration`` reads back (``-1m30s`` below 0,
    which it does not: a negative duration is only ever shown as what was wrong)."""
    whole = round(seconds)
    if whole < 0:
        return "-" + format_duration(-whole)
    minutes, secs = divmod(whole, 60)
    hours, minutes = divmod(minutes, 60)
    parts = [f"{hours}h" if hours else "", f"{minutes}m" if minutes else ""]
    parts.append(f"{secs}s" if secs or not (hours or minutes) else "")
    return "".join(parts)


def clock_text(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss``), rounding up so a countdown never shows 0 early."""
    return _clock(math.ceil(seconds - 1e-6))


def length_text(seconds: float) -> str:
    """``6:48``, or ``1:02:05`` from an hour on: how long something lasts or lasted.

    The one way a length is written wherever one is listed: ``list``,
    ``validate``, ``show``, the picker, the summary, ``history`` and ``stats``.
    It reads like a countdown, so a routine's length in a list matches what its
    clock shows when it starts, but it rounds to the nearest second.
    """
    return _clock(round(seconds))


def _clock(whole: int) -> str:
    hours, rest = divmod(max(0, whole), 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def spoken_duration(seconds: float) -> str:
    """``1 minute 30 seconds``: how a duration is said, not how it is written."""
    whole = max(0, round(seconds))
    minutes, secs = divmod(whole, 60)
    if minutes and secs:
        # Translators: a spoken duration; {minutes} and {seconds} are already counted words.
        return _("{minutes} {seconds}").format(
            minutes=plural(minutes, "minute"), seconds=plural(secs, "second")
        )
    return plural(minutes, "minute") if minutes else plural(secs, "second")


def hours_and_minutes(minutes: int) -> str:
    """``42 min``, or ``1 h 05 min`` from an hour on: the reminder's time worked or away."""
    if minutes >= 60:
        # Translators: hours and minutes, abbreviated; {minutes} always has two digits.
        return _("{hours} h {minutes} min").format(
            hours=minutes // 60, minutes=f"{minutes % 60:02d}"
        )
    return _minutes(minutes)


def _minutes(minutes: int) -> str:
    # Translators: minutes, abbreviated, as in "42 min".
    return _("{minutes} min").format(minutes=minutes)


def time_left(seconds: float) -> str:
    """``42 min`` above a minute (rounded up, so it never reads 0 too early), ``35 s`` below.

    Hours show only from two on: ``90 min`` reads better than ``1 h 30 min``
    for a break that is due within the hour and a half.
    """
    if seconds > 60:
        minutes = math.ceil(seconds / 60)
        return hours_and_minutes(minutes) if minutes >= 120 else _minutes(minutes)
    # Translators: seconds, abbreviated, as in "35 s".
    return _("{seconds} s").format(seconds=max(0, math.ceil(seconds)))


def short_time_left(seconds: float) -> str:
    """The terminal title's form of ``time_left``: ``42m``, ``35s``."""
    if seconds > 60:
        return f"{math.ceil(seconds / 60)}m"
    return f"{max(0, math.ceil(seconds))}s"


# ------------------------------------------------------------------ counts
def plural(count: int, noun: str, nouns: str | None = None, *, width: int = 0) -> str:
    """``1 step``, ``3 steps``, in the language's own plural form; the count right-aligned
    in ``width`` characters, for columns.

    The nouns of ``_counted_forms`` are translated, each through its own ``ngettext``
    so that a catalog holds every form and the language's plural rule picks among
    them; any other noun is counted in English (``nouns`` where adding an s is wrong).
    """
    number = f"{count:>{width}}"
    forms = _COUNTED.get(noun)
    if forms is not None:
        return forms(count).format(n=number)
    return f"{number} {noun if count == 1 else (nouns or noun + 's')}"


def _counted_forms() -> dict[str, Callable[[int], str]]:
    # Each call is written out whole so that extraction sees both forms.
    return {
        "step": lambda n: ngettext("{n} step", "{n} steps", n),
        "rep": lambda n: ngettext("{n} rep", "{n} reps", n),
        "set": lambda n: ngettext("{n} set", "{n} sets", n),
        "session": lambda n: ngettext("{n} session", "{n} sessions", n),
        "day": lambda n: ngettext("{n} day", "{n} days", n),
        "minute": lambda n: ngettext("{n} minute", "{n} minutes", n),
        "second": lambda n: ngettext("{n} second", "{n} seconds", n),
        "postpone": lambda n: ngettext("{n} postpone", "{n} postpones", n),
    }


_COUNTED = _counted_forms()


# ------------------------------------------------------------------ steps
def side_text(side: str) -> str:
    """``Your left side``: the person's own side, which the figure mirrors."""
    if side == "left":
        return _("Your left side")
    if side == "right":
        return _("Your right side")
    return _("Your {side} side").format(side=side)


def step_summary(step: Step) -> str:
    """How a step is done: ``0:30 hold · 2 sets · each side``, ``10 reps · your left side``.

    The one description of a step's work, wherever a step is listed or named as next.
    """
    work = (
        plural(step.reps, "rep")
        if step.reps is not None
        # Translators: how long a stretch is held, as in "0:30 hold".
        else _("{clock} hold").format(clock=clock_text(step.work_seconds))
    )
    extras = []
    if step.sets > 1:
        extras.append(plural(step.sets, "set"))
    if len(step.sides) > 1:
        extras.append(_("each side"))
    elif step.sides:
        extras.append(own_side(step.sides[0]))
    return " · ".join([work, *extras])


def own_side(side: str) -> str:
    """``your left side`` within a line, as ``side_text`` is at its start."""
    if side == "left":
        return _("your left side")
    if side == "right":
        return _("your right side")
    return _("your {side} side").format(side=side)


def work_change(what: str, was: int, now: int) -> str:
    """``hold 40 s, was 30 s``, ``12 reps, was 10``: how an adapted step reads wherever it shows."""
    if what == "hold":
        return _("hold {now} s, was {was} s").format(now=now, was=was)
    # Translators: {reps} is already counted, as in "12 reps"; {was} is the earlier number.
    return _("{reps}, was {was}").format(reps=plural(now, "rep"), was=was)


def clock_on_day(when: datetime, today: date) -> str:
    """``14:00`` today, ``tomorrow 13:00`` after midnight: a time alone would read as today's."""
    if when.date() == today:
        return f"{when:%H:%M}"
    if when.date() == today + timedelta(days=1):
        return _("tomorrow {time}").format(time=f"{when:%H:%M}")
    return f"{when:%Y-%m-%d %H:%M}"
