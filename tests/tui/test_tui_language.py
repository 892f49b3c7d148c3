"""The Textual app in the person's language: its own words and Textual's."""

from __future__ import annotations

import ast
import inspect

import textual.app
from tui_helpers import make_app, screen_text, two_step_routine

from stretchtimer.i18n import _, use_language
from stretchtimer.session.clock import FakeClock
from stretchtimer.tui.screens.confirm import ConfirmQuit
from stretchtimer.tui.screens.palette import TEXTUAL_COMMAND_WORDS, translated_commands


def test_every_word_of_textuals_system_commands_is_marked() -> None:
    """An upgrade of Textual that words a command anew would leave it in English: caught here."""
    tree = ast.parse(inspect.getsource(textual.app))
    words = {
        arg.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "SystemCommand"
        for arg in node.args[:2]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
    }
    assert words  # the commands are still made where this looks
    assert words <= set(TEXTUAL_COMMAND_WORDS)


def test_system_commands_are_translated_and_keep_what_they_do() -> None:
    use_language(["en_XA"])
    command = textual.app.SystemCommand("Quit", "Quit the application as soon as possible", print)
    (shown,) = translated_commands([command])
    assert shown.callback is print
    assert shown.title == _("Quit") != "Quit"
    assert shown.help == _("Quit the application as soon as possible")


async def test_a_dialog_in_longer_words_wraps_inside_a_narrow_terminal() -> None:
    """At 40x12 a dialog asks in full; its longer lines wrap between words, none runs off."""
    use_language(["en_XA"])
    app = make_app(two_step_routine(), clock=FakeClock())
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmQuit)
        assert app.screen.query_one(".dialog").region.right <= 40
        shown = screen_text(app)
        answers = _("{yes}  yes, show the summary\nany other key  no, carry on").format(yes="y")
        assert len(max(answers.splitlines(), key=len)) > 40 - 6  # longer than the room inside
        assert [word for word in answers.split() if word not in shown] == []


async def test_ctrl_c_says_how_to_quit_in_the_persons_language() -> None:
    use_language(["en_XA"])
    app = make_app(clock=FakeClock())
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        shown = screen_text(app)
        assert _("Do you want to quit?") in shown
        assert "Do you want to quit?" not in shown
