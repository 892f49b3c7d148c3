"""An idle source the test sets by hand: seconds since the last input, as a desktop would say."""

from __future__ import annotations


class Keyboard:
    name = "fake"

    def __init__(self) -> None:
        self.idle = 0.0

    def idle_seconds(self) -> float:
        return self.idle

    def close(self) -> None:
        pass
