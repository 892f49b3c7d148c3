"""What ``run_app`` does around the app itself."""

from __future__ import annotations

import gc

import pytest
from tui_helpers import two_step_routine

from stretchtimer.config import Config
from stretchtimer.tui import app as app_module
from stretchtimer.tui import run as run_module


def test_what_exists_before_the_app_runs_is_left_out_of_collections(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A full collection walking every module's objects would otherwise come
    # before the first frame; frozen, they are not walked.
    seen: list[int] = []

    def run(self: app_module.StretchApp) -> int:
        seen.append(gc.get_freeze_count())
        return 0

    monkeypatch.setattr(app_module.StretchApp, "run", run)
    gc.unfreeze()
    try:
        assert run_module.run_app(two_step_routine(), config=Config()) == 0
    finally:
        gc.unfreeze()
    assert len(seen) == 1 and seen[0] > 1000


def test_start_up_runs_without_the_collector_and_the_app_with_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from stretchtimer import cli, launch

    collecting: dict[str, bool] = {}

    def app_runs(self: app_module.StretchApp) -> int:
        collecting["app"] = gc.isenabled()
        return 0

    def command_line() -> int:
        collecting["start-up"] = gc.isenabled()
        monkeypatch.setattr(app_module.StretchApp, "run", app_runs)
        return run_module.run_app(two_step_routine(), config=Config())

    monkeypatch.setattr(cli, "main", command_line)
    try:
        assert launch.main() == 0
    finally:
        gc.unfreeze()
        gc.enable()
    assert collecting == {"start-up": False, "app": True}
    assert gc.isenabled()  # a short command leaves it as it found it
