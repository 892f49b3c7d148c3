"""The quiet input driver on a real pseudo-terminal, with no tmux: its input thread reads
keys as the kernel's terminal hands them over, sleeps while none come, and lets go of a
terminal that hangs up.

The thread runs as Textual runs it (its driver made inside an event loop), on the
terminal end a program would hold, in raw mode as Textual sets it; the test types on the
other end. Wake-ups are the kernel's count of the thread's voluntary context switches,
one per sleep.
"""

from __future__ import annotations

import os
import threading
import time
import tty
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from textual import events
from textual.app import App
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

from stretchtimer.tui.quiet_input import QuietLinuxDriver

#: Generous: the thread answers in milliseconds; this only stops a broken one hanging the suite.
JOIN_TIMEOUT = 10.0
#: How long an idle thread is watched. Textual's own thread wakes ten times a second.
IDLE_SECONDS = 0.6


class Terminal:
    """A pseudo-terminal: the end a program reads (raw, as Textual sets it) and the end typed on."""

    def __init__(self) -> None:
        self.typed_on, self.program_end = os.openpty()
        tty.setraw(self.program_end)

    def type(self, data: bytes) -> None:
        os.write(self.typed_on, data)

    def hang_up(self) -> None:
        """Close the typing end: reads on the program's end now fail (EIO), as after an SSH drop."""
        os.close(self.typed_on)
        self.typed_on = -1

    def close(self) -> None:
        for fd in (self.typed_on, self.program_end):
            if fd >= 0:
                os.close(fd)


def recording(base: type[LinuxDriver]) -> type[LinuxDriver]:
    class Recording(base):  # type: ignore[misc, valid-type]
        """Reads the given terminal end and keeps what it parsed, instead of posting it."""

        def __init__(self, fileno: int) -> None:
            super().__init__(App())
            self.fileno = fileno
            self.received: list[Message] = []
            self.arrived = threading.Event()

        def process_message(self, message: Message) -> None:
            self.received.append(message)
            self.arrived.set()

        def keys(self) -> list[str]:
            return [m.key for m in self.received if isinstance(m, events.Key)]

    return Recording


class Reading:
    """A driver's input thread, started and stopped as Textual starts and stops it."""

    def __init__(self, driver: LinuxDriver) -> None:
        self.driver = driver
        self.thread = threading.Thread(target=driver.run_input_thread, daemon=True)
        self.thread.start()

    def keys(self, count: int) -> list[str]:
        driver = self.driver
        deadline = time.monotonic() + JOIN_TIMEOUT
        while len(driver.keys()) < count and time.monotonic() < deadline:  # type: ignore[attr-defined]
            driver.arrived.wait(0.05)  # type: ignore[attr-defined]
            driver.arrived.clear()  # type: ignore[attr-defined]
        return driver.keys()  # type: ignore[attr-defined, no-any-return]

    def wakeups(self) -> int:
        assert self.thread.native_id is not None
        status = Path(f"/proc/self/task/{self.thread.native_id}/status").read_text()
        (line,) = (s for s in status.splitlines() if s.startswith("voluntary_ctxt_switches:"))
        return int(line.split()[1])

    def cpu_seconds(self) -> float:
        """The thread's time on a CPU so far (the kernel's scheduler statistics)."""
        assert self.thread.native_id is not None
        schedstat = Path(f"/proc/self/task/{self.thread.native_id}/schedstat").read_text()
        return int(schedstat.split()[0]) / 1e9

    def while_idle(self) -> tuple[int, float]:
        """Wake-ups and CPU seconds while nothing is typed."""
        time.sleep(0.1)  # let it settle into its wait
        woke, spent = self.wakeups(), self.cpu_seconds()
        time.sleep(IDLE_SECONDS)
        return self.wakeups() - woke, self.cpu_seconds() - spent

    def stop(self) -> None:
        self.driver.exit_event.set()
        self.thread.join(JOIN_TIMEOUT)
        assert not self.thread.is_alive(), "the input thread did not stop when told to"


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    opened = Terminal()
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
async def quiet(terminal: Terminal) -> AsyncIterator[Reading]:
    reading = Reading(recording(QuietLinuxDriver)(terminal.program_end))
    try:
        yield reading
    finally:
        reading.stop()


async def test_keys_typed_on_a_terminal_arrive_and_a_lone_escape_too(
    terminal: Terminal, quiet: Reading
) -> None:
    terminal.type("q\x1b[Aé".encode())
    assert quiet.keys(3) == ["q", "up", "é"]
    terminal.type(b"\x1b")  # nothing after it: the thread must wake by itself to let it go
    assert quiet.keys(4)[-1] == "escape"


async def test_an_idle_thread_sleeps_until_a_key_comes(terminal: Terminal, quiet: Reading) -> None:
    terminal.type(b"a")
    assert quiet.keys(1) == ["a"]
    woke, _spent = quiet.while_idle()
    assert woke <= 2
    terminal.type(b"b")  # and it still hears the next key
    assert quiet.keys(2) == ["a", "b"]


async def test_textuals_own_thread_would_wake_all_the_while(terminal: Terminal) -> None:
    """The count above tells the two apart: the stock thread polls ten times a second."""
    stock = Reading(recording(LinuxDriver)(terminal.program_end))
    try:
        woke, _spent = stock.while_idle()
        assert woke >= 4
    finally:
        stock.stop()


async def test_a_terminal_that_hangs_up_is_let_go(terminal: Terminal, quiet: Reading) -> None:
    terminal.type(b"x")
    assert quiet.keys(1) == ["x"]
    terminal.hang_up()
    time.sleep(0.1)  # it reads the hang-up (EIO) and stops watching the terminal
    assert quiet.thread.is_alive()
    woke, spent = quiet.while_idle()
    # Neither reading the dead terminal over and over nor sleeping on it in short naps.
    assert spent < 0.1, (
        f"{spent:.2f} s of CPU in {IDLE_SECONDS} s: it spins on the hung-up terminal"
    )
    assert woke <= 2
