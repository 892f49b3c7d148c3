"""Fixtures for the Textual tests: a fake clock and fake services."""

from __future__ import annotations

import pytest
from tui_helpers import FakeAudio, FakeHistory

from stretchtimer.session.clock import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def audio() -> FakeAudio:
    return FakeAudio()


@pytest.fixture
def history() -> FakeHistory:
    return FakeHistory()
