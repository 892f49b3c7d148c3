"""A FIFO, a device, a folder or a socket wherever the app opens a file by name:
refused at once with what it is, never waited on or read without end."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from stretchtimer import catalog
from stretchtimer.audio.sounds import SoundError, SoundLibrary
from stretchtimer.cli import main
from stretchtimer.config import read_config
from stretchtimer.loader import RoutineError, load_routine
from stretchtimer.regular_file import UnreadableFile, read_regular, write_regular
from stretchtimer.session.trace import TraceWriter

#: What each kind of special file is called when it is refused.
KINDS = {
    "fifo": "named pipe",
    "device": "is a device",
    "folder": "is a folder",
    "socket": "is a socket",
}


@pytest.fixture
def special() -> Iterator[Callable[[Path, str], Path]]:
    """Makes a special file of a kind at a path (the device is a link to /dev/zero)."""
    sockets: list[socket.socket] = []

    def make(path: Path, kind: str) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        if kind == "fifo":
            os.mkfifo(path)
        elif kind == "device":
            path.symlink_to("/dev/zero")
        elif kind == "folder":
            path.mkdir()
        else:
            listener = socket.socket(socket.AF_UNIX)
            listener.bind(str(path))
            sockets.append(listener)
        return path

    yield make
    for listener in sockets:
        listener.close()


@pytest.mark.parametrize("kind", KINDS)
def test_the_regular_file_check_names_what_it_refused(
    tmp_path: Path, special: Callable[[Path, str], Path], kind: str
) -> None:
    path = special(tmp_path / "thing", kind)
    with pytest.raises(UnreadableFile, match=KINDS[kind]):
        read_regular(path, 1024)
    with pytest.raises(UnreadableFile, match=KINDS[kind]):
        write_regular(path, "text")


@pytest.mark.parametrize("kind", KINDS)
def test_a_special_file_as_a_routine_sound_is_a_problem_in_every_command(
    tmp_path: Path,
    special: Callable[[Path, str], Path],
    kind: str,
    isolated_user_dirs: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = isolated_user_dirs / ".config" / "stretchtimer" / "routines"
    sound = special(tmp_path / "cue.wav", kind)
    routine = folder / "odd-sound.yaml"
    folder.mkdir(parents=True)
    routine.write_text(f"name: Odd\nsounds: {{start: {sound}}}\nsteps:\n  - name: A\n    hold: 5\n")

    with pytest.raises(RoutineError, match=KINDS[kind]):
        load_routine(routine)
    for args in (
        ["validate", str(routine)],
        ["show", "odd-sound"],
        ["run", "odd-sound", "--plain"],
    ):
        assert main(args) == 1, args
        assert KINDS[kind] in capsys.readouterr().err, args
    assert main(["list"]) == 0
    (line,) = [ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("odd-sound")]
    assert "broken" in line and KINDS[kind] in line
    assert main(["doctor"]) == 1
    assert KINDS[kind] in capsys.readouterr().out


@pytest.mark.parametrize("kind", KINDS)
def test_a_special_file_in_a_sound_theme_is_refused_when_it_is_played(
    tmp_path: Path, special: Callable[[Path, str], Path], kind: str
) -> None:
    theme = tmp_path / "theme"
    special(theme / "start.wav", kind)
    library = SoundLibrary(theme)
    with pytest.raises(SoundError, match=KINDS[kind]):
        library.bundled("start")
    with pytest.raises(SoundError, match=KINDS[kind]):  # remembered, not tried again
        library.bundled("start")


@pytest.mark.parametrize("kind", KINDS)
def test_a_special_file_as_settings_or_routine_is_refused(
    tmp_path: Path, special: Callable[[Path, str], Path], kind: str
) -> None:
    reading = read_config(special(tmp_path / "config.toml", kind))
    assert any(KINDS[kind] in problem for problem in reading.problems)
    special(tmp_path / "routines" / "odd.yaml", kind)
    (entry,) = [e for e in catalog.discover(tmp_path / "routines") if e.name == "odd"]
    assert entry.broken and KINDS[kind] in entry.problems[0]


@pytest.mark.parametrize("kind", ["fifo", "folder", "socket"])
def test_a_trace_file_that_is_no_file_is_refused_before_the_session(
    tmp_path: Path, special: Callable[[Path, str], Path], kind: str
) -> None:
    with pytest.raises(UnreadableFile, match=KINDS[kind]):
        TraceWriter(special(tmp_path / "trace.jsonl", kind))


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "ends before its header is complete"),
        (b"RIFF", "ends before its header is complete"),
        (b"just some text, no sound", "does not start as a WAV file does"),
        (b"RIFF\x04\x00\x00\x00WAVE", "its format or its sound data is missing"),
    ],
)
def test_a_broken_wav_file_says_what_is_wrong_with_it(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    path = tmp_path / "broken.wav"
    path.write_bytes(data)
    with pytest.raises(SoundError) as caught:
        SoundLibrary(tmp_path).load(path)
    assert reason in caught.value.reason
    assert "()" not in caught.value.reason
