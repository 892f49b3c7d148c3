"""Who is at the other end of a Unix socket: the kernel's word, not the peer's."""

from __future__ import annotations

import socket
import struct
from collections.abc import Callable

#: The user id of the process at the other end of a connected socket.
PeerUid = Callable[[socket.socket], int]

_UCRED = struct.Struct("3i")  # pid, uid, gid


def peer_uid(sock: socket.socket) -> int:
    raw = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, _UCRED.size)
    _pid, uid, _gid = _UCRED.unpack(raw)
    return int(uid)
