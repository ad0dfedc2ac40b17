"""Which pages of the current result to fetch next: wanted, in flight, or failed a moment ago.

Scrolling fast asks for many pages; only the last few asked for are worth fetching, so fetches nobody
wants any more are cancelled (oldest first) to keep at most MAX_PAGES_IN_FLIGHT going. A page that failed
is not asked for again until RETRY_FAILED_PAGE_AFTER_S has passed.
"""

from __future__ import annotations

import time

MAX_PAGES_IN_FLIGHT = 4
RETRY_FAILED_PAGE_AFTER_S = 3.0


class PageSchedule:
    """Bookkeeping only (0-based page numbers); the model starts and cancels the fetches."""

    def __init__(self) -> None:
        self.in_flight: dict[int, float] = {}  # page -> started (monotonic)
        self.failed: dict[int, float] = {}  # page -> failed at
        self.wanted: list[int] = []

    def reset(self) -> None:
        self.in_flight.clear()
        self.failed.clear()
        self.wanted.clear()

    def want(self, page: int) -> bool:
        """Ask for `page` (not loaded); False when it is already asked for, fetching, or failed just now."""
        if page in self.in_flight or page in self.wanted:
            return False
        failed_at = self.failed.get(page)
        if failed_at is not None and time.monotonic() - failed_at < RETRY_FAILED_PAGE_AFTER_S:
            return False
        self.wanted.append(page)
        return True

    def asked(self, page: int) -> bool:
        return page in self.in_flight or page in self.wanted

    def take(self) -> tuple[list[int], list[int]]:
        """(fetches to cancel, pages to start): the wanted pages, newest first wins, within the limit."""
        wanted, self.wanted = self.wanted, []
        wanted_set = set(wanted)
        cancel: list[int] = []
        if len(self.in_flight) + len(wanted) > MAX_PAGES_IN_FLIGHT:
            for page in sorted(self.in_flight, key=self.in_flight.__getitem__):
                if len(self.in_flight) + len(wanted) <= MAX_PAGES_IN_FLIGHT:
                    break
                if page not in wanted_set:
                    cancel.append(page)
                    del self.in_flight[page]
        return cancel, wanted[-MAX_PAGES_IN_FLIGHT:]

    def started(self, page: int) -> None:
        self.in_flight[page] = time.monotonic()

    def arrived(self, page: int) -> None:
        self.in_flight.pop(page, None)
        self.failed.pop(page, None)

    def failed_now(self, page: int) -> None:
        self.in_flight.pop(page, None)
        self.failed[page] = time.monotonic()
