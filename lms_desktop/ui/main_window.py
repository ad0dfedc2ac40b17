"""The main window: menu bar, sidebar (Catalog, My learning, Downloads), the pages, the status bar.

It wires the shared pieces together -- one TaskRunner, one LearnerState, one thumbnail cache -- so that every
page shows the same state. Size, position, screen, the last page and the text size are remembered in
QSettings. Signing out drops every trace of the learner from every screen and shows the signed-out page.
"""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from lms_desktop import APP_NAME
from lms_desktop.client import CourseQuery, Fetched, LmsClient
from lms_desktop.contract import CoursePage, CourseRating
from lms_desktop.ui import a11y, actions, keyboard, logfile, window_state
from lms_desktop.ui.catalog.model import PAGE_SIZE, CatalogModel
from lms_desktop.ui.catalog.page import CatalogPage
from lms_desktop.ui.catalog.thumbnails import ThumbnailCache
from lms_desktop.ui.catalog_search import CatalogSearch
from lms_desktop.ui.course_view import CourseView
from lms_desktop.ui.dashboard import DashboardView
from lms_desktop.ui.learner import LearnerState
from lms_desktop.ui.messages import Toaster
from lms_desktop.ui.reader import Reader
from lms_desktop.ui.settings_dialog import KEY_TEXT_SCALE, SettingsDialog
from lms_desktop.ui.sidebar import Sidebar
from lms_desktop.ui.signed_out import SignedOutPage
from lms_desktop.ui.status_bar import AppStatusBar
from lms_desktop.ui.tasks import TaskRunner
from lms_desktop.ui.window_dialogs import WindowDialogs

log = logging.getLogger(__name__)

KEY_VIEW_MODE = "catalog/view_mode"
MIN_SIZE = (800, 600)
DEFAULT_SIZE = (1180, 780)


class MainWindow(WindowDialogs):
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
        self._came_from: QWidget | None = None
        self.downloads_page: QWidget | None = None
        self._settings_dialog: SettingsDialog | None = None
        self._error_dialog: QDialog | None = None

        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.sidebar = Sidebar(central)
        row.addWidget(self.sidebar)
        self.stack = QStackedWidget(central)
        # Pages hidden in the stack must not widen the window: each page fits the room it gets (the
        # layout tests check every page at 800x600), the sidebar keeps its own width.
        self.stack.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_pages()
        self.settings_button = self.sidebar.settings_button
        self.status = AppStatusBar(client, self)
        self.setStatusBar(self.status)
        self.sidebar.set_account(client.user.display_name if client.user else None)
        self.toaster = Toaster(self)
        self.commands = actions.build(self)
        self._wire()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            keyboard.install(app)
        self.resize(*DEFAULT_SIZE)
        self.setMinimumSize(*MIN_SIZE)

    def _build_pages(self) -> None:
        """The pages in the stack, and the sidebar's entries for the top ones."""
        client, runner = self.client, self.runner
        self.catalog = CatalogPage(self.model, self.thumbnails, self)
        self.dashboard = DashboardView(self.learner, self.thumbnails, self)
        self.course = CourseView(client, runner, self.learner, self.thumbnails, self)
        self.reader = Reader(client, runner, self.learner, self, settings=self.settings)
        self.signed_out_page = SignedOutPage(self)
        for page in (self.catalog, self.dashboard, self.course, self.reader, self.signed_out_page):
            self.stack.addWidget(page)
        self.catalog_search = CatalogSearch(client, runner, self.model, self.catalog)
        self.offline_results = self.catalog_search.results
        self.nav_catalog = self.sidebar.add_entry(
            self.tr("Catalog"), self.catalog, self.tr("Browse and search all courses")
        )
        self.nav_dashboard = self.sidebar.add_entry(
            self.tr("My learning"), self.dashboard, self.tr("Your courses and progress")
        )

    def add_downloads(self, page: QWidget, text: str, description: str) -> QWidget:
        """The Downloads screen (offline learning installed), reached by `show_downloads`."""
        self.downloads_page = page
        return self.add_nav_button(text, page, description)

    def add_nav_button(self, text: str, page: QWidget, description: str = "") -> QWidget:
        """A sidebar entry and a Go menu item (Ctrl+3, ...) for `page`, navigating through `show_page`."""
        from PySide6.QtGui import QAction, QKeySequence

        if self.stack.indexOf(page) < 0:
            self.stack.addWidget(page)
        button = self.sidebar.add_entry(text, page, description or text)
        action = QAction(text, self)
        action.setShortcut(QKeySequence(f"Ctrl+{len(self.sidebar.entries())}"))
        action.triggered.connect(lambda _c=False: self.show_page(page))
        self.addAction(action)
        self.commands.go_menu.addAction(action)
        return button

    def _wire(self) -> None:
        self.catalog.view.courseActivated.connect(self.open_course)
        self.learner.progressChanged.connect(self.model.set_progress)
        self.learner.ratingConfirmed.connect(self._on_rating_confirmed)
        self.learner.message.connect(self.show_message)
        self.learner.inFlightChanged.connect(self.status.set_requests_in_flight)
        self.learner.authRequired.connect(self.signInRequired)
        self.runner.failed.connect(self._on_unhandled)
        self.sidebar.chosen.connect(self.show_page)
        self.settings_button.clicked.connect(self.open_settings)
        self.signed_out_page.signInRequested.connect(self.signInRequired)
        self.dashboard.openCourse.connect(self.open_course)
        self.dashboard.openSection.connect(self.open_section)
        self.dashboard.browse.connect(self.show_catalog)
        self.course.back.connect(self._course_back)
        self.course.openSection.connect(self.open_section)
        self.reader.back.connect(self.open_course)
        self.reader.message.connect(self.show_message)
        self.catalog.list_button.clicked.connect(lambda: self.set_catalog_mode("list"))
        self.catalog.grid_button.clicked.connect(lambda: self.set_catalog_mode("grid"))
        self.status.onlineChanged.connect(self._announce_online)
        stop = logfile.on_unhandled(self.show_error)
        self.destroyed.connect(lambda *_: stop())
        self.offline_results.openSection.connect(self.open_section)
        self.offline_results.openCourse.connect(self.open_course)

    # ---- data sources --------------------------------------------------------------------------

    async def _fetch_page(self, query: CourseQuery, page: int) -> Fetched[CoursePage]:
        return await self.client.list_courses(dataclasses.replace(query, page=page, limit=PAGE_SIZE))

    async def _load_image(self, url: str, width: int) -> bytes:
        return await self.client.image(url, width, "webp")

    # ---- start / navigation --------------------------------------------------------------------

    def start(self) -> None:
        """Restore geometry, text size and the last page, load the first catalog page and the dashboard."""
        window_state.restore_geometry(self)
        self._set_text_scale(_float(self.settings.value(KEY_TEXT_SCALE, 1.0)), save=False)
        self.set_catalog_mode(str(self.settings.value(KEY_VIEW_MODE, "list")), save=False)
        if self.client.user is None:
            self.show_signed_out()
            return
        self.learner.refresh_dashboard()
        self.catalog.search.set_result_count(None)
        self.catalog.search.emit_current()
        window_state.restore_screen(self)
        if self.stack.currentWidget() is self.catalog:  # ready to type a search at once
            self.catalog.search.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_screen(self) -> str:
        """The page shown, as remembered for the next start ("course:12", "reader:7:12", ...)."""
        return window_state.screen_of(self)

    def _show(self, page: QWidget) -> None:
        """The one way to change page (sidebar, Go menu, keys, links, the status bar's Downloads link):
        the page left is hidden, and the reader reports its reading time when it is hidden."""
        if self.client.user is None and page is not self.signed_out_page:
            return  # nothing to show of a learner until someone signs in (Ctrl+1, Back, ...)
        self.stack.setCurrentWidget(page)
        self.sidebar.set_current(page)

    def show_page(self, page: QWidget) -> None:
        if page is self.catalog:
            self.show_catalog()
        elif page is self.dashboard:
            self.show_dashboard()
        else:
            self._show(page)

    def show_downloads(self) -> None:
        if self.downloads_page is not None:
            self._show(self.downloads_page)

    def show_catalog(self) -> None:
        self._show(self.catalog)

    def show_dashboard(self) -> None:
        self._show(self.dashboard)
        self.learner.refresh_dashboard()

    def focus_search(self) -> None:
        if self.client.user is None:
            return
        self.show_catalog()
        self.catalog.search.focus_search()

    def set_catalog_mode(self, mode: str, *, save: bool = True) -> None:
        """List or grid, keeping the first course on screen where it was."""
        mode = "grid" if mode == "grid" else "list"
        self.catalog.set_mode(mode)
        (self.commands.grid_mode if mode == "grid" else self.commands.list_mode).setChecked(True)
        if save:
            self.settings.setValue(KEY_VIEW_MODE, mode)

    def open_course(self, course_id: int) -> None:
        current = self.stack.currentWidget()
        if current is not self.reader and current is not self.course:
            self._came_from = current
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
        origin = self._came_from
        if origin is self.dashboard:
            self.show_dashboard()
        elif origin is not None and origin is not self.catalog and self.stack.indexOf(origin) >= 0:
            self._show(origin)
        else:
            self.show_catalog()

    def go_back(self) -> bool:
        """Back (Alt+Left): the previous section in the reader (Esc or Alt+Up there returns to the course),
        from a course to where it was opened; False at a top page."""
        page = self.stack.currentWidget()
        if page is self.reader:
            self.reader.previous_section()
            return True
        if page is self.course:
            self._course_back()
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc goes back (the search box and dialogs use Esc first when they have something to undo)."""
        plain_escape = (
            event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier
        )
        if plain_escape and self.stack.currentWidget() is self.course:
            self._course_back()
            return
        super().keyPressEvent(event)

    # ---- commands ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Load what is on screen again: listings are revalidated, the course and dashboard re-read."""
        if self.client.user is None:
            return
        if not self.client.online:
            self.runner.run(self.client.check_online(), owner=self, key="check-online", error=_ignore)
        self.client.refresh_listings()
        page = self.stack.currentWidget()
        if page is self.course and self.course.course_id is not None:
            self.course.show_course(self.course.course_id)
        elif page is self.catalog:
            self.model.retry()
        self.learner.refresh_dashboard()

    def show_message(self, text: str) -> None:
        """A short message that needs no answer: shown as a toast and spoken by screen readers."""
        self.toaster.show_message(text)
        a11y.announce(self, text)

    # ---- reactions -----------------------------------------------------------------------------

    def _on_rating_confirmed(self, course_id: int, result: object) -> None:
        if isinstance(result, CourseRating):
            self.model.patch_course(course_id, rating_avg=result.rating_avg, rating_count=result.rating_count)

    # ---- the session -----------------------------------------------------------------------------

    def sign_out(self) -> None:
        """Close Settings, revoke the session, drop the learner's data from every screen."""
        if self._settings_dialog is not None:
            self._settings_dialog.close()

        def done(_: object) -> None:
            self.show_signed_out()
            self.signedOut.emit()

        self.runner.run(
            self.client.sign_out(), owner=self, key="sign-out", done=done, error=lambda _e: done(None)
        )

    def show_signed_out(self) -> None:
        """The signed-out start page; nothing of the previous learner stays on any screen."""
        self._show(self.signed_out_page)
        for owner in (self.learner, self.course, self.reader, self.dashboard):
            self.runner.cancel_owner(owner)
        self.model.clear()
        self.catalog.search.count.clear()
        self.learner.reset()
        self.course.clear()
        clear_reader = getattr(self.reader, "clear", None)
        if callable(clear_reader):
            clear_reader()
        self.sidebar.set_account(None)
        self.sidebar.set_entries_enabled(False)
        self.signed_out_page.sign_in.setFocus()

    def signed_in(self) -> None:
        """After a sign-in: the new learner's catalog and dashboard."""
        self.sidebar.set_account(self.client.user.display_name if self.client.user else None)
        self.sidebar.set_entries_enabled(True)
        self.learner.refresh_dashboard()
        self.catalog.search.set_result_count(None)
        self.catalog.search.emit_current()
        self.show_catalog()

    # ---- closing -------------------------------------------------------------------------------

    def save_state(self) -> None:
        window_state.save(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        if self.stack.currentWidget() is self.reader:
            self.reader.keep_time()  # before the tasks go: a send now would be cancelled with them
        for owner in (self.model, self.thumbnails, self.learner, self.course, self.reader, self):
            self.runner.cancel_owner(owner)
        super().closeEvent(event)
        self.closed.emit()


def _float(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 1.0


def _ignore(_exc: BaseException) -> None:
    return None
