"""The layout holds: parts depend one way only, and the core stays free of the screen toolkit.

Read from the source, so an import in a function that no test happens to run
counts as much as one at the top of a module.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fresh_imports import loaded_after
from import_graph import cycles, describe, imports, part_graph

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "stretchtimer"

#: The Textual shell, and the command line that starts it.
SHELL = {"tui", "cli"}

#: A file that passes this many lines is two files.
MAX_LINES = 500


def test_no_part_imports_a_part_that_imports_it_back() -> None:
    graph = part_graph(imports(PACKAGE))
    assert {"session", "remind", "history", "routine", "tui", "cli"} <= graph.keys()
    found = [describe(graph, cycle) for cycle in cycles(graph)]
    assert not found, "import cycles between parts:\n" + "\n".join(found)


def test_no_file_in_src_is_over_500_lines() -> None:
    """Written files: the translation catalogs under ``locale/`` are made by ``make i18n``,
    a line per word to translate, and grow with the app as one file per language must."""
    files = [
        p
        for p in (ROOT / "src").rglob("*")
        if p.is_file() and not {"__pycache__", "locale"} & set(p.parts)
    ]
    assert len(files) > 100
    lengths = {p.relative_to(ROOT): len(p.read_bytes().splitlines()) for p in files}
    assert {path: n for path, n in lengths.items() if n > MAX_LINES} == {}


def _allowed_in_the_docs() -> dict[str, set[str]]:
    """docs/architecture.md's table of parts: each part and the parts it may import."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    table = text.split("<!-- parts:")[1].split("\n\n")[0]
    allowed = {}
    for row in table.splitlines()[3:]:
        part, _holds, may = (cell.strip() for cell in row.strip().strip("|").split("|"))
        names = [] if may == "-" else [name.strip() for name in may.split(",")]
        allowed[part.strip("`")] = set(names)
    return allowed


def test_each_part_imports_only_what_the_architecture_allows() -> None:
    """The table in docs/architecture.md is the layout: a new dependency is an edit there."""
    graph = part_graph(imports(PACKAGE))
    allowed = _allowed_in_the_docs()
    assert set(allowed) == set(graph), "parts missing from or extra in docs/architecture.md"
    beyond = {
        f"{part} -> {target}: {', '.join(str(i) for i in graph[part][target])}"
        for part in graph
        for target in graph[part]
        if target not in allowed[part]
    }
    assert beyond == set()


def test_the_cycle_check_finds_a_cycle_and_names_its_imports(tmp_path: Path) -> None:
    """The check above can fail: a loop through a function-level import is found."""
    package = tmp_path / "pkg"
    (package / "core").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "core" / "__init__.py").write_text("")
    (package / "core" / "model.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from pkg.shell import App\n"  # type-only: no edge
        "def later():\n"
        "    from pkg import shell\n"
    )
    (package / "shell.py").write_text("from pkg.core.model import later\n")
    (package / "words.py").write_text("from pkg import shell\n")
    graph = part_graph(imports(package))
    assert [describe(graph, cycle) for cycle in cycles(graph)] == [
        "core -> shell -> core\n"
        "    pkg.core.model:5 imports pkg.shell (in a function)\n"
        "    pkg.shell:1 imports pkg.core.model"
    ]
    (package / "core" / "model.py").write_text("def later():\n    pass\n")
    assert cycles(part_graph(imports(package))) == []


def test_only_the_shell_imports_textual_or_the_shell() -> None:
    """Not even lazily: a core module that reached for the screen would drag Textual in."""
    offenders = [
        f"{item.module}:{item.line} imports {item.target}"
        for item in imports(PACKAGE)
        if item.target.startswith("stretchtimer.tui") and item.module.split(".")[1] not in SHELL
    ]
    for path in sorted(PACKAGE.rglob("*.py")):
        part = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        if part in SHELL:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            words = line.split()
            if words[:1] in (["import"], ["from"]) and words[1].split(".")[0] == "textual":
                offenders.append(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}")
    assert offenders == []


def test_importing_the_core_never_imports_textual() -> None:
    """Every module outside ``tui`` is core: found by walking the package, so new ones count."""
    code = (
        "import importlib, pkgutil, stretchtimer\n"
        "names = [m.name for m in pkgutil.walk_packages(stretchtimer.__path__, 'stretchtimer.')]\n"
        "core = [n for n in names if not n.startswith('stretchtimer.tui')]\n"
        "assert len(core) > 30, core\n"
        "for name in core:\n"
        "    if name != 'stretchtimer.__main__':\n"
        "        importlib.import_module(name)\n"
    )
    assert loaded_after(code, ["textual"]) == []


@pytest.mark.parametrize(
    "core",
    [
        ["stretchtimer.session.engine", "stretchtimer.session.plain", "stretchtimer.wording"],
        ["stretchtimer.remind.service", "stretchtimer.history.recorder"],
    ],
    ids=["session", "reminder"],
)
def test_the_two_wings_load_neither_textual_nor_rich(core: list[str]) -> None:
    code = "".join(f"import {name}\n" for name in core)
    assert loaded_after(code, ["textual", "rich"]) == []
