"""Write ``docs/figures.md``, the gallery of every bundled figure, from the figure library.

Run ``python scripts/make_gallery.py`` after changing a figure, or add
``--check`` to only compare (exit status 1 when the page is out of date).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from stretchtimer.figures.gallery import gallery_markdown
from stretchtimer.figures.library import library

PAGE = Path(__file__).resolve().parent.parent / "docs" / "figures.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="only say whether the page is current")
    args = parser.parse_args(argv)
    text = gallery_markdown(library())
    current = PAGE.read_text(encoding="utf-8") if PAGE.exists() else ""
    if args.check:
        if current != text:
            print(f"{PAGE} is out of date: run python scripts/make_gallery.py", file=sys.stderr)
            return 1
        return 0
    if current != text:
        PAGE.write_text(text, encoding="utf-8")
        print(f"wrote {PAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
