"""The control protocol: one JSON request and one JSON reply per connection.

A request is an object such as ``{"v": 1, "cmd": "status"}``; a reply is
``{"v": 1, "ok": true, ...}`` or ``{"v": 1, "ok": false, "error": "..."}``.
The version lets a newer command line talk to an older reminder and say
plainly that they differ, instead of misreading each other.
"""

from __future__ import annotations

import json
from typing import Any

from stretchtimer.i18n import _

VERSION = 1
#: A request longer than this is not one of ours.
MAX_MESSAGE = 4096
COMMANDS = ("status", "pause", "resume")

Message = dict[str, Any]


class ProtocolError(ValueError):
    """A request or reply that does not follow the protocol; the message says how."""


def encode(message: Message) -> bytes:
    return json.dumps(message, ensure_ascii=True).encode("ascii") + b"\n"


def decode(data: bytes) -> Message:
    """One message as received; ProtocolError when it is not a JSON object of our version."""
    if len(data) > MAX_MESSAGE:
        raise ProtocolError(
            _("message longer than {max_message} bytes").format(max_message=MAX_MESSAGE)
        )
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ProtocolError(_("not JSON")) from None
    if not isinstance(value, dict):
        raise ProtocolError(_("not a JSON object"))
    version = value.get("v")
    if isinstance(version, bool) or version != VERSION:
        raise ProtocolError(
            _("protocol version {version!r} is not {known}").format(version=version, known=VERSION)
        )
    return value


def request(cmd: str, **fields: object) -> Message:
    return {"v": VERSION, "cmd": cmd, **fields}


def check_request(message: Message) -> str:
    """The command a request names; ProtocolError for one this side does not know."""
    cmd = message.get("cmd")
    if not isinstance(cmd, str) or cmd not in COMMANDS:
        shown = cmd if isinstance(cmd, str) else type(cmd).__name__
        raise ProtocolError(
            _("unknown command {shown!r}; known: {commands}").format(
                shown=shown[:40], commands=", ".join(COMMANDS)
            )
        )
    return cmd


def ok(**fields: object) -> Message:
    return {"v": VERSION, "ok": True, **fields}


def failure(error: str) -> Message:
    return {"v": VERSION, "ok": False, "error": error}
