"""The driver's output on a real pseudo-terminal: straight from the caller while the
terminal keeps up, never blocking the caller when it does not, and always in order."""

from __future__ import annotations

import io
import os
import threading
import tty
from collections.abc import Iterator

import pytest

from stretchtimer.tui.terminal_output import TerminalOutput

#: Generous: only stops a broken writer hanging the suite.
JOIN_TIMEOUT = 10.0


class Terminal:
    """A pseudo-terminal: the end a program writes to (raw) and the end a terminal reads."""

    def __init__(self) -> None:
        self.screen_end, self.program_end = os.openpty()
        tty.setraw(self.program_end)
        self.file = io.TextIOWrapper(
            io.FileIO(self.program_end, "w", closefd=False), encoding="utf-8"
        )

    def read_all(self, size: int) -> bytes:
        data = b""
        while len(data) < size:
            data += os.read(self.screen_end, size - len(data))
        return data

    def close(self) -> None:
        self.file.close()
        os.close(self.screen_end)
        os.close(self.program_end)


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    opened = Terminal()
    yield opened
    opened.close()


def test_a_terminal_that_keeps_up_is_written_by_the_caller_alone(terminal: Terminal) -> None:
    output = TerminalOutput(terminal.file)
    assert output.direct
    before = threading.active_count()
    frames = [f"\x1b[6;3Hframe {n} ·" for n in range(50)]
    for frame in frames:
        output.write(frame)
        assert terminal.read_all(len(frame.encode())) == frame.encode()
    assert threading.active_count() == before  # no thread was needed
    output.close()


def test_a_terminal_that_stops_reading_never_holds_up_the_caller(terminal: Terminal) -> None:
    output = TerminalOutput(terminal.file)
    frames = [f"{n:06d}".encode() * 2000 for n in range(40)]  # 480 KB, far past the buffer
    wrote = threading.Thread(target=lambda: [output.write(f.decode()) for f in frames])
    wrote.start()
    wrote.join(JOIN_TIMEOUT)
    assert not wrote.is_alive(), "a write waited for the terminal"
    # What the terminal could not take yet arrives later, in order, and all of it.
    expected = b"".join(frames)
    reading: list[bytes] = []
    reader = threading.Thread(target=lambda: reading.append(terminal.read_all(len(expected))))
    reader.start()
    output.write("end")
    output.close()
    reader.join(JOIN_TIMEOUT)
    assert reading == [expected]
    assert terminal.read_all(3) == b"end"


def test_output_that_is_not_a_terminal_goes_through_the_thread_in_order() -> None:
    read_end, write_end = os.pipe()
    file = io.TextIOWrapper(io.FileIO(write_end, "w"), encoding="utf-8")
    output = TerminalOutput(file)
    assert not output.direct
    for n in range(100):
        output.write(f"{n},")
    output.close()
    file.close()
    with io.FileIO(read_end, "r") as pipe:
        assert pipe.read() == "".join(f"{n}," for n in range(100)).encode()


def test_held_writes_go_out_together_at_the_end_of_the_block(terminal: Terminal) -> None:
    output = TerminalOutput(terminal.file)
    with output.held():
        output.write("\x1b]2;0:41 Hold\x07")
        with output.held():  # a nested hold is part of the outer one
            output.write("\x1b[6;3H41")
        os.set_blocking(terminal.screen_end, False)
        with pytest.raises(BlockingIOError):
            os.read(terminal.screen_end, 100)  # nothing written yet
        os.set_blocking(terminal.screen_end, True)
    expected = b"\x1b]2;0:41 Hold\x07\x1b[6;3H41"
    assert terminal.read_all(len(expected)) == expected
    output.close()


def test_closing_in_the_middle_of_a_held_block_writes_what_was_held(terminal: Terminal) -> None:
    output = TerminalOutput(terminal.file)
    with output.held():
        output.write("frame")
        output.close()  # as Ctrl+Z does, from a signal handler
        assert terminal.read_all(5) == b"frame"
    os.set_blocking(terminal.screen_end, False)
    with pytest.raises(BlockingIOError):
        os.read(terminal.screen_end, 100)  # and nothing twice
