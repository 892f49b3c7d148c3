"""The reminder's prompt plays one bundled cue through the session audio, outside any session."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from stretchtimer.audio.session_audio import SessionAudio
from stretchtimer.cues import Cue


def test_a_cue_plays_outside_a_session(
    make_audio: Callable[..., SessionAudio], player: Any
) -> None:
    audio = make_audio()
    audio.play_cue(Cue.GET_READY)
    assert audio.drain()
    assert player.cues() == ["get-ready"]


def test_muted_or_silent_audio_plays_no_cue(make_audio: Callable[..., Any], player: Any) -> None:
    for audio in (make_audio(mute=True), make_audio(volume=0)):
        audio.play_cue(Cue.GET_READY)
    assert player.plays == []
