"""The Textual app in the person's language: its own words and Textual's."""

from __future__ import annotations

import ast
import inspect

import textual.app

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


def test_system_commands_keep_what_they_do() -> None:
    command = textual.app.SystemCommand("Quit", "Quit the application as soon as possible", print)
    (shown,) = translated_commands([command])
    assert shown.callback is print
    assert (shown.title, shown.help) == ("Quit", "Quit the application as soon as possible")
