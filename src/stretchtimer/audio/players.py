"""The ways a cue can reach a person's ears, behind one small protocol.

Each backend starts a sound and returns at once; the audio worker is the only
caller, so none of them needs locking. Only one cue plays at a time: a new
cue stops the previous one, which also keeps exclusive sound devices (plain
ALSA ``hw`` devices without a mixer) from refusing the second stream.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from stretchtimer.audio.processes import end_process, start_quietly
from stretchtimer.audio.sounds import Sound, wav_file_bytes


class CuePlayer(Protocol):
    @property
    def name(self) -> str:
        """How the doctor report and messages refer to this backend."""
        ...

    def play(self, sound: Sound) -> None:
        """Start playing and return without waiting for the sound to end."""
        ...

    def stop(self) -> None:
        """Silence whatever this player started."""
        ...

    def wait_done(self, timeout: float) -> bool:
        """Block until the current sound has ended; False if it still plays."""
        ...

    def close(self) -> None:
        """Stop and let go of devices, processes and temporary files."""
        ...


class SimpleaudioPlayer:
    """Plays through ``simpleaudio``, straight to the system's default device."""

    name = "simpleaudio"

    def __init__(self, module: Any) -> None:
        self._module = module
        self._current: Any = None
        # simpleaudio may read the buffer from its own thread; keep it alive.
        self._playing_sound: Sound | None = None

    def play(self, sound: Sound) -> None:
        self.stop()
        self._playing_sound = sound
        self._current = self._module.play_buffer(
            sound.frames, sound.channels, sound.sample_width, sound.rate
        )

    def stop(self) -> None:
        if self._current is not None:
            self._current.stop()
            self._current = None

    def wait_done(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while self._current is not None and self._current.is_playing():
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.005)
        return True

    def close(self) -> None:
        self.stop()
        self._playing_sound = None


#: Command-line players, in the order they are tried, with their quiet flags.
PLAYER_COMMANDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("pw-play", ()),
    ("paplay", ()),
    ("aplay", ("-q",)),
    ("afplay", ()),
)


class CommandPlayer:
    """Plays each cue by running a sound command such as ``aplay`` on a WAV file.

    The volume is already in the samples, so each (sound, volume) pair is
    written once to a private temporary folder and the command is only ever
    given a file name.
    """

    def __init__(self, command: str, executable: str, flags: tuple[str, ...] = ()) -> None:
        self.name = command
        self.executable = executable
        self._flags = flags
        self._folder = Path(tempfile.mkdtemp(prefix="stretchtimer-sounds-"))
        self._files: dict[int, tuple[Sound, Path]] = {}
        self._process: subprocess.Popen[bytes] | None = None

    def _file_for(self, sound: Sound) -> Path:
        known = self._files.get(id(sound))
        if known is not None:
            return known[1]
        path = self._folder / f"cue-{len(self._files)}.wav"
        path.write_bytes(wav_file_bytes(sound))
        self._files[id(sound)] = (sound, path)
        return path

    def play(self, sound: Sound) -> None:
        self.stop()
        path = self._file_for(sound)
        self._process = start_quietly([self.executable, *self._flags, str(path)])

    def stop(self) -> None:
        if self._process is not None:
            end_process(self._process)
            self._process = None

    def wait_done(self, timeout: float) -> bool:
        if self._process is None:
            return True
        try:
            self._process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return False
        return True

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self._folder, ignore_errors=True)
        self._files.clear()


FlashHandler = Callable[[], None]


def ring_terminal_bell() -> None:
    """Write BEL straight to the controlling terminal, if there is one.

    Only used when no app has registered a flash handler, that is when no
    full-screen interface owns the terminal. One single-byte ``write`` to
    ``/dev/tty`` never touches stdout/stderr buffers and cannot split anything.
    """
    try:
        fd = os.open("/dev/tty", os.O_WRONLY | os.O_NOCTTY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.write(fd, b"\a")
    finally:
        os.close(fd)


class BellPlayer:
    """The last resort: the terminal bell and a flash on screen.

    With a flash handler registered, the handler is the whole cue: the app
    rings the bell itself through its own output (Textual's ``App.bell()``),
    so the BEL byte is written between two screen updates and never in the
    middle of an escape sequence the renderer is sending. The handler is
    called on the audio worker thread, so it must hand over to the app thread
    without waiting (``post_message`` is thread-safe).
    """

    name = "terminal bell and screen flash"

    def __init__(self, bell: Callable[[], None] = ring_terminal_bell) -> None:
        self._bell = bell
        self.flash_handler: FlashHandler | None = None

    def play(self, sound: Sound) -> None:
        handler = self.flash_handler
        if handler is not None:
            handler()
        else:
            self._bell()

    def stop(self) -> None:
        pass

    def wait_done(self, timeout: float) -> bool:
        return True

    def close(self) -> None:
        self.flash_handler = None
