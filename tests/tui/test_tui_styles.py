"""Each screen's rules are read when it is first needed: the first screen's before the
first frame, the rest after it, so no later screen makes Textual parse everything again."""

from __future__ import annotations

from pathlib import Path

from tui_helpers import make_app, settle, two_step_routine

from stretchtimer.tui import styles
from stretchtimer.tui.screens.help import HelpScreen


def read(app: object) -> list[Path]:
    return [p for p in styles.EVERY_SCREEN if app.stylesheet.has_source(str(p))]  # type: ignore[attr-defined]


def test_a_session_by_name_reads_only_the_session_rules_before_it_is_styled() -> None:
    app = make_app(two_step_routine())
    app.get_default_screen()
    assert read(app) == [styles.SESSION]


def test_the_picker_start_reads_only_the_picker_rules_before_it_is_styled() -> None:
    app = make_app(None)
    app.get_default_screen()
    assert read(app) == [styles.PICKER]


async def test_a_dialog_after_the_first_frame_needs_no_new_parse() -> None:
    app = make_app(two_step_routine())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert read(app) == list(styles.EVERY_SCREEN)
        reparses: list[bool] = []
        parse = app.stylesheet.reparse
        app.stylesheet.reparse = lambda: (reparses.append(True), parse())[1]  # type: ignore[method-assign]
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.styles.align_horizontal == "center"  # dialogs.tcss
        assert reparses == []
