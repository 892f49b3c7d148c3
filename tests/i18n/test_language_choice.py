"""Which language a run speaks: --lang, then config.toml, then the environment as gettext
reads it; a language with no catalog is English, without a word about it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from stretchtimer import locations
from stretchtimer.cli import main
from stretchtimer.i18n import _, choose_language, current_language

LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def environment(monkeypatch: pytest.MonkeyPatch, **values: str) -> None:
    for name in LOCALE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)


def settings(text: str) -> None:
    path = locations.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("variables", "language"),
    [
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LC_MESSAGES": "es_ES.UTF-8", "LANG": "de_DE.UTF-8"}, "es"),
        ({"LC_ALL": "de_AT.UTF-8", "LC_MESSAGES": "es_ES.UTF-8"}, "de"),
        ({"LANGUAGE": "es", "LC_ALL": "de_DE.UTF-8"}, "es"),
        ({"LANGUAGE": "fr:es:de", "LANG": "de_DE.UTF-8"}, "es"),  # the first with a catalog
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANGUAGE": "en_GB:de", "LANG": "de_DE.UTF-8"}, "en"),  # English first, by choice
        ({"LANGUAGE": "C:es"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_environment_is_read_in_gettext_order(
    monkeypatch: pytest.MonkeyPatch, variables: dict[str, str], language: str
) -> None:
    environment(monkeypatch, **variables)
    assert choose_language(None, "") == language
    assert current_language() == language


def test_lang_beats_the_settings_and_the_settings_beat_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    environment(monkeypatch, LANG="de_DE.UTF-8")
    assert choose_language("es", "de") == "es"
    assert choose_language(None, "es") == "es"
    assert choose_language("de-AT", None) == "de"
    assert _("options") == "Optionen"
    assert choose_language("en_GB", "es") == "en"
    assert _("options") == "options"


@pytest.mark.parametrize(
    "argv", [["--lang", "de", "list", "--help"], ["list", "--help", "--lang=de"]]
)
def test_help_is_in_the_language_of_lang(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, out, _err = run(capsys, *argv)
    assert code == 0
    assert out.startswith("Aufruf: stretchtimer list")
    assert "Optionen:" in out and "diese Hilfe zeigen und beenden" in out


def test_argparse_errors_are_in_the_language_of_the_settings(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    environment(monkeypatch, LANG="de_DE.UTF-8")
    settings('language = "es"\n')
    code, out, err = run(capsys, "lis")
    assert code == 1 and out == ""
    assert "argumento COMMAND: opción no válida: 'lis' (elija entre 'run'," in err
    assert "\nuso: stretchtimer " in err


def test_an_unknown_language_is_english_and_says_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    english = run(capsys, "list")
    assert run(capsys, "--lang", "xx", "list") == english
    settings('language = "xx"\n')
    assert run(capsys, "list") == english
    assert english[0] == 0 and english[2] == ""


def test_a_bad_language_setting_is_a_settings_problem_and_english(
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings('language = "Deutsch, bitte"\nvolume = 50\n')
    english = run(capsys, "list")
    code, out, err = run(capsys, "list", "--lang=xx-bitte")
    assert (code, out) == english[:2]
    assert err == (
        f"stretchtimer: warning: {locations.config_file()}: 'language' must be a language code"
        ' in quotes, such as "de" or "es"\n'
    )


def test_the_real_command_reads_lang_from_its_environment(tmp_path: Path) -> None:
    """The installed command, started as a shell starts it, with only ``LANG`` set."""
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    done = subprocess.run(
        [sys.executable, "-m", "stretchtimer", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**env, "LANG": "de_DE.UTF-8"},
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Aufruf: stretchtimer ")
    assert "\nOptionen:\n" in done.stdout and done.stderr == ""
