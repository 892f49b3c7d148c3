"""User preferences, kept in ``config.toml`` in the user's config folder.

The file is small and flat so a person can edit it by hand. A missing file
means defaults; a broken one is reported and ignored rather than stopping a
break.

msgspec checks the file against ``Config`` (types, the volume's range,
unknown keys); the message is ours, naming the key and what it must be.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

import msgspec

from stretchtimer import locations


class ConfigError(Exception):
    pass


Volume = Annotated[int, msgspec.Meta(ge=0, le=100)]


class Config(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    theme: str = "textual-dark"
    mute: bool = False
    volume: Volume = 100
    voice: bool = False
    #: Whether the session screen shows the stretch figure (``f`` turns it on and off).
    figure: bool = True
    #: Binding id -> comma-separated keys, e.g. {"pause": "space,p"}.
    keymap: dict[str, str] = msgspec.field(default_factory=dict)


def load_config(path: Path | None = None) -> Config:
    """Read the config file; raise ``ConfigError`` with a reason if it is unusable."""
    path = path or locations.config_file()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from exc
    # Imported only when there is a file to read: until a setting is saved,
    # starting a session does without the TOML parser (about 2 ms).
    import tomllib

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    try:
        return msgspec.convert(data, Config)
    except msgspec.ValidationError as exc:
        raise ConfigError(f"{path}: {_problem(str(exc), data)}") from exc


#: What each setting must be, in the words of the file's reader.
_WANTED = {
    "theme": "text in quotes",
    "mute": "true or false",
    "volume": "a whole number",
    "voice": "true or false",
    "figure": "true or false",
    "keymap": "a table of strings",
}

_UNKNOWN = re.compile(r"unknown field `(?P<key>[^`]+)`")
_AT_KEY = re.compile(r"at `\$\.(?P<key>\w+)")


def _problem(error: str, data: dict[str, Any]) -> str:
    """Say which key is wrong and what it must be; msgspec's text only names the key."""
    if unknown := _UNKNOWN.search(error):
        return f"unknown setting '{unknown['key']}'"
    at = _AT_KEY.search(error)
    key = at["key"] if at else None
    if key not in _WANTED:
        return error
    value = data.get(key)
    if key == "volume" and isinstance(value, int) and not isinstance(value, bool):
        return "'volume' must be from 0 to 100"
    return f"'{key}' must be {_WANTED[key]}"


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def save_config(config: Config, path: Path | None = None) -> None:
    """Write the config atomically, so a crash never leaves half a file."""
    path = path or locations.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = []
    keymap: dict[str, str] = {}
    for key, value in msgspec.to_builtins(config).items():
        if key == "keymap":
            keymap = value
            continue
        lines.append(f"{key} = {_toml_value(value)}")
    if keymap:
        lines.append("")
        lines.append("[keymap]")
        lines.extend(f"{_toml_value(k)} = {_toml_value(v)}" for k, v in sorted(keymap.items()))
    tmp = path.with_suffix(".toml.tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)
