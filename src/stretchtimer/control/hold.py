"""The running reminder's hold on its place: the per-user lock, then the socket.

Taken before anything else starts, so a second reminder refuses at once, in
a terminal or not; given back when the reminder ends (and by the kernel,
should it be killed).
"""

from __future__ import annotations

import socket

from stretchtimer.control.lock import ReminderLock
from stretchtimer.control.place import (
    PlaceError,
    control_dir,
    lock_dir,
    lock_path,
    private_dir,
    socket_path,
)
from stretchtimer.control.server import ControlServer, Handler, SocketError, listen
from stretchtimer.i18n import _


class HeldPlace:
    def __init__(self, lock: ReminderLock, sock: socket.socket) -> None:
        self.lock = lock
        self.sock = sock
        self.server: ControlServer | None = None

    def serve(self, handler: Handler) -> ControlServer:
        """The server that answers on the socket (started by the reminder's loop)."""
        self.server = ControlServer(self.sock, handler)
        return self.server

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
        else:
            self.sock.close()
        self.lock.release()


def hold_the_place() -> HeldPlace:
    """This user's one reminder. Raises ``AlreadyRunning`` when another holds the lock,
    ``PlaceError`` (saying what to fix) when the folder, lock or socket cannot be made."""
    try:
        lock = ReminderLock.acquire(lock_path(private_dir(lock_dir(), create=True)))
    except OSError as exc:
        raise PlaceError(
            _("cannot take the reminder's lock: {strerror}").format(strerror=exc.strerror)
        ) from None
    try:
        path = socket_path(private_dir(control_dir(), create=True))
        held = HeldPlace(lock, listen(path))
        lock.announce(path)
        return held
    except SocketError as exc:
        lock.release()
        raise PlaceError(str(exc)) from None
    except BaseException:
        lock.release()
        raise
