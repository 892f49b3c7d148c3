"""A user's routine file kept as loaded, so starting it again needs no YAML parser.

Importing PyYAML and walking a file through the loader is most of what a start
does beyond Textual's own work; the bundled routines avoid it with data compiled
ahead (``compiled_routines``), a user's files with this cache. Each file's entry
sits in the user cache folder, named after the file's path, and holds what the
routine was loaded from: the path, size and modification time, the app's version,
the language the text was shown in, a checksum of the bundled routines and
figures (an ``easier:`` step or a library figure comes from them), and the file's
bytes themselves. An entry is used only when all of these match the file as it is
read now, bytes compared in full: a file edited with its size and time put back is
still read from its YAML. A missing, unreadable or broken entry is passed over and
written again; the cache folder may be deleted at any time.
"""

from __future__ import annotations

import contextlib
import os
import zlib
from pathlib import Path
from types import MappingProxyType
from typing import Any

import msgspec

from stretchtimer import __version__, locations
from stretchtimer.compiled_routines import sources_digest
from stretchtimer.i18n import current_language
from stretchtimer.routine import Routine

#: Entries of another layout are passed over: bump when ``Entry`` changes.
LAYOUT = 1


class Entry(msgspec.Struct, frozen=True):
    layout: int
    version: str
    language: str
    bundled: str
    path: str
    size: int
    mtime_ns: int
    source: bytes
    routine: msgspec.Raw


def entry_file(path: Path) -> Path:
    """Where the entry of the routine file at ``path`` lives (one per file)."""
    name = str(path.resolve())
    return locations.cache_dir() / "routines" / f"{zlib.crc32(name.encode()):08x}.msgpack"


def key(path: Path, data: bytes) -> dict[str, Any] | None:
    """What an entry must match to stand for ``data`` read at ``path`` (None: no such file).

    Taken once a start and given to both ``cached`` and ``remember``: it reads
    every bundled routine for their checksum.
    """
    try:
        stat = path.stat()
    except OSError:
        return None
    return {
        "layout": LAYOUT,
        "version": __version__,
        "language": current_language(),
        "bundled": sources_digest(locations.bundled_routines_dir()),
        "path": str(path.resolve()),
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "source": data,
    }


def _encode(value: object) -> object:
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, MappingProxyType):
        return dict(value)
    raise NotImplementedError  # msgspec then says which type it cannot encode


def _decode(kind: type, value: Any) -> object:
    if kind is Path:
        return Path(value)
    raise NotImplementedError  # msgspec then says which type it cannot decode


def cached(path: Path, wanted: dict[str, Any] | None) -> Routine | None:
    """The routine the file at ``path`` loads to, if its entry matches ``wanted`` (``key``)."""
    if wanted is None:
        return None
    try:
        entry = msgspec.msgpack.decode(entry_file(path).read_bytes(), type=Entry)
        if any(getattr(entry, name) != value for name, value in wanted.items()):
            return None
        routine = msgspec.msgpack.decode(entry.routine, type=Routine, dec_hook=_decode)
    except (OSError, ValueError):  # missing, unreadable, or not an entry (DecodeError)
        return None
    return msgspec.structs.replace(routine, source=path)


def remember(path: Path, wanted: dict[str, Any] | None, routine: Routine) -> None:
    """Keep ``routine``, loaded from the file at ``path`` as ``wanted`` says, for the next start.

    Written to a new file then renamed over the old entry, so a reader sees a
    whole entry or none; failing to write only costs the next start its time.
    """
    if wanted is None:
        return
    target = entry_file(path)
    scratch = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        raw = msgspec.Raw(msgspec.msgpack.encode(routine, enc_hook=_encode))
        target.parent.mkdir(parents=True, exist_ok=True)
        scratch.write_bytes(msgspec.msgpack.encode(Entry(**wanted, routine=raw)))
        os.replace(scratch, target)
    except (OSError, TypeError, NotImplementedError):
        with contextlib.suppress(OSError):
            scratch.unlink(missing_ok=True)
