"""Figure definitions in YAML -> Figure, with every mistake reported at its line and column.

The same reader serves the library files and the figures a routine defines
inline, so a figure means the same thing wherever it is written. A keyframe
places each joint either at a position ``[x, y]`` or at an angle from the joint
it hangs from (``180`` is straight down, ``90`` to the right; ``{angle: 90,
length: 20}`` for a bone of another length), and may start from another pose
with ``like:`` and change only what differs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import msgspec
import yaml

from stretchtimer.figures.above import TURNS, turn_joint, turn_points
from stretchtimer.figures.model import (
    CYCLES,
    PROP_KINDS,
    VIEWS,
    Around,
    Figure,
    Keyframe,
    Mark,
    Prop,
)
from stretchtimer.figures.reading_values import (
    MAX_COORDINATE,
    NodeReader,
    Report,
)
from stretchtimer.figures.skeleton import (
    JOINTS,
    PARENTS,
    PELVIS,
    REQUIRED_JOINTS,
    Point,
    point_at,
)
from stretchtimer.i18n import _, ngettext
from stretchtimer.safe_text import safe_text
from stretchtimer.suggestions import suggest
from stretchtimer.yamlsafe import Position, position_of

MAX_ANGLE = 360.0
MAX_LENGTH = 100.0
MAX_KEYFRAMES = 12
FIGURE_KEYS = (
    "description",
    "view",
    "props",
    "cycle",
    "keyframes",
    "marks",
    "above",
    "close_up",
)
AROUND_KEYS = ("at", "width", "way")
WAYS = ("right", "left")
MAX_TURN = 180.0
MAX_MARKS = 4
MAX_MARK_POINTS = 16
PROP_KEYS = (*PROP_KINDS, "facing", "size")
FACINGS = {"right": 1, "left": -1, "front": 0}
#: Joints resolved in this order, each after the joint it hangs from.
_ORDER: tuple[str, ...] = (
    "left_hip",
    "right_hip",
    "neck",
    "spine",
    "head",
    "face",
    "left_shoulder",
    "right_shoulder",
    "left_elbow",
    "right_elbow",
    "left_wrist",
    "right_wrist",
    "left_knee",
    "right_knee",
    "left_ankle",
    "right_ankle",
    "left_foot",
    "right_foot",
)


class FigureProblem(msgspec.Struct, frozen=True):
    message: str
    position: Position | None = None


class JointSpec(msgspec.Struct, frozen=True):
    """Where a joint goes before it is resolved: at a point, or at an angle from its parent."""

    at: Point | None = None
    angle: float = 0.0
    length: float | None = None


PoseSpec = dict[str, JointSpec]


def resolve(spec: Mapping[str, JointSpec]) -> dict[str, Point]:
    """Joint positions from a complete spec: angles become points, parents first."""
    pose: dict[str, Point] = {}
    for joint in _ORDER:
        joint_spec = spec.get(joint)
        if joint_spec is None:
            continue
        if joint_spec.at is not None:
            pose[joint] = joint_spec.at
            continue
        parent, usual = PARENTS[joint]
        if parent == PELVIS:
            (lx, ly), (rx, ry) = pose["left_hip"], pose["right_hip"]
            origin = ((lx + rx) / 2, (ly + ry) / 2)
        else:
            origin = pose[parent]
        length = usual if joint_spec.length is None else joint_spec.length
        pose[joint] = point_at(origin, joint_spec.angle, length)
    return pose


class FigureReader(NodeReader):
    """Reads figure nodes, sending each problem to ``report`` and going on where it can."""

    def __init__(self, report: Report, poses: Mapping[str, PoseSpec] | None = None) -> None:
        super().__init__(report)
        self.poses: dict[str, PoseSpec] = dict(poses or {})
        #: Where the view from above of the figure being read goes, if it has one.
        self.above: Point | None = None

    # -- figures ----------------------------------------------------------------
    def joint(self, node: yaml.Node, joint: str) -> JointSpec | None:
        what = f"'{joint}'"
        if isinstance(node, yaml.SequenceNode):
            at = self.point(node, what)
            return None if at is None else JointSpec(at=at)
        if isinstance(node, yaml.MappingNode):
            angle: float | None = None
            length: float | None = None
            for key, _key_node, value in self.entries(node, what, ("angle", "length")):
                if key == "angle":
                    angle = self.number(
                        value, _("the angle of {what}").format(what=what), -MAX_ANGLE, MAX_ANGLE
                    )
                else:
                    length = self.number(
                        value, _("the length of {what}").format(what=what), 0.0, MAX_LENGTH
                    )
            if angle is None:
                if not any(self.scalar(k) == "angle" for k, _ in node.value):
                    self.report(node, _("{what} needs an 'angle'").format(what=what))
                return None
            return JointSpec(angle=angle, length=length)
        plain = self.scalar(node)
        if isinstance(plain, int | float) and not isinstance(plain, bool):
            angle = self.number(
                node, _("the angle of {what}").format(what=what), -MAX_ANGLE, MAX_ANGLE
            )
            return None if angle is None else JointSpec(angle=angle)
        self.report(
            node,
            _(
                "{what} must be a position [x, y], an angle in degrees, or {{angle: A, length: L}}"
            ).format(what=what),
        )
        return None

    def pose_spec(
        self,
        node: yaml.Node,
        what: str,
        local: Mapping[str, PoseSpec | None],
        extra: Mapping[str, Callable[[yaml.Node], bool]] | None = None,
    ) -> PoseSpec | None:
        """A pose's joints, starting from ``like:`` (a pose of this figure or a shared one).

        ``local`` maps this figure's earlier keyframes to their joints, or to
        None for one already reported as broken: building on it is not
        reported again. ``extra`` reads the keys a keyframe has besides its
        joints (its marks), each returning whether its value was good.
        """
        spec: PoseSpec = {}
        failed = False
        extra = extra or {}
        keys = ("like", *JOINTS, *(("turn", *extra) if extra else ()))
        for key, key_node, value in self.entries(node, what, keys):
            if key in extra:
                failed = not extra[key](value) or failed
                continue
            if key == "turn":
                turn = self.turn(value, key_node, what)
                if turn is None:
                    failed = True
                    continue
                spec = {**spec, **turn}
                continue
            if key == "like":
                base_name = self.scalar(value)
                if isinstance(base_name, str) and base_name in local and not local[base_name]:
                    failed = True
                    continue
                base = (
                    local.get(base_name, self.poses.get(base_name))
                    if isinstance(base_name, str)
                    else None
                )
                if base is None:
                    choices = [*local, *self.poses]
                    shown = base_name if isinstance(base_name, str) else ""
                    self.report(
                        value,
                        _(
                            "'like: {shown}' in {what} names no earlier keyframe or shared "
                            "pose{suggest}"
                        ).format(shown=shown, what=what, suggest=suggest(shown, choices)),
                    )
                    failed = True
                    continue
                spec = {**base, **spec}
                continue
            joint = self.joint(value, key)
            if joint is None:
                failed = True
                continue
            spec[key] = joint
        return None if failed else spec

    def turn(self, node: yaml.Node, key_node: yaml.Node, what: str) -> PoseSpec | None:
        """``turn: {head: A, shoulders: B}``: how far each is turned, seen from above."""
        if self.above is None:
            self.report(
                key_node,
                _(
                    "'turn' in {what} needs the figure's 'above: [x, y]', where the view from "
                    "above is drawn"
                ).format(what=what),
            )
            return None
        turn: PoseSpec = {}
        for part, _part_node, value in self.entries(node, "'turn'", TURNS):
            angle = self.number(
                value, _("the turn of '{part}'").format(part=part), -MAX_TURN, MAX_TURN
            )
            if angle is None:
                return None
            turn[turn_joint(part)] = JointSpec(angle=angle)
        return turn if isinstance(node, yaml.MappingNode) else None

    def complete(self, spec: PoseSpec, node: yaml.Node, what: str) -> dict[str, Point] | None:
        missing = [joint for joint in REQUIRED_JOINTS if joint not in spec]
        for hip in ("left_hip", "right_hip"):
            if hip in spec and spec[hip].at is None:
                self.report(
                    node,
                    _("'{hip}' in {what} must be a position [x, y], not an angle").format(
                        hip=hip, what=what
                    ),
                )
                return None
        if missing:
            others = len(missing) - 1
            more = (
                ngettext(" and {n} more", " and {n} more", others).format(n=others)
                if others
                else ""
            )
            self.report(
                node,
                _(
                    "{what} has no '{missing}'{more}; place every joint, or start from another "
                    "pose with 'like:'"
                ).format(what=what, missing=missing[0], more=more),
            )
            return None
        pose = resolve(spec)
        if self.above is not None:
            turns = {p: spec[turn_joint(p)].angle for p in TURNS if turn_joint(p) in spec}
            pose.update(turn_points(self.above, turns))
        return pose

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

    def figure(self, node: yaml.Node, name: str) -> Figure | None:
        what = _("figure '{name}'").format(name=name)
        fields: dict[str, yaml.Node] = {}
        for key, _key_node, value in self.entries(node, what, FIGURE_KEYS):
            fields[key] = value
        if not isinstance(node, yaml.MappingNode):
            return None
        for required in ("description", "view", "keyframes"):
            if required not in fields:
                self.report(
                    node, _("{what} needs '{required}:'").format(what=what, required=required)
                )
        description = (
            self.text(fields["description"], "'description'") if ("description" in fields) else None
        )
        view = self.choice(fields["view"], "'view'", VIEWS) if "view" in fields else None
        cycle = self.choice(fields["cycle"], "'cycle'", CYCLES) if "cycle" in fields else "loop"
        props = self.props(fields["props"]) if "props" in fields else ()
        above = self.point(fields["above"], "'above'") if "above" in fields else None
        self.above = above
        try:
            keyframes = self.keyframes(fields["keyframes"], what) if "keyframes" in fields else None
        finally:
            self.above = None
        marks = self.marks(fields["marks"]) if "marks" in fields else ()
        close_up = (
            self.number(fields["close_up"], "'close_up'", 0.0, MAX_COORDINATE)
            if "close_up" in fields
            else None
        )
        if None in (description, view, cycle, props, keyframes, marks) or (
            ("above" in fields and above is None) or ("close_up" in fields and close_up is None)
        ):
            return None
        return Figure(
            name=name,
            description=description,  # type: ignore[arg-type]
            view=view,  # type: ignore[arg-type]
            keyframes=keyframes,  # type: ignore[arg-type]
            props=props,  # type: ignore[arg-type]
            cycle=cycle,  # type: ignore[arg-type]
            marks=marks,  # type: ignore[arg-type]
            close_up=close_up,
        )

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

    def keyframes(self, node: yaml.Node, what: str) -> tuple[Keyframe, ...] | None:
        if not isinstance(node, yaml.MappingNode) or not node.value:
            self.report(node, _("'keyframes' must map each keyframe's name to its joints"))
            return None
        if len(node.value) > MAX_KEYFRAMES:
            self.report(
                node,
                _("a figure has at most {max_keyframes} keyframes").format(
                    max_keyframes=MAX_KEYFRAMES
                ),
            )
            return None
        local: dict[str, PoseSpec | None] = {}
        frames: list[Keyframe] = []
        failed = False
        for key, key_node, value in self.entries(node, "'keyframes'", None):
            where = _("keyframe '{key}'").format(key=key)
            own: list[tuple[Mark, ...]] = []
            rings: list[Around] = []

            def read_marks(marks_node: yaml.Node, own: list[tuple[Mark, ...]] = own) -> bool:
                marks = self.marks(marks_node)
                own.extend([] if marks is None else [marks])
                return marks is not None

            def read_around(around_node: yaml.Node, rings: list[Around] = rings) -> bool:
                around = self.around(around_node)
                rings.extend([] if around is None else [around])
                return around is not None

            spec = self.pose_spec(value, where, local, {"marks": read_marks, "around": read_around})
            pose = self.complete(spec, key_node, where) if spec is not None else None
            if spec is None or pose is None:
                local[key] = None
                failed = True
                continue
            local[key] = spec
            # The name is shown under its drawing; the marks are this keyframe's alone.
            frames.append(
                Keyframe(
                    safe_text(key),
                    pose,
                    marks=own[0] if own else (),
                    around=rings[0] if rings else None,
                )
            )
        return None if failed or not frames else tuple(frames)

    def shared_poses(self, node: yaml.Node) -> dict[str, PoseSpec]:
        """The shared poses file: each name maps to joints (possibly ``like:`` an earlier one)."""
        for key, key_node, value in self.entries(node, _("the shared poses"), None):
            spec = self.pose_spec(value, f"pose '{key}'", self.poses)
            if spec is not None and self.complete(spec, key_node, f"pose '{key}'") is not None:
                self.poses[key] = spec
        return self.poses


def positioned(node: yaml.Node | None) -> Position | None:
    return position_of(node.start_mark) if node is not None else None
