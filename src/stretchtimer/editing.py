"""Writing routines: new files from a template or a copy, and the edit-check loop.

``stretchtimer new`` and ``edit`` and the picker's keys all come here, so a
file made from the picker is the file the command line would have made. An
edit ends the way ``crontab -e`` does: the file is checked as soon as the
editor exits, and if it has problems the person sees them with their
positions and chooses to edit again or keep it as it is. Nothing they typed
is ever thrown away.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from enum import StrEnum
from pathlib import Path

import msgspec

from stretchtimer import catalog, locations
from stretchtimer.bundled_steps import bundled_step
from stretchtimer.i18n import N_, _
from stretchtimer.loader import RoutineError, load_routine
from stretchtimer.routine import Routine
from stretchtimer.safe_text import safe_text
from stretchtimer.yamlsafe import YamlProblem, read_text

#: The comment that tells yaml-language-server (and the editors built on it) the schema.
SCHEMA_COMMENT = "# yaml-language-server: $schema="
#: Tried in this order when neither VISUAL nor EDITOR is set.
FALLBACK_EDITORS = ("editor", "nano", "vi")

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


class EditError(Exception):
    """A new or edit request that cannot go ahead; the message says what to do."""


class Outcome(StrEnum):
    VALID = "valid"  # the file loads
    KEPT = "kept"  # it has problems, and the person chose to keep it as it is


class EditResult(msgspec.Struct, frozen=True):
    path: Path
    outcome: Outcome
    routine: Routine | None = None
    problems: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.path.stem


def schema_line() -> str:
    return f"{SCHEMA_COMMENT}{locations.schema_file()}"


def with_schema_line(text: str) -> str:
    """``text`` starting with the schema line: the old one replaced, or the line added."""
    first, newline, rest = text.partition("\n")
    if first.startswith(SCHEMA_COMMENT):
        return f"{schema_line()}\n{rest}"
    return f"{schema_line()}\n{first}{newline}{rest}"


def routine_name(text: str) -> str:
    """The name a new routine file takes (``NAME.yaml``), checked."""
    name = text.strip()
    for suffix in catalog.SUFFIXES:
        name = name.removesuffix(suffix)
    if not _NAME.match(name):
        raise EditError(
            _(
                "'{text}' cannot name a routine: use up to 100 letters, "
                "digits, '-', '_' or '.', starting with a letter or digit"
            ).format(text=text)
        )
    return name


def template(name: str) -> str:
    """A short routine that works as it is and shows the common keys."""
    title = json.dumps(re.sub(r"[-_.]+", " ", name).strip().capitalize() or name)
    return f"""{schema_line()}
# A stretchtimer routine. Every key is described in the routine format docs
# ('stretchtimer schema' prints them for editors). Check it with:
#   stretchtimer validate {name}
name: {title}
description: What this break is for, in a line or two.
caution: Move slowly and stop any stretch that hurts.

defaults:
  prepare: 5s       # time to get into position before each step
  rest: 10s         # rest after each step (not after the last)

steps:
  - name: Neck tilt
    hold: 30s       # how long; a step counted in reps gives reps instead
    sides: both     # left, right, or both (left then right)
    instructions:
      - Sit tall with your shoulders loose.
      - Tip your ear towards your shoulder.

  - name: Shoulder rolls
    kind: warmup
    reps: 10
    instructions:
      - Roll both shoulders back in slow circles.
"""


def new_routine_path(name: str, user_dir: Path | None = None) -> Path:
    """Where ``new NAME`` would write; EditError if the name is unusable or taken."""
    name = routine_name(name)
    folder = user_dir or locations.user_routines_dir()
    for suffix in catalog.SUFFIXES:
        existing = folder / f"{name}{suffix}"
        if existing.exists():
            raise EditError(
                _(
                    "{existing} already exists; 'stretchtimer edit "
                    "{name}' opens it, or choose another name"
                ).format(existing=existing, name=name)
            )
    return folder / f"{name}.yaml"


def create_routine(name: str, *, source: Path | None = None, user_dir: Path | None = None) -> Path:
    """Write ``NAME.yaml`` in the routine folder: the template, or a copy of ``source``.

    Refuses to replace a file that is already there.
    """
    path = new_routine_path(name, user_dir)
    name, folder = path.stem, path.parent
    if source is None:
        text = template(name)
    else:
        try:
            text = with_schema_line(read_text(source))
        except YamlProblem as problem:
            raise EditError(f"{source}: {problem.message}") from None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise EditError(_("{path} already exists; choose another name").format(path=path)) from None
    except OSError as exc:
        raise EditError(
            _("cannot write {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from None
    return path


class EditTarget(msgspec.Struct, frozen=True):
    path: Path
    #: The bundled file this is a fresh copy of, when editing a bundled routine.
    copied_from: Path | None = None


def edit_target(spec: str, user_dir: Path | None = None) -> EditTarget:
    """The file ``edit SPEC`` opens; a bundled routine is copied to the routine folder first."""
    try:
        path = catalog.resolve(spec, user_dir)
    except catalog.CatalogError as exc:
        raise EditError(
            _("{exc}; 'stretchtimer new {spec}' makes a new one").format(exc=exc, spec=spec)
        ) from None
    if not path.is_file():
        raise EditError(
            _("{path}: no such file; 'stretchtimer new NAME' makes a new routine").format(path=path)
        )
    return editable(path, user_dir)


def editable(path: Path, user_dir: Path | None = None) -> EditTarget:
    """``path`` itself, or for a bundled routine a fresh copy in the routine folder."""
    if path.parent.resolve() == locations.bundled_routines_dir().resolve():
        return EditTarget(create_routine(path.stem, source=path, user_dir=user_dir), path)
    return EditTarget(path)


def editor_command(environ: Mapping[str, str] | None = None) -> list[str]:
    """The editor to run: $VISUAL, else $EDITOR, else the first of FALLBACK_EDITORS found."""
    env = os.environ if environ is None else environ
    for variable in ("VISUAL", "EDITOR"):
        value = env.get(variable, "").strip()
        if value:
            try:
                command = shlex.split(value)
            except ValueError as exc:
                raise EditError(
                    _("cannot read ${variable} ({value!r}): {exc}").format(
                        variable=variable, value=value, exc=exc
                    )
                ) from None
            if command:
                return command
    for name in FALLBACK_EDITORS:
        found = shutil.which(name, path=env.get("PATH"))
        if found:
            return [found]
    raise EditError(_("no editor found: set VISUAL or EDITOR, e.g. EDITOR=nano"))


def run_editor(command: Sequence[str], path: Path) -> int:
    """Run the editor on ``path`` in this terminal and wait for it; its exit status."""
    try:
        return subprocess.run([*command, str(path)], check=False).returncode
    except OSError as exc:
        raise EditError(
            _(
                "cannot run the editor '{command}': {reason}; "
                "set VISUAL or EDITOR to one that is installed"
            ).format(command=command[0], reason=exc.strerror or exc)
        ) from None


KEEP_ANSWERS = frozenset({"k", "keep", "n", "no", "q", "quit"})
# Translators: the answers are typed as e and k whatever the language; keep those letters.
EDIT_AGAIN_QUESTION = N_("Edit again (e) or keep the file as it is (k)? [e] ")


def edit_until_valid(
    path: Path,
    *,
    editor: Sequence[str],
    ask: Callable[[str], str] | None,
    say: Callable[[str], None],
    run: Callable[[Sequence[str], Path], int] = run_editor,
) -> EditResult:
    """Open the editor until the file loads or the person keeps it with its problems.

    ``ask`` puts the edit-again question; None (no one to ask, e.g. input is
    not a terminal) keeps the file at the first problem. An end of input
    counts as keeping it.
    """
    while True:
        status = run(editor, path)
        if status != 0:
            say(
                _(
                    "stretchtimer: the editor exited with status {status}; checking the file anyway"
                ).format(status=status)
            )
        try:
            routine = load_routine(path, bundled_step)
        except RoutineError as error:
            problems = tuple(error.lines())
        else:
            return EditResult(path, Outcome.VALID, routine)
        for line in problems:
            say(line)
        answer = "k"
        if ask is not None:
            try:
                answer = ask(_(EDIT_AGAIN_QUESTION)).strip().lower()
            except EOFError:
                answer = "k"
        if answer in KEEP_ANSWERS:
            say(
                _("Kept {path} as it is; it is listed as broken until it is fixed.").format(
                    path=path
                )
            )
            return EditResult(path, Outcome.KEPT, problems=problems)


def _ask_in_terminal(question: str) -> str:
    print(question, end="", file=sys.stderr, flush=True)
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line


def _say(line: str) -> None:
    print(safe_text(line), file=sys.stderr)


def edit_in_terminal(path: Path) -> EditResult:
    """The edit loop on this process's terminal: the editor, then problems and the question.

    The question is only asked when input is a terminal; otherwise a file
    with problems is kept at once.
    """
    ask = _ask_in_terminal if sys.stdin.isatty() else None
    return edit_until_valid(path, editor=editor_command(), ask=ask, say=_say)
