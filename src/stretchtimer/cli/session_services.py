"""The services around a session, built and closed in one place.

A session run in plain mode, in the app, or from the reminder needs the
same things around it: the history recorder (warmed up before the first
frame), the audio, an unexpected error said in one line, and at the end the
audio stopped, whatever either has to tell the person printed once, and the
history closed, in that order.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from stretchtimer.cli.audio_settings import AudioSettings
from stretchtimer.cli.common import EXIT_OK, error
from stretchtimer.i18n import _
from stretchtimer.safe_text import safe_text
from stretchtimer.services import AppCrashed
from stretchtimer.sound_themes import theme_dir

if TYPE_CHECKING:
    from stretchtimer.audio.session_audio import SessionAudio
    from stretchtimer.history.recorder import HistoryRecorder


class SessionServices:
    """The history recorder and the audio; ``status`` is the command's exit status."""

    def __init__(self, recorder: HistoryRecorder, audio: SessionAudio) -> None:
        self.recorder = recorder
        self.audio = audio
        self.status = EXIT_OK
        self._before_closing: list[Callable[[], None]] = []

    def close_first(self, close: Callable[[], None]) -> None:
        """Run ``close`` before the services close (it may still record or play)."""
        self._before_closing.append(close)


@contextmanager
def session_services(sound: AudioSettings) -> Iterator[SessionServices]:
    """The services for ``with``; an app that crashed is said as an error (status 1)."""
    from stretchtimer.audio.session_audio import create_audio
    from stretchtimer.history.recorder import HistoryRecorder

    recorder = HistoryRecorder()
    try:
        recorder.warm_up()
        # Choosing a sound device first silences libasound, which would otherwise
        # write its complaints straight to fd 2, the terminal Textual draws on.
        audio = create_audio(
            mute=sound.mute,
            volume=sound.volume,
            voice=sound.voice,
            sounds_dir=theme_dir(sound.theme),
        )
    except BaseException:
        recorder.close()
        raise
    services = SessionServices(recorder, audio)
    try:
        yield services
    except AppCrashed as exc:
        services.status = error(str(exc))
    finally:
        try:
            for close in services._before_closing:
                close()
        finally:
            audio.close()
            for message in [*audio.take_messages(), *recorder.take_messages()]:
                print(
                    _("stretchtimer: {message}").format(message=safe_text(message)), file=sys.stderr
                )
            recorder.close()
