"""D-Bus calls with a time limit, a checked reply and a reason when they fail.

The idle sources and the desktop notifier talk to the session bus (and
logind to the system bus) through jeepney, which is pure Python. Every
failure becomes ``BusUnavailable`` with a sentence a person can act on, which
``stretchtimer doctor`` shows; nothing here may hang a break for long.

Whatever answers on the bus is another program, and may answer anything: a
reply is used only when its signature is the one the call expects, so a
reply of the wrong shape is a failure with a reason, never a crash further on.
"""

from __future__ import annotations

import os
from typing import Any

from stretchtimer.i18n import _

#: Seconds a method call may take before the service counts as not answering.
CALL_TIMEOUT = 1.0


class BusUnavailable(Exception):
    """The bus, the service or the method is not there; the message says which."""


class WrongShape(BusUnavailable):
    """A reply of the wrong D-Bus type, which was ignored: told apart by its class, since
    its message is in the user's language."""


def bus_address(bus: str) -> str:
    """``SESSION``/``SYSTEM`` or an address; raises when the session has no bus."""
    if bus == "SESSION" and not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        raise BusUnavailable(_("no session bus (DBUS_SESSION_BUS_ADDRESS is not set)"))
    return bus


def connect(bus: str = "SESSION") -> Any:
    """A blocking jeepney connection to ``bus``."""
    from jeepney.io.blocking import open_dbus_connection

    bus = bus_address(bus)
    try:
        return open_dbus_connection(bus, auth_timeout=CALL_TIMEOUT)
    except (OSError, TimeoutError, ValueError, KeyError, StopIteration) as exc:
        raise BusUnavailable(
            _("cannot connect to the {bus} bus ({exc})").format(bus=bus.lower(), exc=exc)
        ) from None
    except Exception as exc:  # an unusual reply during authentication
        raise BusUnavailable(
            _("cannot connect to the {bus} bus ({exc!r})").format(bus=bus.lower(), exc=exc)
        ) from None


def call(
    connection: Any,
    path: str,
    service: str,
    interface: str,
    method: str,
    signature: str | None = None,
    body: tuple[Any, ...] = (),
    timeout: float = CALL_TIMEOUT,
    *,
    reply: str | tuple[str, ...],
) -> tuple[Any, ...]:
    """Call ``method`` and return the reply's body, whose signature must be ``reply``
    (or one of them)."""
    from jeepney import DBusAddress, DBusErrorResponse, HeaderFields, new_method_call
    from jeepney.wrappers import unwrap_msg

    address = DBusAddress(path, bus_name=service, interface=interface)
    message = new_method_call(address, method, signature, body)
    try:
        answer = connection.send_and_get_reply(message, timeout=timeout)
        result: tuple[Any, ...] = unwrap_msg(answer)
    except DBusErrorResponse as exc:
        raise BusUnavailable(_explain(exc.name, service, exc.data)) from None
    except TimeoutError:
        raise BusUnavailable(
            _("{service} did not answer within {timeout:g} s").format(
                service=service, timeout=timeout
            )
        ) from None
    except OSError as exc:
        raise BusUnavailable(
            _("the bus connection failed ({reason})").format(reason=exc.strerror or exc)
        ) from None
    got = answer.header.fields.get(HeaderFields.signature, "")
    expected = (reply,) if isinstance(reply, str) else reply
    if got not in expected:
        raise WrongShape(wrong_shape(service, method, got, expected))
    return result


def get_property(
    connection: Any, path: str, service: str, interface: str, name: str, *, kind: str
) -> Any:
    """One property's value (the variant unwrapped), which must be of D-Bus type ``kind``."""
    (variant,) = call(
        connection,
        path,
        service,
        "org.freedesktop.DBus.Properties",
        "Get",
        "ss",
        (interface, name),
        reply="v",
    )
    got, value = variant
    if got != kind:
        raise WrongShape(wrong_shape(service, name, got, (kind,)))
    return value


def wrong_shape(service: str, what: str, got: str, expected: tuple[str, ...]) -> str:
    """Why a reply or a signal of the wrong D-Bus type is not used."""
    wanted = " or ".join(f"'{e}'" for e in expected)
    return _("{service} sent {what} as '{got}' where {wanted} was expected; it was ignored").format(
        service=service, what=what, got=got, wanted=wanted
    )


def _explain(error: str, service: str, data: object) -> str:
    if error == "org.freedesktop.DBus.Error.ServiceUnknown":
        return _("{service} is not running on this bus").format(service=service)
    if error in (
        "org.freedesktop.DBus.Error.UnknownMethod",
        "org.freedesktop.DBus.Error.UnknownObject",
    ):
        return _("{service} does not offer this call").format(service=service)
    detail = data[0] if isinstance(data, tuple) and data and isinstance(data[0], str) else ""
    if detail:
        return _("{service} refused the call ({error}: {detail})").format(
            service=service, error=error, detail=detail
        )
    return _("{service} refused the call ({error})").format(service=service, error=error)
