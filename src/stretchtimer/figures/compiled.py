"""The figure library compiled ahead into one msgpack file, so drawing a bundled figure
needs no YAML parser: importing PyYAML is the largest part of a start's own work.

``make compiled`` writes ``library.msgpack`` from the YAML through the same reader
(``figures.compiling``); a test checks the file is what the YAML makes today. The
file also holds a checksum of the YAML it came from: a library file edited since
(a checkout where ``make compiled`` was not run) makes the compiled data unused,
so what is drawn is always what the YAML says.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import msgspec

from stretchtimer.figures.model import Figure

LIBRARY_FOLDER = Path(__file__).parent / "library"
DATA_FILE = Path(__file__).parent / "library.msgpack"


class CompiledFigures(msgspec.Struct, frozen=True):
    """Each figure by name, still encoded: a start decodes only the figures it draws."""

    digest: str
    figures: dict[str, msgspec.Raw]


def digest_of(files: Iterable[Path], start: int = 0) -> str:
    """A checksum of the files' names and bytes, cheap enough to take at every start.

    It guards against forgetting ``make compiled``, not against tampering, so a CRC does.
    """
    crc = start
    for path in sorted(files):
        crc = zlib.crc32(path.name.encode() + b"\0", crc)
        crc = zlib.crc32(path.read_bytes(), crc)
    return f"{crc:08x}"


@cache
def library_digest() -> str:
    """The checksum of the figure library's YAML as it is now."""
    return digest_of(LIBRARY_FOLDER.glob("*.yaml"))


@cache
def _compiled() -> CompiledFigures | None:
    try:
        data = msgspec.msgpack.decode(DATA_FILE.read_bytes(), type=CompiledFigures)
    except (OSError, msgspec.DecodeError):
        return None
    return data if data.digest == library_digest() else None


def compiled_figure(name: str) -> Figure | None:
    """The library figure ``name`` as compiled, or None when the compiled data cannot be used."""
    data = _compiled()
    raw = None if data is None else data.figures.get(name)
    return None if raw is None else msgspec.msgpack.decode(raw, type=Figure)
