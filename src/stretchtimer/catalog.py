"""Finding routines by name: the bundled ones and the user's own.

A user's file shadows a bundled one of the same name, so copying
``desk-break.yaml`` into the routine folder and editing it changes what
``stretchtimer run desk-break`` does.

A bundled routine comes from the compiled data (``compiled_routines``), so a start
by name, the picker and ``list`` import no YAML parser; a user's file, or a bundled
one edited since ``make compiled``, is read from its YAML.
"""

from __future__ import annotations

import os
from pathlib import Path

import msgspec

from stretchtimer import locations
from stretchtimer.compiled_routines import compiled_routine
from stretchtimer.i18n import _
from stretchtimer.routine import Routine
from stretchtimer.routine_problems import RoutineError
from stretchtimer.safe_text import safe_text
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

    @property
    def location(self) -> str:
        """The file's path as it may be shown: a file name can hold control codes too."""
        return safe_text(str(self.path))

    @property
    def file_name(self) -> str:
        return safe_text(self.path.name)


def _files(folder: Path) -> list[Path]:
    """Every entry named like a routine, whatever it is.

    Folders, FIFOs, dangling or looping links and unreadable files are kept:
    loading them says what is wrong, so they show as broken instead of vanishing.
    """
    try:
        return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES)
    except OSError:
        return []


def routine_name(path: Path) -> str:
    """A routine's name on the command line and in lists: its file name, made safe to show."""
    return safe_text(path.stem)


def routine_files(user_dir: Path | None = None) -> dict[str, tuple[Path, str]]:
    """Name -> (path, origin); user files win over bundled ones."""
    found: dict[str, tuple[Path, str]] = {}
    for path in _files(locations.bundled_routines_dir()):
        found[routine_name(path)] = (path, "bundled")
    for path in _files(user_dir or locations.user_routines_dir()):
        found[routine_name(path)] = (path, "user")
    return dict(sorted(found.items()))


def folder_state(user_dir: Path | None = None) -> frozenset[tuple[str, int, int, int]]:
    """What the routine folder holds, cheaply: name, size, change time and inode of each file.

    Comparing two of these tells whether a routine file was added, changed or
    removed (an editor that saves by renaming changes the inode) without
    reading any file; on a handful of files it takes tens of microseconds.
    """
    folder = user_dir or locations.user_routines_dir()
    try:
        with os.scandir(folder) as found:
            state = set()
            for item in found:
                if item.name.endswith(SUFFIXES) and item.is_file():
                    info = item.stat()
                    state.add((item.name, info.st_size, info.st_mtime_ns, info.st_ino))
            return frozenset(state)
    except OSError:
        return frozenset()


def discover(user_dir: Path | None = None) -> list[RoutineEntry]:
    """Every routine, loaded; a broken file becomes an entry with its problems."""
    entries = []
    for name, (path, origin) in routine_files(user_dir).items():
        try:
            entries.append(RoutineEntry(name, path, origin, _load_file(path)))
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
    if safe_text(spec) in files:
        return files[safe_text(spec)][0]
    if Path(spec).is_file():
        return Path(spec)
    raise CatalogError(
        _(
            "no routine named '{spec}'{suggest}; 'stretchtimer list' shows the routines there are"
        ).format(spec=safe_text(spec), suggest=suggest(spec, list(files)))
    )


def _load_file(path: Path) -> Routine:
    routine = compiled_routine(path)
    if routine is not None:
        return routine
    # A file of the user's: as kept from its last load, if it has not changed since
    # (routine_cache), else through the loader, which says what is wrong with it.
    from stretchtimer import routine_cache
    from stretchtimer.regular_file import ROUTINE_LIMIT, UnreadableFile, read_regular

    try:
        data = read_regular(path, ROUTINE_LIMIT)
    except UnreadableFile:
        data = None
    wanted = None if data is None else routine_cache.key(path, data)
    if (routine := routine_cache.cached(path, wanted)) is not None:
        return routine
    from stretchtimer.bundled_steps import bundled_step
    from stretchtimer.loader import load_routine, load_text

    if data is None:
        return load_routine(path, bundled_step)  # to say why it cannot be read
    routine = load_text(data, path, bundled_step)
    routine_cache.remember(path, wanted, routine)
    return routine


def load(spec: str, user_dir: Path | None = None) -> Routine:
    return _load_file(resolve(spec, user_dir))
