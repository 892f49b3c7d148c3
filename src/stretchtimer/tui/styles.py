"""Which stylesheet each screen reads, and when: a screen's rules only once it is shown.

Textual parses every rule it has before the first frame, and matches each
widget against them. The app's own file (``app.tcss``) holds the rules for
every screen; each main screen and the dialogs have a file of their own
beside them, named by the screen's ``CSS_PATH``, so a session started by
name parses the session's rules and not the picker's, the summary's, the
dialogs' or the reminder's (about 2.5% of the instructions to its first
frame).

Textual reads a pushed or switched-in screen's file itself, and then parses
every rule again and restyles every widget. The first screen it never reads
at all (it is Textual's default screen, ``App.get_default_screen``), so the
app reads that one's (``read_first``); the others are read once the first
frame is out (``read_the_rest``), so that no later screen waits for a
reparse.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App
from textual.screen import Screen

FOLDER = Path(__file__).resolve().parent / "screens"
SESSION = FOLDER / "session.tcss"
PICKER = FOLDER / "picker.tcss"
SUMMARY = FOLDER / "summary.tcss"
DIALOGS = FOLDER / "dialogs.tcss"
REMINDER = FOLDER / "reminder.tcss"
#: In the order their rules stood in one file before: a later rule wins a tie.
EVERY_SCREEN = (SESSION, PICKER, SUMMARY, DIALOGS, REMINDER)


def _read(app: App[Any], paths: list[Path] | tuple[Path, ...]) -> bool:
    """Add the files the app's stylesheet does not hold yet; whether there were any."""
    added = False
    for path in paths:
        if not app.stylesheet.has_source(str(path)):
            app.stylesheet.read(path)
            added = True
    return added


def read_first(app: App[Any], screen: Screen[Any]) -> None:
    """Add the first screen's rules, before anything is styled."""
    _read(app, screen.css_path)


def read_the_rest(app: App[Any]) -> None:
    """Add (and parse) every other screen's rules, so a later screen finds its own there."""
    if _read(app, EVERY_SCREEN):
        app.stylesheet.parse()
