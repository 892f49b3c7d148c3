"""End-to-end tests: the real command in a real terminal (tmux), marked ``e2e``.

``pytest -m "not e2e"`` (``make test-quick``) leaves them out. Without tmux
they are skipped, saying why.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from harness import Tmux, runtime_dir

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    no_tmux = pytest.mark.skipif(
        shutil.which("tmux") is None, reason="tmux is not installed, so no real terminal to drive"
    )
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.e2e)
            item.add_marker(no_tmux)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Tmux]:
    """A tmux server of the test's own (its socket named for the worker and the test)."""
    server = Tmux(f"stretchtimer-test-{os.getpid()}-{tmp_path.name}", tmp_path)
    try:
        yield server
    finally:
        server.kill()
        # The short runtime folder the harness gave the test's commands lives outside tmp_path.
        shutil.rmtree(runtime_dir(tmp_path), ignore_errors=True)
