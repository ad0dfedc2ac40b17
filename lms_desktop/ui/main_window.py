"""The main window: a sidebar (Catalog, My learning, Downloads), the pages, the status bar.

It wires the shared pieces together -- one TaskRunner, one LearnerState, one thumbnail cache -- so that every
page shows the same state. Size, position, screen and the last page are remembered in QSettings.
"""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from lms_desktop import APP_NAME
from lms_desktop.client import CourseQuery, Fetched, LmsClient
from lms_desktop.contract import CoursePage, CourseRating
from lms_desktop.ui import theme
from lms_desktop.ui.catalog.model import PAGE_SIZE, CatalogModel
from lms_desktop.ui.catalog.thumbnails import ThumbnailCache
from lms_desktop.ui.catalog.view import CatalogView
from lms_desktop.ui.course_view import CourseView
from lms_desktop.ui.dashboard import DashboardView
from lms_desktop.ui.learner import LearnerState
from lms_desktop.ui.messages import Toaster
from lms_desktop.ui.offline_search import OfflineSearchPanel, offline_searcher
from lms_desktop.ui.reader import Reader
from lms_desktop.ui.search_bar import SearchBar
from lms_desktop.ui.settings_dialog import KEY_THEME, SettingsDialog
from lms_desktop.ui.status_bar import AppStatusBar
from lms_desktop.ui.tasks import TaskRunner
from lms_desktop.ui.widgets import heading

log = logging.getLogger(__name__)

KEY_GEOMETRY = "window/geometry"
KEY_SCREEN = "window/screen"
KEY_VIEW_MODE = "catalog/view_mode"


class CatalogPage(QWidget):
    def __init__(
        self, model: CatalogModel, thumbnails: ThumbnailCache, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_XL - 8, theme.SPACE_L, theme.SPACE_XL - 8, 0)
        layout.setSpacing(theme.SPACE_M)
        top = QHBoxLayout()
        top.setContentsMargins(8, 0, 8, 0)
        top.addWidget(heading("Browse courses", parent=self), 1)
        self.list_button = QPushButton("☰  List", self)
        self.grid_button = QPushButton("▦  Grid", self)
        group = QButtonGroup(self)
        for b in (self.list_button, self.grid_button):
            b.setCheckable(True)
            b.setObjectName("Secondary")
            group.addButton(b)
            top.addWidget(b)
        layout.addLayout(top)
        self.search = SearchBar(self)
        self.search.layout().setContentsMargins(8, 0, 8, 0)  # type: ignore[union-attr]
        layout.addWidget(self.search)
        self.view = CatalogView(model, thumbnails, self)
        layout.addWidget(self.view, 1)
        self.list_button.clicked.connect(lambda: self.set_mode("list"))
        self.grid_button.clicked.connect(lambda: self.set_mode("grid"))
        self.list_button.setChecked(True)

    def set_mode(self, mode: str) -> None:
        self.view.set_mode("grid" if mode == "grid" else "list")
        (self.grid_button if mode == "grid" else self.list_button).setChecked(True)


class MainWindow(QMainWindow):
    signInRequired = Signal()
    signedOut = Signal()
    #: the window was closed by the learner (the launcher then shuts down)
    closed = Signal()

    def __init__(
        self,
        client: LmsClient,
        runner: TaskRunner,
        settings: QSettings,
        *,
        server_label: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.client = client
        self.runner = runner
        self.settings = settings
        self.server_label = server_label
        self.learner = LearnerState(client, runner, self)
        self.thumbnails = ThumbnailCache(runner, self._load_image, self)
        self.model = CatalogModel(runner, self._fetch_page, self)

        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self._build_sidebar())
        self.stack = QStackedWidget(central)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.catalog = CatalogPage(self.model, self.thumbnails, self)
        self.dashboard = DashboardView(self.learner, self.thumbnails, self)
        self.course = CourseView(client, runner, self.learner, self.thumbnails, self)
        self.reader = Reader(client, runner, self.learner, self, settings=settings)
        for page in (self.catalog, self.dashboard, self.course, self.reader):
            self.stack.addWidget(page)
        self.offline_results = OfflineSearchPanel(self.catalog)
        self.catalog.layout().insertWidget(2, self.offline_results, 1)  # type: ignore[union-attr]
        self.offline_results.hide()
        self.status = AppStatusBar(client, self)
        self.setStatusBar(self.status)
        self.status.set_account(client.user.display_name if client.user else None)
        self.toaster = Toaster(self)
        self._wire()
        self.resize(1180, 780)
        self.setMinimumSize(940, 600)

    # ---- construction --------------------------------------------------------------------------

    def _build_sidebar(self) -> QWidget:
        bar = QWidget(self)
        bar.setObjectName("Sidebar")
        bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        bar.setFixedWidth(200)
        layout = QVBoxLayout(bar)
        layout.setContentsMargins(theme.SPACE_S, theme.SPACE_L, theme.SPACE_S, theme.SPACE_L)
        layout.setSpacing(2)
        title = QLabel(APP_NAME, bar)
        title.setObjectName("AppTitle")
        layout.addWidget(title)
        self.nav_group = QButtonGroup(bar)
        self.nav_catalog = QPushButton("Catalog", bar)
        self.nav_dashboard = QPushButton("My learning", bar)
        for b in (self.nav_catalog, self.nav_dashboard):
            b.setCheckable(True)
            self.nav_group.addButton(b)
            layout.addWidget(b)
        # More entries (Downloads) are appended below these by add_nav_button().
        self.nav_layout = layout
        layout.addStretch(1)
        self.settings_button = QPushButton("Settings", bar)
        layout.addWidget(self.settings_button)
        return bar

    def add_nav_button(self, text: str, page: QWidget) -> QPushButton:
        """A sidebar entry that shows `page` (Downloads adds itself this way)."""
        button = QPushButton(text)
        button.setCheckable(True)
        self.nav_group.addButton(button)
        self.nav_layout.insertWidget(3, button)
        self.stack.addWidget(page)
        button.clicked.connect(lambda: self._show(page))
        return button

    def _wire(self) -> None:
        m, search, view = self.model, self.catalog.search, self.catalog.view
        search.queryChanged.connect(self._search)
        m.statusChanged.connect(self._on_catalog_status)
        m.staleChanged.connect(lambda _stale: self._on_catalog_status(m.status))
        view.courseActivated.connect(self.open_course)
        self.learner.progressChanged.connect(m.set_progress)
        self.learner.ratingConfirmed.connect(self._on_rating_confirmed)
        self.learner.message.connect(self.toaster.show_message)
        self.learner.inFlightChanged.connect(self.status.set_requests_in_flight)
        self.learner.authRequired.connect(self.signInRequired)
        self.runner.failed.connect(self._on_unhandled)
        self.nav_catalog.clicked.connect(self.show_catalog)
        self.nav_dashboard.clicked.connect(self.show_dashboard)
        self.settings_button.clicked.connect(self.open_settings)
        self.dashboard.openCourse.connect(self.open_course)
        self.dashboard.openSection.connect(self.open_section)
        self.dashboard.browse.connect(self.show_catalog)
        self.course.back.connect(self._course_back)
        self.course.openSection.connect(self.open_section)
        self.reader.back.connect(self.open_course)
        self.offline_results.openSection.connect(self.open_section)
        self.offline_results.openCourse.connect(self.open_course)
        self.offline_results.counted.connect(self._offline_count)
        self.client.on_online_changed(lambda _online: self._search(self.catalog.search.query()))
        self.catalog.list_button.clicked.connect(lambda: self.settings.setValue(KEY_VIEW_MODE, "list"))
        self.catalog.grid_button.clicked.connect(lambda: self.settings.setValue(KEY_VIEW_MODE, "grid"))
        for keys, slot in (
            (QKeySequence(QKeySequence.StandardKey.Find), self.focus_search),
            (QKeySequence("Ctrl+1"), self.show_catalog),
            (QKeySequence("Ctrl+2"), self.show_dashboard),
            (QKeySequence(QKeySequence.StandardKey.Back), self._go_back),
        ):
            QShortcut(keys, self).activated.connect(slot)

    # ---- data sources --------------------------------------------------------------------------

    async def _fetch_page(self, query: CourseQuery, page: int) -> Fetched[CoursePage]:
        return await self.client.list_courses(dataclasses.replace(query, page=page, limit=PAGE_SIZE))

    async def _load_image(self, url: str, width: int) -> bytes:
        return await self.client.image(url, width, "webp")

    # ---- start / navigation --------------------------------------------------------------------

    def start(self) -> None:
        """Restore geometry and the last page, load the first catalog page and the dashboard."""
        geometry = self.settings.value(KEY_GEOMETRY)
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        self.catalog.set_mode(str(self.settings.value(KEY_VIEW_MODE, "list")))
        self.learner.refresh_dashboard()
        self.catalog.search.set_result_count(None)
        self.catalog.search.emit_current()
        self._restore_screen(str(self.settings.value(KEY_SCREEN, "catalog")))

    def _restore_screen(self, screen: str) -> None:
        kind, _, rest = screen.partition(":")
        try:
            if kind == "dashboard":
                self.show_dashboard()
            elif kind == "course" and rest:
                self.open_course(int(rest))
            elif kind == "reader" and rest:
                section, _, course = rest.partition(":")
                self.open_section(int(section), int(course))
            else:
                self.show_catalog()
        except ValueError:
            self.show_catalog()

    def current_screen(self) -> str:
        page = self.stack.currentWidget()
        if page is self.dashboard:
            return "dashboard"
        if page is self.course and self.course.course_id is not None:
            return f"course:{self.course.course_id}"
        if page is self.reader and self.reader.section is not None and self.reader.course_id is not None:
            return f"reader:{self.reader.section.id}:{self.reader.course_id}"
        return "catalog"

    def _show(self, page: QWidget) -> None:
        if self.stack.currentWidget() is self.reader and page is not self.reader:
            self.reader.report_time()  # leaving the reader by any way counts the time read
        self.stack.setCurrentWidget(page)

    def show_catalog(self) -> None:
        self.nav_catalog.setChecked(True)
        self._show(self.catalog)

    def show_dashboard(self) -> None:
        self.nav_dashboard.setChecked(True)
        self._show(self.dashboard)
        self.learner.refresh_dashboard()

    def focus_search(self) -> None:
        self.show_catalog()
        self.catalog.search.focus_search()

    def open_course(self, course_id: int) -> None:
        self._came_from = (
            self.stack.currentWidget() if self.stack.currentWidget() is not self.reader else None
        )
        self.course.show_course(course_id)
        self._show(self.course)

    def open_section(self, section_id: int, course_id: int, highlight: str = "") -> None:
        title = self.course.detail.title if self.course.detail and self.course.course_id == course_id else ""
        if not title:
            item = self.learner.item(course_id)
            title = item.title if item is not None else ""
        self.reader.show_section(section_id, course_id, title, highlight=highlight)
        self._show(self.reader)

    def _course_back(self) -> None:
        origin = getattr(self, "_came_from", None)
        if origin is self.dashboard:
            self.show_dashboard()
        else:
            self.show_catalog()

    def _go_back(self) -> None:
        page = self.stack.currentWidget()
        if page is self.reader:
            self.reader.previous_section()  # Alt+Left in the reader; Esc or Alt+Up goes back to the course
        elif page is self.course:
            self._course_back()

    # ---- reactions -----------------------------------------------------------------------------

    def _offline_count(self, n: int) -> None:
        text = self.tr("1 result") if n == 1 else self.tr("%1 results").replace("%1", str(n))
        self.catalog.search.count.setText(text)

    def _search(self, query: CourseQuery) -> None:
        self.catalog.search.set_result_count(None)
        search = offline_searcher(self.client)
        offline = search is not None and not self.client.online and bool(query.q.strip())
        self.offline_results.setVisible(offline)
        self.catalog.view.setVisible(not offline)
        if offline and search is not None:

            async def run() -> list[object]:
                return await self.runner.in_thread(search, query.q)  # type: ignore[arg-type]

            self.runner.run(
                run(),
                owner=self,
                key="offline-search",
                done=lambda hits: self.offline_results.show_results(query.q, hits),  # type: ignore[arg-type]
            )
            return
        self.model.set_query(query)

    def _on_catalog_status(self, status: str) -> None:
        if status in ("ready", "empty"):
            self.catalog.search.set_result_count(self.model.total, saved=self.model.stale)
        elif status == "error":
            self.catalog.search.count.setText("")

    def _on_rating_confirmed(self, course_id: int, result: object) -> None:
        if isinstance(result, CourseRating):
            self.model.patch_course(course_id, rating_avg=result.rating_avg, rating_count=result.rating_count)

    def _on_unhandled(self, label: str, exc: object) -> None:
        log.info("background work %s failed: %r", label, exc)

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.client, self.settings, server_label=self.server_label, parent=self)
        dialog.signOutRequested.connect(self.sign_out)
        dialog.themeChanged.connect(self._apply_theme)
        dialog.open()

    def _apply_theme(self, mode: str) -> None:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, mode if mode in ("light", "dark") else "system")  # type: ignore[arg-type]
            self.settings.setValue(KEY_THEME, mode)
            self.update()

    def sign_out(self) -> None:
        def done(_: object) -> None:
            self.status.set_account(None)
            self.signedOut.emit()

        self.runner.run(
            self.client.sign_out(), owner=self, key="sign-out", done=done, error=lambda _e: done(None)
        )

    # ---- closing -------------------------------------------------------------------------------

    def save_state(self) -> None:
        self.settings.setValue(KEY_GEOMETRY, self.saveGeometry())
        self.settings.setValue(KEY_SCREEN, self.current_screen())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        if self.stack.currentWidget() is self.reader:
            self.reader.keep_time()  # before the tasks go: a send now would be cancelled with them
        for owner in (self.model, self.thumbnails, self.learner, self.course, self.reader, self):
            self.runner.cancel_owner(owner)
        super().closeEvent(event)
        self.closed.emit()
