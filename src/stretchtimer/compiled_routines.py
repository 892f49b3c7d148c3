"""The bundled routines compiled ahead, one per language, so starting one by name, the
picker and ``list`` need no YAML parser: importing PyYAML is the largest part of a
start's own work.

``make compiled`` writes ``bundled_routines.msgpack`` by loading each bundled file
through the loader in every language there is a catalog for (``compiling.py``); a
test checks the file is what the YAML makes today. A user's file is always read from
its YAML, and one named like a bundled routine still wins, as the catalog finds it
first. The file holds a checksum of the routine and figure YAML it came from: a file
edited since makes the compiled data unused, so a routine is always what its YAML says.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import msgspec

from stretchtimer import locations
from stretchtimer.figures.compiled import digest_of, library_digest
from stretchtimer.i18n import current_language
from stretchtimer.routine import Routine

DATA_FILE = Path(__file__).resolve().parent / "bundled_routines.msgpack"
ROUTINE_SUFFIXES = (".yaml", ".yml")


class CompiledRoutines(msgspec.Struct, frozen=True):
    """Routine file name -> language -> the routine as loaded, still encoded."""

    digest: str
    routines: dict[str, dict[str, msgspec.Raw]]


def routine_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in ROUTINE_SUFFIXES)


def sources_digest(folder: Path) -> str:
    """The checksum of the bundled routines' YAML and the figure library's, as they are now."""
    return digest_of(routine_files(folder), int(library_digest(), 16))


def encode_path(value: object, folder: Path) -> object:
    """A sound's path, relative to the routine folder, so the data does not hold this checkout's."""
    if isinstance(value, Path):
        return value.relative_to(folder).as_posix()
    raise NotImplementedError  # msgspec then says which type it cannot encode


def _decode_path(kind: type, value: Any, folder: Path) -> object:
    if kind is Path:
        return folder / value
    raise NotImplementedError  # msgspec then says which type it cannot decode


@cache
def _compiled(folder: Path) -> CompiledRoutines | None:
    try:
        data = msgspec.msgpack.decode(DATA_FILE.read_bytes(), type=CompiledRoutines)
        if data.digest != sources_digest(folder):
            return None
    except (OSError, msgspec.DecodeError):
        return None
    return data


def compiled_routine(path: Path) -> Routine | None:
    """The bundled routine at ``path`` as its YAML loads in the language the app speaks.

    None when ``path`` is not a bundled file, the language was not compiled, or the
    compiled data is missing or older than the YAML: the caller then reads the YAML.
    """
    folder = locations.bundled_routines_dir()
    if path.parent != folder:
        return None
    data = _compiled(folder)
    raw = None if data is None else data.routines.get(path.name, {}).get(current_language())
    if raw is None:
        return None
    routine = msgspec.msgpack.decode(
        raw, type=Routine, dec_hook=lambda kind, value: _decode_path(kind, value, folder)
    )
    return msgspec.structs.replace(routine, source=path)
