"""The picker and the routine folder: it follows changes, and edits and copies routines.

These run on the real catalog (bundled routines plus the test's own empty
routine folder), with a stand-in editor script in place of a person's editor.
"""

from __future__ import annotations

import stat
from pathlib import Path

from textual import events
from textual.message import Message
from textual.pilot import Pilot
from tui_helpers import screen_text

from stretchtimer import locations
from stretchtimer.catalog import RoutineEntry, discover
from stretchtimer.config import Config
from stretchtimer.editing import EditResult, edit_until_valid
from stretchtimer.session.clock import FakeClock
from stretchtimer.tui.app import StretchApp
from stretchtimer.tui.messages import EditRequestedMessage, NewRoutineRequestedMessage
from stretchtimer.tui.screens.new_name import NewRoutineName
from stretchtimer.tui.screens.picker import PickerScreen

MINE = "name: {title}\nsteps:\n  - name: Neck tilt\n    hold: 20\n"


def write_routine(name: str, title: str) -> Path:
    folder = locations.user_routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(MINE.format(title=title), encoding="utf-8")
    return path


def stand_in_editor(folder: Path, body: str) -> list[str]:
    path = folder / "editor.sh"
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return [str(path)]


def make(clock: FakeClock, *, every: float = 3600, editor: list[str] | None = None) -> StretchApp:
    def edit(path: Path) -> EditResult:
        assert editor is not None, "no editor in this test"
        return edit_until_valid(path, editor=editor, ask=None, say=lambda _: None)

    return StretchApp(None, config=Config(), clock=clock, folder_check_seconds=every, edit=edit)


def picker(app: StretchApp) -> PickerScreen:
    assert isinstance(app.screen, PickerScreen), app.screen
    return app.screen


def highlighted(app: StretchApp) -> str:
    entry = picker(app).highlighted_entry()
    assert entry is not None
    return entry.name


async def settle(pilot: Pilot[int]) -> None:
    """Let the app handle what is queued and draw the result."""
    for _ in range(3):
        await pilot.pause()


async def highlight(app: StretchApp, pilot: Pilot[int], name: str) -> None:
    for _ in range(20):
        if highlighted(app) == name:
            return
        await pilot.press("down")
    raise AssertionError(f"{name} is not in the list")


async def test_a_changed_file_is_reloaded_and_stays_highlighted(clock: FakeClock) -> None:
    path = write_routine("mine", "Mine")
    app = make(clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await highlight(app, pilot, "mine")
        assert "Mine\n" in screen_text(app)
        path.write_text(MINE.format(title="Mine, changed").replace("20", "45"))
        app.post_message(events.AppFocus())  # back from the editor's window
        await pilot.pause()
        text = screen_text(app)
        assert "Mine, changed" in text
        assert " 1. Neck tilt  0:50" in text  # 5 s to get ready, then the hold
        assert highlighted(app) == "mine"

        write_routine("aaa-first", "First of all")  # sorts before everything, moving "mine" down
        app.post_message(events.AppFocus())
        await settle(pilot)
        assert "aaa-first" in screen_text(app)
        assert highlighted(app) == "mine"

        path.write_text("name: Mine\nsteps:\n  - name: x\n    hodl: 5\n")
        app.post_message(events.AppFocus())
        await settle(pilot)
        assert "unknown key 'hodl'" in screen_text(app)

        path.unlink()
        app.post_message(events.AppFocus())
        await settle(pilot)
        assert "mine" not in [e.name for e in picker(app).entries]
        assert highlighted(app) == "morning-warmup"  # the one that took its place


async def test_the_picker_notices_on_its_own_while_open(clock: FakeClock) -> None:
    app = make(clock, every=0.05)
    async with app.run_test(size=(100, 40)) as pilot:
        assert "new-one" not in screen_text(app)
        write_routine("new-one", "A new one")
        for _ in range(100):
            await pilot.pause(0.05)
            if "new-one" in screen_text(app):
                break
        assert "new-one" in screen_text(app)
        assert highlighted(app) == "back-and-hips"


async def test_e_edits_a_bundled_routine_as_a_copy_of_your_own(
    clock: FakeClock, tmp_path: Path
) -> None:
    editor = stand_in_editor(tmp_path, "sed -i 's/^name: .*/name: My desk break/' \"$1\"")
    bundled = locations.bundled_routines_dir() / "desk-break.yaml"
    before = bundled.read_text()
    posted: list[Message] = []
    app = make(clock, editor=editor)
    async with app.run_test(
        size=(100, 40), message_hook=posted.append, notifications=True
    ) as pilot:
        await highlight(app, pilot, "desk-break")
        await pilot.press("e")
        await settle(pilot)
        edits = {
            id(m): m for m in posted if isinstance(m, EditRequestedMessage)
        }  # seen as it bubbles
        assert [m.path for m in edits.values()] == [bundled]
        copy = locations.user_routines_dir() / "desk-break.yaml"
        assert copy.read_text().splitlines()[1] == "name: My desk break"
        assert bundled.read_text() == before
        text = screen_text(app)
        assert "desk-break  user" in text
        assert "My desk break" in text
        assert "desk-break: saved, 5 steps." in text
        assert highlighted(app) == "desk-break"


async def test_a_broken_edit_is_kept_and_shown_in_the_list(
    clock: FakeClock, tmp_path: Path
) -> None:
    write_routine("mine", "Mine")
    editor = stand_in_editor(tmp_path, "sed -i 's/hold:/hodl:/' \"$1\"")
    app = make(clock, editor=editor)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await highlight(app, pilot, "mine")
        await pilot.press("e")
        await settle(pilot)
        text = screen_text(app)
        assert "mine  user  broken" in text
        assert "unknown key 'hodl'" in text
        assert "kept with problems" in text
        assert "hodl: 20" in (locations.user_routines_dir() / "mine.yaml").read_text()


async def test_n_copies_the_highlighted_routine_under_a_name_of_your_choice(
    clock: FakeClock, tmp_path: Path
) -> None:
    write_routine("taken", "Taken")
    editor = stand_in_editor(tmp_path, "sed -i 's/^name: .*/name: Copied/' \"$1\"")
    posted: list[Message] = []
    app = make(clock, editor=editor)
    async with app.run_test(
        size=(100, 40), message_hook=posted.append, notifications=True
    ) as pilot:
        await highlight(app, pilot, "neck-and-shoulders")
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewRoutineName)
        asked = {id(m): m for m in posted if isinstance(m, NewRoutineRequestedMessage)}
        assert [m.suggested_name for m in asked.values()] == ["my-neck-and-shoulders"]
        assert "A copy of neck-and-shoulders" in screen_text(app)

        await pilot.press("ctrl+a", "ctrl+k", *"taken", "enter")  # a name already in use
        await pilot.pause()
        assert isinstance(app.screen, NewRoutineName)
        assert "taken.yaml already exists" in screen_text(app)

        await pilot.press("ctrl+a", "ctrl+k", *"neck-2", "enter")
        await settle(pilot)
        copy = locations.user_routines_dir() / "neck-2.yaml"
        assert copy.read_text().splitlines()[1] == "name: Copied"
        assert highlighted(app) == "neck-2"
        assert "neck-2: saved" in screen_text(app)


async def test_escape_in_the_name_dialog_creates_nothing(clock: FakeClock) -> None:
    app = make(clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert not locations.user_routines_dir().exists()


async def test_edit_and_new_keys_are_in_the_help(clock: FakeClock) -> None:
    app = make(clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        assert "Edit the highlighted routine in your editor" in text
        assert "A new routine of your own" in text


async def test_n_in_an_empty_list_starts_from_the_template(
    clock: FakeClock, tmp_path: Path
) -> None:
    editor = stand_in_editor(tmp_path, "true")
    found: list[RoutineEntry] = []

    def edit(path: Path) -> EditResult:
        result = edit_until_valid(path, editor=editor, ask=None, say=lambda _: None)
        found[:] = discover()
        return result

    app = StretchApp(None, config=Config(), clock=clock, discover=lambda: list(found), edit=edit)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        assert "n makes one" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        assert "A short routine to start from" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        made = locations.user_routines_dir() / "my-break.yaml"
        assert made.read_text().startswith("# yaml-language-server: $schema=")
        assert highlighted(app) == "my-break"
        assert "my-break: saved, 2 steps." in screen_text(app)
