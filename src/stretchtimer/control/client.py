"""The command line's end of the control socket: one request, one reply."""

from __future__ import annotations

import socket
from pathlib import Path

from stretchtimer.control.protocol import MAX_MESSAGE, Message, ProtocolError, decode, encode
from stretchtimer.i18n import _

TIMEOUT = 3.0


class NotRunning(Exception):
    """No reminder listens at the socket."""


class NoAnswer(Exception):
    """A reminder is there but gave no usable answer; the message says what happened."""


def ask(path: Path, message: Message, *, timeout: float = TIMEOUT) -> Message:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM | socket.SOCK_CLOEXEC)
    sock.settimeout(timeout)
    with sock:
        try:
            sock.connect(str(path))
        except (FileNotFoundError, ConnectionRefusedError):
            raise NotRunning from None
        except OSError as exc:
            raise NoAnswer(
                _("cannot reach the reminder at {path}: {reason}").format(
                    path=path, reason=exc.strerror or exc
                )
            ) from None
        try:
            sock.sendall(encode(message))
            data = b""
            while len(data) <= MAX_MESSAGE:
                chunk = sock.recv(MAX_MESSAGE + 1 - len(data))
                if not chunk:
                    break
                data += chunk
        except TimeoutError:
            raise NoAnswer(_("the reminder did not answer in time")) from None
        except OSError as exc:
            raise NoAnswer(
                _("the connection broke: {reason}").format(reason=exc.strerror or exc)
            ) from None
    if not data:
        raise NoAnswer(_("the reminder closed the connection without an answer"))
    try:
        return decode(data.strip())
    except ProtocolError as exc:
        raise NoAnswer(
            _("the reminder's answer is not understood: {exc}").format(exc=exc)
        ) from None
