"""The gallery page is made from the library, so it can never drift from the figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from stretchtimer.figures.gallery import figure_text, gallery_markdown
from stretchtimer.figures.library import library, library_figure

ROOT = Path(__file__).resolve().parents[2]


def test_the_committed_gallery_is_what_the_library_draws() -> None:
    page = (ROOT / "docs" / "figures.md").read_text(encoding="utf-8")
    assert page == gallery_markdown(library()), "run: python scripts/make_gallery.py"


def test_the_gallery_shows_every_figure_with_its_drawing() -> None:
    page = gallery_markdown(library())
    for name, figure in library().items():
        assert f"\n## {name}\n" in page
        assert "\n".join(figure_text(figure)) in page


def test_the_script_finds_the_committed_page_current() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_gallery.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr


def test_keyframes_are_drawn_side_by_side_and_named_underneath() -> None:
    cat_cow = library_figure("cat-cow")
    assert cat_cow is not None
    lines = figure_text(cat_cow, cols=20, rows=8)
    assert len(lines) == 9
    assert all(len(line) <= 3 * 20 + 2 * 3 for line in lines)
    assert lines[-1].split() == ["table", "cow", "cat"]
