"""User preferences, kept in ``config.toml`` in the user's config folder.

The file is small and flat so a person can edit it by hand. A missing file
means defaults. A mistake in one setting costs only that setting: every other
valid one is kept, and each problem is named so the app and ``doctor`` can show
it. Saving a setting edits the file in place, so a person's comments, order and
settings this version does not know all survive.

msgspec checks each setting against ``Config`` (types, the volume's range);
the message is ours, naming the key and what it must be.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated, Any

import msgspec

from stretchtimer import locations
from stretchtimer.i18n import N_, _
from stretchtimer.regular_file import Missing, UnreadableFile, read_regular
from stretchtimer.safe_text import safe_text
from stretchtimer.sound_themes import DEFAULT_THEME, THEMES

#: A language as a person or a locale writes it: ``de``, ``de-AT``, ``pt_BR.UTF-8``, ``C``.
LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*(\.[\w-]+)?(@\w+)?|C|POSIX")

#: Far larger than any hand-written settings file.
MAX_CONFIG_BYTES = 64 * 1024


class ConfigError(Exception):
    pass


Volume = Annotated[int, msgspec.Meta(ge=0, le=100)]


class Config(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    theme: str = "textual-dark"
    mute: bool = False
    volume: Volume = 100
    voice: bool = False
    #: One of ``stretchtimer.sound_themes.THEMES``.
    sound_theme: str = DEFAULT_THEME
    #: Whether the session screen shows the stretch figure (``f`` turns it on and off).
    figure: bool = True
    #: Binding id -> comma-separated keys, e.g. {"pause": "space,p"}.
    keymap: dict[str, str] = msgspec.field(default_factory=dict)
    #: The language to speak (``"de"``, ``"es"``), over the environment's; empty: the environment's.
    language: str = ""
    #: The ``[remind]`` table: only the settings ``remind.settings`` accepted, one by one.
    remind: dict[str, Any] = msgspec.field(default_factory=dict)


class ConfigReading(msgspec.Struct, frozen=True):
    """The settings that could be used, and what was wrong with the rest."""

    config: Config
    problems: tuple[str, ...] = ()


def read_config(path: Path | None = None) -> ConfigReading:
    """Every valid setting in the file, and one message for each that is not."""
    path = path or locations.config_file()
    try:
        data = _parse(path)
    except FileNotFoundError:
        return ConfigReading(Config())
    except ConfigError as exc:
        return ConfigReading(Config(), (str(exc),))
    kept: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in data.items():
        if key == "keymap" and isinstance(value, dict):
            keymap, wrong = _keymap(value)
            kept[key] = keymap
            problems.extend(wrong)
            continue
        if key == "remind" and isinstance(value, dict):
            remind, wrong = _remind(value)
            kept[key] = remind
            problems.extend(wrong)
            continue
        try:
            msgspec.convert({key: value}, Config)
        except msgspec.ValidationError as exc:
            problems.append(_problem(str(exc), {key: value}))
        else:
            if key == "sound_theme" and value not in THEMES:
                problems.append(f"'sound_theme' must be one of {', '.join(THEMES)}")
                continue
            if key == "language" and not LANGUAGE_CODE.fullmatch(value):
                problems.append(f"'language' must be {_WANTED['language']}")
                continue
            # A theme name is shown back ("unknown theme ..."): no control codes in it.
            kept[key] = safe_text(value) if isinstance(value, str) else value
    config = msgspec.convert(kept, Config)
    where = safe_text(str(path))
    return ConfigReading(config, tuple(f"{where}: {safe_text(p)}" for p in problems))


def load_config(path: Path | None = None) -> Config:
    """The usable settings, whatever else the file holds."""
    return read_config(path).config


def _parse(path: Path) -> dict[str, Any]:
    """The file as TOML; ``FileNotFoundError`` when there is none, ``ConfigError`` if unusable."""
    try:
        raw = read_regular(path, MAX_CONFIG_BYTES)
    except UnreadableFile as exc:
        if isinstance(exc, Missing):
            raise FileNotFoundError(path) from None
        raise ConfigError(
            _("{path}: {reason}").format(path=safe_text(str(path)), reason=exc.reason)
        ) from None
    # Imported only when there is a file to read: until a setting is saved,
    # starting a session does without the TOML parser (about 2 ms).
    import tomllib

    try:
        data: dict[str, Any] = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(
            _("{path}: {exc}; every setting is at its default").format(
                path=safe_text(str(path)), exc=safe_text(str(exc))
            )
        ) from None
    return data


def _keymap(table: dict[str, Any]) -> tuple[dict[str, str], list[str]]:
    """The entries that are text; which keys and ids exist is the app's to check."""
    kept: dict[str, str] = {}
    problems = []
    for binding, keys in table.items():
        if isinstance(keys, str):
            kept[binding] = keys
        else:
            problems.append(
                _("keymap '{binding}' must be keys in quotes, such as \"space,k\"").format(
                    binding=binding
                )
            )
    return kept, problems


def _remind(table: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The ``[remind]`` settings that can be used; each bad one costs only itself."""
    # Only a file with a [remind] table pays for importing the reminder's checks.
    from stretchtimer.remind.settings import RemindSettings, SettingError, apply

    kept: dict[str, Any] = {}
    problems = []
    for name, value in table.items():
        try:
            apply(RemindSettings(), {name: value})
        except SettingError as exc:
            problems.append(f"[remind] {exc}")
        else:
            kept[name] = _clean(value)
    return kept, problems


def _clean(value: Any) -> Any:
    """Text kept from the file is shown back (doctor, the reminder): no control codes."""
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, list):
        return [_clean(item) for item in value]
    return value


#: What each setting must be, in the words of the file's reader (translated where said).
_WANTED = {
    "theme": N_("text in quotes"),
    "mute": N_("true or false"),
    "volume": N_("a whole number"),
    "voice": N_("true or false"),
    "sound_theme": N_("text in quotes"),
    "figure": N_("true or false"),
    "language": N_('a language code in quotes, such as "de" or "es"'),
    "keymap": N_("a table of strings"),
    "remind": N_("a table: a [remind] section"),
}

_UNKNOWN = re.compile(r"unknown field `(?P<key>[^`]+)`")
_AT_KEY = re.compile(r"at `\$\.(?P<key>\w+)")


def _problem(error: str, data: dict[str, Any]) -> str:
    """Say which key is wrong and what it must be; msgspec's text only names the key."""
    if unknown := _UNKNOWN.search(error):
        return _("unknown setting '{unknown}'").format(unknown=unknown["key"])
    at = _AT_KEY.search(error)
    key = at["key"] if at else None
    if key not in _WANTED:
        return error
    value = data.get(key)
    if key == "volume" and isinstance(value, int) and not isinstance(value, bool):
        return _("'volume' must be from 0 to 100")
    # Translators: {wanted} is what the setting must be, as in "true or false".
    return _("'{key}' must be {wanted}").format(key=key, wanted=_(_WANTED[key]))


def save_setting(key: str, value: str | int | bool, path: Path | None = None) -> None:
    """Set one setting in the file, leaving everything else in it as it was.

    The new text goes to a temporary file in the same folder, which then
    replaces the old one: a crash leaves either the old file or the new one,
    never half of either. A file that cannot be read as TOML is left alone.
    """
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    path = path or locations.config_file()
    if path.is_symlink():
        path = path.resolve()  # keep a link into a dotfiles folder a link
    try:
        raw = read_regular(path, MAX_CONFIG_BYTES).decode("utf-8")
    except UnreadableFile as exc:
        if not isinstance(exc, Missing):
            raise ConfigError(
                _("{path}: {reason}; not changed").format(
                    path=safe_text(str(path)), reason=exc.reason
                )
            ) from None
        raw = ""
    except UnicodeDecodeError:
        raise ConfigError(
            _("{path}: not UTF-8 text; not changed").format(path=safe_text(str(path)))
        ) from None
    try:
        document = tomlkit.parse(raw)
    except TOMLKitError as exc:
        raise ConfigError(
            _("{path}: {exc}; not changed").format(
                path=safe_text(str(path)), exc=safe_text(str(exc))
            )
        ) from None
    document[key] = value
    _write_atomically(path, tomlkit.dumps(document))


def _write_atomically(path: Path, text: str) -> None:
    import tempfile  # only when saving: it is not needed to start a session

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
