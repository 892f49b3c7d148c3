"""The routine model: what a routine file means once it has been validated.

Everything here is plain, immutable data. Durations are whole seconds; the
loader has already resolved defaults, so each step carries its own prepare,
rest, switch and rep time and nothing downstream needs to know about
``defaults``.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import assert_never

import msgspec

from stretchtimer.figures.library import resolve_figure
from stretchtimer.figures.model import Figure
from stretchtimer.i18n import _

SIDES = ("left", "right")

#: The timings a step takes when neither it nor the routine's ``defaults`` gives
#: them. The routine format's ``defaults:`` keys are exactly these names.
STEP_DEFAULTS: Mapping[str, int] = MappingProxyType(
    {"prepare": 5, "rest": 10, "switch": 5, "rep_time": 3}
)


class StepKind(StrEnum):
    STRETCH = "stretch"
    WARMUP = "warmup"

    @property
    def label(self) -> str:
        """How the kind reads on screen and in plans."""
        match self:
            case StepKind.STRETCH:
                return "stretch"
            case StepKind.WARMUP:
                return "warm-up"
            case _:
                assert_never(self)

    @property
    def word(self) -> str:
        """``label`` in the user's language, where a person reads it (``label`` is also
        what a routine file writes, which stays English)."""
        match self:
            case StepKind.STRETCH:
                return _("stretch")
            case StepKind.WARMUP:
                return _("warm-up")
            case _:
                assert_never(self)

    @property
    def is_warmup(self) -> bool:
        return self is StepKind.WARMUP


def _no_figures() -> Mapping[str, Figure]:
    return MappingProxyType({})


def _empty_sounds() -> Mapping[str, Path]:
    return MappingProxyType({})


class Step(msgspec.Struct, frozen=True):
    name: str
    kind: StepKind = StepKind.STRETCH
    hold: int | None = 30
    reps: int | None = None
    sets: int = 1
    sides: tuple[str, ...] = ()
    instructions: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    tip: str | None = None
    prepare: int = STEP_DEFAULTS["prepare"]
    rest: int = STEP_DEFAULTS["rest"]
    switch: int = STEP_DEFAULTS["switch"]
    rep_time: int = STEP_DEFAULTS["rep_time"]
    sounds: Mapping[str, Path] = msgspec.field(default_factory=_empty_sounds)
    #: The figure shown for this step: a name among the routine's own figures
    #: or the bundled library's (``Routine.figure_for`` finds it).
    figure: str | None = None
    #: How far ratings may move the hold or the reps; None means the default
    #: bounds the adaptation policy works out from the written value.
    min_hold: int | None = None
    max_hold: int | None = None
    min_reps: int | None = None
    max_reps: int | None = None
    #: The gentler step done instead once this one was rated as hurting.
    easier: Step | None = None
    #: Why this step differs from the file (set only on an adapted plan).
    adapted: str | None = None
    #: The routine's caution belongs beside this step: it stands in for one that hurt.
    cautious: bool = False
    #: The name as the file's own language has it, when ``name`` is a translation.
    own_name: str | None = None

    @property
    def key(self) -> str:
        """What ratings, history and ``easier:`` know the step by, in every language.

        A step's identity must not change when the person switches language,
        or its ratings and history would be lost; so it is the name in the
        file's own language, whichever translation is shown.
        """
        return self.own_name or self.name

    @property
    def work_seconds(self) -> int:
        """Length of one work phase: a hold, or the reps at their pace."""
        if self.hold is not None:
            return self.hold
        assert self.reps is not None
        return self.reps * self.rep_time

    @property
    def work_phase_count(self) -> int:
        return self.sets * max(1, len(self.sides))


class Routine(msgspec.Struct, frozen=True):
    name: str
    steps: tuple[Step, ...]
    description: str | None = None
    caution: str | None = None
    source: Path | None = None
    sounds: Mapping[str, Path] = msgspec.field(default_factory=_empty_sounds)
    #: Figures this routine defines for itself, by name.
    figures: Mapping[str, Figure] = msgspec.field(default_factory=_no_figures)
    #: Steps an adapted plan leaves out, each with why, said as the session starts.
    left_out: tuple[str, ...] = ()
    #: The language the file is written in (its ``language:``), a tag such as ``en`` or ``pt_BR``.
    language: str = "en"
    #: The language the text is shown in: ``language``, or a translation's.
    shown_language: str = "en"
    #: The name and caution as the file's own language has them, when translated.
    own_name: str | None = None
    own_caution: str | None = None

    @property
    def key(self) -> str:
        """What history, ratings and the app's memory know the routine by, in every language."""
        return self.own_name or self.name

    @property
    def caution_key(self) -> str | None:
        """The caution as remembered once read: the same text whatever language shows it."""
        return self.own_caution if self.own_caution is not None else self.caution

    def figure_for(self, step_index: int) -> Figure | None:
        """The figure step ``step_index`` names (its own or a bundled one), or None."""
        name = self.steps[step_index].figure
        return None if name is None else resolve_figure(name, self.figures)
