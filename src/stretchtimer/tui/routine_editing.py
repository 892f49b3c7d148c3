"""Editing routines from the picker: the editor gets the terminal, the list gets the result.

The app hands each request here when it comes (``e`` and ``n`` in the
picker), so neither this module nor the editing code is imported before a
session's first frame.
"""

from __future__ import annotations

import os
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, assert_never

from textual.app import SuspendNotSupported

from stretchtimer import locations
from stretchtimer.editing import (
    EditError,
    Outcome,
    create_routine,
    edit_in_terminal,
    editable,
    new_routine_path,
)
from stretchtimer.i18n import _, ngettext
from stretchtimer.tui.messages import NewRoutineRequestedMessage
from stretchtimer.tui.screens.new_name import NewRoutineName
from stretchtimer.tui.screens.picker import PickerScreen

if TYPE_CHECKING:
    from stretchtimer.tui.app import StretchApp


def edit_routine(app: StretchApp, path: Path) -> None:
    """Open the routine at ``path`` in the editor (a bundled one is copied first)."""
    try:
        target = editable(path)
    except EditError as exc:
        app.notify(str(exc), title=_("Cannot edit"), severity="error", markup=False)
        return
    if target.copied_from is not None:
        app.notify(
            _("{routine} is bundled: you are editing your own copy.").format(
                routine=target.path.stem
            ),
            markup=False,
        )
    app.call_after_refresh(_edit_in_terminal, app, target.path)


def new_routine(app: StretchApp, request: NewRoutineRequestedMessage) -> None:
    """Ask for the new routine's name, make it from its source, then edit it."""

    def named(name: str | None) -> None:
        if name is None:
            return
        try:
            path = create_routine(name, source=request.source)
        except EditError as exc:
            app.notify(str(exc), title=_("Cannot create"), severity="error", markup=False)
            return
        app.call_after_refresh(_edit_in_terminal, app, path)

    source_name = request.source.stem if request.source else None
    app.push_screen(NewRoutineName(request.suggested_name, source_name, problem_with_name), named)


def _edit_in_terminal(app: StretchApp, path: Path) -> None:
    """Hand the terminal to the editor (the edit loop runs there), then show the result."""
    edit = app.editor or edit_in_terminal
    try:
        with _terminal_for_editor(app):
            result = edit(path)
    except SuspendNotSupported:
        app.notify(
            _("An editor cannot be opened from here; run 'stretchtimer edit {routine}'.").format(
                routine=path.stem
            ),
            severity="error",
            markup=False,
        )
        return
    except EditError as exc:
        app.notify(str(exc), title=_("Cannot edit"), severity="error", markup=False)
        return
    finally:
        if isinstance(app.main_screen, PickerScreen):
            app.main_screen.reload(highlight=path.stem)
    match result.outcome:
        case Outcome.VALID if result.routine is not None:
            count = len(result.routine.steps)
            saved = ngettext("{routine}: saved, {n} step.", "{routine}: saved, {n} steps.", count)
            app.notify(saved.format(routine=result.name, n=count), markup=False)
        case Outcome.VALID | Outcome.KEPT:
            app.notify(
                _("{routine} was kept with problems; the list shows them.").format(
                    routine=result.name
                ),
                severity="warning",
                markup=False,
            )
        case _:
            assert_never(result.outcome)


def _terminal_for_editor(app: StretchApp) -> AbstractContextManager[None]:
    """The real terminal, suspended for the editor; a headless app has none to hand over."""
    return nullcontext() if app.is_headless else app.suspend()


def problem_with_name(name: str) -> str | None:
    """What is wrong with a new routine's name, said without the folder (the dialog is narrow)."""
    try:
        new_routine_path(name)
    except EditError as exc:
        return str(exc).replace(f"{locations.user_routines_dir()}{os.sep}", "")
    return None
