"""Preferences: defaults, a round trip, and broken files that say why."""

from __future__ import annotations

from pathlib import Path

import pytest
from msgspec.structs import fields, replace

from stretchtimer import locations
from stretchtimer.config import Config, ConfigError, load_config, save_config


def test_no_file_means_defaults() -> None:
    assert load_config() == Config()


def test_saved_preferences_load_back(tmp_path: Path) -> None:
    config = replace(Config(), theme="nord", mute=True, volume=40, keymap={"pause": "space,k"})
    save_config(config)
    assert locations.config_file().is_file()
    assert load_config() == config
    text = locations.config_file().read_text()
    assert 'theme = "nord"' in text and "[keymap]" in text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("volume = 'loud'", "'volume' must be a whole number"),
        ("volume = 101", "'volume' must be from 0 to 100"),
        ("colour = 'red'", "unknown setting 'colour'"),
        ("mute = ", "Invalid value"),
        ("[keymap]\npause = 3", "'keymap' must be a table of strings"),
        ("keymap = 3", "'keymap' must be a table of strings"),
        ("volume = true", "'volume' must be a whole number"),
        ("volume = -1", "'volume' must be from 0 to 100"),
        ("mute = 1", "'mute' must be true or false"),
        ("voice = 'yes'", "'voice' must be true or false"),
        ("theme = 3", "'theme' must be text in quotes"),
    ],
)
def test_broken_files_say_what_is_wrong(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_config(path)


def test_saving_replaces_the_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "config.toml"
    save_config(Config(volume=10), path)
    save_config(Config(volume=20), path)
    assert load_config(path).volume == 20
    assert [p.name for p in path.parent.iterdir()] == ["config.toml"]


@pytest.mark.parametrize("key", [field.name for field in fields(Config)])
def test_every_setting_of_the_wrong_type_is_named_in_our_words(tmp_path: Path, key: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f"{key} = [1.5]\n")  # a list of floats is wrong for every setting
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: '{key}' must be ")
    assert "Expected" not in message and "$." not in message
