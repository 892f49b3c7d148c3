"""The command line shows a routine in the language it speaks, from the routine's own file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from stretchtimer import i18n
from stretchtimer.cli import main


@pytest.fixture
def speaking(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The app speaks German: an (empty) German catalog exists and the environment asks for it.

    The catalog is empty on purpose: what is German here comes from the routine file.
    """
    for language in ("de", "es"):
        folder = tmp_path / language / "LC_MESSAGES"
        folder.mkdir(parents=True)
        with (folder / f"{i18n.DOMAIN}.mo").open("wb") as mo:
            write_mo(mo, Catalog(locale=language))
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    monkeypatch.setenv("LANGUAGE", "de")
    assert i18n.use_language(["de"]) == "de"
    yield
    monkeypatch.undo()
    i18n.use_language(["en"])


def test_show_json_gives_the_german_text_of_desk_break(
    speaking: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", "desk-break", "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["name"] == "Schreibtischpause"
    assert plan["caution"].startswith("Bewegen Sie sich langsam")
    first = plan["steps"][0]
    assert first["name"] == "Schulterkreisen"
    assert first["instructions"][0].startswith("Setzen Sie sich aufrecht")
    assert first["sides"] == [] and first["sets"] == 3 and first["hold"] == 8  # as in English
    assert plan["steps"][0]["kind"] == "stretch"  # values stay English


def test_show_lists_the_german_step_names(
    speaking: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", "desk-break"]) == 0
    out = capsys.readouterr().out
    assert "Schreibtischpause" in out
    assert "Seitliche Nackendehnung" in out and "Upper trapezius stretch" not in out


def test_a_step_rated_by_its_german_name_changes_the_english_plan(
    speaking: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["rate", "desk-break", "Seitliche Nackendehnung", "easy"]) == 0
    assert main(["rate", "desk-break", "3", "easy"]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said[0] == "Schreibtischpause: Seitliche Nackendehnung rated easy."
    monkeypatch.setenv("LANGUAGE", "en")
    i18n.use_language(["en"])
    assert main(["show", "desk-break", "--json"]) == 0
    step = json.loads(capsys.readouterr().out)["steps"][2]
    assert step["name"] == "Upper trapezius stretch"
    assert step["hold"] > 25 and step["adapted"]  # two easy ratings lengthen the hold
