"""Reading plain values out of YAML nodes, each mistake reported at its node.

The figure reader builds on these: a number in range, a position, one of
some words, a mapping whose unknown and repeated keys are reported with a
"did you mean".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import yaml

from stretchtimer.figures.skeleton import Point
from stretchtimer.i18n import _
from stretchtimer.safe_text import safe_text
from stretchtimer.suggestions import suggest

#: Positions beyond this many units from the origin cannot be on any canvas worth drawing.
MAX_COORDINATE = 300.0
MAX_DESCRIPTION = 200
_STR_TAG = "tag:yaml.org,2002:str"

Report = Callable[[yaml.Node | None, str], None]


class NodeReader:
    """Reads values from nodes, sending each problem to ``report`` and going on where it can."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self._constructor = yaml.constructor.SafeConstructor()

    def scalar(self, node: yaml.Node) -> object:
        if not isinstance(node, yaml.ScalarNode):
            return None
        if node.tag == _STR_TAG:
            return node.value
        try:
            return self._constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError):
            return node.value

    def entries(
        self, node: yaml.Node, what: str, known: tuple[str, ...] | None
    ) -> Iterator[tuple[str, yaml.Node, yaml.Node]]:
        """(key, key node, value node) of a mapping; unknown and repeated keys are reported."""
        if not isinstance(node, yaml.MappingNode):
            self.report(node, _("{what} must be a mapping of 'key: value' lines").format(what=what))
            return
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = self.scalar(key_node)
            if not isinstance(key, str):
                self.report(key_node, _("keys in {what} must be plain words").format(what=what))
                continue
            if key in seen:
                self.report(
                    key_node, _("'{key}' is given twice in {what}").format(key=key, what=what)
                )
                continue
            seen.add(key)
            if known is not None and key not in known:
                self.report(
                    key_node,
                    _("unknown key '{key}' in {what}{suggest}").format(
                        key=key, what=what, suggest=suggest(key, known)
                    ),
                )
                continue
            yield key, key_node, value_node

    def text(self, node: yaml.Node, what: str, limit: int = MAX_DESCRIPTION) -> str | None:
        value = self.scalar(node)
        if not isinstance(value, str) or not value.strip():
            self.report(node, _("{what} must be some text").format(what=what))
            return None
        value = safe_text(" ".join(value.split()))
        if len(value) > limit:
            self.report(
                node, _("{what} is longer than {limit} characters").format(what=what, limit=limit)
            )
            return None
        return value

    def choice(self, node: yaml.Node, what: str, choices: tuple[str, ...]) -> str | None:
        value = self.scalar(node)
        if isinstance(value, str) and value in choices:
            return value
        shown = f"'{value}'" if isinstance(value, str) else _("that")
        hint = suggest(value, choices) if isinstance(value, str) else ""
        self.report(
            node,
            _("{what} must be one of {choices}, not {shown}{hint}").format(
                what=what, choices=", ".join(choices), shown=shown, hint=hint
            ),
        )
        return None

    def number(self, node: yaml.Node, what: str, low: float, high: float) -> float | None:
        value = self.scalar(node)
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.report(node, _("{what} must be a number").format(what=what))
            return None
        if not low <= value <= high:
            self.report(
                node,
                _("{what} must be from {low:g} to {high:g}, not {value:g}").format(
                    what=what, low=low, high=high, value=value
                ),
            )
            return None
        return float(value)

    def point(self, node: yaml.Node, what: str) -> Point | None:
        if not isinstance(node, yaml.SequenceNode) or len(node.value) != 2:
            self.report(node, _("{what} must be a position [x, y]").format(what=what))
            return None
        x = self.number(
            node.value[0], _("x of {what}").format(what=what), -MAX_COORDINATE, MAX_COORDINATE
        )
        y = self.number(
            node.value[1], _("y of {what}").format(what=what), -MAX_COORDINATE, MAX_COORDINATE
        )
        return None if x is None or y is None else (x, y)
