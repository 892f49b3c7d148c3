"""The D-Bus adapters against a real private session bus and a small fake desktop."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from private_bus import FakeDesktop, PrivateBus

from stretchtimer.idle.base import IdleUnavailable
from stretchtimer.idle.dbus_sources import MutterIdle, ScreenSaverIdle
from stretchtimer.idle.logind import LogindIdle
from stretchtimer.idle.selection import select_idle_source
from stretchtimer.notify.dbus import DesktopNotifier, NotifierUnavailable, open_notifier
from stretchtimer.remind.do_not_disturb import DoNotDisturb

WAIT = 10.0  # generous: only a hung thread takes this long


class Actions:
    def __init__(self) -> None:
        self.keys: list[str] = []
        self.arrived = threading.Event()

    def __call__(self, key: str) -> None:
        self.keys.append(key)
        self.arrived.set()

    def wait(self) -> list[str]:
        assert self.arrived.wait(WAIT), "no action arrived"
        self.arrived.clear()
        return self.keys


def test_a_prompt_is_one_notification_with_start_and_postpone_buttons(
    desktop: FakeDesktop,
) -> None:
    actions = Actions()
    notifier = open_notifier(actions)
    try:
        assert notifier.has_actions and "fake-notifyd" in notifier.describe()
        assert notifier.show("Time for a break", "desk-break, about 5 minutes")
        assert notifier.show("Time for a break", "desk-break, 1 postpone left")
        first, second = desktop.notify_calls
        assert first["app"] == "stretchtimer" and first["summary"] == "Time for a break"
        assert first["actions"] == ["start", "Start", "postpone", "Postpone"]
        assert second["id"] == first["id"]  # replaced, not stacked
        assert second["body"] == "desk-break, 1 postpone left"

        desktop.press(first["id"], "start")
        assert actions.wait() == ["start"]
        desktop.press(first["id"] + 100, "postpone")  # someone else's notification
        desktop.press(first["id"], "postpone")
        assert actions.wait() == ["start", "postpone"]

        notifier.withdraw()
        assert desktop.closed == [first["id"]]
    finally:
        notifier.close()


def test_no_buttons_where_the_server_has_no_actions(private_bus: PrivateBus) -> None:
    server = FakeDesktop(private_bus, capabilities=("body",))
    try:
        notifier = open_notifier(Actions())
        assert not notifier.has_actions and "without buttons" in notifier.describe()
        notifier.show("Time for a break", "neck, 30 s")
        assert server.notify_calls[0]["actions"] == []
        notifier.close()
    finally:
        server.stop()


def test_do_not_disturb_is_read_from_the_server(desktop: FakeDesktop) -> None:
    notifier = open_notifier(Actions())
    try:
        quiet = DoNotDisturb(inhibited=notifier.inhibited, running=set)
        assert notifier.inhibited() is False and quiet() is None
        desktop.inhibited = True
        assert notifier.inhibited() is True
        assert quiet() == "do not disturb is on"
        desktop.inhibited = None  # a server that does not have the property
        assert notifier.inhibited() is None and quiet() is None
    finally:
        notifier.close()


def test_a_busy_program_makes_a_quiet_time() -> None:
    quiet = DoNotDisturb(programs=["zoom"], running=lambda: {"bash", "zoom"})
    assert quiet() == "zoom is running"
    assert DoNotDisturb(programs=["zoom"], running=lambda: {"bash"})() is None


def test_no_notification_server_says_so(private_bus: PrivateBus) -> None:
    with pytest.raises(NotifierUnavailable, match="not running"):
        open_notifier(Actions())


def test_no_session_bus_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    with pytest.raises(NotifierUnavailable, match="no session bus"):
        DesktopNotifier(Actions())


def test_mutter_and_screensaver_report_idle_time(desktop: FakeDesktop) -> None:
    desktop.idle_ms = 42_500
    for source in (MutterIdle(), ScreenSaverIdle()):
        try:
            assert source.idle_seconds() == 42.5
        finally:
            source.close()


def test_logind_idle_hint(private_bus: PrivateBus) -> None:
    server = FakeDesktop(private_bus, names=("org.freedesktop.login1",))
    connection = private_bus.connect()
    try:
        source = LogindIdle(connection, monotonic=lambda: 1000.0)
        assert source.idle_seconds() == 0
        server.idle_hint, server.idle_since_us = True, 400_000_000
        assert source.idle_seconds() == 600.0
    finally:
        connection.close()
        server.stop()


def test_the_first_source_that_answers_is_chosen_and_the_others_say_why(
    private_bus: PrivateBus, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    server = FakeDesktop(private_bus, names=("org.freedesktop.ScreenSaver",))
    try:
        selection = select_idle_source()
        assert selection.source is not None and selection.source.name == "screensaver"
        assert [r.source for r in selection.rejected] == ["mutter"]
        lines = selection.describe()
        assert lines[0] == "Idle source: screensaver (the first that answered)"
        assert "passed over mutter: org.gnome.Mutter.IdleMonitor is not running" in lines[1]
        selection.source.close()

        forced = select_idle_source("xscreensaver")
        assert forced.source is None
        assert forced.rejected[0].reason == "no X display (DISPLAY is not set)"
        with pytest.raises(ValueError, match="unknown idle source 'kde'"):
            select_idle_source("kde")
    finally:
        server.stop()


def test_an_idle_source_that_stops_answering_says_so(private_bus: PrivateBus) -> None:
    server = FakeDesktop(private_bus, names=("org.gnome.Mutter.IdleMonitor",))
    source = MutterIdle()
    server.stop()
    try:
        with pytest.raises(IdleUnavailable):
            source.idle_seconds()
    finally:
        source.close()
