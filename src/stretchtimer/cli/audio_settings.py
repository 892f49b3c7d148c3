"""Sound settings from the command line's options and ``config.toml``, by one rule.

Each setting comes from its option when one was given, else from the
config file, whose reading fills in the default for anything it leaves out:
option > config > default, for every command that makes a sound.
"""

from __future__ import annotations

import argparse

import msgspec

from stretchtimer.cli.completion import completes_with, sound_theme_names
from stretchtimer.config import Config
from stretchtimer.i18n import _
from stretchtimer.sound_themes import THEMES, UnknownThemeError, check_theme


class AudioSettings(msgspec.Struct, frozen=True):
    mute: bool
    volume: int
    voice: bool
    theme: str

    @classmethod
    def chosen(cls, options: argparse.Namespace, config: Config) -> AudioSettings:
        def given(name: str) -> object:
            return getattr(options, name, None)

        mute, volume, voice, theme = (
            given(name) for name in ("mute", "volume", "voice", "sound_theme")
        )
        return cls(
            mute=config.mute if mute is None else bool(mute),
            volume=config.volume if not isinstance(volume, int) else volume,
            voice=config.voice if voice is None else bool(voice),
            theme=config.sound_theme if not isinstance(theme, str) else theme,
        )


def add_sound_options(parser: argparse.ArgumentParser, default: object = argparse.SUPPRESS) -> None:
    """Sound options, accepted before or after the command.

    On subcommands they default to SUPPRESS, so ``stretchtimer --mute run x``
    keeps the top-level value instead of having it reset by the subcommand.
    """
    parser.add_argument("--mute", action="store_true", default=default, help=_("no sound"))
    add_volume_option(parser, default)
    parser.add_argument(
        "--voice", action="store_true", default=default, help=_("speak stretch names aloud")
    )
    add_theme_option(parser, default)


def add_volume_option(parser: argparse.ArgumentParser, default: object = argparse.SUPPRESS) -> None:
    parser.add_argument(
        "--volume",
        type=_volume,
        metavar="0-100",
        default=default,
        help=_("cue volume: 100 as recorded, 0.3 dB less for each step under it"),
    )


def add_theme_option(parser: argparse.ArgumentParser, default: object = argparse.SUPPRESS) -> None:
    completes_with(
        parser.add_argument(
            "--sound-theme",
            type=_sound_theme,
            metavar="NAME",
            default=default,
            help=_("the cue sounds: {themes}").format(themes=", ".join(THEMES)),
        ),
        sound_theme_names,
    )


def _volume(text: str) -> int:
    # ASCII digits only: int() also takes Arabic-Indic or full-width digits, and '1_0'.
    digits = text.strip()
    if not (digits.isascii() and digits.isdigit()):
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a whole number from 0 to 100").format(text=text)
        )
    value = int(digits)
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(_("{value} is outside 0 to 100").format(value=value))
    return value


def _sound_theme(text: str) -> str:
    try:
        return check_theme(text)
    except UnknownThemeError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
