"""The control socket: one reminder per user, and status/pause/resume from another shell.

Real sockets and real lock files in a private folder; the reminder's side is
the scheduler on fake clocks (``remind_day``), answered in this thread.
"""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from fresh_imports import loaded_after
from remind_day import MIN, Day, plan

from stretchtimer.cli import main
from stretchtimer.cli.control import status_line
from stretchtimer.control.client import ask
from stretchtimer.control.hold import hold_the_place
from stretchtimer.control.lock import AlreadyRunning, ReminderLock
from stretchtimer.control.place import (
    PlaceError,
    control_dir,
    lock_dir,
    lock_path,
    private_dir,
    socket_path,
)
from stretchtimer.control.protocol import request
from stretchtimer.control.server import ControlServer
from stretchtimer.history.stats import BreakTally
from stretchtimer.remind.display import reminder_text
from stretchtimer.remind.plan import parse_working_hours
from stretchtimer.remind.remote import answer


class Running:
    """A reminder's control server at the real place, answering for a simulated day."""

    def __init__(self, day: Day, *, peer_uid: int | None = None) -> None:
        self.day = day
        self.folder = private_dir(control_dir(), create=True)
        self.path = socket_path(self.folder)

        handle = partial(answer, day.scheduler)
        peer = (lambda _sock: peer_uid) if peer_uid is not None else None
        kwargs = {"peer": peer} if peer is not None else {}
        self.held = hold_the_place()
        self.server = ControlServer(self.held.sock, handle, **kwargs)  # type: ignore[arg-type]
        self.held.server = self.server
        self.server.start()

    def close(self) -> None:
        self.held.release()

    def raw(self, data: bytes) -> dict[str, object]:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(5)
            sock.connect(str(self.path))
            sock.sendall(data)
            sock.shutdown(socket.SHUT_WR)
            reply = b""
            while chunk := sock.recv(65536):
                reply += chunk
        value: dict[str, object] = json.loads(reply)
        return value


@pytest.fixture
def running() -> Iterator[Running]:
    rig = Running(Day(plan(micro_every=0)))
    yield rig
    rig.close()


def test_status_over_the_socket_follows_the_day(running: Running) -> None:
    running.day.work(37 * MIN)
    reply = ask(running.path, request("status"))
    assert reply["ok"] is True and reply["v"] == 1
    assert reply["state"] == "working" and reply["next_break_in"] == 23 * 60
    assert reply["pid"] == os.getpid() and reply["paused_until"] is None
    running.day.work(23 * MIN)
    assert ask(running.path, request("status"))["state"] == "due"


def test_pause_for_a_time_and_until_a_clock_time_then_resume(running: Running) -> None:
    reply = ask(running.path, request("pause", seconds=90 * 60))
    assert reply["state"] == "paused" and reply["paused_until"].startswith("2026-03-02T10:30")
    view = running.day.scheduler.view()
    assert reminder_text(view, BreakTally()).headline == "Paused until 10:30"
    # The hour runs out inside the pause: the break waits for its end, then prompts.
    running.day.work(44 * MIN)
    running.day.work(20 * MIN)
    assert running.day.due() == []
    assert ask(running.path, request("status"))["state"] == "paused"
    reply = ask(running.path, request("resume"))
    assert reply["was_paused"] is True
    running.day.poll()
    assert len(running.day.due()) == 1
    assert ask(running.path, request("status"))["state"] == "due"
    reply = ask(running.path, request("pause", until="11:30"))
    assert reply["paused_until"].startswith("2026-03-02T11:30")
    # A time already past today means tomorrow's.
    reply = ask(running.path, request("pause", until="08:00"))
    assert reply["paused_until"].startswith("2026-03-03T08:00")


def test_resume_replies_with_the_state_it_left(running: Running) -> None:
    running.day.work(61 * MIN)
    ask(running.path, request("pause", seconds=10 * 60))
    assert ask(running.path, request("status"))["state"] == "paused"
    reply = ask(running.path, request("resume"))
    assert reply["was_paused"] is True and reply["state"] == "due"
    assert ask(running.path, request("status"))["state"] == "due"


def test_a_pause_until_a_time_already_past_says_tomorrow(running: Running) -> None:
    running.day.work(MIN // 10)  # 09:00:06
    reply = ask(running.path, request("pause", until="09:00"))
    assert status_line(reply) == "paused until tomorrow 09:00"
    assert reminder_text(running.day.scheduler.view(), BreakTally()).headline == (
        "Paused until tomorrow 09:00"
    )
    assert status_line(ask(running.path, request("status"))) == "paused until tomorrow 09:00"
    reply = ask(running.path, request("pause", until="11:30"))
    assert status_line(reply) == "paused until 11:30"
    assert reminder_text(running.day.scheduler.view(), BreakTally()).headline == (
        "Paused until 11:30"
    )


def test_the_panes_snooze_is_the_same_pause_under_its_own_name(running: Running) -> None:
    running.day.scheduler.snooze(20 * 60)
    reply = ask(running.path, request("status"))
    assert reply["state"] == "snoozed" and reply["paused_until"].startswith("2026-03-02T09:20")
    assert ask(running.path, request("resume"))["state"] == "working"


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"hello\n", "not JSON"),
        (b"[1, 2]\n", "not a JSON object"),
        (b'{"cmd": "status"}\n', "protocol version None"),
        (b'{"v": 2, "cmd": "status"}\n', "protocol version 2"),
        (b'{"v": true, "cmd": "status"}\n', "protocol version True"),
        (b'{"v": 1, "cmd": "reboot"}\n', "unknown command 'reboot'"),
        (b'{"v": 1}\n', "unknown command"),
        (b'{"v": 1, "cmd": "status", "pad": "' + b"x" * 5000 + b'"}\n', "longer than 4096"),
        (b"\xff\xfe\n", "not JSON"),
        (b"", "not JSON"),
        (b'{"v": 1, "cmd": "pause"}\n', "needs 'seconds'"),
        (b'{"v": 1, "cmd": "pause", "seconds": "soon"}\n', "needs 'seconds'"),
        (b'{"v": 1, "cmd": "pause", "seconds": -5}\n', "from 1 second"),
        (b'{"v": 1, "cmd": "pause", "until": "25:00"}\n', "not a time of day"),
    ],
    ids=lambda value: repr(value)[:30] if isinstance(value, bytes) else None,
)
def test_a_malformed_request_gets_an_error_and_the_reminder_goes_on(
    running: Running, data: bytes, said: str
) -> None:
    reply = running.raw(data)
    assert reply["ok"] is False and said in str(reply["error"])
    assert ask(running.path, request("status"))["state"] == "working"
    assert running.day.scheduler.current_pause is None


def test_another_users_connection_is_refused() -> None:
    rig = Running(Day(plan(micro_every=0)), peer_uid=os.getuid() + 1)
    try:
        reply = rig.raw(b'{"v": 1, "cmd": "pause", "seconds": 600}\n')
        assert reply == {"v": 1, "ok": False, "error": reply["error"]}
        assert "only its own user" in str(reply["error"])
        assert rig.day.scheduler.current_pause is None
    finally:
        rig.close()


def test_the_socket_and_its_folder_are_private(running: Running) -> None:
    assert stat.S_IMODE(os.stat(running.folder).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(running.path).st_mode) == 0o600
    running.server.close()
    assert not running.path.exists()


def test_a_folder_others_can_enter_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "open"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    with pytest.raises(PlaceError, match="chmod 700"):
        private_dir(folder, create=True)


def test_without_a_runtime_folder_the_place_is_under_the_data_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    assert control_dir().parts[-3:] == ("share", "stretchtimer", "run")


def test_a_second_reminder_from_a_shell_without_a_runtime_folder_refuses(
    running: Running, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    with pytest.raises(AlreadyRunning) as refused:
        hold_the_place()
    assert refused.value.pid == os.getpid()
    # ... and status from that shell finds the running one, whose socket is elsewhere.
    assert not str(running.path).startswith(str(control_dir()))
    assert main(["status"]) == 0
    assert capsys.readouterr().out == "break in 60 min\n"


def test_a_second_reminder_with_another_runtime_folder_refuses(
    running: Running, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    other = tmp_path / "other-runtime"
    other.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(other))
    with pytest.raises(AlreadyRunning):
        hold_the_place()
    assert ask(running.path, request("status"))["state"] == "working"


def test_a_stale_lock_file_means_not_running_and_is_taken_over(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rig = Running(Day(plan(micro_every=0)))
    lock_file = lock_path(lock_dir())
    stale = lock_file.read_bytes()
    rig.close()
    lock_file.write_bytes(stale)  # as a killed reminder leaves it: no one holds the lock
    assert main(["status"]) == 1
    assert capsys.readouterr().out == "not running\n"
    hold_the_place().release()


def test_a_lock_file_naming_another_place_is_not_followed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    private_dir(lock_dir(), create=True)
    lock_path(lock_dir()).write_text(f"1\n{tmp_path / 'elsewhere.sock'}\n")
    assert main(["status"]) == 1
    assert "names no reminder's socket" in capsys.readouterr().err


def test_one_lock_per_user_and_a_stale_one_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "reminder.lock"
    path.write_text("999999999\n")  # left by a reminder that was killed: no one holds it
    first = ReminderLock.acquire(path)
    assert path.read_text() == f"{os.getpid()}\n"
    with pytest.raises(AlreadyRunning) as refused:
        ReminderLock.acquire(path)
    assert refused.value.pid == os.getpid()
    first.release()
    ReminderLock.acquire(path).release()


def test_the_lock_of_a_killed_reminder_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "reminder.lock"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from pathlib import Path\n"
            "from stretchtimer.control.lock import ReminderLock\n"
            f"ReminderLock.acquire(Path({str(path)!r}))\n"
            "print('held', flush=True)\n"
            "time.sleep(60)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with pytest.raises(AlreadyRunning) as refused:
            ReminderLock.acquire(path)
        assert refused.value.pid == holder.pid
    finally:
        holder.kill()  # SIGKILL: no chance to clean up
        holder.wait()
    lock = ReminderLock.acquire(path)
    assert path.read_text() == f"{os.getpid()}\n"
    lock.release()


def test_a_pause_outside_working_hours_says_it_took(capsys: pytest.CaptureFixture[str]) -> None:
    rig = Running(Day(plan(micro_every=0, working_hours=parse_working_hours("10:00-17:00"))))
    try:
        rig.day.work(MIN)
        assert main(["pause", "10m"]) == 0
        assert capsys.readouterr().out == "paused until 09:11; now outside working hours\n"
        assert rig.day.scheduler.current_pause is not None
    finally:
        rig.close()


def test_a_negative_pause_gets_a_duration_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pause", "-5m"]) == 1
    assert capsys.readouterr().err == (
        "stretchtimer: error: pause needs a duration like 45m or 1h30m, not '-5m'\n"
    )


def test_the_commands_say_what_the_reminder_says(
    running: Running, capsys: pytest.CaptureFixture[str]
) -> None:
    running.day.work(37 * MIN)
    assert main(["status"]) == 0
    assert capsys.readouterr().out == "break in 23 min\n"
    assert main(["pause", "until", "10:15"]) == 0
    assert capsys.readouterr().out == "paused until 10:15\n"
    assert main(["status", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["running"] is True and shown["state"] == "paused"
    assert shown["next_break_in"] == 23 * 60 and shown["pid"] == os.getpid()
    assert main(["resume"]) == 0
    assert capsys.readouterr().out == "break in 23 min\n"
    assert main(["resume"]) == 0
    assert capsys.readouterr().out.startswith("the reminder was not paused")
    assert main(["pause", "45m"]) == 0
    assert capsys.readouterr().out == "paused until 10:22\n"  # the day's clock: 09:37 + 45 min
    assert running.day.scheduler.current_pause is not None


def test_with_no_reminder_the_commands_say_so_and_exit_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["status"]) == 1
    assert capsys.readouterr().out == "not running\n"
    assert main(["status", "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["running"] is False
    for argv in (["pause", "45m"], ["pause", "until", "14:00"], ["resume"]):
        assert main(argv) == 1
        assert "no reminder is running" in capsys.readouterr().err
    assert main(["pause", "soon"]) == 1
    assert "pause needs a duration like 45m" in capsys.readouterr().err


def test_status_loads_neither_textual_nor_yaml() -> None:
    code = (
        "import contextlib, io\nfrom stretchtimer.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n    main(['status'])"
    )
    assert loaded_after(code, ["textual", "rich", "yaml", "stretchtimer.loader"]) == []
