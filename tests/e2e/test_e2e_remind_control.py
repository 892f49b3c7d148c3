"""One reminder per user, driven from another shell, quiet while a device is held open,
and a skip that asks first: the real command in tmux and beside it."""

from __future__ import annotations

import json
import os
import stat
import subprocess
from pathlib import Path

from harness import Tmux, run_command, runtime_dir, stretchtimer_command

PROMPT_TIMEOUT = 45.0


def test_one_reminder_status_pause_resume_busy_device_and_confirmed_skip(
    server: Tmux, tmp_path: Path
) -> None:
    camera = tmp_path / "camera"
    camera.write_text("")
    config = tmp_path / "config" / "stretchtimer" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(f'[remind]\nbusy_devices = ["{camera}"]\nskip = "confirm"\nnotice = 0\n')
    command = stretchtimer_command(
        tmp_path,
        "remind",
        "--every",
        "10s",
        "--micro-every",
        "0",
        "--idle-source",
        "terminal",
        "--mute",
        env={"DBUS_SESSION_BUS_ADDRESS": ""},
    )
    # The camera is in use from the start: the break due after 10 s waits for it.
    with camera.open() as held:
        holder = subprocess.Popen(["sleep", "300"], stdin=held)
    try:
        _run_the_day(server, tmp_path, command, camera, holder)
    finally:
        holder.kill()
        holder.wait()


def _run_the_day(
    server: Tmux, tmp_path: Path, command: str, camera: Path, holder: subprocess.Popen[bytes]
) -> None:
    server.start(command, size=(60, 8))
    server.wait_for("Worked")
    pid = server.program_pid()

    # A second reminder refuses, terminal or not.
    second = run_command(tmp_path, "remind")
    assert second.returncode == 1
    assert second.stderr == (
        f"stretchtimer: error: a reminder is already running (pid {pid});"
        " use `stretchtimer status`\n"
    )
    # ... from a shell without a runtime folder too, whose status finds the running one.
    assert run_command(tmp_path, "remind", runtime_folder=False).stderr == second.stderr
    elsewhere = run_command(tmp_path, "status", "--json", runtime_folder=False)
    assert json.loads(elsewhere.stdout)["pid"] == pid
    # The private socket and lock.
    folder = runtime_dir(tmp_path) / "stretchtimer"
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(folder / "control.sock").st_mode) == 0o600

    status = run_command(tmp_path, "status")
    assert status.returncode == 0 and status.stdout.startswith(("break in ", "break held:"))
    shown = json.loads(run_command(tmp_path, "status", "--json").stdout)
    assert shown["running"] is True and shown["state"] in ("working", "due")
    assert shown["pid"] == pid

    paused = run_command(tmp_path, "pause", "45m")
    assert paused.returncode == 0 and paused.stdout.startswith("paused until ")
    # "23:40", or "tomorrow 00:10" when the pause ends after midnight: the pane says the same.
    until = paused.stdout.removeprefix("paused until ").strip()
    server.wait_for(f"Paused until {until}")
    assert json.loads(run_command(tmp_path, "status", "--json").stdout)["state"] == "paused"
    assert run_command(tmp_path, "resume").returncode == 0
    server.wait_for("Worked", gone="Paused")
    assert run_command(tmp_path, "pause", "until", "23:59").stdout == "paused until 23:59\n"
    server.wait_for("Paused until 23:59")
    run_command(tmp_path, "resume")
    server.wait_for("Worked", gone="Paused")

    # The break fell due while the camera is in use: it waits, and the pane says why.
    server.wait_for("held:", f"{camera.name} is in use", timeout=PROMPT_TIMEOUT)
    assert "held:" in run_command(tmp_path, "status").stdout
    holder.kill()
    server.wait_for("Time for a break: Desk break")
    assert run_command(tmp_path, "status").stdout == "break now\n"

    # skip = "confirm": s asks first.
    server.keys("s")
    server.wait_for("Skip this break? y/n")
    server.keys("y")
    server.wait_for("Next break in", "1 skipped")

    server.keys("q")
    server.wait_for("End the reminder?")
    server.keys("y")
    server.wait_for("stretchtimer exited with 0")
    gone = run_command(tmp_path, "status")
    assert (gone.returncode, gone.stdout) == (1, "not running\n")
    assert json.loads(run_command(tmp_path, "status", "--json").stdout)["running"] is False
