"""The D-Bus adapters against a server that answers wrongly and other programs that
send signals: a reply or signal of the wrong shape is ignored with a reason, and
only the notification server's own connection can press its buttons."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from typing import Any

import pytest
from jeepney import DBusAddress, HeaderFields, new_method_call, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection
from private_bus import NOTIFICATIONS, FakeDesktop, PrivateBus

from stretchtimer.idle.base import IdleUnavailable
from stretchtimer.idle.dbus_sources import MutterIdle, ScreenSaverIdle
from stretchtimer.idle.logind import LogindIdle
from stretchtimer.idle.selection import IdleSelection, select_idle_source
from stretchtimer.notify.dbus import NotifierUnavailable, open_notifier
from stretchtimer.remind.build import build_plan
from stretchtimer.remind.service import Reminder, doctor_rows
from stretchtimer.remind.settings import RemindSettings
from stretchtimer.session.clock import FakeClock

WAIT = 10.0  # generous: only a hung thread takes this long
UINT64_MAX = 2**64 - 1


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


@pytest.mark.parametrize(
    ("member", "reply"),
    [
        ("GetServerInformation", ("ss", ("fake-notifyd", "tests"))),
        ("GetServerInformation", ("ssssu", ("a", "b", "c", "d", 5))),
        ("GetCapabilities", ("s", ("actions",))),
        ("GetCapabilities", ("", ())),
    ],
)
def test_a_server_that_describes_itself_wrongly_is_no_server(
    desktop: FakeDesktop, member: str, reply: tuple[str, tuple[Any, ...]]
) -> None:
    desktop.replies[member] = reply
    with pytest.raises(NotifierUnavailable, match=f"{member} as '{reply[0]}'"):
        open_notifier(Actions())
    # doctor and remind say so instead of stopping
    rows = doctor_rows(RemindSettings(idle_source="auto"))
    assert any(
        row.label == "notifications" and row.text.startswith("none, ") and member in row.text
        for row in rows
    )


def test_a_notify_reply_of_the_wrong_type_is_not_kept_as_the_notification(
    desktop: FakeDesktop,
) -> None:
    notifier = open_notifier(Actions())
    try:
        desktop.replies["Notify"] = ("s", ("42",))
        assert not notifier.show("Time for a break", "desk-break")
        notifier.withdraw()  # nothing to close, and nothing packed from a string
        assert desktop.closed == []
        (problem,) = notifier.take_problems()
        assert "notification not shown" in problem and "Notify as 's'" in problem
        assert notifier.take_problems() == []

        del desktop.replies["Notify"]
        assert notifier.show("Time for a break", "desk-break")
        notifier.withdraw()
        assert desktop.closed == [desktop.notify_calls[-1]["id"]]
    finally:
        notifier.close()


def test_do_not_disturb_of_the_wrong_type_is_unknown(desktop: FakeDesktop) -> None:
    notifier = open_notifier(Actions())
    try:
        desktop.replies["Get:Inhibited"] = ("v", (("s", "yes"),))
        assert notifier.inhibited() is None
        assert "Inhibited as 's'" in notifier.take_problems()[0]
    finally:
        notifier.close()


@pytest.mark.parametrize(
    "reply",
    [
        ("t", (UINT64_MAX,)),  # 584 million years
        ("d", (float("inf"),)),
        ("d", (float("nan"),)),
        ("x", (-5000,)),
        ("s", ("1000",)),
        ("tt", (1, 2)),
    ],
)
def test_an_idle_time_that_cannot_be_right_is_no_idle_time(
    desktop: FakeDesktop, reply: tuple[str, tuple[Any, ...]]
) -> None:
    desktop.replies["GetIdletime"] = reply
    desktop.replies["GetSessionIdleTime"] = reply
    for source in (MutterIdle(), ScreenSaverIdle()):
        try:
            with pytest.raises(IdleUnavailable):
                source.idle_seconds()
        finally:
            source.close()
    selection = select_idle_source("mutter")
    assert selection.source is None and "mutter" in selection.rejected[0].source


def test_idle_of_a_week_is_believed_and_a_moment_more_is_not(desktop: FakeDesktop) -> None:
    week_ms = 7 * 24 * 3600 * 1000
    source = MutterIdle()
    try:
        desktop.idle_ms = week_ms
        assert source.idle_seconds() == week_ms / 1000
        desktop.idle_ms = week_ms + 1000
        with pytest.raises(IdleUnavailable, match="cannot be right"):
            source.idle_seconds()
    finally:
        source.close()


def test_the_reminder_counts_on_through_an_idle_source_gone_wrong(desktop: FakeDesktop) -> None:
    """An answer of ``inf`` or UINT64_MAX ms used to stop the reminder or show years away."""
    settings = RemindSettings(every=600, micro_every=0)
    plan, routines = build_plan(settings)
    mono, boot = FakeClock(), FakeClock(50.0)
    start = datetime(2026, 3, 2, 9, 0).astimezone()
    source = MutterIdle()
    reminder = Reminder(
        settings,
        plan,
        routines,
        clock=mono,
        boot_clock=boot,
        wall=lambda: start + timedelta(seconds=mono.now()),
        idle=IdleSelection(source),
    )
    try:
        desktop.replies["GetIdletime"] = ("t", (UINT64_MAX,))
        for _ in range(3):
            mono.advance(60)
            boot.advance(60)
            reminder.poll()
        assert reminder.text().headline == "Next break in 7 min"  # the count went on
        (problem,) = reminder.problems()
        assert "mutter" in problem and "cannot be right" in problem
        desktop.replies["GetIdletime"] = ("d", (float("inf"),))
        mono.advance(60)
        boot.advance(60)
        reminder.poll()
        assert reminder.text().headline == "Next break in 6 min"
        del desktop.replies["GetIdletime"]
        desktop.idle_ms = 200_000
        mono.advance(5)
        boot.advance(5)
        reminder.poll()
        assert reminder.text().headline.startswith("Away")
    finally:
        reminder.close()


def test_logind_values_of_the_wrong_type_or_from_the_future_are_no_idle_time(
    private_bus: PrivateBus,
) -> None:
    server = FakeDesktop(private_bus, names=("org.freedesktop.login1",))
    connection = private_bus.connect()
    try:
        source = LogindIdle(connection, monotonic=lambda: 1000.0)
        server.replies["Get:IdleHint"] = ("v", (("s", "true"),))
        with pytest.raises(IdleUnavailable, match="IdleHint as 's'"):
            source.idle_seconds()
        server.replies["Get:IdleHint"] = ("v", (("b", True),))
        server.idle_since_us = 5_000_000_000  # an hour after "now"
        with pytest.raises(IdleUnavailable, match="cannot be right"):
            source.idle_seconds()
        server.replies["Get:IdleSinceHintMonotonic"] = ("v", (("d", 1.0),))
        with pytest.raises(IdleUnavailable, match="IdleSinceHintMonotonic as 'd'"):
            source.idle_seconds()
    finally:
        connection.close()
        server.stop()


def test_a_malformed_button_signal_is_ignored_and_the_buttons_keep_working(
    desktop: FakeDesktop,
) -> None:
    actions = Actions()
    notifier = open_notifier(actions)
    try:
        assert notifier.show("Time for a break", "desk-break")
        number = desktop.notify_calls[0]["id"]
        desktop.signal("ActionInvoked", "u", (number,))
        desktop.signal("ActionInvoked", "ss", ("1", "start"))
        desktop.signal("ActionInvoked", "usu", (number, "start", 3))
        desktop.signal("ActionInvoked", "(us)", ((number, "start"),))
        desktop.signal("ActionInvoked", "us", (number, "explode"))
        desktop.press(number, "postpone")
        assert actions.wait() == ["postpone"]
        problems = notifier.take_problems()
        assert any("ActionInvoked as 'u'" in p for p in problems)
        assert any("ActionInvoked as '(us)'" in p for p in problems)
        desktop.press(number, "start")
        assert actions.wait() == ["postpone", "start"]
    finally:
        notifier.close()


def _other_program(bus: PrivateBus) -> DBusConnection:
    return bus.connect()


def _round_trip(connection: DBusConnection) -> None:
    """Once the bus answers this, everything the connection sent before was routed."""
    connection.send_and_get_reply(new_method_call(message_bus, "GetId"), timeout=WAIT)


def test_button_signals_from_another_program_are_not_obeyed(
    private_bus: PrivateBus, desktop: FakeDesktop
) -> None:
    actions = Actions()
    notifier = open_notifier(actions)
    intruder = _other_program(private_bus)
    try:
        assert notifier.show("Time for a break", "desk-break")
        number = desktop.notify_calls[0]["id"]
        emitter = DBusAddress(NOTIFICATIONS[1], interface=NOTIFICATIONS[0])
        # Broadcast, as the server would send it ...
        intruder.send(new_signal(emitter, "ActionInvoked", "us", (number, "start")))
        # ... and addressed to every connection on the bus, which no match rule filters.
        (names,) = intruder.send_and_get_reply(
            new_method_call(message_bus, "ListNames"), timeout=WAIT
        ).body
        for name in names:
            if name.startswith(":") and name != intruder.unique_name:
                signal = new_signal(emitter, "ActionInvoked", "us", (number, "start"))
                signal.header.fields[HeaderFields.destination] = name
                intruder.send(signal)
        _round_trip(intruder)
        desktop.press(number, "postpone")
        assert actions.wait() == ["postpone"]  # the intruder's starts never arrived
        assert any("other than the notification server" in p for p in notifier.take_problems())
    finally:
        intruder.close()
        notifier.close()


def test_the_buttons_follow_a_notification_server_that_restarts(
    private_bus: PrivateBus, desktop: FakeDesktop
) -> None:
    actions = Actions()
    notifier = open_notifier(actions)
    try:
        desktop.stop()
        restarted = FakeDesktop(private_bus, names=(NOTIFICATIONS[0],))
        try:
            assert notifier.show("Time for a break", "desk-break")
            number = restarted.notify_calls[0]["id"]
            # The listener hears of the new owner and asks for its signals on its own
            # thread; presses before the bus has that rule reach no one, like any
            # click while a server restarts. So the user clicks until one counts.
            for _ in range(int(WAIT / 0.1)):
                restarted.press(number, "start")
                if actions.arrived.wait(0.1):
                    break
            assert actions.keys and set(actions.keys) == {"start"}
        finally:
            restarted.stop()
    finally:
        notifier.close()
