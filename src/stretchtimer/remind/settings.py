"""The reminder's settings: the ``[remind]`` table of ``config.toml`` and the
command-line options that override it, checked and turned into numbers.

Durations are written as in routine files (``90``, ``45s``, ``20m``,
``1h30m``), so ``--every 20s`` works for trying the reminder out. A bad value
is reported as what to fix, never as a traceback.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import msgspec
from msgspec.structs import replace

from stretchtimer.i18n import _
from stretchtimer.idle.selection import SOURCE_NAMES
from stretchtimer.remind.plan import parse_working_hours
from stretchtimer.wording import format_duration, parse_duration

DEFAULT_ROUTINES = ("desk-break",)
DEFAULT_MICRO_ROUTINES = ("micro-neck-shoulders", "micro-eyes-and-neck")

#: (lowest, highest) seconds for each duration setting; 0 is allowed where listed.
_RANGES: dict[str, tuple[int, int]] = {
    "every": (10, 8 * 3600),
    "micro_every": (10, 4 * 3600),
    "postpone": (10, 4 * 3600),
    # The terminal idle source is only good to about 8 seconds.
    "idle_after": (10, 4 * 3600),
    "notice": (0, 600),
    "snooze": (60, 12 * 3600),
}
_MAY_BE_ZERO = {"micro_every", "notice"}
#: (lowest, highest) for each whole-number setting.
_WHOLE_NUMBERS = {"postpone_limit": (0, 20), "skips_per_day": (0, 50), "long_after": (0, 20)}
#: What ``skip`` may be: how much a skip costs.
SKIP_POLICIES = ("free", "confirm", "type")


class SettingError(ValueError):
    """A setting with a value that cannot be used; the message says what to fix.

    ``problem`` is a whole sentence, translated, with ``{setting}`` where the
    setting is named: the command line names it as an option (``--every must
    be ...``), the config file as a key; ``values`` fill its other placeholders.
    ``option_problem``, where given, is how the command line says it instead
    (an option takes a name, where the file takes a TOML list of them).
    """

    def __init__(
        self, name: str, problem: str, option_problem: str | None = None, **values: object
    ) -> None:
        self.name = name
        self.problem = problem
        self.option_problem = option_problem or problem
        self.values = values
        super().__init__(self.said_as(f"'{name}'"))

    def said_as(self, setting: str, *, option: bool = False) -> str:
        """The message with the setting named as ``setting``."""
        template = self.option_problem if option else self.problem
        return template.format(setting=setting, **self.values)


class RemindSettings(msgspec.Struct, frozen=True):
    every: int = 3600
    micro_every: int = 1200
    routines: tuple[str, ...] = DEFAULT_ROUTINES
    micro_routines: tuple[str, ...] = DEFAULT_MICRO_ROUTINES
    #: None: five minutes, but never more than the break's interval (``Plan.postpone_for``).
    postpone: int | None = None
    postpone_limit: int = 2
    idle_after: int = 180
    idle_source: str = "auto"
    notice: int = 30
    #: How long ``z`` snoozes unless the user types another duration.
    snooze: int = 3600
    mute: bool = False
    notifications: bool = True
    working_hours: str = ""
    quiet_programs: tuple[str, ...] = ()
    #: What a skip costs: "free", "confirm" (y/n) or "type" (a word shown on screen).
    skip: str = "free"
    #: Skips allowed per day; None: no limit.
    skips_per_day: int | None = None
    #: Every Nth break is a long one; 0: long breaks keep their own interval.
    long_after: int = 0
    #: Devices (shell patterns) that, held open by one of the user's programs, hold prompts.
    busy_devices: tuple[str, ...] = ("/dev/video*",)

    def hours(self) -> tuple[tuple[int, int], ...]:
        return parse_working_hours(self.working_hours)


def duration_setting(name: str, value: object) -> int:
    """Whole seconds for setting ``name``, checked against its range."""
    # From the command line and the snooze prompt every value is text: "90" is seconds.
    seconds = parse_duration(value, bare_number=True)
    if seconds is None:
        raise SettingError(name, _("{setting} must be a duration like 90, '45s', '20m' or '1h30m'"))
    low, high = _RANGES[name]
    if seconds == 0 and name in _MAY_BE_ZERO:
        return 0
    if not low <= seconds <= high:
        raise SettingError(
            name,
            _("{setting} must be from {low} to {high} (or 0 to turn it off), not {value}")
            if name in _MAY_BE_ZERO
            else _("{setting} must be from {low} to {high}, not {value}"),
            low=format_duration(low),
            high=format_duration(high),
            value=format_duration(seconds),
        )
    return seconds


def _names(name: str, value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if (
        not isinstance(value, list | tuple)
        or not value
        or not all(isinstance(v, str) and v.strip() for v in value)
    ):
        raise SettingError(
            name,
            _('{setting} must be a list of names, like ["desk-break"]'),
            _("{setting} needs a routine's name, like desk-break"),
        )
    return tuple(v.strip() for v in value)


def _idle_source(value: object) -> str:
    choices = ("auto", *SOURCE_NAMES)
    if not isinstance(value, str) or value not in choices:
        raise _not_one_of("idle_source", choices, value)
    return value


def _not_one_of(name: str, choices: Sequence[str], value: object) -> SettingError:
    if isinstance(value, str):
        return SettingError(
            name,
            _("{setting} must be one of {choices}, not '{value}'"),
            choices=", ".join(choices),
            value=value,
        )
    return SettingError(
        name, _("{setting} must be one of {choices}, not that"), choices=", ".join(choices)
    )


def apply(settings: RemindSettings, values: Mapping[str, object]) -> RemindSettings:
    """``settings`` with ``values`` (from the table or the options) checked and applied."""
    changes: dict[str, object] = {}
    for name, value in values.items():
        if name in _RANGES:
            changes[name] = duration_setting(name, value)
        elif name in ("routines", "micro_routines"):
            changes[name] = _names(name, value)
        elif name == "quiet_programs":
            changes[name] = () if value == [] else _names(name, value)
        elif name in _WHOLE_NUMBERS:
            low, high = _WHOLE_NUMBERS[name]
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise SettingError(
                    name,
                    _("{setting} must be a whole number from {low} to {high}"),
                    low=low,
                    high=high,
                )
            if name == "long_after" and value == 1:
                raise SettingError(
                    name, _("{setting} must be 0 (off) or from 2 to 20: 1 makes every break long")
                )
            changes[name] = value
        elif name == "busy_devices":
            value = [value] if isinstance(value, str) else value
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise SettingError(
                    name, _('{setting} must be a list of paths or patterns, like ["/dev/video*"]')
                )
            changes[name] = tuple(value)
        elif name == "skip":
            if value not in SKIP_POLICIES:
                raise _not_one_of(name, SKIP_POLICIES, value)
            changes[name] = value
        elif name in ("mute", "notifications"):
            if not isinstance(value, bool):
                raise SettingError(name, _("{setting} must be true or false"))
            changes[name] = value
        elif name == "idle_source":
            changes[name] = _idle_source(value)
        elif name == "working_hours":
            if not isinstance(value, str):
                raise SettingError(name, _("{setting} must be text in quotes"))
            try:
                parse_working_hours(value)
            except ValueError as exc:
                raise SettingError(
                    name, _("{setting} cannot be read: {reason}"), reason=exc
                ) from None
            changes[name] = value
        else:
            known = ", ".join(f.name for f in msgspec.structs.fields(RemindSettings))
            raise SettingError(
                name, _("{setting} is not a setting of [remind] (known: {known})"), known=known
            )
    return replace(settings, **changes)


def from_table(table: object) -> RemindSettings:
    """The ``[remind]`` table of ``config.toml``; raises ``SettingError``."""
    if not isinstance(table, dict):
        raise SettingError("remind", _("{setting} must be a table: a [remind] section"))
    return apply(RemindSettings(), table)


def with_options(settings: RemindSettings, options: Mapping[str, object]) -> RemindSettings:
    """Command-line values (those given, not None) over ``settings``."""
    given = {k: v for k, v in options.items() if v is not None and v != []}
    return apply(settings, given)


def describe(settings: RemindSettings) -> Sequence[str]:
    every = format_duration(settings.every)
    if settings.micro_every:
        breaks = _("Breaks every {every} of active time; micro breaks every {micro}").format(
            every=every, micro=format_duration(settings.micro_every)
        )
    else:
        breaks = _("Breaks every {every} of active time; no micro breaks").format(every=every)
    return [
        breaks,
        _("Idle after {idle}; idle source {source}").format(
            idle=format_duration(settings.idle_after), source=settings.idle_source
        ),
    ]
