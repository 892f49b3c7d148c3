"""Spoken prompts through whatever text-to-speech command the system has.

Speech is opt-in and best effort: with no command installed the session
simply stays with tones. The command runs detached with its output thrown
away, so a slow or failing speech engine can never hold up a cue or print
over the screen.
"""

from __future__ import annotations

import shutil
import subprocess
import threading

from stretchtimer.audio.processes import end_process, start_quietly
from stretchtimer.audio.sounds import volume_gain
from stretchtimer.i18n import current_language

#: Speech commands, in the order they are looked for.
VOICE_COMMANDS = ("espeak-ng", "spd-say", "say")


def find_voice_command() -> tuple[str, str] | None:
    """(name, full path) of the first speech command on PATH, or None."""
    for name in VOICE_COMMANDS:
        found = shutil.which(name)
        if found is not None:
            return name, found
    return None


def speech_argv(
    name: str, executable: str, text: str, volume: int, language: str | None = None
) -> list[str]:
    """The command that says ``text``, in the voice of ``language`` (the one text is
    translated into when not given): German words read by an English voice are
    barely understood. English is each command's own default, so it gets no option;
    ``say`` picks its voice by name, not language, and keeps the system's."""
    # A leading "-" would be read as an option by every one of these commands.
    text = " ".join(text.split()).lstrip("-")
    gain = volume_gain(volume)
    voice = _voice_language(current_language() if language is None else language)
    if name == "espeak-ng":
        chosen = ["-v", voice] if voice else []
        return [executable, "-a", str(round(100 * gain)), *chosen, text]
    if name == "spd-say":
        chosen = ["-l", voice] if voice else []
        return [executable, "-i", str(round(100 * gain) - 100), *chosen, text]
    return [executable, text]


def _voice_language(language: str) -> str | None:
    """``de`` for ``de_AT``, None for English or a language made up for tests: the
    speech commands know languages by their ISO 639 code."""
    code = language.replace("-", "_").split("_")[0].lower()
    if code == "en" or len(code) not in (2, 3) or not code.isalpha() or code.startswith("q"):
        return None
    return code


def _reap(process: subprocess.Popen[bytes]) -> None:
    """Collect a finished speech command's exit status, so it is not left a zombie."""
    process.wait()


class Voice:
    """Says short phrases; a new phrase cuts off the one still being spoken.

    Each phrase gets a small thread that waits for its command to end: a
    phrase spoken to its end is reaped at once, not when the next one starts
    or the app exits.
    """

    def __init__(self, command: tuple[str, str] | None) -> None:
        self.command = command
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def available(self) -> bool:
        return self.command is not None

    def speak(self, text: str, volume: int, language: str | None = None) -> None:
        if self.command is None or not text.strip() or volume <= 0:
            return
        self.stop()
        name, executable = self.command
        try:
            self._process = start_quietly(speech_argv(name, executable, text, volume, language))
        except OSError:
            self._process = None
            return
        threading.Thread(
            target=_reap, args=(self._process,), name="stretchtimer-speech", daemon=True
        ).start()

    @property
    def speaking(self) -> bool:
        """Whether a phrase is still being spoken."""
        return self._process is not None and self._process.poll() is None

    def stop(self) -> None:
        if self._process is not None:
            end_process(self._process)
            self._process = None

    def close(self) -> None:
        self.stop()
