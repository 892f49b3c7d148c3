"""The reminder's core and its adapters stay free of the screen toolkit."""

from __future__ import annotations

from fresh_imports import loaded_after

CORE = [
    "stretchtimer.remind.scheduler",
    "stretchtimer.remind.plan",
    "stretchtimer.remind.display",
    "stretchtimer.remind.build",
    "stretchtimer.remind.settings",
    "stretchtimer.remind.today",
    "stretchtimer.idle.selection",
    "stretchtimer.remind.do_not_disturb",
    "stretchtimer.bus",
    "stretchtimer.remind.service",
]


def test_the_scheduler_and_its_adapters_never_import_textual() -> None:
    code = "".join(f"import {name}\n" for name in CORE)
    # D-Bus is loaded only when a source or the notifier actually talks to the bus.
    assert loaded_after(code, ["textual", "rich", "jeepney"]) == []
    assert loaded_after("import stretchtimer.notify.dbus", ["textual", "rich"]) == []
