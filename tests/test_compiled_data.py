"""The bundled routines and figures compiled ahead: what ships is what the YAML makes,
in every language, and a user's file or an edited bundled one is still read as YAML."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fresh_imports import loaded_after

from stretchtimer import catalog, compiled_routines, compiling, locations
from stretchtimer.bundled_steps import bundled_step
from stretchtimer.figures.compiled import compiled_figure
from stretchtimer.figures.library import LIBRARY_DIR, library_names, read_figure_file
from stretchtimer.i18n import catalog_languages, use_language
from stretchtimer.loader import load_routine


def test_the_compiled_files_are_what_the_yaml_makes_now() -> None:
    for path, data in compiling.outputs().items():
        assert path.read_bytes() == data, f"{path.name} is stale: run make compiled"


@pytest.mark.parametrize("language", ["en", *catalog_languages()])
def test_each_bundled_routine_comes_compiled_as_its_yaml_loads(language: str) -> None:
    use_language([language])
    for path in compiled_routines.routine_files(locations.bundled_routines_dir()):
        compiled = compiled_routines.compiled_routine(path)
        assert compiled is not None, path
        assert compiled == load_routine(path, bundled_step), path
        assert compiled.source == path


def test_a_german_start_shows_the_german_text() -> None:
    use_language(["de"])
    routine = catalog.load("desk-break")
    assert routine.shown_language == "de"
    assert routine.name != routine.key  # translated, and known by its own name


def test_each_bundled_figure_comes_compiled_as_its_yaml_reads() -> None:
    for name in library_names():
        assert compiled_figure(name) == read_figure_file(LIBRARY_DIR / f"{name}.yaml"), name


def test_a_user_file_named_like_a_bundled_routine_still_wins() -> None:
    folder = locations.user_routines_dir()
    folder.mkdir(parents=True)
    text = (locations.bundled_routines_dir() / "desk-break.yaml").read_text(encoding="utf-8")
    own = text.replace("name: Desk break", "name: My desk break", 1)
    assert own != text
    (folder / "desk-break.yaml").write_text(own, encoding="utf-8")
    assert catalog.load("desk-break").name == "My desk break"
    entry = next(e for e in catalog.discover() if e.name == "desk-break")
    assert (entry.origin, entry.routine and entry.routine.name) == ("user", "My desk break")


def test_a_bundled_file_edited_since_compiling_is_read_from_its_yaml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "routines"
    shutil.copytree(locations.bundled_routines_dir(), folder)
    monkeypatch.setattr(locations, "bundled_routines_dir", lambda: folder)
    # Unchanged, the copy is what was compiled: the data is used.
    assert compiled_routines.compiled_routine(folder / "desk-break.yaml") is not None
    compiled_routines._compiled.cache_clear()
    path = folder / "desk-break.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("name: Desk break", "name: Edited break", 1),
        encoding="utf-8",
    )
    assert compiled_routines.compiled_routine(path) is None
    assert catalog.load("desk-break").name == "Edited break"


def test_the_picker_and_list_read_no_yaml() -> None:
    code = (
        "from stretchtimer import catalog\n"
        "entries = catalog.discover()\n"
        "assert all(not e.broken for e in entries), entries\n"
        "for e in entries:\n"
        "    for i in range(len(e.routine.steps)):\n"
        "        e.routine.figure_for(i)\n"
    )
    assert loaded_after(code, ["yaml"]) == []
    # The same probe sees YAML read where it is (a routine of the user's, which the
    # subprocess finds in this test's folders): the line above cannot pass by looking nowhere.
    folder = locations.user_routines_dir()
    folder.mkdir(parents=True)
    shutil.copy(locations.bundled_routines_dir() / "desk-break.yaml", folder / "mine.yaml")
    assert "yaml" in loaded_after(code, ["yaml"])
