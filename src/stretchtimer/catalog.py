"""Finding routines by name: the bundled ones and the user's own.

A user's file shadows a bundled one of the same name, so copying
``desk-break.yaml`` into the routine folder and editing it changes what
``stretchtimer run desk-break`` does.
"""

from __future__ import annotations

from pathlib import Path

import msgspec

from stretchtimer import locations
from stretchtimer.loader import RoutineError, load_routine
from stretchtimer.routine import Routine
from stretchtimer.suggestions import suggest

SUFFIXES = (".yaml", ".yml")


class CatalogError(Exception):
    """A routine name or path that leads nowhere; the message says what to do."""


class RoutineEntry(msgspec.Struct, frozen=True):
    name: str
    path: Path
    origin: str  # "bundled" | "user"
    routine: Routine | None
    problems: tuple[str, ...] = ()

    @property
    def broken(self) -> bool:
        return self.routine is None


def _files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())
    except OSError:
        return []


def routine_files(user_dir: Path | None = None) -> dict[str, tuple[Path, str]]:
    """Name -> (path, origin); user files win over bundled ones."""
    found: dict[str, tuple[Path, str]] = {}
    for path in _files(locations.bundled_routines_dir()):
        found[path.stem] = (path, "bundled")
    for path in _files(user_dir or locations.user_routines_dir()):
        found[path.stem] = (path, "user")
    return dict(sorted(found.items()))


def discover(user_dir: Path | None = None) -> list[RoutineEntry]:
    """Every routine, loaded; a broken file becomes an entry with its problems."""
    entries = []
    for name, (path, origin) in routine_files(user_dir).items():
        try:
            entries.append(RoutineEntry(name, path, origin, load_routine(path)))
        except RoutineError as error:
            entries.append(RoutineEntry(name, path, origin, None, tuple(error.lines())))
    return entries


def looks_like_path(spec: str) -> bool:
    return "/" in spec or spec.endswith(SUFFIXES) or spec.startswith(("~", "."))


def resolve(spec: str, user_dir: Path | None = None) -> Path:
    """The file a ROUTINE argument means: a path, or a bundled or user routine name."""
    if looks_like_path(spec):
        return Path(spec).expanduser()
    files = routine_files(user_dir)
    if spec in files:
        return files[spec][0]
    if Path(spec).is_file():
        return Path(spec)
    raise CatalogError(
        f"no routine named '{spec}'{suggest(spec, list(files))}; "
        "'stretchtimer list' shows the routines there are"
    )


def load(spec: str, user_dir: Path | None = None) -> Routine:
    return load_routine(resolve(spec, user_dir))
