"""The time read in one section: started when the section is shown, taken when the learner marks it
complete (it keeps running) and when they leave it (it stops, so leaving twice never counts twice)."""

from __future__ import annotations

import time
from collections.abc import Callable

MIN_SECONDS_TO_REPORT = 5  # a glance on the way to another section is not study time
MAX_SECONDS_PER_VISIT = 30 * 60


class ReadingClock:
    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        """`now`: a monotonic clock in seconds (tests give one they move by hand)."""
        self.now = now
        self._since: float | None = None

    @property
    def running(self) -> bool:
        return self._since is not None

    def start(self) -> None:
        self._since = self.now()

    def lap(self) -> int:
        """Seconds counted since the start or the last lap; the clock keeps running."""
        return self._take(running=True)

    def stop(self) -> int:
        """Seconds counted since the start or the last lap; 0 when stopped already."""
        return self._take(running=False)

    def _take(self, *, running: bool) -> int:
        """Capped: a window left open overnight is not an evening of study."""
        if self._since is None:
            return 0
        now = self.now()
        spent = now - self._since
        self._since = now if running else None
        return round(min(spent, MAX_SECONDS_PER_VISIT)) if spent >= MIN_SECONDS_TO_REPORT else 0
