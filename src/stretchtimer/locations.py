"""The one place that knows where stretchtimer's files live.

User files follow the platform's conventions through platformdirs (so
``XDG_CONFIG_HOME`` and ``XDG_DATA_HOME`` are honoured on Linux). Bundled
routines and sounds sit inside the installed package; in a source checkout
they are the top-level ``routines/`` and ``sounds/`` folders. Sounds come in
themes, one folder each (``sounds/chimes/start.wav``).
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "stretchtimer"
#: The sound theme played unless the user picks another.
DEFAULT_SOUND_THEME = "chimes"
_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    installed = _PACKAGE_DIR / name
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent.parent / name


def bundled_routines_dir() -> Path:
    return _bundled("routines")


def bundled_themes_dir() -> Path:
    """The folder holding one folder of cue sounds per bundled theme."""
    return _bundled("sounds")


def bundled_sounds_dir(theme: str = DEFAULT_SOUND_THEME) -> Path:
    """One theme's cue sounds (``<cue>.wav``)."""
    return bundled_themes_dir() / theme


def schema_file() -> Path:
    """The routine format's JSON Schema, shipped inside the package."""
    return _PACKAGE_DIR / "routine.schema.json"


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def config_file() -> Path:
    return config_dir() / "config.toml"


def user_routines_dir() -> Path:
    return config_dir() / "routines"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Files made from others to save work, safe to delete at any time."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def state_dir() -> Path:
    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def state_file() -> Path:
    """What the app remembers between runs that is not a setting (``state.py``)."""
    return state_dir() / "state.json"


def history_file() -> Path:
    return data_dir() / "history.db"


def error_log() -> Path:
    """Where the details of an unexpected error go (the terminal gets one line)."""
    return data_dir() / "last-error.log"
