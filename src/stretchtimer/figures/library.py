"""The figures that ship with stretchtimer: one YAML file per figure in ``library/``.

A figure's name is its file name. ``poses.yaml`` holds the shared starting
poses (standing, sitting, on all fours...) that figures and routines build on
with ``like:``. Files are read on demand, so naming a figure costs a directory
listing and drawing one costs reading two small files.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path

import yaml

from stretchtimer.figures.model import Figure
from stretchtimer.figures.reading import (
    FigureProblem,
    FigureReader,
    PoseSpec,
    positioned,
)
from stretchtimer.figures.reading_values import Report
from stretchtimer.i18n import _
from stretchtimer.yamlsafe import YamlProblem, capped, compose, read_text

LIBRARY_DIR = Path(__file__).parent / "library"
POSES_FILE = "poses.yaml"


class FigureError(Exception):
    """A figure file that cannot be used, with everything wrong with it."""

    def __init__(self, path: Path, problems: list[FigureProblem]) -> None:
        self.path = path
        self.problems = problems
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        out = []
        for problem in self.problems:
            where = str(self.path)
            if problem.position is not None:
                where += f":{problem.position.line}:{problem.position.column}"
            out.append(f"{where}: error: {problem.message}")
        return capped(out, str(self.path))


def _read_node(path: Path) -> yaml.Node:
    try:
        root = compose(read_text(path))
    except YamlProblem as problem:
        raise FigureError(path, [FigureProblem(problem.message, problem.position)]) from None
    if root is None:
        raise FigureError(path, [FigureProblem(_("the file is empty"))])
    return root


def _reader(problems: list[FigureProblem], poses: dict[str, PoseSpec] | None) -> FigureReader:
    return FigureReader(
        lambda node, message: problems.append(FigureProblem(message, positioned(node))), poses
    )


@cache
def shared_poses(folder: Path = LIBRARY_DIR) -> dict[str, PoseSpec]:
    """The named starting poses every figure may build on."""
    path = folder / POSES_FILE
    problems: list[FigureProblem] = []
    poses = _reader(problems, None).shared_poses(_read_node(path))
    if problems:
        raise FigureError(path, problems)
    return poses


@cache
def library_names(folder: Path = LIBRARY_DIR) -> tuple[str, ...]:
    return tuple(sorted(path.stem for path in folder.glob("*.yaml") if path.name != POSES_FILE))


def read_figure_file(path: Path, folder: Path = LIBRARY_DIR) -> Figure:
    """Read one figure file; raise ``FigureError`` listing every problem in it."""
    problems: list[FigureProblem] = []
    figure = _reader(problems, shared_poses(folder)).figure(_read_node(path), path.stem)
    if problems or figure is None:
        raise FigureError(path, problems or [FigureProblem(_("not a figure"))])
    return figure


@cache
def library_figure(name: str, folder: Path = LIBRARY_DIR) -> Figure | None:
    """The bundled figure called ``name``, or None if there is none."""
    if name not in library_names(folder):
        return None
    return read_figure_file(folder / f"{name}.yaml", folder)


def library(folder: Path = LIBRARY_DIR) -> dict[str, Figure]:
    figures = {}
    for name in library_names(folder):
        figure = library_figure(name, folder)
        assert figure is not None
        figures[name] = figure
    return figures


#: A figure's name: lowercase words joined by hyphens, like a bundled routine's.
FIGURE_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_INLINE_FIGURES = 50


def read_inline_figures(
    node: yaml.Node, report: Report, broken: set[str] | None = None
) -> dict[str, Figure]:
    """The ``figures:`` a routine defines for itself, each problem sent to ``report``.

    A routine's own figure may take a bundled figure's name; the routine's wins,
    as a routine of yours wins over a bundled one of the same name. The names
    of figures that could not be read are added to ``broken``, so a step that
    names one is not reported a second time.
    """
    reader = FigureReader(report, shared_poses())
    figures: dict[str, Figure] = {}
    if isinstance(node, yaml.MappingNode) and len(node.value) > MAX_INLINE_FIGURES:
        report(node, f"a routine defines at most {MAX_INLINE_FIGURES} figures")
        return figures
    for name, key_node, value in reader.entries(node, "'figures'", None):
        if not FIGURE_NAME.match(name):
            report(
                key_node,
                _("figure name '{name}' must be lowercase words joined by hyphens").format(
                    name=name
                ),
            )
            continue
        figure = reader.figure(value, name)
        if figure is not None:
            figures[name] = figure
        elif broken is not None:
            broken.add(name)
    return figures


def figure_names(inline: Mapping[str, Figure] | None = None) -> list[str]:
    """Every name a step may use: the routine's own figures, then the library's."""
    own = list(inline or {})
    return own + [name for name in library_names() if name not in own]


def is_library_figure(name: str) -> bool:
    """Whether the library has ``name``, without reading the figure."""
    return name in library_names()


def resolve_figure(name: str, inline: Mapping[str, Figure] | None = None) -> Figure | None:
    if inline and name in inline:
        return inline[name]
    return library_figure(name)
