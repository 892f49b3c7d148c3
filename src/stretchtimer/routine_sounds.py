"""A routine's cue sounds: a bundled sound's name or a WAV file, checked as playback will.

Kept apart from the loader so that a sound named in a routine is found and
checked in one place: a sound ``validate`` accepts is one playback can play.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

import yaml

from stretchtimer import locations
from stretchtimer import routine_problems as said
from stretchtimer.cues import CUE_NAMES
from stretchtimer.i18n import _
from stretchtimer.wavfile import SoundError, read_pcm


def read_sounds(reader: said.ReadsPositioned, node: yaml.Node, folder: Path) -> Mapping[str, Path]:
    """Cue name -> the sound's file; a path is relative to the routine's ``folder``."""
    found: dict[str, Path] = {}
    for cue, _key_node, value_node in reader.mapping(node, "'sounds'", CUE_NAMES):
        name = reader.text(value_node, _("sound for '{cue}'").format(cue=cue))
        if name is None:
            continue
        path = sound_path(name, folder)
        try:
            read_pcm(path)
        except SoundError as exc:
            reader.error(value_node, said.BAD_SOUND, name=name, cue=cue, exc=exc)
        else:
            found[cue] = path
    return MappingProxyType(found)


def sound_path(name: str, folder: Path) -> Path:
    """The file a routine's sound names: a bundled sound, or a WAV file by its path."""
    looks_like_path = "/" in name or name.lower().endswith(".wav")
    if not looks_like_path:
        return locations.bundled_sounds_dir() / f"{name}.wav"
    path = Path(name).expanduser()
    return path if path.is_absolute() else folder / path
