"""The picker shows what is wrong with each broken entry of the routine folder."""

from __future__ import annotations

import os
from pathlib import Path

from tui_helpers import make_app, screen_text

from stretchtimer import catalog
from stretchtimer.session.clock import FakeClock


async def test_dangling_links_folders_and_fifos_are_shown_broken(
    clock: FakeClock, tmp_path: Path
) -> None:
    folder = tmp_path / "routines"
    folder.mkdir()
    (folder / "a-link.yaml").symlink_to(folder / "gone.yaml")
    (folder / "b-folder.yaml").mkdir()
    os.mkfifo(folder / "c-pipe.yaml")
    app = make_app(clock=clock, entries=catalog.discover(folder))
    async with app.run_test(size=(120, 30)) as pilot:
        text = screen_text(app)
        for name in ("a-link", "b-folder", "c-pipe"):
            assert f"{name}  user  broken" in text
        # The reasons, wrapped in the narrow list.
        assert "a-link.yaml: error: broken" in text
        assert "b-folder.yaml: error: is a" in text
        assert "c-pipe.yaml: error: is a named" in text
        await pilot.press("down")
        assert "b-folder cannot be used" in screen_text(app)


async def test_a_file_name_with_escape_codes_is_shown_harmless(
    clock: FakeClock, tmp_path: Path
) -> None:
    folder = tmp_path / "routines"
    folder.mkdir()
    (folder / "x\x1b[2J.yaml").write_text("name: [\n")
    app = make_app(clock=clock, entries=catalog.discover(folder))
    async with app.run_test(size=(120, 30)):
        text = screen_text(app)
        assert "x␛[2J  user  broken" in text
        assert "x␛[2J.yaml" in text  # the preview's path line
        assert "\x1b" not in text
