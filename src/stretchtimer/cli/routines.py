"""``list``, ``show``, ``validate`` and ``schema``: the routines there are, and their format."""

from __future__ import annotations

import argparse
import shutil
import sys
from typing import TYPE_CHECKING

from stretchtimer import catalog, locations
from stretchtimer.cli.common import (
    EXIT_OK,
    Commands,
    Parser,
    command,
    error,
    routine_error,
)
from stretchtimer.cli.completion import completes_with, routine_names
from stretchtimer.config import ConfigReading
from stretchtimer.i18n import _, current_language, ngettext, use_language

if TYPE_CHECKING:
    from stretchtimer.adapt.policy import Adaptation, Plan
from stretchtimer.routine import Routine
from stretchtimer.routine_problems import RoutineError
from stretchtimer.safe_text import safe_text
from stretchtimer.session.timeline import compile_timeline
from stretchtimer.wording import length_text, plural, step_summary


def register(commands: Commands[Parser]) -> None:
    listing = command(commands, "list", list_routines, help=_("list the routines there are"))
    listing.add_argument("--names", action="store_true", help=_("bare names, one a line"))

    show = command(
        commands, "show", show_routine, help=_("print a routine's plan, each step with its figure")
    )
    completes_with(show.add_argument("routine", metavar="ROUTINE"), routine_names)
    show.add_argument("--json", action="store_true", help=_("machine-readable plan"))
    show.add_argument(
        "--as-written", action="store_true", help=_("the routine as written, without its ratings")
    )

    validate = command(commands, "validate", validate_routines, help=_("check routine files"))
    completes_with(validate.add_argument("routines", metavar="ROUTINE", nargs="+"), routine_names)

    schema = command(
        commands,
        "schema",
        print_schema,
        help=_("print the routine format's JSON Schema, for editors"),
    )
    schema.add_argument(
        "--path", action="store_true", help=_("print where the installed schema file is instead")
    )


def list_routines(args: argparse.Namespace, _reading: ConfigReading) -> int:
    entries = catalog.discover()
    if args.names:
        for entry in entries:
            print(entry.name)
        return EXIT_OK
    if not entries:
        print(
            _("No routines found. Add .yaml files to {folder}").format(
                folder=locations.user_routines_dir()
            )
        )
        return EXIT_OK
    width = max(len(e.name) for e in entries)
    counts = {
        entry.name: plural(len(entry.routine.steps), "step", width=2)
        for entry in entries
        if entry.routine is not None
    }
    steps_width = max([8, *(len(count) for count in counts.values())])
    for entry in entries:
        origin = "" if entry.origin == "bundled" else "  " + _("(yours)")
        if entry.routine is None:
            first = entry.problems[0] if entry.problems else _("cannot be read")
            print(f"{entry.name:<{width}}  " + _("broken: {problem}").format(problem=first))
            continue
        total = compile_timeline(entry.routine).total_seconds
        steps = f"{counts[entry.name]:<{steps_width}}"
        print(f"{entry.name:<{width}}  {steps}  {length_text(total):>7}{origin}")
    return EXIT_OK


def show_routine(args: argparse.Namespace, _reading: ConfigReading) -> int:
    routine = catalog.load(args.routine)
    if args.json:
        from stretchtimer.json_output import json_text
        from stretchtimer.plan_json import routine_plan

        # Machine output: the app's own words in it (why a step was adapted) stay English,
        # whatever the language; the routine's text is the routine's, as it was loaded.
        language = current_language()
        use_language(["en"])
        try:
            print(json_text(routine_plan(planned_routine(routine, as_written=args.as_written))))
        finally:
            use_language([language])
        return EXIT_OK
    plan = planned_routine(routine, as_written=args.as_written)
    run = plan.routine
    timeline = compile_timeline(run)
    seconds = {place: timeline.step_seconds(n) for n, place in enumerate(plan.kept)}
    print(routine.name)
    if routine.description:
        print(routine.description)
    if routine.caution:
        print(_("Caution: {caution}").format(caution=routine.caution))
    from stretchtimer.figures.commands import can_draw, step_block

    width = shutil.get_terminal_size().columns
    drawing = can_draw(sys.stdout)
    for index, planned in enumerate(plan.steps):
        step = planned.step
        print()
        if planned.skip:
            assert planned.adaptation is not None
            print(f"{index + 1:>2}. {step.name}: {planned.adaptation.reason}")
        else:
            kind = f" ({step.kind.word})" if step.kind.is_warmup else ""
            took = length_text(seconds.get(index, 0))
            heading = f"{index + 1:>2}. {step.name}{kind}: {step_summary(step)}  [{took}]"
            figure = run.figure_for(plan.kept.index(index)) if drawing else None
            numbered = [f"{n}. {line}" for n, line in enumerate(step.instructions, start=1)]
            first_side = step.sides[0] if step.sides else None
            block = step_block(heading, numbered, figure, width=width, side=first_side)
            print("\n".join(block))
        if planned.adaptation is not None:
            print(*adaptation_lines(planned.adaptation, skipped=planned.skip), sep="\n")
    if plan.nothing_left:
        print()
        print(_("Nothing to run: {refusal}.").format(refusal=plan.refusal(args.routine)))
        return EXIT_OK
    total = length_text(timeline.total_seconds)
    print()
    print(
        ngettext(
            "Total: {total} in {n} step", "Total: {total} in {n} steps", len(run.steps)
        ).format(total=total, n=len(run.steps))
    )
    if plan.adapted:
        print(_("Adapted to your ratings: --as-written shows the routine as written."))
    return EXIT_OK


def planned_routine(routine: Routine, *, as_written: bool) -> Plan:
    """The routine as ratings have adapted it, or as written; a history that cannot be
    read is said as a warning and leaves it as written."""
    from stretchtimer.adapt.policy import as_written as written_plan

    if as_written:
        return written_plan(routine)
    from stretchtimer.history.feedback_commands import planned

    plan, problem = planned(routine)
    if problem:
        print(
            _("stretchtimer: warning: {problem}").format(problem=safe_text(problem)),
            file=sys.stderr,
        )
    return plan


def adaptation_lines(adaptation: Adaptation, *, skipped: bool) -> list[str]:
    """The lines under an adapted step: what changed and why, and the caution with a hurt."""
    lines = [] if skipped else ["    " + _("Adapted: {reason}").format(reason=adaptation.reason)]
    if adaptation.caution and (skipped or adaptation.replaced_by):
        lines.append("    " + _("Caution: {caution}").format(caution=adaptation.caution))
    if adaptation.advice:
        lines.append(f"    {adaptation.advice}")
    return lines


def validate_routines(args: argparse.Namespace, _reading: ConfigReading) -> int:
    status = EXIT_OK
    for spec in args.routines:
        try:
            routine = catalog.load(spec)
        except catalog.CatalogError as exc:
            status = error(str(exc))
        except RoutineError as exc:
            status = routine_error(exc)
        else:
            print(ok_line(routine))
    return status


def ok_line(routine: Routine) -> str:
    """``FILE: ok (5 steps, 4:57)``: what a routine that loads is confirmed with."""
    total = length_text(compile_timeline(routine).total_seconds)
    source = safe_text(str(routine.source))
    n = len(routine.steps)
    return ngettext(
        "{file}: ok ({n} step, {length})", "{file}: ok ({n} steps, {length})", n
    ).format(file=source, n=n, length=total)


def print_schema(args: argparse.Namespace, _reading: ConfigReading) -> int:
    if args.path:
        print(locations.schema_file())
        return EXIT_OK
    from stretchtimer.schema import schema_text

    sys.stdout.write(schema_text())
    return EXIT_OK
