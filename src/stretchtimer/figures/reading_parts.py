"""Reading what a figure has besides its poses: its props and the arrows that show a move.

Kept apart from the pose reader so each stays small; both report every
mistake at its line and column through the same ``NodeReader``.
"""

from __future__ import annotations

import yaml

from stretchtimer.figures.model import PROP_KINDS, Around, Mark, Prop
from stretchtimer.figures.reading_values import MAX_COORDINATE, NodeReader
from stretchtimer.figures.skeleton import Point
from stretchtimer.i18n import _

AROUND_KEYS = ("at", "width", "way")
WAYS = ("right", "left")
MAX_MARKS = 4
MAX_MARK_POINTS = 16
PROP_KEYS = (*PROP_KINDS, "facing", "size")
FACINGS = {"right": 1, "left": -1, "front": 0}


class PartReader(NodeReader):
    """Reads props, marks and arrows round the body."""

    def props(self, node: yaml.Node) -> tuple[Prop, ...] | None:
        if not isinstance(node, yaml.SequenceNode):
            self.report(
                node, _("'props' must be a list, like [floor] or [floor, {chair: [20, 30]}]")
            )
            return None
        props: list[Prop] = []
        for item in node.value:
            if isinstance(item, yaml.ScalarNode):
                kind = self.choice(item, _("a prop"), PROP_KINDS)
                if kind is None:
                    continue
                if kind != "floor":
                    self.report(
                        item, _("a {kind} needs a position: {{{kind}: [x, y]}}").format(kind=kind)
                    )
                    continue
                props.append(Prop(kind="floor"))
                continue
            prop = self.prop(item)
            if prop is None:
                return None
            props.append(prop)
        return tuple(props)

    def prop(self, node: yaml.Node) -> Prop | None:
        kind: str | None = None
        at: Point | None = None
        facing, size = 1, 0.0
        ok = True
        for key, key_node, value in self.entries(node, _("a prop"), PROP_KEYS):
            if key in PROP_KINDS:
                if kind is not None:
                    self.report(key_node, _("one prop per list entry"))
                    return None
                kind, at = key, self.point(value, f"the {key}'s position")
                ok = ok and at is not None
            elif key == "facing":
                chosen = self.choice(value, "'facing'", tuple(FACINGS))
                ok = ok and chosen is not None
                facing = FACINGS.get(chosen or "right", 1)
            else:
                got = self.number(value, "'size'", 1.0, MAX_COORDINATE)
                ok = ok and got is not None
                size = got or 0.0
        if kind is None:
            self.report(
                node,
                _("a prop must say what it is: one of {prop_kinds}").format(
                    prop_kinds=", ".join(PROP_KINDS)
                ),
            )
            return None
        if not ok or at is None:
            return None
        return Prop(kind=kind, at=at, facing=facing, size=size)  # type: ignore[arg-type]

    def marks(self, node: yaml.Node) -> tuple[Mark, ...] | None:
        """Motion marks: a list of paths, each a list of at least two positions."""
        shape = _(
            "'marks' must be a list of paths, each a list of positions like [[0, 80], [10, 90]], "
            "at most {max_marks} of them"
        ).format(max_marks=MAX_MARKS)
        if not isinstance(node, yaml.SequenceNode) or len(node.value) > MAX_MARKS:
            self.report(node, shape)
            return None
        marks: list[Mark] = []
        for item in node.value:
            if (
                not isinstance(item, yaml.SequenceNode)
                or not 2 <= len(item.value) <= MAX_MARK_POINTS
            ):
                self.report(
                    item,
                    _("a mark is a path of 2 to {max_points} positions [x, y]").format(
                        max_points=MAX_MARK_POINTS
                    ),
                )
                return None
            points = [self.point(p, _("a point of a mark")) for p in item.value]
            if any(p is None for p in points):
                return None
            marks.append(tuple(p for p in points if p is not None))
        return tuple(marks)

    def around(self, node: yaml.Node) -> Around | None:
        """``around: {at: [x, y], width: W, way: right}``: an arrow round the body."""
        fields: dict[str, yaml.Node] = {}
        for key, _key_node, value in self.entries(node, "'around'", AROUND_KEYS):
            fields[key] = value
        if not isinstance(node, yaml.MappingNode):
            return None
        for required in ("at", "width"):
            if required not in fields:
                self.report(
                    node, _("{what} needs '{required}:'").format(what="'around'", required=required)
                )
                return None
        at = self.point(fields["at"], "'at'")
        width = self.number(fields["width"], "'width'", 1.0, MAX_COORDINATE)
        way = self.choice(fields["way"], "'way'", WAYS) if "way" in fields else "right"
        if at is None or width is None or way is None:
            return None
        return Around(at=at, width=width, way=1 if way == "right" else -1)
