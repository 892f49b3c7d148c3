"""Read a named pipe at the pace a sound card would, into a file.

ALSA's ``file`` plugin hands a stream over as fast as it is written, so a
stream would always reach its end before anyone could stop it. With the
plugin writing into this pipe, reading happens at 44.1 kHz 16-bit mono: the
player is held back as by a real device, and a sound stopped mid-way shows in
the captured file exactly as a listener would hear it. The pipe is shrunk to
one page before the writer comes, so it holds little more than a real
device's buffer.

Usage: python alsa_pacer.py FIFO OUT
"""

from __future__ import annotations

import fcntl
import os
import sys
import time

BYTES_PER_SECOND = 44100 * 2
#: How far reading may run ahead of the clock, like a device's own buffer.
SLACK_BYTES = 1024
F_SETPIPE_SZ = 1031


def main(fifo: str, out_path: str) -> None:
    fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    fcntl.fcntl(fd, F_SETPIPE_SZ, 4096)
    os.set_blocking(fd, True)
    got = 0
    start: float | None = None
    with open(out_path, "wb", buffering=0) as out:
        while True:
            if start is not None:
                allowed = (time.monotonic() - start) * BYTES_PER_SECOND + SLACK_BYTES
                if got >= allowed:
                    time.sleep(0.002)
                    continue
            try:
                data = os.read(fd, 882)
            except BlockingIOError:
                continue
            if not data:
                if start is None:  # no writer yet
                    time.sleep(0.002)
                    continue
                break
            if start is None:
                start = time.monotonic()
            out.write(data)
            got += len(data)
    os.close(fd)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
