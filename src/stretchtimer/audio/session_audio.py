"""Sound for a session: the ``AudioControl`` the app is given, and its factory.

The engine calls the listener here synchronously on the app's event loop,
so the listener decides what should be heard and hands it to the worker
thread without waiting for anything. A broken routine sound or a vanished
device ends up as a message, never as an exception in the engine.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from stretchtimer import locations
from stretchtimer.audio.event_cues import SessionCues
from stretchtimer.audio.sounds import SoundLibrary
from stretchtimer.audio.speech_plan import SpeechPlan
from stretchtimer.audio.voice import VOICE_COMMANDS, Voice, find_voice_command
from stretchtimer.cues import Cue
from stretchtimer.i18n import _
from stretchtimer.session.events import Event, EventSource

if TYPE_CHECKING:
    # Loaded when a sound is first wanted: a session started muted never pays
    # for the players, the probing or the worker thread's module.
    from stretchtimer.audio.players import CuePlayer
    from stretchtimer.audio.selection import Selection
    from stretchtimer.audio.worker import CueWorker, PlayedCue
    from stretchtimer.doctor_rows import DoctorRow


def voice_row(command: tuple[str, str] | None) -> DoctorRow:
    from stretchtimer.doctor_rows import DoctorRow

    if command is None:
        looked = ", ".join(VOICE_COMMANDS)
        return DoctorRow(
            _("voice"),
            _("no speech command found (looked for {looked}); cues will be tones only").format(
                looked=looked
            ),
        )
    return DoctorRow(_("voice"), f"{command[0]} ({command[1]})")


class SessionAudio:
    """Plays cues for sessions; implements ``stretchtimer.services.AudioControl``."""

    def __init__(
        self,
        selection: Selection | Callable[[], Selection],
        library: SoundLibrary,
        *,
        muted: bool = False,
        volume: int = 100,
        voice: Voice | None = None,
        voice_enabled: bool = False,
        settle: float | None = None,
    ) -> None:
        # A callable defers choosing (and so probing) a device until a sound is
        # due: a session started muted never opens the sound device at all.
        self._selection = None if callable(selection) else selection
        self._select = selection if callable(selection) else None
        self._library = library
        self._settle = settle
        self._flash_handler: Callable[[], None] | None = None
        self._voice = voice or Voice(None)
        self._worker_: CueWorker | None = None
        self._muted = muted
        self._volume = _clamp(volume)
        self._voice_enabled = voice_enabled
        self._messages: list[str] = []
        self._closed = False

    # ----------------------------------------------------------- AudioControl
    @property
    def muted(self) -> bool:
        return self._muted

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        if muted and self._worker_ is not None:
            self._worker_.stop()

    def set_flash_handler(self, handler: Callable[[], None] | None) -> None:
        self._flash_handler = handler
        if self._selection is not None:
            self._apply_flash_handler(self._selection)

    def _apply_flash_handler(self, selection: Selection) -> None:
        from stretchtimer.audio.players import BellPlayer

        if isinstance(selection.player, BellPlayer):
            selection.player.flash_handler = self._flash_handler

    @property
    def selection(self) -> Selection:
        if self._selection is None:
            assert self._select is not None
            self._selection = self._select()
            self._apply_flash_handler(self._selection)
        return self._selection

    @property
    def _worker(self) -> CueWorker:
        if self._worker_ is None:
            from stretchtimer.audio.worker import SETTLE_SECONDS, CueWorker

            settle = SETTLE_SECONDS if self._settle is None else self._settle
            self._worker_ = CueWorker(
                self.selection.player, self._library, self._voice, settle=settle
            )
        return self._worker_

    def attach(self, session: EventSource) -> None:
        cues = SessionCues()
        plan = SpeechPlan()

        def listener(event: Event) -> None:
            self._on_event(cues, plan, event)

        session.subscribe(listener)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._worker_ is not None and not self._worker_.close():
            self._messages.append(_("the sound thread did not stop in time"))

    # ----------------------------------------------------------- extras
    @property
    def player(self) -> CuePlayer:
        return self.selection.player

    @property
    def volume(self) -> int:
        return self._volume

    def set_volume(self, volume: int) -> None:
        """0-100; values outside are clamped so a +/- key can never break it."""
        self._volume = _clamp(volume)
        if self._volume == 0 and self._worker_ is not None:
            self._worker_.stop()

    @property
    def voice_available(self) -> bool:
        return self._voice.available

    @property
    def voice_enabled(self) -> bool:
        return self._voice_enabled

    def set_voice_enabled(self, enabled: bool) -> None:
        self._voice_enabled = enabled

    @property
    def played(self) -> list[PlayedCue]:
        """Recently started cues with their latency, oldest first."""
        return list(self._worker_.played) if self._worker_ is not None else []

    @property
    def worker_alive(self) -> bool:
        return self._worker_ is not None and self._worker_.is_alive

    def drain(self, timeout: float = 5.0, *, until_silent: bool = True) -> bool:
        """Wait for queued cues to be handled; for tests and diagnostics only."""
        return self._worker.drain(timeout, until_silent=until_silent)

    def describe(self) -> list[str]:
        """Backend in use, why others were passed over, and the voice."""
        return [*self.selection.describe(), *voice_row(self._voice.command).lines()]

    def take_messages(self) -> list[str]:
        """Sound problems worth telling the person once (bad routine sound file, ...)."""
        messages, self._messages = self._messages, []
        problems = self._worker_.take_problems() if self._worker_ is not None else []
        return messages + problems

    def play_cue(self, cue: Cue) -> None:
        """One bundled cue outside any session (the reminder's prompt); never raises."""
        if self._muted or self._closed or self._volume == 0:
            return
        try:
            from stretchtimer.audio.worker import CueRequest

            self._worker.play(
                CueRequest(
                    cue=cue.value,
                    override=None,
                    volume=self._volume,
                    priority=cue.priority,
                    posted=time.monotonic(),
                )
            )
        except Exception as exc:  # sound must never take the reminder down
            self._messages.append(_("sound cue skipped ({exc!r})").format(exc=exc))

    # ----------------------------------------------------------- the listener
    def _on_event(self, cues: SessionCues, plan: SpeechPlan, event: Event) -> None:
        try:
            # Both follow the session even when nothing is heard.
            prompt = cues.prompt_for(event)
            speaking = self._voice_enabled and self._voice.available
            placed = plan.place(event, prompt, words_wanted=speaking)
            if self._muted or self._closed or self._volume == 0:
                return
            if placed.cue is None and placed.say is None and not placed.cut_speech:
                return
            worker = self._worker
            from stretchtimer.audio.worker import CueRequest, SpeechRequest

            if placed.cut_speech:
                worker.stop_speech()
            if placed.cue is not None:
                worker.play(
                    CueRequest(
                        cue=placed.cue.value,
                        override=self._in_theme(placed.override),
                        volume=self._volume,
                        priority=placed.cue.priority,
                        posted=time.monotonic(),
                    )
                )
            if placed.say is not None:
                worker.speak(SpeechRequest(placed.say, self._volume, placed.language))
        except Exception as exc:  # sound must never take the session down
            self._messages.append(_("sound cue skipped ({exc!r})").format(exc=exc))

    def _in_theme(self, override: Path | None) -> Path | None:
        """A routine naming a bundled sound hears it in the theme in use.

        The loader resolves a bundled name (``start: next``) against the
        default theme's folder; here it moves to the same file of the theme
        being played, so a wood session never drops in a chime.
        """
        if override is None or override.parent != locations.bundled_sounds_dir():
            return override
        return self._library.bundled_path(override.stem)


def _clamp(volume: int) -> int:
    return min(100, max(0, int(volume)))


def _select_player() -> Selection:
    from stretchtimer.audio.selection import select_player

    return select_player()


def create_audio(
    *,
    mute: bool,
    volume: int,
    voice: bool,
    player: CuePlayer | None = None,
    sounds_dir: Path | None = None,
    find_voice: Callable[[], tuple[str, str] | None] = find_voice_command,
) -> SessionAudio:
    """Everything the app needs for sound, ready to ``attach`` to a session.

    Probes the backends now (a few milliseconds, a little longer when it has
    to fall back to a command player), so the first cue does not pay for it;
    started muted, it probes only when sound is first wanted, and until then
    loads none of the playing machinery. ``player`` skips probing, for tests
    or a caller that already chose one.
    """
    selection: Selection | Callable[[], Selection]
    if player is not None:
        from stretchtimer.audio.selection import Selection

        selection = Selection(player)
    else:
        selection = _select_player if mute else _select_player()
    library = SoundLibrary(sounds_dir or locations.bundled_sounds_dir())
    return SessionAudio(
        selection,
        library,
        muted=mute,
        volume=volume,
        voice=Voice(find_voice()),
        voice_enabled=voice,
    )
