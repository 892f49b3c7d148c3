"""``sounds``: the cues of a theme and what each means, or each played in turn."""

from __future__ import annotations

import argparse

from stretchtimer.cli.audio_settings import AudioSettings, add_theme_option, add_volume_option
from stretchtimer.cli.common import Commands, Parser, command
from stretchtimer.config import ConfigReading
from stretchtimer.i18n import _
from stretchtimer.wording import parse_duration


def register(commands: Commands[Parser]) -> None:
    sounds = command(commands, "sounds", list_sounds, help=_("the cue sounds and what each means"))
    sounds.add_argument(
        "--play", action="store_true", help=_("play each cue in turn, naming it, to check speakers")
    )
    add_volume_option(sounds)
    add_theme_option(sounds)
    sounds.add_argument("--gap", type=_gap, help=argparse.SUPPRESS)


def _gap(text: str) -> int:
    # The one duration reader, so this hidden option takes ASCII digits only, like every other.
    seconds = parse_duration(text, bare_number=True)
    if seconds is None or seconds < 0:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a duration such as 2 or 2s").format(text=text)
        )
    return seconds


def list_sounds(args: argparse.Namespace, reading: ConfigReading) -> int:
    from stretchtimer.audio.sounds_command import sounds_command

    sound = AudioSettings.chosen(args, reading.config)
    status: int = sounds_command(
        theme=sound.theme, volume=sound.volume, play=args.play, gap=args.gap
    )
    return status
