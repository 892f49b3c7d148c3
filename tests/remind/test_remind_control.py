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
from stretchtimer.control.client import ask
from stretchtimer.control.lock import AlreadyRunning, ReminderLock
from stretchtimer.control.place import PlaceError, control_dir, private_dir, socket_path
from stretchtimer.control.protocol import request
from stretchtimer.control.server import ControlServer, listen
from stretchtimer.history.stats import BreakTally
from stretchtimer.remind.display import reminder_text
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
        self.server = ControlServer(listen(self.path), handle, **kwargs)  # type: ignore[arg-type]
        self.server.start()

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
    rig.server.close()


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
        rig.server.close()


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
