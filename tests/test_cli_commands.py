"""How commands are declared and what they share: one declaration each, one rule for sound."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from stretchtimer import locations
from stretchtimer.cli import build_parser, main
from stretchtimer.cli.audio_settings import AudioSettings
from stretchtimer.cli.session_services import session_services
from stretchtimer.config import Config, read_config
from stretchtimer.services import AppCrashed


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (commands,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(commands.choices)


def test_every_command_declares_what_runs_it() -> None:
    parser = build_parser()
    commands = _commands(parser)
    assert {"run", "pick", "remind", "list", "show", "doctor", "history", "stats"} <= set(commands)
    for name, command in commands.items():
        defaults = {key: command.get_default(key) for key in ("run", "shows_settings_problems")}
        assert callable(defaults["run"]), name
        assert isinstance(defaults["shows_settings_problems"], bool), name
    # With no command at all, the picker opens, as with ``pick``.
    assert parser.parse_args([]).run is commands["pick"].get_default("run")


@pytest.mark.parametrize(("command", "warned"), [("list", True), ("doctor", False)])
def test_settings_problems_are_warnings_unless_the_command_shows_them(
    capsys: pytest.CaptureFixture[str], command: str, warned: bool
) -> None:
    locations.config_file().parent.mkdir(parents=True, exist_ok=True)
    locations.config_file().write_text("volume = 'loud'\n")
    main([command])
    out, err = capsys.readouterr()
    assert ("warning: " in err) is warned
    if not warned:
        assert "config problem" in out and "'volume' must be a whole number" in out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], AudioSettings(mute=True, volume=30, voice=False, theme="wood")),
        (
            ["--volume", "70", "--voice", "--sound-theme", "chimes"],
            AudioSettings(mute=True, volume=70, voice=True, theme="chimes"),
        ),
        (
            ["run", "x", "--volume", "5"],
            AudioSettings(mute=True, volume=5, voice=False, theme="wood"),
        ),
        (
            ["sounds", "--volume", "9"],
            AudioSettings(mute=True, volume=9, voice=False, theme="wood"),
        ),
    ],
)
def test_an_option_wins_over_the_config_file(argv: list[str], expected: AudioSettings) -> None:
    config = Config(mute=True, volume=30, voice=False, sound_theme="wood")
    assert AudioSettings.chosen(build_parser().parse_args(argv), config) == expected


def test_the_config_file_wins_over_the_defaults() -> None:
    locations.config_file().parent.mkdir(parents=True, exist_ok=True)
    locations.config_file().write_text("volume = 40\n")
    chosen = AudioSettings.chosen(build_parser().parse_args([]), read_config().config)
    assert chosen == AudioSettings(mute=False, volume=40, voice=False, theme="chimes")


def _noting_close(service: object, name: str, closed: list[str]) -> None:
    close = service.close  # type: ignore[attr-defined]

    def noted() -> None:
        closed.append(name)
        close()

    service.close = noted  # type: ignore[attr-defined]


def test_a_crash_is_one_line_and_the_services_still_close(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    closed: list[str] = []
    sound = AudioSettings(mute=True, volume=0, voice=False, theme="chimes")
    with session_services(sound) as services:
        services.close_first(lambda: closed.append("reminder"))  # it may still record a break
        _noting_close(services.audio, "audio", closed)
        _noting_close(services.recorder, "history", closed)
        raise AppCrashed(ValueError("boom"), tmp_path / "last-error.log")
    assert services.status == 1
    assert closed == ["reminder", "audio", "history"]
    err = capsys.readouterr().err
    assert err.startswith("stretchtimer: error: stopped on an unexpected error (ValueError: boom)")
    assert "Traceback" not in err
