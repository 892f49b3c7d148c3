"""Writing the compiled bundled data (``make compiled``): the figure library and every
bundled routine in every language, read through the same loader as any YAML file.

Kept apart from the readers (``compiled_routines``, ``figures.compiled``) so that a
start never imports the loader. Encoding is deterministic (sorted names), so a test
can check the committed files byte for byte against what the YAML makes now.
"""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

import msgspec

from stretchtimer import compiled_routines, locations
from stretchtimer.bundled_steps import bundled_step
from stretchtimer.figures import compiled as compiled_figures
from stretchtimer.figures.library import LIBRARY_DIR, library_names, read_figure_file
from stretchtimer.i18n import catalog_languages, current_language, use_language
from stretchtimer.loader import load_routine


def _enc_hook(folder: Path) -> msgspec.msgpack.Encoder:
    def hook(value: object) -> object:
        if isinstance(value, MappingProxyType):
            return dict(value)
        return compiled_routines.encode_path(value, folder)

    return msgspec.msgpack.Encoder(enc_hook=hook)


def figures_data() -> bytes:
    """The figure library, each figure read from its YAML (never from compiled data)."""
    encoder = _enc_hook(LIBRARY_DIR)
    figures = {
        name: msgspec.Raw(encoder.encode(read_figure_file(LIBRARY_DIR / f"{name}.yaml")))
        for name in library_names()
    }
    data = compiled_figures.CompiledFigures(
        compiled_figures.digest_of(LIBRARY_DIR.glob("*.yaml")), figures
    )
    return encoder.encode(data)


def routines_data() -> bytes:
    """Every bundled routine loaded in English and in each language with a catalog.

    The language is switched for each load as a start would have it, so an
    ``easier:`` that names another routine's step gets that step's translation too.
    """
    folder = locations.bundled_routines_dir()
    encoder = _enc_hook(folder)
    before = current_language()
    routines: dict[str, dict[str, msgspec.Raw]] = {}
    try:
        for language in ["en", *catalog_languages()]:
            use_language([language])
            for path in compiled_routines.routine_files(folder):
                routine = msgspec.structs.replace(load_routine(path, bundled_step), source=None)
                routines.setdefault(path.name, {})[language] = msgspec.Raw(encoder.encode(routine))
    finally:
        use_language([before])
    digest = compiled_routines.sources_digest(folder)
    return encoder.encode(compiled_routines.CompiledRoutines(digest, routines))


def outputs() -> dict[Path, bytes]:
    """Each compiled file and what it should hold, from the YAML as it is now."""
    return {
        compiled_figures.DATA_FILE: figures_data(),
        compiled_routines.DATA_FILE: routines_data(),
    }


def write() -> list[Path]:
    """Write every compiled file; the ones whose bytes changed."""
    changed = []
    for path, data in outputs().items():
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
            changed.append(path)
    return changed
