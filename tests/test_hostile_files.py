"""Broken routine folder entries, readers that leave early, encodings lacking characters."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from stretchtimer import catalog
from stretchtimer.cli import main

GOOD = "name: Good\nsteps:\n  - name: Reach\n    hold: 5\n"


def environment(home: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        **extra,
    }


def messy_folder(folder: Path) -> dict[str, str]:
    """A routine folder with one good file and every kind of broken entry; name -> reason."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good.yaml").write_text(GOOD)
    (folder / "dangling.yaml").symlink_to(folder / "gone.yaml")
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    (folder / "folder.yaml").mkdir()
    os.mkfifo(folder / "pipe.yaml")
    return {
        "dangling": "broken link",
        "loop": "loops back on itself",
        "folder": "is a folder",
        "pipe": "named pipe",
    }


def test_broken_entries_are_listed_with_their_reason(tmp_path: Path) -> None:
    reasons = messy_folder(tmp_path / "routines")
    entries = {entry.name: entry for entry in catalog.discover(tmp_path / "routines")}
    assert not entries["good"].broken
    for name, reason in reasons.items():
        assert entries[name].broken, name
        assert reason in entries[name].problems[0], entries[name].problems


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_is_listed_as_broken(tmp_path: Path) -> None:
    folder = tmp_path / "routines"
    folder.mkdir()
    locked = folder / "locked.yaml"
    locked.write_text(GOOD)
    locked.chmod(0)
    (entry,) = [e for e in catalog.discover(folder) if e.name == "locked"]
    assert entry.broken and "permission denied" in entry.problems[0]


def test_list_and_doctor_show_broken_entries_without_hanging(isolated_user_dirs: Path) -> None:
    reasons = messy_folder(isolated_user_dirs / "config" / "stretchtimer" / "routines")
    env = environment(isolated_user_dirs)
    listing = subprocess.run(
        [sys.executable, "-m", "stretchtimer", "list"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert listing.returncode == 0
    for name, reason in reasons.items():
        (line,) = [line for line in listing.stdout.splitlines() if line.startswith(name + " ")]
        assert "broken:" in line and reason in line
    doctor = subprocess.run(
        [sys.executable, "-m", "stretchtimer", "doctor"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert doctor.returncode == 1
    assert doctor.stdout.count("broken routine") == len(reasons)


def test_a_fifo_as_config_does_not_hang_any_command(isolated_user_dirs: Path) -> None:
    config = isolated_user_dirs / "config" / "stretchtimer" / "config.toml"
    config.parent.mkdir(parents=True)
    os.mkfifo(config)
    done = subprocess.run(
        [sys.executable, "-m", "stretchtimer", "list", "--names"],
        capture_output=True,
        text=True,
        env=environment(isolated_user_dirs),
        timeout=60,
    )
    assert done.returncode == 0
    assert "named pipe" in done.stderr


def _with_reader_gone(args: list[str], home: Path, cwd: Path) -> tuple[int, str]:
    """Run with stdout a pipe whose reading end is already closed, as after ``| head -1``."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "stretchtimer", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env=environment(home),
            cwd=cwd,
            timeout=60,
        )
    finally:
        os.close(write_end)
    return done.returncode, done.stderr


def test_a_reader_that_leaves_never_turns_a_failure_into_success(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(GOOD)
    (tmp_path / "bad.yaml").write_text("name: Bad\n")
    status, err = _with_reader_gone(["validate", "good.yaml", "bad.yaml"], tmp_path, tmp_path)
    assert status == 1
    assert "Traceback" not in err and "no 'steps'" in err
    status, err = _with_reader_gone(["validate", "good.yaml", "good.yaml"], tmp_path, tmp_path)
    assert (status, err) == (0, "")
    status, err = _with_reader_gone(["show", "desk-break"], tmp_path, tmp_path)
    assert (status, err) == (0, "")


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["show", "desk-break"],
        ["show", "desk-break", "--json"],
        ["validate", "hostile.yaml"],
        ["history"],
        ["history", "--json"],
        ["stats"],
        ["stats", "--json"],
        ["doctor"],
        ["sounds"],
        ["run", "nothing-by-this-name"],
    ],
)
def test_an_encoding_without_the_characters_degrades_output(
    tmp_path: Path, args: list[str]
) -> None:
    from stretchtimer.history.store import open_store

    (tmp_path / "hostile.yaml").write_text(
        "name: Café — \u2603\nsteps:\n  - name: Ünïcode ✓\n    hold: 5\n  - bad: 1\n",
        encoding="utf-8",
    )
    store = open_store(tmp_path / "data" / "stretchtimer" / "history.db")
    with store.transaction():
        store.insert_session(
            routine="Café — ☃",
            routine_file=None,
            started_at="2025-03-12T09:00:00+00:00",
            start_step=0,
            step_count=1,
        )
    store.close()
    done = subprocess.run(
        [sys.executable, "-m", "stretchtimer", *args],
        capture_output=True,
        env=environment(tmp_path, PYTHONIOENCODING="ascii"),
        cwd=tmp_path,
        timeout=60,
    )
    assert b"Traceback" not in done.stderr and b"UnicodeEncodeError" not in done.stderr
    assert done.returncode in (0, 1)


def test_main_gives_back_the_streams_it_wraps(capsys: pytest.CaptureFixture[str]) -> None:
    before = sys.stdout, sys.stderr
    main(["list", "--names"])
    assert (sys.stdout, sys.stderr) == before
