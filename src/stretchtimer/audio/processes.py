"""Helper processes (sound and speech commands) that stay out of the way.

The terminal belongs to the app: a child must not print over the screen, read
the keys meant for it, or be hit by the Ctrl-C the person aims at the app.
"""

from __future__ import annotations

import subprocess


def start_quietly(argv: list[str]) -> subprocess.Popen[bytes]:
    """Start a command in a session of its own, with every stream sent nowhere."""
    return subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        close_fds=True,
        start_new_session=True,
    )


def end_process(process: subprocess.Popen[bytes]) -> None:
    """Stop a command if it still runs, and reap it so no zombie is left."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=0.5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=0.5)
