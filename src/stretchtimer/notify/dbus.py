"""Desktop notifications through the freedesktop Notifications D-Bus API.

A break prompt becomes one notification, replaced rather than stacked when
it changes, with Start and Postpone buttons where the server says it has the
``actions`` capability. A button press arrives as a signal, read by a small
thread on a second connection of its own and handed to ``on_action``: the
caller (the reminder screen) turns it into the same command as a key.
The server's ``Inhibited`` property is its do-not-disturb switch.

Any program on the session bus can send signals, and a signal addressed to
this connection reaches it whatever its match rules say. So a button press is
obeyed only from the connection that owns the notification server's name
(its unique name, followed when the server restarts), only with the
signature the specification gives, and only for the notification on show.
A reply or signal of the wrong shape is kept as a problem for the screen to
show once, and ignored; the listening thread carries on.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from jeepney import MatchRule, new_method_call
from jeepney.bus_messages import message_bus
from jeepney.low_level import HeaderFields, MessageType

from stretchtimer import bus
from stretchtimer.i18n import _
from stretchtimer.safe_text import safe_text

if TYPE_CHECKING:
    from stretchtimer.doctor_rows import DoctorRow

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
APP_NAME = "stretchtimer"

#: Action keys sent with a prompt, and the labels the server shows.
START, POSTPONE = "start", "postpone"

#: Distinct problems kept for the screen at most; more of them say nothing new.
_MAX_PROBLEMS = 20


class NotifierUnavailable(Exception):
    """No notification server answers; the message says why."""


class DesktopNotifier:
    def __init__(
        self,
        on_action: Callable[[str], None],
        connect: Callable[[], Any] = bus.connect,
    ) -> None:
        self._on_action = on_action
        self._lock = threading.Lock()
        self._problems: list[str] = []
        self._reported: set[str] = set()
        try:
            self._connection = connect()
        except bus.BusUnavailable as exc:
            raise NotifierUnavailable(str(exc)) from None
        try:
            (capabilities,) = self._call("GetCapabilities", reply="as")
            name, vendor, _version, _spec = self._call("GetServerInformation", reply="ssss")
        except bus.BusUnavailable as exc:
            with contextlib.suppress(OSError):
                self._connection.close()
            raise NotifierUnavailable(str(exc)) from None
        self.capabilities = frozenset(capabilities)
        self.server = f"{safe_text(name)} ({safe_text(vendor)})" if vendor else safe_text(name)
        self.has_actions = "actions" in self.capabilities
        self._current = 0
        self._closed = False
        self._listener: Any = None
        #: The unique name of the connection that owns the server's name, whose signals count.
        self._owner = ""
        self._thread: threading.Thread | None = None
        if self.has_actions:
            self._listen(connect)

    def _call(
        self,
        method: str,
        signature: str | None = None,
        body: tuple[Any, ...] = (),
        *,
        reply: str,
    ) -> Any:
        return bus.call(
            self._connection, PATH, SERVICE, INTERFACE, method, signature, body, reply=reply
        )

    def _problem(self, text: str) -> None:
        """Keep a problem for the screen, once, however often it recurs."""
        with self._lock:
            if text in self._reported or len(self._reported) >= _MAX_PROBLEMS:
                return
            self._reported.add(text)
            self._problems.append(text)

    def take_problems(self) -> list[str]:
        """Problems seen since the last call (replies and signals that were ignored)."""
        with self._lock:
            found, self._problems = self._problems, []
        return found

    def describe(self) -> str:
        return self.row().lines()[0]

    def row(self) -> DoctorRow:
        from stretchtimer.doctor_rows import DoctorRow

        actions = _("with Start and Postpone buttons") if self.has_actions else _("without buttons")
        return DoctorRow(_("notifications"), f"{self.server}, {actions}")

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
                reply="u",
            )
        except bus.BusUnavailable as exc:
            self._problem(_("notification not shown: {exc}").format(exc=exc))
            return False
        return True

    def withdraw(self) -> None:
        if not self._current:
            return
        with contextlib.suppress(bus.BusUnavailable):
            self._call("CloseNotification", "u", (self._current,), reply="")
        self._current = 0

    def inhibited(self) -> bool | None:
        """The server's do-not-disturb state, or None when it does not say."""
        try:
            value = bus.get_property(
                self._connection, PATH, SERVICE, INTERFACE, "Inhibited", kind="b"
            )
        except bus.BusUnavailable as exc:
            if isinstance(exc, bus.WrongShape):
                self._problem(_("do-not-disturb state not read: {exc}").format(exc=exc))
            return None
        return bool(value)

    # -- receiving -------------------------------------------------------------------------

    def _listen(self, connect: Callable[[], Any]) -> None:
        try:
            listener = connect()
            (owner,) = _bus_call(listener, "GetNameOwner", "s", (SERVICE,), reply="s")
            _bus_call(listener, "AddMatch", "s", (_owner_rule(),), reply="")
            _bus_call(listener, "AddMatch", "s", (_action_rule(owner),), reply="")
        except bus.BusUnavailable:
            self.has_actions = False  # buttons nobody would hear are worse than none
            return
        self._listener, self._owner = listener, owner
        self._thread = threading.Thread(target=self._receive, name="notify-actions", daemon=True)
        self._thread.start()

    def _receive(self) -> None:
        while not self._closed:
            try:
                message = self._listener.receive()
            except Exception as exc:  # the socket was shut down, or the bus went away
                if not self._closed:
                    self._problem(
                        _("notification buttons stopped working ({exc!r})").format(exc=exc)
                    )
                return
            try:
                self._handle(message)
            except Exception as exc:  # one odd message must not silence the buttons
                self._problem(_("a message from the bus was ignored ({exc!r})").format(exc=exc))

    def _handle(self, message: Any) -> None:
        header = message.header
        if header.message_type is not MessageType.signal:
            return  # the replies to our own AddMatch and RemoveMatch
        fields = header.fields
        member = fields.get(HeaderFields.member)
        signature = fields.get(HeaderFields.signature, "")
        sender = fields.get(HeaderFields.sender)
        if member == "NameOwnerChanged" and sender == message_bus.bus_name:
            if signature == "sss" and message.body[0] == SERVICE:
                self._follow_owner(str(message.body[2]))
            return
        if member != "ActionInvoked" or fields.get(HeaderFields.interface) != INTERFACE:
            return
        if sender != self._owner:
            self._problem(
                _("a button press from a program other than the notification server was ignored")
            )
            return
        if signature != "us":
            self._problem(bus.wrong_shape(SERVICE, "ActionInvoked", signature, ("us",)))
            return
        notification, key = message.body
        if notification == self._current and key in (START, POSTPONE):
            self._on_action(key)

    def _follow_owner(self, owner: str) -> None:
        """The server restarted (or left): listen to the connection that owns its name now."""
        old, self._owner = self._owner, owner
        if old:
            self._listener.send(_bus_message("RemoveMatch", "s", (_action_rule(old),)))
        if owner:
            self._listener.send(_bus_message("AddMatch", "s", (_action_rule(owner),)))

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


def _action_rule(owner: str) -> str:
    rule = MatchRule(
        type="signal", sender=owner, interface=INTERFACE, member="ActionInvoked", path=PATH
    )
    return str(rule.serialise())


def _owner_rule() -> str:
    rule = MatchRule(
        type="signal",
        sender=message_bus.bus_name,
        interface=message_bus.interface,
        member="NameOwnerChanged",
        path=message_bus.object_path,
    )
    rule.add_arg_condition(0, SERVICE)
    return str(rule.serialise())


def _bus_message(method: str, signature: str, body: tuple[Any, ...]) -> Any:
    return new_method_call(message_bus, method, signature, body)


def _bus_call(
    connection: Any, method: str, signature: str, body: tuple[Any, ...], *, reply: str
) -> tuple[Any, ...]:
    return bus.call(
        connection,
        message_bus.object_path,
        message_bus.bus_name,
        message_bus.interface,
        method,
        signature,
        body,
        reply=reply,
    )
