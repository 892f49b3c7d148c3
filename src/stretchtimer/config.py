"""User preferences, kept in ``config.toml`` in the user's config folder.

The file is small and flat so a person can edit it by hand. A missing file
means defaults; a broken one is reported and ignored rather than stopping a
break.
"""

from __future__ import annotations

from pathlib import Path

import msgspec
from msgspec.structs import asdict, fields, replace

from stretchtimer import locations


class ConfigError(Exception):
    pass


_KINDS: dict[type, str] = {bool: "true or false", int: "a whole number", str: "text in quotes"}


class Config(msgspec.Struct, frozen=True):
    theme: str = "textual-dark"
    mute: bool = False
    volume: int = 100
    voice: bool = False
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
    config = Config()
    known = {f.name: f for f in fields(Config)}
    for key, value in data.items():
        if key not in known:
            raise ConfigError(f"{path}: unknown setting '{key}'")
        default = getattr(config, key)
        if key == "keymap":
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise ConfigError(f"{path}: 'keymap' must be a table of strings")
        elif type(value) is not type(default):
            raise ConfigError(f"{path}: '{key}' must be {_KINDS[type(default)]}")
        config = replace(config, **{key: value})
    if not 0 <= config.volume <= 100:
        raise ConfigError(f"{path}: 'volume' must be from 0 to 100")
    return config


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
    for key, value in asdict(config).items():
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
