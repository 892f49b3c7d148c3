"""Compile the bundled routines and the figure library to msgpack (``make compiled``).

Run it after changing a bundled routine or figure; a test fails until it is run.
"""

from __future__ import annotations

from stretchtimer.compiling import write


def main() -> None:
    changed = write()
    for path in changed:
        print(f"compiled: wrote {path.name}")
    if not changed:
        print("compiled: up to date")


if __name__ == "__main__":
    main()
