"""``rate`` and ``checkin``: telling stretchtimer how a stretch went, and how areas feel."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from stretchtimer import areas, catalog
from stretchtimer.adapt.policy import Rating
from stretchtimer.areas import AREAS, SCORE_RANGE, area_name, area_names
from stretchtimer.cli.common import EXIT_OK, Commands, Parser, UsageError, command, error
from stretchtimer.cli.completion import completes_with, routine_names
from stretchtimer.config import ConfigReading
from stretchtimer.i18n import _
from stretchtimer.routine import Routine, Step
from stretchtimer.suggestions import suggest

if TYPE_CHECKING:
    from stretchtimer.services import RatingsControl
    from stretchtimer.session.events import SessionSummary

RATINGS = tuple(rating.value for rating in Rating)


def register(commands: Commands[Parser]) -> None:
    rate = command(
        commands,
        "rate",
        rate_command,
        help=_("rate how a stretch went (easy, right, hard, hurt): the next session follows it"),
    )
    completes_with(
        rate.add_argument(
            "routine", metavar="ROUTINE", help=_("a routine name or a path to a file")
        ),
        routine_names,
    )
    rate.add_argument("step", metavar="STEP", nargs="?", help=_("the step's number or its name"))
    completes_with(
        rate.add_argument("rating", metavar="RATING", nargs="?", help=", ".join(RATINGS)),
        lambda prefix, **_: [word for word in RATINGS if word.startswith(prefix)],
    )
    rate.add_argument(
        "--reset",
        action="store_true",
        help=_("forget the routine's ratings: the next session is the routine as written"),
    )
    checkin = command(
        commands,
        "checkin",
        checkin_command,
        help=_("record how areas feel, 0 (fine) to 10: stats shows them beside your sessions"),
    )
    completes_with(
        checkin.add_argument(
            "scores",
            metavar="AREA=SCORE",
            nargs="*",
            help=_("areas: {areas}").format(areas=", ".join(area_names())),
        ),
        lambda prefix, **_: [
            f"{name}=" for name in dict.fromkeys([*area_names(), *AREAS]) if name.startswith(prefix)
        ],
    )


def rate_command(args: argparse.Namespace, _reading: ConfigReading) -> int:
    from stretchtimer.history.feedback_commands import FeedbackNotSaved, rate_step, reset_ratings

    routine = catalog.load(args.routine)
    if args.reset:
        if args.step is not None:
            raise UsageError(
                _("--reset takes the routine alone: stretchtimer rate --reset ROUTINE")
            )
        try:
            cleared = reset_ratings(routine)
        except FeedbackNotSaved as exc:
            return error(_("the ratings were not reset: {exc}").format(exc=exc))
        print(
            _("{name}: ratings forgotten ({cleared}); it runs as written.").format(
                name=routine.name, cleared=cleared
            )
        )
        return EXIT_OK
    if args.step is None or args.rating is None:
        raise UsageError(_("name the step and the rating: stretchtimer rate ROUTINE STEP RATING"))
    step = _step(routine, args.step)
    rating = _rating(args.rating)
    try:
        rate_step(routine, step.key, rating)
    except FeedbackNotSaved as exc:
        return error(_("the rating was not saved: {exc}").format(exc=exc))
    print(
        _("{name}: {step_name} rated {value}.").format(
            name=routine.name, step_name=step.name, value=rating.value
        )
    )
    return EXIT_OK


def _rating(word: str) -> Rating:
    try:
        return Rating(word.strip().lower())
    except ValueError:
        raise UsageError(
            _("unknown rating '{word}'{suggest}; rate {ratings}").format(
                word=word, suggest=suggest(word, RATINGS), ratings=", ".join(RATINGS)
            )
        ) from None


def _step(routine: Routine, given: str) -> Step:
    """The step ``given`` names: a number counts from 1, as ``show`` lists them.

    A name may be the one shown (perhaps a translation) or the file's own.
    """
    text = given.strip()
    if text.isascii() and text.isdigit():
        number = int(text)
        if not 1 <= number <= len(routine.steps):
            raise UsageError(
                _("{name} has no step {number}; its steps are 1 to {steps}").format(
                    name=routine.name, number=number, steps=len(routine.steps)
                )
            )
        return routine.steps[number - 1]
    steps = [*routine.steps, *(step.easier for step in routine.steps if step.easier is not None)]
    names = [step.name for step in steps]
    for step in steps:
        if text.casefold() in (step.name.casefold(), step.key.casefold()):
            return step
    raise UsageError(
        _(
            "{name} has no step '{given}'{suggest}; give a number "
            "from 1 to {steps} or a name 'stretchtimer show' lists"
        ).format(
            name=routine.name, given=given, suggest=suggest(given, names), steps=len(routine.steps)
        )
    )


def checkin_command(args: argparse.Namespace, _reading: ConfigReading) -> int:
    from stretchtimer.history.feedback_commands import FeedbackNotSaved, save_checkin

    if args.scores:
        scores = parse_scores(args.scores)
    elif sys.stdin.isatty():
        scores = ask_scores()
        if not scores:
            print(_("Nothing recorded."))
            return EXIT_OK
    else:
        raise UsageError(
            _(
                "give the scores, such as: stretchtimer checkin neck=3 shoulders=5 "
                "(without them it asks, in a terminal)"
            )
        )
    try:
        save_checkin(scores)
    except FeedbackNotSaved as exc:
        return error(_("the check-in was not saved: {exc}").format(exc=exc))
    said = ", ".join(f"{area_name(area)} {score}" for area, score in scores.items())
    print(_("Checked in: {said}.").format(said=said))
    return EXIT_OK


def parse_scores(words: list[str]) -> dict[str, int]:
    try:
        return areas.parse_scores(words)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def ask_scores() -> dict[str, int]:
    """Each area in turn; Enter passes over one, and a wrong answer is asked again."""
    low, high = SCORE_RANGE
    print(
        _("How does each area feel, from {low} (fine) to {high}? Enter passes over one.").format(
            low=low, high=high
        )
    )
    scores: dict[str, int] = {}
    for area in AREAS:
        while True:
            try:
                answer = input(f"  {area_name(area)}: ")
            except EOFError:
                print()
                return scores
            if not answer.strip():
                break
            try:
                scores[area] = areas.parse_score(answer, area)
            except ValueError as exc:
                print(f"  {exc}")
                continue
            break
    return scores


def ask_ratings(
    summary: SessionSummary,
    ratings: RatingsControl,
    ask: Callable[[str], str] = input,
    say: Callable[[str], None] = print,
) -> None:
    """After a plain session: a rating for each stretch reached, skipped ones too.

    Enter passes over one.
    """
    done = list(summary.results)
    if not done:
        return
    say(
        _("How did each stretch go? {ratings}; Enter passes over it.").format(
            ratings=", ".join(RATINGS)
        )
    )
    for result in done:
        while True:
            try:
                answer = ask(f"  {result.name}: ").strip().lower()
            except EOFError:
                say("")
                return
            if not answer:
                break
            words = [word for word in RATINGS if word.startswith(answer)]
            if len(words) != 1:
                say(
                    _("  Say one of {ratings} (or Enter to pass over it).").format(
                        ratings=", ".join(RATINGS)
                    )
                )
                continue
            problem = ratings.rate(
                summary.routine_key, result.key, result.step_index, Rating(words[0])
            )
            if problem:
                say(f"  {problem}")
                return
            break
