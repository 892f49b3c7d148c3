"""A session started by name shows its first frame without the picker, summary or editing code."""

from __future__ import annotations

from fresh_imports import loaded_after

#: Screens and code a session reaches only later, if at all.
LATER = [
    "babel",  # dates and numbers in the language: history and stats only
    "stretchtimer.editing",
    "stretchtimer.tui.routine_editing",
    "stretchtimer.tui.screens.help",
    "stretchtimer.tui.screens.new_name",
    "stretchtimer.tui.screens.confirm",
    "stretchtimer.tui.screens.palette",
    "stretchtimer.tui.screens.picker",
    "stretchtimer.tui.screens.summary",
]


def test_a_session_by_name_starts_without_the_other_screens() -> None:
    code = (
        "import asyncio\n"
        "from stretchtimer import catalog\n"
        "from stretchtimer.session.clock import FakeClock\n"
        "from stretchtimer.config import Config\n"
        "from stretchtimer.tui.app import StretchApp\n"
        "from stretchtimer.tui.screens.session import SessionScreen\n"
        "async def first_frame():\n"
        "    app = StretchApp(catalog.load('desk-break'), config=Config(), clock=FakeClock())\n"
        "    async with app.run_test(size=(80, 24)) as pilot:\n"
        "        await pilot.pause()\n"
        "        assert isinstance(app.screen, SessionScreen), app.screen\n"
        "        # Nothing under it: no empty screen of Textual's was styled and laid out first.\n"
        "        assert app.screen_stack == [app.screen], app.screen_stack\n"
        "asyncio.run(first_frame())\n"
    )
    assert loaded_after(code, LATER) == []


def test_the_picker_start_loads_the_picker() -> None:
    # The same probe sees a screen that is used: the test above cannot pass by looking nowhere.
    code = (
        "import asyncio\n"
        "from stretchtimer.session.clock import FakeClock\n"
        "from stretchtimer.config import Config\n"
        "from stretchtimer.tui.app import StretchApp\n"
        "async def first_frame():\n"
        "    app = StretchApp(None, config=Config(), clock=FakeClock())\n"
        "    async with app.run_test(size=(80, 24)) as pilot:\n"
        "        await pilot.pause()\n"
        "        assert type(app.screen).__name__ == 'PickerScreen', app.screen\n"
        "asyncio.run(first_frame())\n"
    )
    assert "stretchtimer.tui.screens.picker" in loaded_after(code, LATER)
