"""The reminder's end of the control socket: a thread that answers one request per
connection.

The thread only reads, checks and writes; what a request does is the
reminder's handler, which ``dispatch`` runs on the reminder's own loop, so
the scheduler is never touched from this thread. A malformed request, a
silent peer or another user's connection gets an error reply (or none) and
leaves the reminder as it was.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import socket
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from stretchtimer.control.peer import PeerUid, peer_uid
from stretchtimer.control.protocol import (
    MAX_MESSAGE,
    Message,
    ProtocolError,
    check_request,
    decode,
    encode,
    failure,
    ok,
)
from stretchtimer.i18n import _

T = TypeVar("T")

#: How long a peer may take to send its request.
READ_TIMEOUT = 2.0

#: A checked request to the reply's fields (``ok`` is added); ValueError says what is wrong.
Handler = Callable[[Message], Message]
Dispatch = Callable[[Callable[[], Message]], Message]


def _direct(call: Callable[[], T]) -> T:
    return call()


class SocketError(Exception):
    """The control socket cannot be opened; the message says why."""


def listen(path: Path) -> socket.socket:
    """A listening socket at ``path`` (mode 0600), replacing one a dead reminder left.

    Call it only while holding the reminder lock: the old socket is then surely stale.
    """
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM | socket.SOCK_CLOEXEC)
    old_mask = os.umask(0o177)
    try:
        sock.bind(str(path))
    except OSError as exc:
        sock.close()
        raise SocketError(
            _("cannot open the control socket {path}: {reason}").format(
                path=path, reason=exc.strerror or exc
            )
        ) from None
    finally:
        os.umask(old_mask)
    os.chmod(path, 0o600)
    sock.listen(8)
    return sock


class ControlServer:
    def __init__(
        self,
        sock: socket.socket,
        handler: Handler,
        *,
        uid: int | None = None,
        peer: PeerUid = peer_uid,
    ) -> None:
        self._sock = sock
        self._handler = handler
        self._uid = os.getuid() if uid is None else uid
        self._peer = peer
        self.dispatch: Dispatch = _direct
        self._wake_r, self._wake_w = os.pipe2(os.O_CLOEXEC | os.O_NONBLOCK)
        self._thread: threading.Thread | None = None
        self._closed = False

    def start(self, dispatch: Dispatch | None = None) -> None:
        if dispatch is not None:
            self.dispatch = dispatch
        if self._thread is None:
            self._thread = threading.Thread(target=self._serve, name="control", daemon=True)
            self._thread.start()

    def _serve(self) -> None:
        with selectors.DefaultSelector() as selector:
            selector.register(self._sock, selectors.EVENT_READ)
            selector.register(self._wake_r, selectors.EVENT_READ)
            while not self._closed:
                ready = {key.fileobj for key, _ in selector.select()}
                if self._wake_r in ready or self._closed:
                    return
                try:
                    conn, _address = self._sock.accept()
                except OSError:
                    continue
                with conn:
                    self.answer(conn)

    def answer(self, conn: socket.socket) -> None:
        """Read one request from ``conn`` and write its reply (or nothing, to a stranger)."""
        try:
            uid = self._peer(conn)
        except OSError:
            return
        if uid != self._uid:
            self._reply(conn, failure("refused: the reminder answers only its own user"))
            return
        try:
            message = decode(self._read(conn))
            check_request(message)
        except ProtocolError as exc:
            self._reply(conn, failure(_("bad request: {exc}").format(exc=exc)))
            return
        except OSError:
            return
        try:
            reply = ok(**self.dispatch(lambda: self._handler(message)))
        except ValueError as exc:  # a request that makes no sense to the reminder
            reply = failure(str(exc))
        except Exception as exc:  # the reminder is ending
            reply = failure(
                _("the reminder could not answer ({name})").format(name=type(exc).__name__)
            )
        self._reply(conn, reply)

    @staticmethod
    def _read(conn: socket.socket) -> bytes:
        conn.settimeout(READ_TIMEOUT)
        data = b""
        while b"\n" not in data and len(data) <= MAX_MESSAGE:
            chunk = conn.recv(MAX_MESSAGE + 1 - len(data))
            if not chunk:
                break
            data += chunk
        return data.split(b"\n", 1)[0] if b"\n" in data else data

    @staticmethod
    def _reply(conn: socket.socket, reply: Message) -> None:
        with contextlib.suppress(OSError):
            conn.settimeout(READ_TIMEOUT)
            conn.sendall(encode(reply))
            conn.shutdown(socket.SHUT_WR)
            # What a peer sent beyond one request is read and dropped: closing with it
            # unread would reset the connection before the peer read the reply.
            conn.settimeout(0.2)
            drained = 0
            while drained < 16 * MAX_MESSAGE and (chunk := conn.recv(MAX_MESSAGE)):
                drained += len(chunk)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(OSError):
            os.write(self._wake_w, b"x")
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=2.0)
        for fd in (self._wake_r, self._wake_w):
            with contextlib.suppress(OSError):
                os.close(fd)
        with contextlib.suppress(OSError):
            path = self._sock.getsockname()
            self._sock.close()
            if isinstance(path, str) and path:
                os.unlink(path)
