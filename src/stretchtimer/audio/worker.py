"""The one thread that touches sound devices, fed through a queue.

Engine listeners run on the app's event loop and must return at once, so
they only put small requests on a queue. This thread reads files, scales
volume, opens devices and starts speech commands; when any of that is slow
or fails, only this thread notices.

Requests that arrive together are merged. One engine step can produce
several cues at the same instant (a rep tick and a countdown pip on the same
second; a work phase that starts on the other side) and a late wake-up after
a suspended laptop can replay a whole burst. Playing them all would smear
into noise, so the worker waits a few milliseconds for companions and plays
only the most important cue of the group.
"""

from __future__ import annotations

import queue
import threading
import time
from collections import deque
from pathlib import Path

import msgspec

from stretchtimer.audio.players import CuePlayer
from stretchtimer.audio.sounds import Sound, SoundError, SoundLibrary
from stretchtimer.audio.voice import Voice
from stretchtimer.i18n import _

#: How long the worker waits for more cues of the same instant before playing.
SETTLE_SECONDS = 0.008
#: Silence between a tone and the speech that follows it.
SPEECH_GAP = 0.08
#: How long close() waits for the thread to end.
JOIN_TIMEOUT = 2.0


class CueRequest(msgspec.Struct, frozen=True):
    cue: str
    override: Path | None
    volume: int
    #: Higher wins when several cues arrive together.
    priority: int
    #: ``time.monotonic()`` when the engine event arrived, to measure latency.
    posted: float


class SpeechRequest(msgspec.Struct, frozen=True):
    text: str
    volume: int
    #: The language ``text`` is written in, so the right voice reads it (None: the app's).
    language: str | None = None


class PlayedCue(msgspec.Struct, frozen=True):
    cue: str
    source: str
    #: Seconds from the engine event to the player having started the sound.
    latency: float


class _Stop:
    pass


class _StopSpeech:
    pass


class _Shutdown:
    pass


_Item = CueRequest | SpeechRequest | _Stop | _StopSpeech | _Shutdown


class CueWorker:
    def __init__(
        self,
        player: CuePlayer,
        library: SoundLibrary,
        voice: Voice,
        *,
        settle: float = SETTLE_SECONDS,
    ) -> None:
        self.player = player
        self.library = library
        self.voice = voice
        self._settle = settle
        self._queue: queue.Queue[_Item] = queue.Queue()
        self._idle = threading.Condition()
        self._unfinished = 0
        self._pending_speech: tuple[float, SpeechRequest] | None = None
        self._tone_ends = 0.0
        self._problems: list[str] = []
        self._problems_seen: set[str] = set()
        self.played: deque[PlayedCue] = deque(maxlen=256)
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="stretchtimer-audio", daemon=True)
        self._thread.start()

    # ------------------------------------------------------------ any thread
    def play(self, request: CueRequest) -> None:
        self._submit(request)

    def speak(self, request: SpeechRequest) -> None:
        self._submit(request)

    def stop(self) -> None:
        """Silence the current sound and any speech, and forget speech still due."""
        self._submit(_Stop())

    def stop_speech(self) -> None:
        """Silence speech and forget speech still due; tones play on."""
        self._submit(_StopSpeech())

    def _submit(self, item: _Item) -> None:
        with self._idle:
            if self._closed:
                return
            self._unfinished += 1
        self._queue.put(item)

    @property
    def is_alive(self) -> bool:
        return self._thread.is_alive()

    def drain(self, timeout: float = 5.0, *, until_silent: bool = True) -> bool:
        """Wait until every request is handled (and, by default, the sound has ended).

        For tests and diagnostics; the app never waits on audio.
        """
        deadline = time.monotonic() + timeout
        with self._idle:
            while self._unfinished or self._pending_speech is not None:
                left = deadline - time.monotonic()
                if left <= 0 or not self._thread.is_alive():
                    return False
                self._idle.wait(left)
        if not until_silent:
            return True
        return self.player.wait_done(max(0.0, deadline - time.monotonic()))

    def take_problems(self) -> list[str]:
        with self._idle:
            problems, self._problems = self._problems, []
        return problems

    def close(self, timeout: float = JOIN_TIMEOUT) -> bool:
        """Stop all sound and end the thread; False if it did not end in time."""
        with self._idle:
            already = self._closed
            self._closed = True
        if not already:
            self._queue.put(_Shutdown())
        self._thread.join(timeout)
        return not self._thread.is_alive()

    # ------------------------------------------------------------ the thread
    def _run(self) -> None:
        running = True
        while running:
            try:
                first = self._queue.get(timeout=self._speech_wait())
            except queue.Empty:
                self._speak_due()
                continue
            batch = self._gather(first)
            try:
                running = self._handle(batch)
            except Exception as exc:  # the thread must outlive any one bad cue
                self._problem(_("sound failed unexpectedly ({exc!r})").format(exc=exc))
            finally:
                with self._idle:
                    self._unfinished -= sum(1 for i in batch if not isinstance(i, _Shutdown))
                    self._idle.notify_all()
        self._shut_down()

    def _speech_wait(self) -> float | None:
        with self._idle:
            pending = self._pending_speech
        return None if pending is None else max(0.0, pending[0] - time.monotonic())

    def _gather(self, first: _Item) -> list[_Item]:
        batch = [first]
        if isinstance(first, CueRequest):
            deadline = time.monotonic() + self._settle
            while (left := deadline - time.monotonic()) > 0:
                try:
                    batch.append(self._queue.get(timeout=left))
                except queue.Empty:
                    break
        while True:
            try:
                batch.append(self._queue.get_nowait())
            except queue.Empty:
                return batch

    def _handle(self, batch: list[_Item]) -> bool:
        if any(isinstance(item, _Shutdown) for item in batch):
            return False
        stops = [n for n, item in enumerate(batch) if isinstance(item, _Stop)]
        if stops:
            self._silence()
            batch = batch[stops[-1] + 1 :]
        if any(isinstance(item, _StopSpeech) for item in batch):
            self._hush()
        cues = [item for item in batch if isinstance(item, CueRequest)]
        if cues:
            # The most important cue; among equals, the latest.
            _, best = max(enumerate(cues), key=lambda pair: (pair[1].priority, pair[0]))
            self._play(best)
        speech = [item for item in batch if isinstance(item, SpeechRequest)]
        if speech and self.voice.available:
            due = max(time.monotonic(), self._tone_ends) + SPEECH_GAP
            with self._idle:
                self._pending_speech = (due, speech[-1])
        return True

    def _speak_due(self) -> None:
        with self._idle:
            pending, self._pending_speech = self._pending_speech, None
            self._idle.notify_all()
        if pending is not None:
            request = pending[1]
            self.voice.speak(request.text, request.volume, request.language)

    def _silence(self) -> None:
        self._hush()
        self.player.stop()
        self._tone_ends = 0.0

    def _hush(self) -> None:
        with self._idle:
            self._pending_speech = None
        self.voice.stop()

    def _sound_for(self, request: CueRequest) -> Sound | None:
        if request.override is not None:
            try:
                return self.library.load(request.override)
            except SoundError as exc:
                self._problem(
                    _("{exc}; playing the built-in '{cue}' sound instead").format(
                        exc=exc, cue=request.cue
                    )
                )
        return self._bundled(request.cue)

    def _bundled(self, cue: str) -> Sound | None:
        try:
            return self.library.bundled(cue)
        except SoundError as exc:
            self._problem(_("built-in '{cue}' sound unusable: {exc}").format(cue=cue, exc=exc))
            return None

    def _play(self, request: CueRequest) -> None:
        sound = self._sound_for(request)
        if sound is None:
            return
        try:
            self._start(request, sound)
        except Exception as exc:
            bundled = self._bundled(request.cue) if request.override is not None else None
            if bundled is None or bundled is sound:
                self._problem(
                    _("{name} could not play '{cue}' ({exc})").format(
                        name=self.player.name, cue=request.cue, exc=exc
                    )
                )
                return
            self._problem(
                _(
                    "{label}: {name} could not play it ({exc}); "
                    "playing the built-in '{cue}' sound instead"
                ).format(label=sound.label, name=self.player.name, exc=exc, cue=request.cue)
            )
            try:
                self._start(request, bundled)
            except Exception as again:
                self._problem(
                    _("{name} could not play '{cue}' ({again})").format(
                        name=self.player.name, cue=request.cue, again=again
                    )
                )

    def _start(self, request: CueRequest, sound: Sound) -> None:
        scaled = self.library.at_volume(sound, request.volume)
        if self.voice.speaking:
            # Words that ran longer than planned end here: a cue never plays under speech.
            self.voice.stop()
        self.player.play(scaled)
        now = time.monotonic()
        self._tone_ends = now + scaled.seconds
        self.played.append(PlayedCue(request.cue, sound.label, now - request.posted))

    def _problem(self, message: str) -> None:
        with self._idle:
            if message in self._problems_seen:
                return
            self._problems_seen.add(message)
            self._problems.append(message)

    def _shut_down(self) -> None:
        for action in (self.player.stop, self.voice.stop, self.player.close, self.voice.close):
            try:
                action()
            except Exception as exc:
                self._problem(_("closing sound failed ({exc!r})").format(exc=exc))
        with self._idle:
            self._pending_speech = None
            self._idle.notify_all()
