"""What a record type costs to define: frozen dataclass against msgspec Struct.

Usage: ``python benchmarks/struct_cost.py`` (needs valgrind; about a minute).

Each variant runs in a fresh interpreter under callgrind after importing the
Textual modules a session loads anyway (so ``dataclasses`` is already there
and costs nothing more), then defines COUNT record types of eight fields. The
instruction counts, unlike seconds, hardly move with the machine's load.
Printed: msgspec's own import, and the cost of one definition each way.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

#: As many records as lie on the way to a session's first frame.
COUNT = 23

FIELDS = (
    "    a: int\n    b: str\n    c: float\n    d: int | None = None\n"
    "    e: tuple[str, ...] = ()\n    f: bool = False\n    g: str = ''\n    h: int = 0\n"
)

PROGRAM = """
import sys
import textual.app, textual.screen, textual.widgets
kind, count = sys.argv[1], int(sys.argv[2])
if kind == "dataclass":
    import dataclasses
    head = "@dataclasses.dataclass(frozen=True)\\nclass C{i}:\\n"
else:
    import msgspec
    head = "class C{i}(msgspec.Struct, frozen=True):\\n"
names = {"dataclasses": sys.modules.get("dataclasses"), "msgspec": sys.modules.get("msgspec")}
for i in range(count):
    exec(compile(head.format(i=i) + FIELDS, f"record{i}", "exec"), dict(names))
"""


def instructions(kind: str, count: int, folder: Path) -> int:
    script = folder / "define.py"
    script.write_text(f"FIELDS = {FIELDS!r}\n{PROGRAM}")
    done = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={folder / 'out'}",
            sys.executable,
            str(script),
            kind,
            str(count),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise RuntimeError(done.stderr)
    return int(found[1])


def main() -> int:
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)")
        return 1
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        counts = {
            (kind, count): instructions(kind, count, folder)
            for kind in ("dataclass", "struct")
            for count in (0, COUNT)
        }
    msgspec_import = counts["struct", 0] - counts["dataclass", 0]
    dataclass_each = (counts["dataclass", COUNT] - counts["dataclass", 0]) / COUNT
    struct_each = (counts["struct", COUNT] - counts["struct", 0]) / COUNT
    million = 1e6
    print(f"Python {sys.version.split()[0]}, Textual already imported")
    print(f"importing msgspec           {msgspec_import / million:7.1f} M instructions")
    print(f"one frozen dataclass        {dataclass_each / million:7.2f} M")
    print(f"one msgspec Struct          {struct_each / million:7.2f} M")
    print(
        f"{COUNT} records as dataclasses  {dataclass_each * COUNT / million:7.1f} M; "
        f"as Structs with the import {(struct_each * COUNT + msgspec_import) / million:7.1f} M"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
