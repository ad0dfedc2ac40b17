"""The catalog list model: knows the result's total from its first page and fills pages in place.

Why this shape: growing a QListView by inserts costs more with every page, so the
model reports `rowCount() == total` as soon as page 1 arrives and rows of pages not yet loaded return a
placeholder record that the delegate paints as a skeleton card. When the view asks `data()` for such a row
(it asks only for rows it paints), the page holding it is fetched; when it arrives, `dataChanged` repaints
exactly those rows. One custom role returns the whole record: the delegate makes one `data()` call per card.

A new search keeps the old results on screen until the new first page is in, then resets once with the new
total and page 1 already filled: the first paint after a reset never shows an empty list. Each search bumps a
generation number; a page answer from an older generation is dropped (latest wins).
"""

from __future__ import annotations

import logging
from typing import Any, Literal

import msgspec
from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from lms_desktop.contract import CoursePage, CourseSummary
from lms_desktop.ui.catalog.card_text import card_description
from lms_desktop.ui.catalog.page_schedule import PageSchedule
from lms_desktop.ui.catalog.records import CardRecord, FetchedPage, PageFetcher, RecordRole
from lms_desktop.ui.learner import describe_error
from lms_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

PAGE_SIZE = 50
SKELETON_ROWS = 12  # placeholder cards shown before the very first page arrives
Status = Literal["idle", "loading", "ready", "empty", "error"]
Index = QModelIndex | QPersistentModelIndex


class CatalogModel(QAbstractListModel):
    statusChanged = Signal(str)
    totalChanged = Signal(int)
    #: a page answer came from cache past its freshness (offline): the view can say "cached"
    staleChanged = Signal(bool)
    #: a fetch was started (page number); tests and the status bar count these
    pageRequested = Signal(int)

    def __init__(self, runner: TaskRunner, fetch: PageFetcher, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._fetch = fetch
        self._offline: set[int] = set()
        self._query: Any = None
        self._generation = 0
        self._total = 0
        self._total_is_estimate = False  # `_total` is a lower bound (the server capped its count)
        self._pages: dict[int, list[CourseSummary]] = {}
        self._schedule = PageSchedule()
        self._status: Status = "idle"
        self._error = ""
        self._stale = False
        self._progress: dict[int, float] = {}  # course id -> percent, for enrolled courses
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(0)
        self._flush.timeout.connect(self._start_wanted)

    # ---- Qt model API --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        if parent.isValid():
            return 0
        return self._total

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or row >= self._total:
            return None
        if role == RecordRole:
            return self.record(row)
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            course = self._course_at(row)
            if course is not None:
                return course.title
            return None if role == Qt.ItemDataRole.ToolTipRole else self.tr("Loading…")
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            record = self.record(row)
            if record.course is None:
                return self.tr("Loading")
            return card_description(record.course, record.enrolled, record.percent, record.offline)
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's default argument
        """Qt's incremental-loading hook: true while a page after the loaded ones is neither in nor asked for.

        Rows never grow here (the total is known from page 1, pages fill in place), so this serves code that
        reads the list front to back; the view itself asks for the pages around what is on screen.
        """
        return not parent.isValid() and self._next_missing_page() is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt's default argument
        page = None if parent.isValid() else self._next_missing_page()
        if page is not None:
            self._want(page)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        names[RecordRole] = QByteArray(b"record")
        return names

    # ---- state ---------------------------------------------------------------------------------

    @property
    def status(self) -> Status:
        return self._status

    @property
    def error(self) -> str:
        return self._error

    @property
    def total(self) -> int:
        return self._total

    @property
    def total_is_estimate(self) -> bool:
        """The total is a lower bound: the server counts a search's matches only up to a limit."""
        return self._total_is_estimate

    @property
    def query(self) -> Any:
        return self._query

    @property
    def stale(self) -> bool:
        return self._stale

    def loaded_pages(self) -> list[int]:
        return sorted(self._pages)

    def record(self, row: int) -> CardRecord:
        """The row's record; asking for a row of an unloaded page schedules that page's fetch."""
        course = self._course_at(row)
        if course is None:
            if self._status == "ready":
                self._want(row // PAGE_SIZE)
            return CardRecord(row, None)
        percent = self._progress.get(course.id)
        return CardRecord(row, course, percent is not None, percent, course.id in self._offline)

    def course_at(self, row: int) -> CourseSummary | None:
        return self._course_at(row)

    def row_of(self, course_id: int) -> int | None:
        for page, items in self._pages.items():
            for i, c in enumerate(items):
                if c.id == course_id:
                    return page * PAGE_SIZE + i
        return None

    def request_rows(self, first: int, last: int) -> None:
        """Make sure the pages covering rows first..last are loaded (the view calls this a little ahead)."""
        if self._status != "ready" or self._total == 0:
            return
        first = max(0, first)
        last = min(self._total - 1, last)
        for page in range(first // PAGE_SIZE, last // PAGE_SIZE + 1):
            self._want(page)

    # ---- searching -----------------------------------------------------------------------------

    def set_query(self, query: Any) -> None:
        """Start a new search; the current rows stay until its first page is in (then one reset)."""
        self._generation += 1
        self._query = query
        self._runner.cancel_owner(self)
        self._schedule.reset()
        self._set_status("loading")
        if self._total == 0:
            # Nothing to keep on screen: show skeleton cards while page 1 loads.
            self.beginResetModel()
            self._pages.clear()
            self._total = SKELETON_ROWS
            self.endResetModel()
        generation = self._generation
        self.pageRequested.emit(1)
        self._runner.run(
            self._fetch(query, 1),
            owner=self,
            key="page:0",
            done=lambda fetched: self._first_page_in(generation, fetched),
            error=lambda exc: self._first_page_failed(generation, exc),
        )

    def retry(self) -> None:
        if self._query is not None:
            self.set_query(self._query)

    def clear(self) -> None:
        self._generation += 1
        self._runner.cancel_owner(self)
        self.beginResetModel()
        self._pages.clear()
        self._schedule.in_flight.clear()
        self._total = 0
        self._total_is_estimate = False
        self.endResetModel()
        self._set_status("idle")

    def _first_page_in(self, generation: int, fetched: FetchedPage) -> None:
        if generation != self._generation:
            return
        page = fetched.value
        self.beginResetModel()
        self._pages = {0: list(page.items)}
        self._total = page.total
        self._total_is_estimate = page.total_is_estimate
        self.endResetModel()
        self.totalChanged.emit(self._total)
        self._set_stale(fetched.stale)
        self._set_status("ready" if page.total else "empty")
        self._watch_update(generation, 0, fetched)

    def _first_page_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._error = describe_error(exc)
        log.info("catalog search failed: %s", self._error)
        self.beginResetModel()
        self._pages.clear()
        self._total = 0
        self._total_is_estimate = False
        self.endResetModel()
        self.totalChanged.emit(0)
        self._set_status("error")

    # ---- paging --------------------------------------------------------------------------------

    def _want(self, page: int) -> None:
        if page not in self._pages and self._schedule.want(page) and not self._flush.isActive():
            self._flush.start()

    def _next_missing_page(self) -> int | None:
        if self._status != "ready":
            return None
        for page in range(max(self._pages, default=-1) + 1, -(-self._total // PAGE_SIZE)):
            if not self._schedule.asked(page):
                return page
        return None

    def _start_wanted(self) -> None:
        # Scrolling fast leaves pages behind: fetches nobody asks for any more are cancelled.
        cancel, start = self._schedule.take()
        for page in cancel:
            self._runner.cancel_key(self, f"page:{page}")
        for page in start:
            self._start_page(page)

    def _start_page(self, page: int) -> None:
        if page in self._pages or page in self._schedule.in_flight:
            return
        generation = self._generation
        self._schedule.started(page)
        self.pageRequested.emit(page + 1)
        self._runner.run(
            self._fetch(self._query, page + 1),
            owner=self,
            key=f"page:{page}",
            done=lambda fetched: self._page_in(generation, page, fetched),
            error=lambda exc: self._page_failed(generation, page, exc),
        )

    def _page_in(self, generation: int, page: int, fetched: FetchedPage) -> None:
        if generation != self._generation:
            return
        self._schedule.arrived(page)
        value = fetched.value
        if not self._same_total(value):
            # The catalog changed under us (a course was published or removed): start over cleanly.
            log.info("catalog total changed %s -> %s; reloading", self._total, value.total)
            self.set_query(self._query)
            return
        self._fill(page, list(value.items))
        if fetched.stale:
            self._set_stale(True)
        self._watch_update(generation, page, fetched)

    def _page_failed(self, generation: int, page: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._schedule.failed_now(page)
        log.info("catalog page %s failed: %s", page + 1, describe_error(exc))

    def _fill(self, page: int, items: list[CourseSummary]) -> None:
        first = page * PAGE_SIZE
        if first >= self._total:
            return
        self._pages[page] = items
        last = min(self._total, first + PAGE_SIZE) - 1
        self.dataChanged.emit(self.index(first), self.index(last), [RecordRole])

    def _watch_update(self, generation: int, page: int, fetched: FetchedPage) -> None:
        """Stale-while-revalidate: if the client later finds a newer page, put it in place."""
        updated = fetched.updated
        if updated is None:
            return

        async def wait() -> CoursePage | None:
            result = await updated
            return result if isinstance(result, CoursePage) else None

        def apply(newer: CoursePage | None) -> None:
            if newer is None or generation != self._generation:
                return
            if not self._same_total(newer):
                self.set_query(self._query)
                return
            self._set_stale(False)
            self._fill(page, list(newer.items))

        self._runner.run(wait(), owner=self, key=f"swr:{page}", done=apply, error=lambda _exc: None)

    # ---- learner state merged into the cards ---------------------------------------------------

    def set_offline(self, course_ids: set[int]) -> None:
        """Downloaded courses (their cards say "Available offline"); repaints only the changed cards."""
        changed = course_ids ^ self._offline
        self._offline = set(course_ids)
        self._repaint(changed)

    def set_progress(self, progress: dict[int, float]) -> None:
        """Enrolled course ids -> percent complete (from the dashboard); repaints only if it changed."""
        if progress == self._progress:
            return
        changed = {
            k for k in progress.keys() | self._progress.keys() if progress.get(k) != self._progress.get(k)
        }
        self._progress = dict(progress)
        self._repaint(changed)

    def update_course(self, course: CourseSummary) -> None:
        """Replace one course's summary in place (e.g. a new rating average after rating)."""
        row = self.row_of(course.id)
        if row is None:
            return
        page, offset = divmod(row, PAGE_SIZE)
        self._pages[page][offset] = course
        self._repaint({course.id})

    def patch_course(self, course_id: int, **changes: Any) -> None:
        row = self.row_of(course_id)
        if row is None:
            return
        page, offset = divmod(row, PAGE_SIZE)
        self.update_course(msgspec.structs.replace(self._pages[page][offset], **changes))

    # ---- helpers -------------------------------------------------------------------------------

    def _repaint(self, course_ids: set[int]) -> None:
        """Repaint the cards of these courses (those on a loaded page)."""
        for course_id in course_ids:
            row = self.row_of(course_id)
            if row is not None:
                idx = self.index(row)
                self.dataChanged.emit(idx, idx, [RecordRole])

    def _same_total(self, page: CoursePage) -> bool:
        return page.total == self._total and page.total_is_estimate == self._total_is_estimate

    def _course_at(self, row: int) -> CourseSummary | None:
        items = self._pages.get(row // PAGE_SIZE)
        if items is None:
            return None
        offset = row % PAGE_SIZE
        return items[offset] if offset < len(items) else None

    def _set_status(self, status: Status) -> None:
        if status != self._status:
            self._status = status
            self.statusChanged.emit(status)

    def _set_stale(self, stale: bool) -> None:
        if stale != self._stale:
            self._stale = stale
            self.staleChanged.emit(stale)
