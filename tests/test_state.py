"""The app's own notes between runs: read whole or not at all, written by replacing."""

from __future__ import annotations

from pathlib import Path

from stretchtimer import locations
from stretchtimer.state import (
    State,
    caution_is_new,
    read_state,
    remember_caution,
    remember_routine,
    write_state,
)


def test_it_lives_in_the_state_folder_and_survives_a_new_reader(tmp_path: Path) -> None:
    remember_routine("Desk break")
    assert locations.state_file().is_file()
    assert "state" in locations.state_file().parent.parent.name  # ~/.local/state/stretchtimer
    assert read_state().last_routine == "Desk break"
    assert [p.name for p in locations.state_dir().iterdir()] == ["state.json"]  # no leftovers


def test_a_damaged_or_strange_file_reads_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    for text in ("", "{", '{"last_routine": 3}', "[]"):
        path.write_text(text)
        assert read_state(path) == State()
    assert read_state(tmp_path / "missing.json") == State()


def test_a_write_that_cannot_happen_is_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "state.json"
    folder.mkdir()  # a folder where the file should be
    assert not write_state(State(last_routine="x"), folder)
    assert list(tmp_path.iterdir()) == [folder]  # no temporary file left behind


def test_a_caution_is_new_until_shown_and_again_when_it_changes(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    assert caution_is_new("Desk break", "Stop if it hurts.", path)
    remember_caution("Desk break", "Stop if it hurts.", path)
    assert not caution_is_new("Desk break", "Stop if it hurts.", path)
    assert not caution_is_new("Desk break", "  Stop if it hurts.\n", path)
    assert caution_is_new("Desk break", "Stop if it hurts, or tingles.", path)
    assert caution_is_new("Other", "Stop if it hurts.", path)
    assert not caution_is_new("No caution", "", path)
    remember_routine("Desk break", path)
    assert not caution_is_new("Desk break", "Stop if it hurts.", path)  # kept beside it
