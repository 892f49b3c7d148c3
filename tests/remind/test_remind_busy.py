"""Quiet when busy: a device held open (on a fake /proc), a locked screen and GNOME's
banners (on the private bus), and what each does to the day."""

from __future__ import annotations

import os
import tracemalloc
from datetime import datetime
from pathlib import Path

import pytest
from private_bus import FakeDesktop, PrivateBus
from remind_day import MIN, Day, plan

from stretchtimer.idle.locked import LockedScreen
from stretchtimer.notify.banners import ASK_EVERY, Banners
from stretchtimer.remind.busy_devices import SCAN_EVERY, BusyDevices, held_open
from stretchtimer.remind.do_not_disturb import DoNotDisturb, running_programs
from stretchtimer.remind.events import BreakHeld
from stretchtimer.remind.view import Status
from stretchtimer.session.clock import FakeClock


class FakeProc:
    """A /proc with processes whose open files are symlinks, as the kernel shows them."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def process(self, pid: int, *files: str) -> Path:
        fd = self.root / str(pid) / "fd"
        fd.mkdir(parents=True, exist_ok=True)
        for number, target in enumerate(files):
            (fd / str(number)).symlink_to(target)
        return fd

    def close_all(self, pid: int) -> None:
        for link in (self.root / str(pid) / "fd").iterdir():
            link.unlink()


def test_a_device_held_open_is_found_by_pattern(tmp_path: Path) -> None:
    proc = FakeProc(tmp_path / "proc")
    proc.process(100, "/dev/null", "/dev/pts/3", "socket:[1234]")
    (tmp_path / "proc" / "self").mkdir()  # not a process number: passed over
    proc.process(200, "/usr/lib/libc.so.6", "/dev/video2")
    uid = os.getuid()
    assert held_open(["/dev/video*"], proc.root, uid) == "/dev/video2"
    assert held_open(["/dev/snd/pcmC*c"], proc.root, uid) is None
    # Processes of another user are not looked at.
    assert held_open(["/dev/video*"], proc.root, uid + 1) is None
    assert held_open(["/dev/video*"], tmp_path / "no-proc", uid) is None


def test_a_scan_needs_no_more_memory_for_a_program_with_a_thousand_files(
    tmp_path: Path,
) -> None:
    """The all-day process scans as each break comes due; the memory a scan needs at
    once stays with the process afterwards, so it must not grow with the files open."""
    proc = FakeProc(tmp_path / "proc")
    proc.process(100, *(f"/tmp/file-{n}" for n in range(1000)), "/dev/video1")
    proc.process(200, "/dev/null")
    uid = os.getuid()
    tracemalloc.start()
    try:
        found = held_open(["/dev/video*"], proc.root, uid)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert found == "/dev/video1"
    # A list of the 1,001 links alone takes over 100 KiB.
    assert peak < 32 * 1024


def test_running_programs_are_named_from_comm_and_the_command_line(tmp_path: Path) -> None:
    proc = tmp_path / "proc"
    for pid, comm, cmdline in (
        (10, "zoom\n", b"/opt/zoom/zoom\0--url\0" + b"x" * 100_000),
        (11, "kworker/0:1\n", b""),  # a kernel thread: no command line
        (12, "python3\n", b"/usr/bin/python3\0-m\0app\0"),
    ):
        (proc / str(pid)).mkdir(parents=True)
        (proc / str(pid) / "comm").write_text(comm)
        (proc / str(pid) / "cmdline").write_bytes(cmdline)
    (proc / "self").mkdir()
    assert running_programs(proc) == {"zoom", "kworker/0:1", "python3"}
    assert running_programs(tmp_path / "no-proc") == set()


def test_the_scan_runs_at_most_every_few_seconds(tmp_path: Path) -> None:
    proc = FakeProc(tmp_path / "proc")
    clock = FakeClock(0.0)
    busy = BusyDevices(["/dev/video*"], proc=proc.root, clock=clock.now)
    assert busy() is None
    proc.process(300, "/dev/video0")
    clock.advance(SCAN_EVERY - 0.5)
    assert busy() is None and busy.scans == 1  # the answer of the last scan
    clock.advance(0.5)
    assert busy() == "/dev/video0 is in use" and busy.scans == 2
    for _ in range(10):
        busy()
    assert busy.scans == 2
    proc.close_all(300)
    clock.advance(SCAN_EVERY)
    assert busy() is None
    assert "none in use now" in busy.describe()
    assert BusyDevices([]).describe() == "none watched (busy_devices is empty)"


def test_a_camera_in_a_call_holds_the_prompt_and_the_pane_says_why(tmp_path: Path) -> None:
    proc = FakeProc(tmp_path / "proc")
    day = Day(plan(micro_every=0))
    busy = BusyDevices(["/dev/video*"], proc=proc.root, clock=day.mono.now)
    day.scheduler.quiet = DoNotDisturb(busy=busy)
    day.work(50 * MIN)
    proc.process(400, "/dev/video0")  # the call starts at 09:50
    day.work(30 * MIN)
    assert day.due() == []
    (held,) = day.of(BreakHeld)
    assert held.reason == "/dev/video0 is in use"
    view = day.scheduler.view()
    assert view.status is Status.HELD and view.held_reason == "/dev/video0 is in use"
    proc.close_all(400)  # the call ends at 10:20
    day.work(SCAN_EVERY + 5)
    assert len(day.due()) == 1
    # The scan ran only while a break was due or near, not all day.
    assert busy.scans < 30 * MIN / SCAN_EVERY + 5


def test_a_locked_screen_is_read_from_logind(private_bus: PrivateBus) -> None:
    desktop = FakeDesktop(private_bus, names=("org.freedesktop.login1",))
    connection = private_bus.connect()
    try:
        locked = LockedScreen(connection)
        assert locked.locked() is False
        desktop.locked_hint = True
        assert locked.locked() is True
        assert locked.describe() == "locked (counts as away)"
        desktop.replies["Get:LockedHint"] = ("v", (("s", "yes"),))
        assert locked.locked() is None
        assert "LockedHint as 's'" in locked.describe()
    finally:
        connection.close()
        desktop.stop()


def test_banners_off_is_do_not_disturb_through_the_portal(desktop: FakeDesktop) -> None:
    clock = FakeClock(0.0)
    banners = Banners(gsettings="", clock=clock.now)
    try:
        assert banners.off() is False
        desktop.show_banners = False
        assert banners.off() is False  # the answer of a moment ago
        clock.advance(ASK_EVERY)
        assert banners.off() is True
        desktop.show_banners = True
        clock.advance(ASK_EVERY)
        assert banners.describe() == "shown (the settings portal)"
        desktop.show_banners = False
        clock.advance(ASK_EVERY)
        assert banners.off() is True
        assert DoNotDisturb(banners_off=banners.off)() == "do not disturb is on (no banners)"
        desktop.show_banners = None  # not a GNOME desktop: the key is unknown
        clock.advance(ASK_EVERY)
        assert banners.off() is None
        assert DoNotDisturb(banners_off=banners.off)() is None
        assert "unknown" in banners.describe()
    finally:
        banners.close()


def test_banners_fall_back_to_gsettings_without_a_session_bus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "gsettings"
    script.write_text(
        '#!/bin/sh\n[ "$2 $3" = "org.gnome.desktop.notifications show-banners" ] && echo false\n'
    )
    script.chmod(0o755)
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    banners = Banners(gsettings=str(script))
    assert banners.off() is True
    assert banners.describe().endswith("(gsettings)")


def test_a_locked_screen_stops_the_count_as_away(private_bus: PrivateBus, tmp_path: Path) -> None:
    from fake_idle import Keyboard

    from stretchtimer.idle.selection import IdleSelection
    from stretchtimer.remind.build import build_plan
    from stretchtimer.remind.quiet_sources import QuietSources
    from stretchtimer.remind.service import Reminder
    from stretchtimer.remind.settings import RemindSettings

    desktop = FakeDesktop(private_bus, names=("org.freedesktop.login1",))
    connection = private_bus.connect()
    settings = RemindSettings(every=600, micro_every=0)
    plan, routines = build_plan(settings)
    mono, boot = FakeClock(), FakeClock(50.0)
    keyboard = Keyboard()  # typing all along: only the lock says the person left
    sources = QuietSources(BusyDevices([], proc=tmp_path), locked=LockedScreen(connection))
    reminder = Reminder(
        settings,
        plan,
        routines,
        clock=mono,
        boot_clock=boot,
        wall=datetime.now,
        idle=IdleSelection(keyboard),
        quiet_sources=sources,
    )
    try:
        reminder.poll()
        assert reminder.scheduler.view().status is Status.WORKING
        desktop.locked_hint = True
        mono.advance(5)
        boot.advance(5)
        reminder.poll()
        assert reminder.scheduler.view().status is Status.IDLE
        assert reminder.text().headline.startswith("Away")
        desktop.locked_hint = False
        mono.advance(5)
        boot.advance(5)
        reminder.poll()
        assert reminder.scheduler.view().status is Status.WORKING
        assert [row.label for row in sources.rows()] == [
            "busy devices",
            "screen lock",
            "GNOME banners",
        ]
    finally:
        reminder.close()
        connection.close()
        desktop.stop()
