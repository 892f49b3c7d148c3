"""Desktop notifications through the freedesktop Notifications D-Bus API.

A break prompt becomes one notification, replaced rather than stacked when
it changes, with Start and Postpone buttons where the server says it has the
``actions`` capability. A button press arrives as a signal, read by a small
thread on a second connection of its own and handed to ``on_action``: the
caller (the reminder screen) turns it into the same command as a key.
The server's ``Inhibited`` property is its do-not-disturb switch.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from jeepney import MatchRule
from jeepney.bus_messages import message_bus
from jeepney.low_level import HeaderFields

from stretchtimer import bus

if TYPE_CHECKING:
    from stretchtimer.doctor_rows import DoctorRow

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
APP_NAME = "stretchtimer"

#: Action keys sent with a prompt, and the labels the server shows.
START, POSTPONE = "start", "postpone"


class NotifierUnavailable(Exception):
    """No notification server answers; the message says why."""


class DesktopNotifier:
    def __init__(
        self,
        on_action: Callable[[str], None],
        connect: Callable[[], Any] = bus.connect,
    ) -> None:
        self._on_action = on_action
        try:
            self._connection = connect()
            (capabilities,) = self._call("GetCapabilities")
            name, vendor, _version, _spec = self._call("GetServerInformation")
        except bus.BusUnavailable as exc:
            raise NotifierUnavailable(str(exc)) from None
        self.capabilities = frozenset(str(c) for c in capabilities)
        self.server = f"{name} ({vendor})" if vendor else str(name)
        self.has_actions = "actions" in self.capabilities
        self._current = 0
        self._closed = False
        self._listener: Any = None
        self._thread: threading.Thread | None = None
        if self.has_actions:
            self._listen(connect)

    def _call(self, method: str, signature: str | None = None, body: tuple[Any, ...] = ()) -> Any:
        return bus.call(self._connection, PATH, SERVICE, INTERFACE, method, signature, body)

    def describe(self) -> str:
        return self.row().lines()[0]

    def row(self) -> DoctorRow:
        from stretchtimer.doctor_rows import DoctorRow

        actions = "with Start and Postpone buttons" if self.has_actions else "without buttons"
        return DoctorRow("Notifications", f"{self.server}, {actions}")

    # -- sending ---------------------------------------------------------------------------

    def show(self, summary: str, body: str, *, buttons: bool = True) -> bool:
        """Show (or replace) the reminder's notification; False if the server failed."""
        actions: list[str] = []
        if buttons and self.has_actions:
            actions = [START, "Start", POSTPONE, "Postpone"]
        hints = {"urgency": ("y", 1), "category": ("s", "x-stretchtimer.break")}
        try:
            (self._current,) = self._call(
                "Notify",
                "susssasa{sv}i",
                (APP_NAME, self._current, "", summary, body, actions, hints, 0),
            )
        except bus.BusUnavailable:
            return False
        return True

    def withdraw(self) -> None:
        if not self._current:
            return
        with contextlib.suppress(bus.BusUnavailable):
            self._call("CloseNotification", "u", (self._current,))
        self._current = 0

    def inhibited(self) -> bool | None:
        """The server's do-not-disturb state, or None when it does not say."""
        try:
            value = bus.get_property(self._connection, PATH, SERVICE, INTERFACE, "Inhibited")
        except bus.BusUnavailable:
            return None
        return bool(value)

    # -- receiving -------------------------------------------------------------------------

    def _listen(self, connect: Callable[[], Any]) -> None:
        try:
            listener = connect()
            rule = MatchRule(type="signal", interface=INTERFACE, path=PATH)
            bus.call(
                listener,
                message_bus.object_path,
                message_bus.bus_name,
                message_bus.interface,
                "AddMatch",
                "s",
                (rule.serialise(),),
            )
        except bus.BusUnavailable:
            self.has_actions = False  # buttons nobody would hear are worse than none
            return
        self._listener = listener
        self._thread = threading.Thread(target=self._receive, name="notify-actions", daemon=True)
        self._thread.start()

    def _receive(self) -> None:
        while not self._closed:
            try:
                message = self._listener.receive()
            except Exception:  # the socket was shut down, or the bus went away
                return
            member = message.header.fields.get(HeaderFields.member)
            if member == "ActionInvoked":
                notification, key = message.body
                if notification == self._current and key in (START, POSTPONE):
                    self._on_action(str(key))

    def close(self) -> None:
        self._closed = True
        self.withdraw()
        if self._listener is not None:
            with contextlib.suppress(OSError):
                self._listener.sock.shutdown(socket.SHUT_RDWR)
            if self._thread is not None:
                self._thread.join(timeout=2)
            with contextlib.suppress(OSError):
                self._listener.close()
        with contextlib.suppress(OSError):
            self._connection.close()


def open_notifier(on_action: Callable[[str], None]) -> DesktopNotifier:
    """The session's notifier; raises ``NotifierUnavailable`` with the reason."""
    return DesktopNotifier(on_action)
