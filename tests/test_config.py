"""Preferences: defaults, a round trip, and broken files that say why."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from msgspec.structs import fields, replace

from stretchtimer import locations
from stretchtimer.config import (
    Config,
    ConfigError,
    ConfigReading,
    load_config,
    read_config,
    save_setting,
)


def test_no_file_means_defaults() -> None:
    assert load_config() == Config()


def test_a_saved_setting_loads_back(tmp_path: Path) -> None:
    save_setting("theme", "nord")
    assert locations.config_file().is_file()
    assert load_config() == replace(Config(), theme="nord")
    assert 'theme = "nord"' in locations.config_file().read_text()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("volume = 'loud'", "'volume' must be a whole number"),
        ("volume = 101", "'volume' must be from 0 to 100"),
        ("colour = 'red'", "unknown setting 'colour'"),
        ("mute = ", "Invalid value"),
        ("[keymap]\npause = 3", "keymap 'pause' must be keys in quotes"),
        ("keymap = 3", "'keymap' must be a table of strings"),
        ("volume = true", "'volume' must be a whole number"),
        ("volume = -1", "'volume' must be from 0 to 100"),
        ("mute = 1", "'mute' must be true or false"),
        ("voice = 'yes'", "'voice' must be true or false"),
        ("theme = 3", "'theme' must be text in quotes"),
        ("figure = 'no'", "'figure' must be true or false"),
        ("language = 'Deutsch bitte'", "'language' must be a language code in quotes"),
        ("language = 49", "'language' must be a language code in quotes"),
    ],
)
def test_broken_files_say_what_is_wrong(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text)
    (problem,) = read_config(path).problems
    assert problem.startswith(f"{path}: ")
    assert message in problem


def test_saving_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "config.toml"
    save_setting("volume", 10, path)
    save_setting("volume", 20, path)
    assert load_config(path).volume == 20
    assert [p.name for p in path.parent.iterdir()] == ["config.toml"]


@pytest.mark.parametrize("key", [field.name for field in fields(Config)])
def test_every_setting_of_the_wrong_type_is_named_in_our_words(tmp_path: Path, key: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f"{key} = [1.5]\n")  # a list of floats is wrong for every setting
    (message,) = read_config(path).problems
    assert message.startswith(f"{path}: '{key}' must be ")
    assert "Expected" not in message and "$." not in message


def test_one_bad_setting_keeps_every_other(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        'colour = "red"\nvolume = "loud"\nmute = true\ntheme = "nord"\n'
        '[keymap]\npause = "space,k"\nnext = 3\n'
    )
    reading = read_config(path)
    assert reading.config == Config(theme="nord", mute=True, keymap={"pause": "space,k"})
    assert len(reading.problems) == 3
    assert any("unknown setting 'colour'" in p for p in reading.problems)
    assert any("'volume' must be a whole number" in p for p in reading.problems)
    assert any("keymap 'next'" in p for p in reading.problems)


def test_a_syntax_error_is_one_problem_with_defaults(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("volume = 40\nmute = \n")
    reading = read_config(path)
    assert reading.config == Config()
    (problem,) = reading.problems
    assert "every setting is at its default" in problem


def test_a_fifo_or_folder_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "config.toml"
    os.mkfifo(fifo)
    (problem,) = read_config(fifo).problems  # would wait for a writer if opened plainly
    assert "named pipe" in problem
    with pytest.raises(ConfigError, match="named pipe"):
        save_setting("theme", "nord", fifo)
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    assert "is a folder" in read_config(folder).problems[0]


def test_a_huge_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("# " + "x" * 100_000 + "\nvolume = 3\n")
    reading = read_config(path)
    assert reading.config == Config()
    assert "larger than" in reading.problems[0]


HAND_WRITTEN = """\
# my settings
volume = 40   # quiet at work
future_setting = "kept"

[keymap]
pause = "space,k"  # k as in vim
"""


def test_saving_the_theme_edits_the_file_in_place(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(HAND_WRITTEN)
    save_setting("theme", "nord", path)
    text = path.read_text()
    assert text.startswith(HAND_WRITTEN.split("[keymap]")[0].rstrip("\n"))
    assert "# k as in vim" in text and 'future_setting = "kept"' in text
    assert 'theme = "nord"' in text
    save_setting("theme", "gruvbox", path)
    assert path.read_text().count("theme =") == 1
    reading = read_config(path)
    assert reading.config.theme == "gruvbox" and reading.config.volume == 40
    assert reading.config.keymap == {"pause": "space,k"}


def test_saving_through_a_link_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "config.toml"
    real.parent.mkdir()
    real.write_text("volume = 40\n")
    link = tmp_path / "config.toml"
    link.symlink_to(real)
    save_setting("theme", "nord", link)
    assert link.is_symlink()
    assert 'theme = "nord"' in real.read_text()


def test_a_file_that_is_not_toml_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("volume = = 3\n")
    with pytest.raises(ConfigError, match="not changed"):
        save_setting("theme", "nord", path)
    assert path.read_text() == "volume = = 3\n"


def test_a_theme_name_with_control_codes_is_made_safe(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord\\u001b]0;owned\\u0007"\n')
    assert read_config(path).config.theme == "nord␛]0;owned␇"


@pytest.mark.parametrize("code", ["de", "es", "de-AT", "pt_BR.UTF-8", "sr@latin", "C", "xx"])
def test_a_language_is_kept_as_written(tmp_path: Path, code: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f'language = "{code}"\n')
    assert read_config(path) == ConfigReading(Config(language=code))
