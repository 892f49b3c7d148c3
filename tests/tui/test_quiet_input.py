"""The quiet input driver: keys arrive, a lone Escape arrives, stopping is prompt,
and an idle app does not wake for input it has not got.

These run the driver's input thread on a pipe standing in for the terminal;
``test_quiet_input_pty.py`` runs it on a pseudo-terminal, and
``e2e/test_e2e_quiet_input.py`` runs the real command in tmux.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator

import pytest
from textual import events
from textual.app import App
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

from stretchtimer.config import Config
from stretchtimer.tui.app import StretchApp
from stretchtimer.tui.quiet_input import QuietLinuxDriver

#: Generous: the thread answers in milliseconds; this only stops a broken one hanging the suite.
JOIN_TIMEOUT = 10.0


class RecordingDriver(QuietLinuxDriver):
    """Reads a pipe instead of the terminal and keeps what it parsed."""

    def __init__(self, app: App[None], fileno: int) -> None:
        super().__init__(app)
        self.fileno = fileno
        self.received: list[Message] = []
        self.arrived = threading.Event()

    def process_message(self, message: Message) -> None:
        self.received.append(message)
        self.arrived.set()

    def keys(self) -> list[str]:
        return [m.key for m in self.received if isinstance(m, events.Key)]


def _reading(driver: RecordingDriver) -> threading.Thread:
    """The driver's input thread, started as Textual starts it."""
    thread = threading.Thread(target=driver.run_input_thread, daemon=True)
    thread.start()
    return thread


def _stop(driver: RecordingDriver, thread: threading.Thread) -> None:
    """Stop the thread as Textual does (set the event, join) and check that it ended."""
    driver.exit_event.set()
    thread.join(JOIN_TIMEOUT)
    assert not thread.is_alive(), "the input thread did not stop when told to"


@pytest.fixture
async def pipe_driver() -> Iterator[tuple[RecordingDriver, int]]:
    read_end, write_end = os.pipe()
    driver = RecordingDriver(App(), read_end)
    thread = _reading(driver)
    try:
        yield driver, write_end
        _stop(driver, thread)
    finally:
        driver.exit_event.set()
        os.close(write_end)
        os.close(read_end)


def _wait_for_keys(driver: RecordingDriver, count: int) -> list[str]:
    deadline = time.monotonic() + JOIN_TIMEOUT
    while len(driver.keys()) < count and time.monotonic() < deadline:
        driver.arrived.wait(0.05)
        driver.arrived.clear()
    return driver.keys()


async def test_keys_typed_arrive_as_textual_parses_them(
    pipe_driver: tuple[RecordingDriver, int],
) -> None:
    driver, typed = pipe_driver
    os.write(typed, b"q\x1b[A ")
    assert _wait_for_keys(driver, 3) == ["q", "up", "space"]


async def test_a_lone_escape_arrives_without_another_key_after_it(
    pipe_driver: tuple[RecordingDriver, int],
) -> None:
    # The parser holds a lone Escape to see whether a sequence follows; the
    # thread must wake by itself to let it go, though no more input comes.
    driver, typed = pipe_driver
    os.write(typed, b"\x1b")
    assert _wait_for_keys(driver, 1) == ["escape"]


async def test_stopping_wakes_a_thread_that_waits_for_input() -> None:
    read_end, write_end = os.pipe()
    driver = RecordingDriver(App(), read_end)
    thread = _reading(driver)
    try:
        _stop(driver, thread)
    finally:
        os.close(write_end)
        os.close(read_end)


async def test_a_new_thread_after_a_stop_reads_again() -> None:
    # Suspending (Ctrl+Z) stops the input thread and joins it; resuming starts
    # a new one on the same driver, which must wait and wake as the first did.
    read_end, write_end = os.pipe()
    driver = RecordingDriver(App(), read_end)
    try:
        for count, key in enumerate((b"a", b"b"), start=1):
            thread = _reading(driver)
            os.write(write_end, key)
            assert _wait_for_keys(driver, count) == ["a", "b"][:count]
            _stop(driver, thread)
            driver.exit_event.clear()
    finally:
        os.close(write_end)
        os.close(read_end)


async def test_the_end_of_input_stops_the_reading_not_the_thread() -> None:
    # A hung-up terminal reads as the end of input: the thread stops watching it
    # rather than wake for it over and over, and still stops when told to.
    read_end, write_end = os.pipe()
    driver = RecordingDriver(App(), read_end)
    thread = _reading(driver)
    try:
        os.close(write_end)
        cpu_before = time.process_time()
        time.sleep(0.5)
        spent = time.process_time() - cpu_before
        assert thread.is_alive()
        assert spent < 0.2, f"{spent:.2f} s of CPU in 0.5 s: the thread spins on the closed input"
        _stop(driver, thread)
    finally:
        os.close(read_end)


def test_the_app_uses_it_in_place_of_textuals_linux_driver(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    app = StretchApp(None, config=Config())
    assert issubclass(app.driver_class, LinuxDriver)
    assert app.driver_class is QuietLinuxDriver


def test_a_driver_named_in_the_environment_is_respected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        "textual.constants.DRIVER", "textual.drivers.linux_driver:LinuxDriver", raising=True
    )
    app = StretchApp(None, config=Config())
    assert app.driver_class is LinuxDriver
