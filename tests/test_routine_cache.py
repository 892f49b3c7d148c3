"""A user's routine file kept as loaded: used while the file is the same, never after."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fresh_imports import loaded_after

from stretchtimer import catalog, locations, routine_cache
from stretchtimer.bundled_steps import bundled_step
from stretchtimer.loader import load_routine

ROUTINE = """\
name: Wrists
steps:
  - name: Wrist circles
    hold: 20s
  - name: Finger stretch
    hold: 15s
    easier: Neck flexion
"""


@pytest.fixture
def wrists() -> Path:
    path = locations.user_routines_dir() / "wrists.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ROUTINE, encoding="utf-8")
    return path


def test_a_second_start_reads_the_kept_routine_which_is_what_the_yaml_loads(
    wrists: Path,
) -> None:
    first = catalog.load("wrists")
    entry = routine_cache.entry_file(wrists)
    assert entry.is_file()
    kept = routine_cache.cached(wrists, routine_cache.key(wrists, wrists.read_bytes()))
    assert kept is not None
    assert kept == first == load_routine(wrists, bundled_step)
    assert catalog.load("wrists") == first


def test_an_edit_that_keeps_the_size_and_time_is_still_seen(wrists: Path) -> None:
    catalog.load("wrists")
    before = wrists.stat()
    edited = ROUTINE.replace("hold: 20s", "hold: 30s")  # the same size
    assert len(edited) == len(ROUTINE)
    wrists.write_text(edited, encoding="utf-8")
    os.utime(wrists, ns=(before.st_atime_ns, before.st_mtime_ns))  # and its time put back
    assert wrists.stat().st_size == before.st_size
    assert wrists.stat().st_mtime_ns == before.st_mtime_ns
    assert catalog.load("wrists").steps[0].hold == 30
    # The entry now holds the new text: the next start reads it kept.
    assert routine_cache.cached(
        wrists, routine_cache.key(wrists, wrists.read_bytes())
    ) == catalog.load("wrists")


@pytest.mark.parametrize("content", [b"", b"\x93not msgpack", b"\x81\xa6layout\x01"])
def test_a_broken_entry_is_passed_over_and_written_again(wrists: Path, content: bytes) -> None:
    expected = load_routine(wrists, bundled_step)
    entry = routine_cache.entry_file(wrists)
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_bytes(content)
    assert catalog.load("wrists") == expected
    assert routine_cache.cached(wrists, routine_cache.key(wrists, wrists.read_bytes())) == expected


def test_an_entry_of_another_file_or_language_is_not_used(wrists: Path, tmp_path: Path) -> None:
    catalog.load("wrists")
    other = tmp_path / "wrists.yaml"
    other.write_text(ROUTINE, encoding="utf-8")
    # Another path whose entry would land in the same place is told apart by its path.
    routine_cache.entry_file(other).parent.mkdir(parents=True, exist_ok=True)
    routine_cache.entry_file(wrists).replace(routine_cache.entry_file(other))
    assert routine_cache.cached(wrists, routine_cache.key(wrists, wrists.read_bytes())) is None
    catalog.load("wrists")
    from stretchtimer.i18n import use_language

    use_language(["de"])
    assert routine_cache.cached(wrists, routine_cache.key(wrists, wrists.read_bytes())) is None


def test_a_folder_that_cannot_be_written_costs_only_the_time(wrists: Path) -> None:
    locations.cache_dir().mkdir(parents=True, exist_ok=True)
    (locations.cache_dir() / "routines").write_text("a file where the folder would be")
    assert catalog.load("wrists") == load_routine(wrists, bundled_step)


def test_a_kept_user_routine_starts_without_the_yaml_parser(wrists: Path) -> None:
    catalog.load("wrists")
    code = "from stretchtimer import catalog\nassert catalog.load('wrists').name == 'Wrists'\n"
    assert loaded_after(code, ["yaml", "stretchtimer.loader"]) == []
    # The same probe sees the parser when there is nothing kept.
    routine_cache.entry_file(wrists).unlink()
    assert "yaml" in loaded_after(code, ["yaml", "stretchtimer.loader"])
