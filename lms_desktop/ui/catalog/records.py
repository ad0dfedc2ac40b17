"""The catalog model's types: the pages it is fed, and the record per row it hands its views.

One role returns the whole record, so the delegate makes one `data()` call per card.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import Qt

from lms_desktop.contract import CoursePage, CourseSummary

RecordRole = int(Qt.ItemDataRole.UserRole) + 1


@dataclass(frozen=True, slots=True)
class CardRecord:
    """Everything the delegate paints for one row; `course is None` means "still loading"."""

    row: int
    course: CourseSummary | None
    enrolled: bool = False
    percent: float | None = None
    offline: bool = False  # downloaded: readable without a network


class FetchedPage(Protocol):
    """What the client's `list_courses` returns (`Fetched[CoursePage]`): the parts the model uses."""

    value: CoursePage
    stale: bool
    updated: asyncio.Future[Any] | None


type PageFetcher = Callable[[Any, int], Coroutine[Any, Any, FetchedPage]]
"""(query, 1-based page) -> the page; the caller builds the client request from its own query type."""
