"""Reading YAML that may have been written by anyone.

PyYAML's safe loader already refuses to run code, but it still follows
aliases (so a few hundred bytes can expand to gigabytes), recurses on deep
nesting and silently keeps the last of two duplicate keys. Routine files need
none of that, so this module reads a document in two cheap passes: the event
stream is checked first (size, depth, anchors, aliases, tags, document count)
and only a document that passes is composed into nodes, whose marks give every
later error its line and column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    NodeEvent,
    ScalarEvent,
)

from stretchtimer.i18n import _
from stretchtimer.positions import MAX_PROBLEMS_SHOWN, Position, capped
from stretchtimer.regular_file import ROUTINE_LIMIT

__all__ = ["MAX_PROBLEMS_SHOWN", "Position", "YamlProblem", "capped", "compose", "read_text"]

#: Larger than any routine a person would write (``regular_file.ROUTINE_LIMIT``).
MAX_BYTES = ROUTINE_LIMIT
#: Routine files nest four levels deep; anything far beyond is not a routine.
MAX_DEPTH = 20

_STANDARD_TAGS = frozenset(
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
)

#: Every build of PyYAML has the pure-Python loader; it is the reference for what a file means
#: and for the wording of every syntax error.
PURE_LOADER: type[yaml.SafeLoader] = yaml.SafeLoader
#: libyaml is an order of magnitude faster where PyYAML was built with it, but it refuses some
#: input on its own terms (for example flow nesting past its own limit, while scanning ahead).
FAST_LOADER: type[yaml.SafeLoader] | None = getattr(yaml, "CSafeLoader", None)


class YamlProblem(Exception):
    """A problem that stops the file from being read at all."""

    def __init__(self, message: str, position: Position | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


def position_of(mark: Any) -> Position | None:
    """Position of a PyYAML mark (pure-Python or libyaml), if there is one."""
    if mark is None:
        return None
    return Position(mark.line + 1, mark.column + 1)


def read_text(path: Path) -> str:
    """Read a regular file as UTF-8 within the size cap, or say exactly why not."""
    from stretchtimer.regular_file import IsAFolder, TooLarge, UnreadableFile, read_regular

    try:
        data = read_regular(path, MAX_BYTES)
    except UnreadableFile as exc:
        if isinstance(exc, TooLarge):
            raise YamlProblem(
                _("file {reason}; a routine is far smaller").format(reason=exc.reason)
            ) from None
        if isinstance(exc, IsAFolder):
            raise YamlProblem(_("is a folder, not a routine file")) from None
        raise YamlProblem(exc.reason) from None
    return decode(data)


def decode(data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlProblem(
            _("byte 0x{byte:02x} is not valid UTF-8; save the file as UTF-8").format(
                byte=data[exc.start]
            ),
            Position(line, column),
        ) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise YamlProblem(_("file contains a NUL byte; is it a text file?"), Position(line, 1))
    return text


def _compose_checked(text: str, loader_class: type[yaml.SafeLoader]) -> yaml.Node | None:
    """Build the node tree straight from the event stream, refusing what routines never need.

    Doing the checks while composing keeps this a single pass over the file,
    and it must come before any recursive composer sees the input: libyaml's
    composer recurses in C and crashes the process on very deep nesting.
    """
    loader: Any = loader_class(text)  # PyYAML's C parser has no type hints
    try:
        root: yaml.Node | None = None
        stack: list[yaml.Node] = []
        pending_keys: list[yaml.Node | None] = []
        documents = 0
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise YamlProblem(
                        _("a routine file holds one document; remove the second '---'"),
                        position_of(event.start_mark),
                    )
                continue
            if isinstance(event, CollectionEndEvent):
                stack.pop()
                pending_keys.pop()
                continue
            if not isinstance(event, NodeEvent):
                continue
            _refuse(event)
            start: Any = event.start_mark
            end: Any = event.end_mark
            node: yaml.Node
            if isinstance(event, ScalarEvent):
                tag = event.tag
                if tag is None or tag == "!":
                    tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
                node = yaml.ScalarNode(tag, event.value, start, end, style=event.style)
            else:
                assert isinstance(event, CollectionStartEvent)
                if len(stack) >= MAX_DEPTH:
                    raise YamlProblem(
                        _("nesting is deeper than {max_depth} levels").format(max_depth=MAX_DEPTH),
                        position_of(start),
                    )
                if isinstance(event, yaml.MappingStartEvent):
                    tag = event.tag or loader.resolve(yaml.MappingNode, None, event.implicit)
                    node = yaml.MappingNode(tag, [], start, end)
                else:
                    tag = event.tag or loader.resolve(yaml.SequenceNode, None, event.implicit)
                    node = yaml.SequenceNode(tag, [], start, end)
            if stack:
                _attach(stack[-1], node, pending_keys)
            else:
                root = node
            if isinstance(event, CollectionStartEvent):
                stack.append(node)
                pending_keys.append(None)
        return root
    finally:
        loader.dispose()


def _refuse(event: NodeEvent) -> None:
    if isinstance(event, AliasEvent):
        raise YamlProblem(
            _("alias '*{anchor}' is not allowed; write the value out in full").format(
                anchor=event.anchor
            ),
            position_of(event.start_mark),
        )
    if event.anchor is not None:
        raise YamlProblem(
            _("anchor '&{anchor}' is not allowed; routine files do not use anchors").format(
                anchor=event.anchor
            ),
            position_of(event.start_mark),
        )
    tag = getattr(event, "tag", None)
    if tag is not None and tag != "!" and tag not in _STANDARD_TAGS:
        raise YamlProblem(
            _("tag '{tag}' is not allowed; remove it").format(tag=tag),
            position_of(event.start_mark),
        )


def _attach(parent: yaml.Node, node: yaml.Node, pending_keys: list[yaml.Node | None]) -> None:
    if isinstance(parent, yaml.SequenceNode):
        parent.value.append(node)
    elif pending_keys[-1] is None:
        pending_keys[-1] = node
    else:
        parent.value.append((pending_keys[-1], node))
        pending_keys[-1] = None


def compose(text: str, fast: bool = True) -> yaml.Node | None:
    """Check and compose one YAML document; ``None`` for an empty one.

    The fast loader reads what it can. Whatever it refuses is read again by the
    pure-Python loader, so a file gets the same result and the same positioned
    error whichever way PyYAML was built: our own checks (depth, anchors, tags)
    run on the event stream before the parser's limits are reached.
    """
    if fast and FAST_LOADER is not None:
        try:
            return _compose_checked(text, FAST_LOADER)
        except yaml.YAMLError:
            pass
    try:
        return _compose_checked(text, PURE_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        detail = exc.problem or exc.context or "not valid YAML"
        if exc.context and exc.problem:
            detail = f"{exc.problem} ({exc.context})"
        raise YamlProblem(
            _("YAML syntax: {detail}").format(detail=detail), position_of(mark)
        ) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(_("YAML syntax: {exc}").format(exc=exc)) from None
