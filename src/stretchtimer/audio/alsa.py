"""Keep libasound from printing over the screen.

When ALSA cannot open a device it writes "ALSA lib ..." lines straight to
file descriptor 2, bypassing Python, which scribbles over a full-screen
interface. libasound lets a program replace that printer, so a no-op handler
is installed before anything opens a device. Redirecting fd 2 instead would
also hide real crashes, so it is never done.
"""

from __future__ import annotations

import ctypes
import threading

from stretchtimer.i18n import _

LIBRARY = "libasound.so.2"

# void handler(const char *file, int line, const char *function, int err,
#              const char *fmt, ...): the variadic tail is simply not read.
_HANDLER_TYPE = ctypes.CFUNCTYPE(
    None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p
)


def _ignore(
    file: bytes | None, line: int, function: bytes | None, err: int, fmt: bytes | None
) -> None:
    return None


_lock = threading.Lock()
#: The installed callback. libasound keeps only a raw pointer, so this
#: reference is what stops the callback from being garbage collected.
_handler: object | None = None
_status: str | None = None


def install_alsa_error_handler() -> bool:
    """Silence libasound's messages; True once silenced, False without libasound.

    Safe to call any number of times: the handler is installed only once.
    """
    global _handler, _status
    with _lock:
        if _handler is not None:
            return True
        try:
            library = ctypes.CDLL(LIBRARY)
            set_handler = library.snd_lib_error_set_handler
        except (OSError, AttributeError) as exc:
            _status = _("{library} not available ({exc}); nothing to silence").format(
                library=LIBRARY, exc=exc
            )
            return False
        handler = _HANDLER_TYPE(_ignore)
        set_handler.argtypes = [_HANDLER_TYPE]
        set_handler.restype = ctypes.c_int
        set_handler(handler)
        _handler = handler
        _status = _("libasound messages silenced")
        return True


def alsa_handler_status() -> str:
    """What ``install_alsa_error_handler`` achieved, for the doctor report."""
    with _lock:
        return _status or _("libasound messages not silenced (handler not installed yet)")
