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
from stretchtimer.i18n import N_


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


#: A stopped sound fades to silence over this long instead of being cut mid-wave.
FADE_SECONDS = 0.005
#: How far a device may already have read past what is being heard: simpleaudio
#: asks ALSA for a 100 ms buffer, and a mixer or plugin in between can add twice that.
READ_AHEAD_SECONDS = 0.35


def fade_out(frames: bytearray, channels: int, at_frame: int, fade_frames: int) -> None:
    """Fade 16-bit frames to silence from ``at_frame`` over ``fade_frames``, silent after.

    Works in place, on a buffer a player may be reading at the same time: the
    part before ``at_frame`` is left exactly as it is.
    """
    samples = memoryview(frames).cast("h")
    try:
        first = at_frame * channels
        if first >= len(samples):
            return
        count = min(fade_frames * channels, len(samples) - first)
        for i in range(count):
            # A raised-cosine ramp would be smoother still; a 5 ms linear one is
            # already far below the level where an edge is heard as a click.
            remaining = 1.0 - (i // channels + 1) / (fade_frames + 1)
            samples[first + i] = round(samples[first + i] * remaining)
        rest = first + count
        samples[rest:] = memoryview(bytes(2 * (len(samples) - rest))).cast("h")
    finally:
        samples.release()


class SimpleaudioPlayer:
    """Plays through ``simpleaudio``, straight to the system's default device.

    simpleaudio reads the samples from our buffer as the device asks for
    them, and its own stop ends the stream at whatever sample the device had
    reached: a click. So each sound plays from a private copy, and stopping
    fades that copy out just beyond what the device can already have read
    (``READ_AHEAD_SECONDS``), leaving silence after: the sound dies away
    cleanly a moment later and its stream ends on its own.
    """

    name = "simpleaudio"

    def __init__(
        self,
        module: Any,
        *,
        read_ahead: float = READ_AHEAD_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._module = module
        self._read_ahead = read_ahead
        self._clock = clock
        self._current: Any = None
        self._frames: bytearray | None = None
        self._playing_sound: Sound | None = None
        self._started = 0.0

    def play(self, sound: Sound) -> None:
        self.stop()
        self._playing_sound = sound
        self._frames = bytearray(sound.frames)
        self._current = self._module.play_buffer(
            self._frames, sound.channels, sound.sample_width, sound.rate
        )
        self._started = self._clock()

    def stop(self) -> None:
        current, frames, sound = self._current, self._frames, self._playing_sound
        self._current = self._frames = None
        if current is None or frames is None or sound is None:
            return
        heard = self._clock() - self._started
        if heard >= sound.seconds:
            return
        at_frame = round((heard + self._read_ahead) * sound.rate)
        fade_out(frames, sound.channels, at_frame, round(FADE_SECONDS * sound.rate))

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

    The command reads the file itself, so a stop can only end the process:
    unlike simpleaudio, a cue stopped here is cut, not faded.

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

    #: Marked here, translated where shown (``Selection.row``); other players' names are commands.
    name = N_("terminal bell and screen flash")

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
