"""What the session screen shows, worked out from the engine in one place.

The screen only copies these strings into widgets. Keeping the wording here,
free of Textual, means it can be checked without a terminal and the screen can
compare old and new text to skip redraws that would change nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import assert_never

import msgspec

from stretchtimer.fitting import Note
from stretchtimer.i18n import _, current_language
from stretchtimer.routine import StepKind
from stretchtimer.session.engine import Session, SessionState
from stretchtimer.session.timeline import Phase, PhaseKind
from stretchtimer.wording import clock_text, side_text, step_summary


class SessionView(msgspec.Struct, frozen=True):
    heading: str
    step_name: str
    kind: str
    phase: str
    detail: str
    countdown: str
    reps: str
    phase_fraction: float
    session_fraction: float
    session_left: str
    caution: str
    instructions: tuple[str, ...]
    tip: str
    #: What ratings changed in this step, and why; empty when it is as written.
    adapted: str
    next: str
    paused: bool
    rep_work: bool
    window_title: str


def phase_label(phase: Phase) -> str:
    """What the person does now."""
    match phase.kind:
        case PhaseKind.PREPARE:
            return _("Get ready")
        case PhaseKind.WORK:
            return _("Reps") if phase.reps is not None else _("Hold")
        case PhaseKind.SWITCH:
            return _("Switch sides") if phase.changes_side else _("Between sets")
        case PhaseKind.REST:
            return _("Rest")
        case _:
            assert_never(phase.kind)


def _coming_label(phase: Phase) -> str:
    """What the person does next, as the "Next:" line says it mid-sentence."""
    match phase.kind:
        case PhaseKind.PREPARE:
            # Translators: mid-sentence, as in "Next: get ready 0:05".
            return _("get ready")
        case PhaseKind.WORK if phase.reps is not None:
            # Translators: mid-sentence, as in "Next: reps 0:30".
            return _("reps")
        case PhaseKind.WORK:
            # Translators: mid-sentence, as in "Next: hold 0:30 · set 2 of 2".
            return _("hold")
        case PhaseKind.SWITCH | PhaseKind.REST:
            return phase_label(phase)  # the "Next:" line words these its own way
        case _:
            assert_never(phase.kind)


def phase_detail(phase: Phase) -> str:
    """Side and set, e.g. ``Left side · set 1 of 2``; empty when neither applies."""
    match phase.kind:
        case PhaseKind.REST:
            return ""  # a rest sits between steps: no side, no set
        case PhaseKind.PREPARE | PhaseKind.WORK | PhaseKind.SWITCH:
            pass
        case _:
            assert_never(phase.kind)
    text = " · ".join(_detail_parts(phase, side_text))
    return text[:1].upper() + text[1:]


def _side_mid_sentence(side: str) -> str:
    """The person's side as it reads inside a sentence; its own words, not a lowered
    ``side_text``, as a language may keep a capital there (German's ``Ihre``)."""
    # Translators: mid-sentence, as in "Next: hold 0:30 · your left side".
    return _("your left side") if side == "left" else _("your right side")


def _detail_parts(phase: Phase, side_words: Callable[[str], str] = _side_mid_sentence) -> list[str]:
    """Side and set, the side said by ``side_words``."""
    parts = []
    if phase.side:
        parts.append(side_words(phase.side))
    if phase.set_count > 1:
        parts.append(
            _("set {number} of {total}").format(number=phase.set_number, total=phase.set_count)
        )
    return parts


def _next_text(session: Session) -> str:
    following = session.next_phase
    current = session.current_phase
    if following is None:
        return _("Next: the end — this is the last one")
    next_step = session.routine.steps[following.step_index]
    if following.step_index != current.step_index:
        return _("Next: {step} ({how})").format(step=next_step.name, how=step_summary(next_step))
    time = clock_text(following.duration)
    match following.kind:
        case PhaseKind.REST:
            after = session.next_step
            if after is None:
                return _("Next: rest {time}").format(time=time)
            return _("Next: rest {time}, then {step}").format(time=time, step=after.name)
        case PhaseKind.SWITCH if following.changes_side:
            side = _side_mid_sentence(following.side or "")
            return _("Next: switch to {side}").format(side=side)
        case PhaseKind.SWITCH:
            return _("Next: a short pause, then set {number} of {total}").format(
                number=following.set_number, total=following.set_count
            )
        case PhaseKind.PREPARE | PhaseKind.WORK:
            label = _coming_label(following)
            detail = " · ".join(_detail_parts(following))
            if not detail:
                return _("Next: {phase} {time}").format(phase=label, time=time)
            return _("Next: {phase} {time} · {detail}").format(
                phase=label, time=time, detail=detail
            )
        case _:
            assert_never(following.kind)


def kind_label(kind: StepKind) -> str:
    """A step's kind as the screen shows it."""
    match kind:
        case StepKind.STRETCH:
            # Translators: the kind of a step (a noun): a stretch, not a warm-up.
            return _("stretch")
        case StepKind.WARMUP:
            return _("warm-up")
        case _:
            assert_never(kind)


def _fraction(done: float, total: float) -> float:
    if total <= 0:
        return 1.0
    return min(1.0, max(0.0, done / total))


def caution_due(session: Session) -> bool:
    """The routine's caution belongs on screen while the first step gets ready,
    and beside a step that stands in for one that hurt."""
    first = session.timeline.step_first_phase[session.start_step]
    beside = session.current_step.cautious or session.current_phase.index == first
    return bool(session.routine.caution) and beside


def _left_out(session: Session) -> str:
    """What the plan leaves out, said while the first step gets ready."""
    first = session.timeline.step_first_phase[session.start_step]
    if not session.routine.left_out or session.current_phase.index != first:
        return ""
    return "\n".join(
        _("Left out today: {what}").format(what=line) for line in session.routine.left_out
    )


class _PhaseWords(msgspec.Struct, frozen=True):
    """The parts of the view that read the same for a whole phase."""

    heading: str
    step_name: str
    kind: str
    label: str
    detail: str
    caution: str
    instructions: tuple[str, ...]
    tip: str
    adapted: str
    next: str
    rep_work: bool


def _phase_words(session: Session) -> _PhaseWords:
    phase = session.current_phase
    step = session.current_step
    routine = session.routine
    return _PhaseWords(
        heading=_("{routine} · step {number} of {total}").format(
            routine=routine.name, number=session.step_index + 1, total=len(routine.steps)
        ),
        step_name=step.name,
        kind=kind_label(step.kind),
        label=phase_label(phase),
        detail=phase_detail(phase),
        caution=(routine.caution or "") if caution_due(session) else "",
        instructions=tuple(f"{n}. {text}" for n, text in enumerate(step.instructions, 1)),
        tip=_("Tip: {tip}").format(tip=step.tip) if step.tip else "",
        adapted="\n".join(
            line
            for line in (
                _left_out(session),
                step.adapted and _("Adapted: {why}").format(why=step.adapted),
            )
            if line
        ),
        next=_next_text(session),
        rep_work=phase.kind is PhaseKind.WORK and phase.reps is not None,
    )


def describe(session: Session) -> SessionView:
    return _view(session, _phase_words(session))


class Describer:
    """``describe`` for one session's screen, which asks every second: the words that
    read the same for the whole phase are worked out once a phase (and language)."""

    def __init__(self) -> None:
        self._phase: Phase | None = None
        self._language = ""
        self._words: _PhaseWords | None = None

    def __call__(self, session: Session) -> SessionView:
        phase, language = session.current_phase, current_language()
        words = self._words
        if words is None or phase is not self._phase or language != self._language:
            words = self._words = _phase_words(session)
            self._phase, self._language = phase, language
        return _view(session, words)


def _view(session: Session, words: _PhaseWords) -> SessionView:
    phase = session.current_phase
    paused = session.state is SessionState.PAUSED
    countdown = clock_text(session.remaining)
    rep = session.current_rep
    reps = (
        _("Rep {number} of {total}").format(number=rep, total=phase.reps)
        if words.rep_work and rep is not None
        else ""
    )
    total = session.session_total
    left = session.session_remaining
    status = _("PAUSED") if paused else words.label
    return SessionView(
        heading=words.heading,
        step_name=words.step_name,
        kind=words.kind,
        phase=words.label,
        detail=words.detail,
        countdown=countdown,
        reps=reps,
        phase_fraction=_fraction(session.phase_elapsed, session.phase_length),
        session_fraction=_fraction(total - left, total),
        # Translators: the time left in the whole session, as in "12:30 left".
        session_left=_("{time} left").format(time=clock_text(left)),
        caution=words.caution,
        instructions=words.instructions,
        tip=words.tip,
        adapted=words.adapted,
        next=words.next,
        paused=paused,
        rep_work=words.rep_work,
        # Translators: the terminal window's title during a session.
        window_title=_("{time} {phase} · {step} — stretchtimer").format(
            time=countdown, phase=status, step=words.step_name
        ),
    )


def step_notes(view: SessionView, *, caution_first: bool = False) -> tuple[Note, ...]:
    """The step's notes in the order they read, ranked for a short screen.

    The instructions come first when room is short, then how the step was
    adapted, the tip, and the routine's caution (which is also in the
    picker's preview and on ``d``). While the session waits for the caution
    to be read (``caution_first``), the caution comes before everything.
    """
    return _notes(view.caution, view.adapted, view.instructions, view.tip, caution_first)


@lru_cache(maxsize=8)
def _notes(
    caution: str, adapted: str, instructions: tuple[str, ...], tip: str, caution_first: bool
) -> tuple[Note, ...]:
    # Kept: the screen asks every second, and a step's notes change only with the step.
    notes: list[Note] = []
    if caution:
        rank = -1 if caution_first else 3
        notes.append(Note(f"⚠ {caution}", rank=rank, group="caution"))
    if adapted:
        notes.append(Note(adapted, rank=1, group="adapted"))
    notes.extend(
        Note(text, rank=0, group="steps", gap_before=1 if index == 0 else 0)
        for index, text in enumerate(instructions)
    )
    if tip:
        notes.append(Note(tip, rank=2, group="tip", gap_before=1))
    return tuple(notes)
