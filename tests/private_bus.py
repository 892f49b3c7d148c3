"""A real, private D-Bus session bus and a small desktop on it, for adapter tests.

``PrivateBus`` runs ``dbus-daemon`` with a minimal session configuration (no
service activation, so nothing installed on the machine can answer in our
place). ``FakeDesktop`` owns the names a desktop would: a notification
server that records every Notify call and can press one of its buttons,
Mutter's and the ScreenSaver's idle monitors, and a logind session object.
Its answers can be replaced by any reply at all (``replies``), and it can
send any signal, so tests can play a server that misbehaves.
"""

from __future__ import annotations

import queue
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jeepney import DBusAddress, HeaderFields, MessageType, new_error, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, Proxy, open_dbus_connection

CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={folder}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""

needs_dbus = pytest.mark.skipif(
    shutil.which("dbus-daemon") is None, reason="dbus-daemon is not installed (.ci/run adds it)"
)


class PrivateBus:
    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        config = folder / "bus.conf"
        config.write_text(CONFIG.format(folder=folder))
        self.process = subprocess.Popen(
            ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert self.process.stdout is not None
        self.address = self.process.stdout.readline().strip()
        assert self.address.startswith("unix:"), self.address

    def connect(self) -> DBusConnection:
        return open_dbus_connection(self.address)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


NOTIFICATIONS = ("org.freedesktop.Notifications", "/org/freedesktop/Notifications")
MUTTER = ("org.gnome.Mutter.IdleMonitor", "/org/gnome/Mutter/IdleMonitor/Core")
SCREENSAVER = ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver")
PORTAL = ("org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop")
LOGIND_PATH = "/org/freedesktop/login1/session/auto"


class FakeDesktop:
    """Answers on the bus from a thread of its own until ``stop()``."""

    def __init__(
        self,
        bus: PrivateBus,
        *,
        names: tuple[str, ...] = (NOTIFICATIONS[0], MUTTER[0], SCREENSAVER[0], PORTAL[0]),
        capabilities: tuple[str, ...] = ("body", "actions"),
    ) -> None:
        self.connection = bus.connect()
        proxy = Proxy(message_bus, self.connection)
        for name in names:
            assert proxy.RequestName(name, 4)[0] == 1
        self.capabilities = list(capabilities)
        self.notify_calls: list[dict[str, Any]] = []
        self.closed: list[int] = []
        self.inhibited: bool | None = False
        self.idle_ms = 0
        self.idle_hint = False
        self.idle_since_us = 0
        self.locked_hint = False
        #: GNOME's show-banners as the settings portal reads it (None: the key is unknown).
        self.show_banners: bool | None = True
        #: Replies that replace the usual answer: method name (or ``Get:Property``) to
        #: (signature, body), sent whatever the specification says.
        self.replies: dict[str, tuple[str, tuple[Any, ...]]] = {}
        self._next_id = 0
        self._outbox: queue.Queue[Any] = queue.Queue()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    # -- what a test does ------------------------------------------------------------------

    def press(self, notification: int, action: str) -> None:
        """The user clicks a button on a notification."""
        self.signal("ActionInvoked", "us", (notification, action))

    def signal(self, member: str, signature: str, body: tuple[Any, ...]) -> None:
        """Any signal on the Notifications interface, well formed or not."""
        emitter = DBusAddress(NOTIFICATIONS[1], interface=NOTIFICATIONS[0])
        self._outbox.put(new_signal(emitter, member, signature, body))

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=5)
        self.connection.close()

    # -- the server ------------------------------------------------------------------------

    def _serve(self) -> None:
        while not self._stopping.is_set():
            while not self._outbox.empty():
                self.connection.send(self._outbox.get())
            try:
                message = self.connection.receive(timeout=0.02)
            except TimeoutError:
                continue
            except OSError:
                return
            if message.header.message_type is MessageType.method_call:
                self.connection.send(self._answer(message))

    def _answer(self, message: Any) -> Any:
        fields = message.header.fields
        member = fields.get(HeaderFields.member)
        path = fields.get(HeaderFields.path)
        body = message.body
        key = f"Get:{body[1]}" if member == "Get" and len(body) == 2 else str(member)
        if key in self.replies:
            signature, values = self.replies[key]
            return new_method_return(message, signature, values)
        if member == "GetCapabilities":
            return new_method_return(message, "as", (self.capabilities,))
        if member == "GetServerInformation":
            return new_method_return(message, "ssss", ("fake-notifyd", "tests", "1", "1.2"))
        if member == "Notify":
            app, replaces, _icon, summary, text, actions, hints, timeout = body
            self._next_id += 1
            number = replaces or self._next_id
            self.notify_calls.append(
                {
                    "id": number,
                    "app": app,
                    "summary": summary,
                    "body": text,
                    "actions": list(actions),
                    "hints": dict(hints),
                    "timeout": timeout,
                }
            )
            return new_method_return(message, "u", (number,))
        if member == "CloseNotification":
            self.closed.append(body[0])
            return new_method_return(message)
        if member == "GetIdletime" and path == MUTTER[1]:
            return new_method_return(message, "t", (self.idle_ms,))
        if member == "GetSessionIdleTime" and path == SCREENSAVER[1]:
            return new_method_return(message, "u", (self.idle_ms,))
        if member == "Get":
            return self._property(message, *body)
        if member == "Read" and path == PORTAL[1]:
            if body != ("org.gnome.desktop.notifications", "show-banners") or (
                self.show_banners is None
            ):
                error = "org.freedesktop.portal.Error.NotFound"
                return new_error(message, error, "s", ("Requested setting not found",))
            # The portal's Read wraps the value in one variant more than it needs.
            return new_method_return(message, "v", (("v", ("b", self.show_banners)),))
        return new_error(message, "org.freedesktop.DBus.Error.UnknownMethod", "s", ("no",))

    def _property(self, message: Any, interface: str, name: str) -> Any:
        values: dict[tuple[str, str], tuple[str, Any]] = {
            ("org.freedesktop.login1.Session", "IdleHint"): ("b", self.idle_hint),
            ("org.freedesktop.login1.Session", "LockedHint"): ("b", self.locked_hint),
            ("org.freedesktop.login1.Session", "IdleSinceHintMonotonic"): (
                "t",
                self.idle_since_us,
            ),
        }
        if self.inhibited is not None:
            values[(NOTIFICATIONS[0], "Inhibited")] = ("b", self.inhibited)
        if (interface, name) not in values:
            return new_error(message, "org.freedesktop.DBus.Error.UnknownProperty", "s", (name,))
        return new_method_return(message, "v", (values[(interface, name)],))


@pytest.fixture
def private_bus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PrivateBus]:
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed (.ci/run adds it)")
    bus = PrivateBus(tmp_path / "bus")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus.address)
    try:
        yield bus
    finally:
        bus.stop()


@pytest.fixture
def desktop(private_bus: PrivateBus) -> Iterator[FakeDesktop]:
    server = FakeDesktop(private_bus)
    try:
        yield server
    finally:
        server.stop()
