"""The package's imports as a graph of parts, read from the source (nothing is imported).

A part is a subpackage (``session``, ``remind``, ``tui`` ...) or a top-level
module (``routine``, ``loader`` ...). Every import counts, at module level or
inside a function, since a function-level import is still a dependency that
runs; only imports under ``if TYPE_CHECKING:`` are left out, as they never run.
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Import:
    """One import statement of the package's own code: who imports what, and where."""

    module: str
    target: str
    line: int
    in_function: bool

    def __str__(self) -> str:
        where = " (in a function)" if self.in_function else ""
        return f"{self.module}:{self.line} imports {self.target}{where}"


def module_names(package_dir: Path) -> dict[str, Path]:
    """Every module of the package by its dotted name (a package by its ``__init__``)."""
    names = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = list(path.relative_to(package_dir.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports_in(tree: ast.AST, in_function: bool = False) -> Iterator[tuple[ast.AST, bool]]:
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            for other in node.orelse:
                yield from _imports_in_node(other, in_function)
            continue
        yield from _imports_in_node(node, in_function)


def _imports_in_node(node: ast.AST, in_function: bool) -> Iterator[tuple[ast.AST, bool]]:
    if isinstance(node, ast.Import | ast.ImportFrom):
        yield node, in_function
        return
    inside = in_function or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
    if isinstance(node, ast.If) and _is_type_checking(node):
        for other in node.orelse:
            yield from _imports_in_node(other, inside)
        return
    yield from _imports_in(node, inside)


def imports(package_dir: Path) -> list[Import]:
    """Every import of one of the package's own modules, by every module of the package."""
    root = package_dir.name
    modules = module_names(package_dir)
    found = []
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node, in_function in _imports_in(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, *([node.module] if node.module else [])])
                # ``from stretchtimer import catalog`` imports the module stretchtimer.catalog.
                targets = [
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                    for alias in node.names
                ]
            for target in targets:
                item = Import(name, target, node.lineno, in_function)
                if (target == root or target.startswith(root + ".")) and item not in found:
                    found.append(item)
    return found


def part_of(module: str) -> str | None:
    """``stretchtimer.remind.scheduler`` -> ``remind``; the root package itself has none."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def part_graph(found: list[Import]) -> dict[str, dict[str, list[Import]]]:
    """Which part imports which, with the imports that make each edge."""
    graph: dict[str, dict[str, list[Import]]] = {}
    for item in found:
        source, target = part_of(item.module), part_of(item.target)
        if source is None or target is None:
            continue
        graph.setdefault(source, {})
        graph.setdefault(target, {})
        if source != target:
            graph[source].setdefault(target, []).append(item)
    return graph


def cycles(graph: dict[str, dict[str, list[Import]]]) -> list[list[str]]:
    """One cycle (``[a, b, ..., a]``) through each group of parts that import each other."""
    found = []
    for group in _strongly_connected(graph):
        if len(group) > 1:
            found.append(_cycle_within(graph, set(group)))
    return found


def _strongly_connected(graph: dict[str, dict[str, list[Import]]]) -> list[list[str]]:
    """Tarjan's algorithm, iteratively: groups in which every part reaches every other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                groups.append(sorted(group))
    return groups


def _cycle_within(graph: dict[str, dict[str, list[Import]]], group: set[str]) -> list[str]:
    """The shortest way from the group's first part back to itself (breadth first)."""
    start = min(group)
    came_from: dict[str, str] = {}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for child in sorted(graph[node]):
            if child not in group:
                continue
            if child == start:
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [start, *reversed(path[:-1]), start]
            if child not in came_from:
                came_from[child] = node
                queue.append(child)
    raise AssertionError(f"no cycle in {sorted(group)}")


def describe(graph: dict[str, dict[str, list[Import]]], cycle: list[str]) -> str:
    """A cycle with the imports that close it: ``a -> b -> a`` and one line per edge."""
    lines = [" -> ".join(cycle)]
    for source, target in itertools.pairwise(cycle):
        lines.extend(f"    {item}" for item in graph[source][target])
    return "\n".join(lines)
