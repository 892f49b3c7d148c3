"""JSON for scripts (``show --json``, ``history --json``, ``stats --json``), printed safely.

The shape of each output is a msgspec Struct beside the command that prints
it; msgspec encodes it. Control characters never reach the terminal raw:
JSON escapes those below U+0020, and this module escapes DEL and the C1
range too, which some terminals obey even inside UTF-8 text.
"""

from __future__ import annotations

import re

import msgspec

_UNSAFE = re.compile("[\x7f-\x9f]")


def json_text(value: object) -> str:
    """``value`` as JSON indented by two spaces, without a final newline."""
    text = msgspec.json.format(msgspec.json.encode(value), indent=2).decode("utf-8")
    return _UNSAFE.sub(lambda found: f"\\u{ord(found[0]):04x}", text)
