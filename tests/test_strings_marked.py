"""Every string a person reads passes through gettext.

The source is read, not run: a string literal (or the text of an f-string)
that reaches a place a person reads from fails this test unless it is wrapped
in ``_()``, ``ngettext()`` or ``N_()``. The places:

- ``print(...)`` and ``console.print(...)``, ``sys.stdout``/``sys.stderr.write(...)``,
  ``sys.exit("...")``;
- a widget made with text (``Static("...")``, ``Button(label=...)``), a
  widget's ``.update(...)``, a key binding's description, a screen's title;
- ``notify(...)`` and a desktop notification's ``.show(summary, body)``;
- the error helpers (``error``, ``warning``, ``usage_error``, ``parser.error``);
- Rich text: ``Text("...")``, ``Text.assemble(...)``, ``text.append("...", style=...)``;
- argparse's ``help=``, ``description=`` and ``epilog=``, a table's ``title=``;
- ``raise SomeError("...")``: an error's message is what the person is told
  (one raised for a programmer, such as a clock going backwards, is allowed
  with its reason).

A literal is unmarked when it is itself the text, or the text of
``"...".format()``, ``"..." + x``, ``"..." % x`` or either side of
``a if c else b``. Text with no letters (a separator, ``"{done}/{total}"``) is
never for translation. What else is rightly left in English is in
``ALLOWED``, each with its reason.

Text made in one function and shown by another (a view returning a line) is
out of its sight; the pseudo-locale's screens show what is left there.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent / "src" / "stretchtimer"

#: Parts (as in docs/architecture.md) whose strings are still being marked: skipped here.
#: Empty this set part by part as each is marked; a part listed here that has nothing
#: left unmarked fails, so the set only shrinks.
NOT_YET_CHECKED: set[str] = set()

#: (file under src/stretchtimer, the literal's text) -> why it is not for translation.
ALLOWED: dict[tuple[str, str], str] = {
    ("audio/selection.py", "silence"): "the name of a probe's sound, which only a trace shows",
    ("figures/skeleton.py", "no points"): "a figure drawn from nothing: a programmer's mistake",
    ("output.py", "the stream is closed"): "what Python's io says to code writing after close",
    ("remind/settings.py", "idle_source"): "a setting's key, named inside a translated sentence",
    ("remind/settings.py", "remind"): "a table's key, named inside a translated sentence",
    ("schema.py", "'{}' needs limits in the format table"): (
        "a mistake in the routine format's table, found when the schema is built"
    ),
    ("session/clock.py", "a clock cannot go backwards"): "a fake clock misused by a test",
    ("session/engine.py", "a routine needs at least one step"): (
        "a caller's mistake: the loader refuses a routine with no steps first"
    ),
    ("session/engine.py", "start_step {} is outside the routine"): (
        "a caller's mistake: a session starts at a step its routine has"
    ),
    ("big_digits.py", "glyph {}: {} rows of one width are needed"): (
        "a mistake in the font's own data, caught when the module loads: for its programmers"
    ),
    ("tui/app.py", "stretchtimer"): "the program's name, the same in every language",
    ("tui/app.py", "step {} is outside {} ({} steps)"): (
        "a caller's mistake: the command line only ever passes a step of the routine"
    ),
}

#: Calls whose every argument is read by a person.
_SAYING = {"print", "notify", "error", "warning", "usage_error", "exit"}
#: Textual's widgets that show text given to them (first argument, or ``label=`` ...).
_WIDGETS = {
    "Static",
    "Label",
    "Button",
    "Markdown",
    "Checkbox",
    "RadioButton",
    "Switch",
    "Option",
    "Tab",
    "TabPane",
    "Collapsible",
    "Link",
    "ListItem",
    "Input",
    "TextArea",
    "Digits",
    "Text",
}
#: Methods that put text on the screen or in a notification.
_SHOWING = {"update", "write", "show", "notify", "error", "warning", "exit"}
#: Keyword arguments that are text for a person, whatever the call.
_TEXT_KEYWORDS = {
    "help",
    "description",
    "epilog",
    "placeholder",
    "title",
    "sub_title",
    "label",
    "tooltip",
    "message",
    "summary",
    "body",
}
#: Attributes that Textual shows: the title bar, a widget's border, its tooltip.
_SHOWN_ATTRIBUTES = {
    "title",
    "sub_title",
    "TITLE",
    "SUB_TITLE",
    "border_title",
    "border_subtitle",
    "tooltip",
}
_MARKS = {"_", "ngettext", "N_"}


@dataclass(frozen=True)
class Unmarked:
    file: str
    line: int
    text: str
    where: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.text!r} reaches {self.where} unmarked"


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _has_letters(text: str) -> bool:
    return any(char.isalpha() for char in text)


def unmarked_text(node: ast.expr) -> Iterator[str]:
    """The literal text in ``node`` that a person would read untranslated."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if _has_letters(node.value):
            yield node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(
            part.value if isinstance(part, ast.Constant) else "{}" for part in node.values
        )
        if _has_letters(text.replace("{}", "")):
            yield text
    elif isinstance(node, ast.Call):
        if _name(node.func) in _MARKS:
            return
        if isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "strip"):
            yield from unmarked_text(node.func.value)
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        yield from unmarked_text(node.left)
        if isinstance(node.op, ast.Add):
            yield from unmarked_text(node.right)
    elif isinstance(node, ast.IfExp):
        yield from unmarked_text(node.body)
        yield from unmarked_text(node.orelse)


def _said(node: ast.AST) -> Iterator[tuple[ast.expr, str]]:
    """What ``node`` hands to a person, and where it goes."""
    if isinstance(node, ast.Call):
        name = _name(node.func)
        method = isinstance(node.func, ast.Attribute)
        if (name in _SAYING and not method) or (method and name in _SHOWING | {"print"}):
            for argument in node.args:
                yield argument, f"{name}()"
        elif name in _WIDGETS:
            yield from ((node.args[0], f"{name}()") for _ in node.args[:1])
            for keyword in node.keywords:
                if keyword.arg in ("content", "renderable", "value"):
                    yield keyword.value, f"{name}({keyword.arg}=)"
        elif name in ("assemble", "from_markup", "append") and _is_rich_text(node):
            for argument in node.args[:1] if name == "append" else node.args:
                piece = argument.elts[0] if isinstance(argument, ast.Tuple) else argument
                yield piece, f"Text.{name}()"
        elif name == "Binding" and len(node.args) >= 3:
            yield node.args[2], "a key binding"
        for keyword in node.keywords:
            if keyword.arg in _TEXT_KEYWORDS:
                yield keyword.value, f"{name}({keyword.arg}=)"
    elif isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
        yield node.exc.args[0], f"raise {_name(node.exc.func)}"
    elif isinstance(node, ast.Assign | ast.AnnAssign):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            shown = isinstance(target, ast.Attribute | ast.Name) and (
                _name(target) in _SHOWN_ATTRIBUTES
            )
            if shown and node.value is not None:
                yield node.value, f"{_name(target)} ="


def _is_rich_text(call: ast.Call) -> bool:
    """Whether a call builds Rich text: ``Text.assemble``, ``Text.from_markup``, or
    ``append`` to something called text, or with a style (a list's ``append`` has none)."""
    func = call.func
    assert isinstance(func, ast.Attribute)
    receiver = _name(func.value)
    if func.attr != "append":
        return receiver == "Text"
    styled = len(call.args) > 1 or any(keyword.arg == "style" for keyword in call.keywords)
    return styled or receiver.lower().endswith("text")


@cache
def trees() -> dict[str, ast.Module]:
    """Every module of the app, parsed once (when a test here runs, not when it is collected)."""
    return {
        path.relative_to(SOURCE).as_posix(): ast.parse(path.read_bytes(), filename=str(path))
        for path in sorted(SOURCE.rglob("*.py"))
    }


def unmarked(file: str) -> Iterator[Unmarked]:
    for node in ast.walk(trees()[file]):
        for value, where in _said(node):
            for text in unmarked_text(value):
                if (file, text) not in ALLOWED:
                    yield Unmarked(file, value.lineno, text, where)


def part(file: str) -> str:
    """The part a file belongs to: its package, or the module itself."""
    return file.split("/")[0].removesuffix(".py")


@cache
def findings() -> dict[str, list[Unmarked]]:
    """What is left unmarked, by part."""
    found: dict[str, list[Unmarked]] = {}
    for file in trees():
        found.setdefault(part(file), []).extend(unmarked(file))
    return found


def test_every_string_a_person_reads_is_marked() -> None:
    checked = [
        f for name, found in findings().items() if name not in NOT_YET_CHECKED for f in found
    ]
    assert not checked, "\n".join(map(str, checked))


def test_only_parts_with_strings_left_to_mark_are_skipped() -> None:
    done = sorted(name for name in NOT_YET_CHECKED if not findings().get(name))
    assert not done, f"nothing left to mark in {done}: take them out of NOT_YET_CHECKED"


def test_every_allowed_string_is_still_there() -> None:
    """An allowance for a string that is gone would silently allow its return."""
    texts = {
        (file, text)
        for file, tree in trees().items()
        for node in ast.walk(tree)
        for value, _where in _said(node)
        for text in unmarked_text(value)
    }
    assert [key for key in ALLOWED if key not in texts] == []


def test_the_check_sees_what_it_is_meant_to() -> None:
    """The check itself: each kind of place is caught, each mark lets it through."""
    caught = """
import sys
print("Ready")
print(f"{n} steps left")
sys.stderr.write("stopped early\\n")
error("no such routine")
raise UsageError("bad " + name)
Static("Paused")
label.update("Done: {n}".format(n=n))
self.notify("Saved", title="Settings")
parser.add_argument("--x", help="the x")
Binding("q", "quit", "Quit")
self.title = "stretchtimer"
notifier.show("Break", body)
text.append("Steps", style="bold")
Text.assemble(("Paused", "bold"), " for now")
Label(content="Rest")
sys.exit("cannot go on")
"""
    passed = """
print(_("Ready"))
print(ngettext("{n} step", "{n} steps", n).format(n=n))
Static(N_("Paused"))
print(json.dumps(data))
print(f"{a} / {b}")
print("-" * 40)
rows.append("gap")
label.update(text)
raise UsageError(_("bad {name}").format(name=name))
"""
    assert _texts(caught) == [
        "Ready",
        "{} steps left",
        "stopped early\n",
        "no such routine",
        "bad ",
        "Paused",
        "Done: {n}",
        "Saved",
        "Settings",
        "the x",
        "Quit",
        "stretchtimer",
        "Break",
        "Steps",
        "Paused",
        " for now",
        "Rest",
        "cannot go on",
    ]
    assert _texts(passed) == []


def _texts(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        for value, _where in _said(node):
            found.extend((value.lineno, value.col_offset, t) for t in unmarked_text(value))
    return [text for _line, _column, text in sorted(found)]
