"""Sound themes: every bundled theme is complete, named, and each cue says what it means."""

from __future__ import annotations

from pathlib import Path

import make_sounds
import pytest

from stretchtimer import locations
from stretchtimer.audio.sound_check import cue_line, play_each_cue
from stretchtimer.audio.sounds import SoundLibrary, volume_gain
from stretchtimer.cues import CUE_NAMES, Cue
from stretchtimer.loader import load_routine
from stretchtimer.routine import Routine, Step
from stretchtimer.session.clock import FakeClock
from stretchtimer.session.engine import Session, SessionState
from stretchtimer.sound_themes import (
    CUE_MEANINGS,
    DEFAULT_THEME,
    THEMES,
    UnknownThemeError,
    check_theme,
    theme_dir,
)


def test_the_themes_listed_are_the_ones_the_script_makes_and_ships() -> None:
    assert set(THEMES) == set(make_sounds.THEMES)
    shipped = {p.name for p in locations.bundled_themes_dir().iterdir() if p.is_dir()}
    assert shipped == set(THEMES)
    assert DEFAULT_THEME == "chimes"


@pytest.mark.parametrize("theme", THEMES)
def test_each_theme_folder_holds_every_cue(theme: str) -> None:
    assert sorted(p.stem for p in theme_dir(theme).glob("*.wav")) == sorted(CUE_NAMES)


def test_every_cue_has_a_meaning() -> None:
    assert set(CUE_MEANINGS) == set(Cue)
    assert all(text and text == text.strip() for text in CUE_MEANINGS.values())


def test_an_unknown_theme_is_refused_with_the_choices() -> None:
    assert check_theme("wood") == "wood"
    with pytest.raises(
        UnknownThemeError, match=r"unknown sound theme 'bells'; choose one of: chimes, wood"
    ):
        check_theme("bells")
    with pytest.raises(UnknownThemeError):
        theme_dir("../routines")


def test_play_each_cue_names_each_one_just_before_it_sounds(player, tmp_path: Path) -> None:
    """Every cue of the theme, in the order of the list, at the volume asked, each announced."""
    library = SoundLibrary(theme_dir("wood"))
    events: list[str] = []
    player_play = player.play

    def play(sound) -> None:
        events.append(f"play {Path(sound.label).stem}")
        player_play(sound)

    player.play = play  # type: ignore[method-assign]
    problems = play_each_cue(
        player, library, volume=70, show=events.append, sleep=lambda s: events.append("pause")
    )
    assert problems == []
    expected: list[str] = []
    for cue in Cue:
        expected += [cue_line(cue), f"play {cue.value}", "pause"]
    assert events == expected
    assert all(Path(p.sound.label).parent == theme_dir("wood") for p in player.plays)
    first = library.bundled("get-ready")
    scaled = player.plays[0].sound
    ratio = max(memoryview(scaled.frames).cast("h")) / max(memoryview(first.frames).cast("h"))
    assert ratio == pytest.approx(volume_gain(70), abs=0.001)


def test_play_each_cue_goes_on_past_a_cue_it_cannot_play(player) -> None:
    player.refuse = {str(theme_dir("chimes") / "switch.wav")}
    lines: list[str] = []
    problems = play_each_cue(
        player,
        SoundLibrary(theme_dir("chimes")),
        volume=100,
        show=lines.append,
        sleep=lambda s: None,
    )
    assert problems == ["switch: unsupported format"]
    assert len(lines) == len(CUE_NAMES)
    assert "switch" not in [Path(p.sound.label).stem for p in player.plays]
    assert len(player.plays) == len(CUE_NAMES) - 1


def run_session(audio, routine: Routine) -> None:
    clock = FakeClock()
    session = Session(routine, clock)
    audio.attach(session)
    session.start()
    audio.drain()
    while session.state is not SessionState.FINISHED:
        clock.advance(1)
        session.update()
        audio.drain()


def test_a_session_plays_the_theme_it_is_given(make_audio, player) -> None:
    audio = make_audio(sounds_dir=theme_dir("wood"))
    run_session(audio, Routine("r", (Step("One", hold=2, prepare=2, rest=0),)))
    assert player.cues() == ["get-ready", "countdown", "start", "countdown", "complete"]
    assert {Path(label).parent for label in player.labels} == {theme_dir("wood")}


def test_a_routine_s_own_sounds_still_win_and_bundled_names_follow_the_theme(
    make_audio, player, tmp_path: Path
) -> None:
    own = tmp_path / "gong.wav"
    own.write_bytes((theme_dir("chimes") / "rest.wav").read_bytes())
    path = tmp_path / "mine.yaml"
    path.write_text(
        "name: Mine\n"
        "sounds:\n  start: next\n  complete: gong.wav\n"
        "steps:\n  - name: One\n    hold: 2\n    prepare: 0\n    rest: 0\n"
    )
    routine = load_routine(path)
    audio = make_audio(sounds_dir=theme_dir("wood"))
    run_session(audio, routine)
    assert player.labels == [
        str(theme_dir("wood") / "next.wav"),  # 'next', as the wood theme plays it
        str(theme_dir("wood") / "countdown.wav"),
        str(own),
    ]
