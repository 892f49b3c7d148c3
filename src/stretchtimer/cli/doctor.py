"""``doctor``: where files are, what would play sound, and every problem found, one row each."""

from __future__ import annotations

import argparse

from stretchtimer import catalog, locations
from stretchtimer.cli.audio_settings import AudioSettings
from stretchtimer.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    Commands,
    Parser,
    UsageError,
    command,
    settings_problems,
)
from stretchtimer.cli.remind import remind_settings
from stretchtimer.config import ConfigReading
from stretchtimer.i18n import _
from stretchtimer.safe_text import safe_text

#: The width of the label column.
LABEL_WIDTH = 17


def register(commands: Commands[Parser]) -> None:
    command(
        commands,
        "doctor",
        run_doctor,
        help=_("check sound, folders and settings"),
        shows_settings_problems=True,
    )


def run_doctor(args: argparse.Namespace, reading: ConfigReading) -> int:
    from stretchtimer.audio.doctor import doctor_rows as sound_rows
    from stretchtimer.doctor_rows import DoctorRow
    from stretchtimer.history.commands import history_health
    from stretchtimer.remind.service import doctor_rows as reminder_rows

    rows = [DoctorRow(_("bundled routines"), str(locations.bundled_routines_dir()))]
    user_dir = locations.user_routines_dir()
    state = _("exists") if user_dir.is_dir() else _("not created yet; make it to add your own")
    rows.append(DoctorRow(_("your routines"), f"{user_dir} ({state})"))
    for entry in catalog.discover():
        if entry.broken:
            first = entry.problems[0] if entry.problems else str(entry.path)
            rows.append(DoctorRow(_("broken routine"), first, problem=True))
    config, config_problems = settings_problems(reading)
    config_file = locations.config_file()
    config_state = _("found") if config_file.exists() else _("not created yet, defaults")
    rows.append(DoctorRow(_("config"), f"{safe_text(str(config_file))} ({config_state})"))
    rows.extend(
        DoctorRow(_("config problem"), problem, problem=True) for problem in config_problems
    )
    sound = AudioSettings.chosen(args, config)
    rows.extend(sound_rows(theme=sound.theme))
    level = _("muted") if sound.mute else _("volume {volume}").format(volume=sound.volume)
    voice = _("voice on") if sound.voice else _("voice off")
    rows.append(
        DoctorRow(
            _("sound settings"),
            _("{level}, {voice}, theme {theme}").format(
                level=level, voice=voice, theme=sound.theme
            ),
        )
    )
    try:
        settings = remind_settings(None, config)
    except UsageError as exc:
        rows.append(DoctorRow(_("reminder"), str(exc), problem=True))
    else:
        rows.extend(reminder_rows(settings))
    rows.append(history_health().row())
    width = max([LABEL_WIDTH, *(len(row.label) + 1 for row in rows)])
    for row in rows:
        print(f"{row.label:<{width}} {row.text}")
        for detail in row.details:
            print(f"  {detail}")
    return EXIT_ERROR if any(row.problem for row in rows) else EXIT_OK
