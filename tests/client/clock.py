"""A wall clock the tests can move forward, injected into the cache (the server stays real)."""

from __future__ import annotations

import time


class StepClock:
    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += seconds
