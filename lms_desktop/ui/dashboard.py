"""My learning: the enrolled courses, most recently active first, with percent, time spent and Continue.

A learner has tens of enrollments, not thousands, so plain widgets in a scroll area are the simple choice
here (the catalog is the place for a virtualized view). The list is rebuilt from `LearnerState` whenever the
dashboard or an optimistic change arrives.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from lms_desktop.contract import Dashboard, DashboardItem
from lms_desktop.ui import a11y, theme
from lms_desktop.ui.catalog.card_text import join_facts, level_text
from lms_desktop.ui.catalog.thumbnails import ThumbnailCache
from lms_desktop.ui.i18n import date_text, plural
from lms_desktop.ui.learner import LearnerState
from lms_desktop.ui.quiz import texts as quiz_texts
from lms_desktop.ui.widgets import Cover, heading, muted

THUMB = QSize(144, 81)


def duration_text(seconds: int) -> str:
    minutes = seconds // 60
    if minutes < 60:
        return QCoreApplication.translate("Dashboard", "{0} min").format(minutes)
    return QCoreApplication.translate("Dashboard", "{0} h {1} min").format(
        minutes // 60, f"{minutes % 60:02d}"
    )


def spent_text(seconds: int) -> str:
    if seconds < 60:
        return (
            QCoreApplication.translate("Dashboard", "Not started")
            if seconds == 0
            else QCoreApplication.translate("Dashboard", "Under a minute")
        )
    return QCoreApplication.translate("Dashboard", "{0} spent").format(duration_text(seconds))


def ago_text(when: datetime | None, now: datetime | None = None) -> str:
    if when is None:
        return QCoreApplication.translate("Dashboard", "No activity yet")
    now = now or datetime.now(UTC)
    seconds = max(0, int((now - when).total_seconds()))
    if seconds < 90:
        return QCoreApplication.translate("Dashboard", "Active just now")
    if seconds < 3600:
        return QCoreApplication.translate("Dashboard", "Active {0} min ago").format(seconds // 60)
    if seconds < 86400:
        hours = seconds // 3600
        return plural(QCoreApplication.translate("Dashboard", "Active %n hour(s) ago", None, hours), hours)
    days = seconds // 86400
    if days == 1:
        return QCoreApplication.translate("Dashboard", "Active yesterday")
    if days < 30:
        return plural(QCoreApplication.translate("Dashboard", "Active %n day(s) ago", None, days), days)
    return QCoreApplication.translate("Dashboard", "Active on {0}").format(date_text(when))


def ordered(items: list[DashboardItem]) -> list[DashboardItem]:
    """Most recent activity first; never-touched courses last, newest enrollment first among them."""
    epoch = datetime.min.replace(tzinfo=UTC)
    return sorted(items, key=lambda i: (i.last_activity or epoch, i.enrolled_at), reverse=True)


def row_facts(item: DashboardItem) -> list[str]:
    """The row's facts: level, sections done, time spent, last activity, quiz average (any may be empty)."""
    return [
        level_text(item.difficulty),
        plural(
            QCoreApplication.translate("Dashboard", "{0} of %n section(s)", None, item.total_sections),
            item.total_sections,
        ).format(item.completed_sections)
        if item.total_sections
        else "",
        spent_text(item.time_spent_seconds),
        ago_text(item.last_activity),
        quiz_texts.quiz_average(item.quiz_average),
    ]


class DashboardRow(QFrame):
    """One enrolled course. A click, Enter or Space on the row opens the course page (one activation, as
    in the catalog); its button continues where the learner stopped."""

    opened = Signal(int)  # the course page

    def __init__(
        self,
        item: DashboardItem,
        percent: float,
        thumbnails: ThumbnailCache | None,
        parent: QWidget,
        *,
        offline: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.item = item
        layout = QHBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_M, theme.SPACE_M, theme.SPACE_L, theme.SPACE_M)
        layout.setSpacing(theme.SPACE_L)
        self._layout = layout
        self._narrow = False
        cover = Cover(thumbnails, THUMB, self)
        cover.set_image(item.image_url)
        layout.addWidget(cover)
        done = percent >= 100
        facts = row_facts(item)
        # built in reading order (title, facts, progress, button): the order Tab follows
        self._text = self._text_column(item.title, facts)
        self._text.addLayout(self._progress_row(percent, done, offline))
        layout.addLayout(self._text, 1)
        self.continue_button = self._continue_button(item.title, done)
        layout.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignVCenter)
        progress = (
            QCoreApplication.translate("Dashboard", "Completed")
            if done
            else QCoreApplication.translate("Dashboard", "{0}% complete").format(f"{percent:.0f}")
        )
        a11y.describe(
            self,
            item.title,
            join_facts([*facts, progress], ", ")
            + ". "
            + QCoreApplication.translate("Dashboard", "Enter opens the course."),
        )

    def _text_column(self, title_text: str, facts: list[str]) -> QVBoxLayout:
        text = QVBoxLayout()
        text.setSpacing(theme.SPACE_XS)
        title = QLabel(title_text, self)
        title.setObjectName("SectionTitle")
        title.setWordWrap(True)
        text.addWidget(title)
        text.addWidget(muted(join_facts(facts), self))
        return text

    def _progress_row(self, percent: float, done: bool, offline: bool) -> QHBoxLayout:
        """The bar, its figure (or "Completed") and the offline badge."""
        bar_row = QHBoxLayout()
        bar = QProgressBar(self)
        bar.setTextVisible(False)
        bar.setValue(round(percent))
        bar.setMaximumWidth(360)
        label = QLabel(
            QCoreApplication.translate("Dashboard", "Completed") if done else f"{percent:.0f}%", self
        )
        label.setObjectName("Muted")
        bar.setAccessibleName(QCoreApplication.translate("Dashboard", "Progress"))
        bar.setAccessibleDescription(label.text())
        bar_row.addWidget(bar, 1)
        bar_row.addWidget(label)
        self.offline_badge = QLabel(self.tr("✓ Available offline"), self)
        self.offline_badge.setObjectName("Muted")
        self.offline_badge.setVisible(offline)
        bar_row.addWidget(self.offline_badge)
        bar_row.addStretch(1)
        return bar_row

    def _continue_button(self, title: str, done: bool) -> QPushButton:
        """Continue where the learner stopped, or Review a completed course."""
        button = QPushButton(
            QCoreApplication.translate("Dashboard", "Review")
            if done
            else QCoreApplication.translate("Dashboard", "Continue"),
            self,
        )
        button.setObjectName("Secondary" if done else "Primary")
        a11y.describe(
            button,
            button.text(),
            (
                QCoreApplication.translate("Dashboard", "Read “{0}” again")
                if done
                else QCoreApplication.translate("Dashboard", "Continue “{0}” where you stopped")
            ).format(title),
        )
        return button

    def wide_width(self) -> int:
        """The width the row needs with its button beside the text (narrower: the button goes below)."""
        return (
            THUMB.width() + 280 + self.continue_button.sizeHint().width() + 3 * theme.SPACE_L + theme.SPACE_M
        )

    def set_narrow(self, narrow: bool) -> None:
        if narrow == self._narrow:
            return
        self._narrow = narrow
        if narrow:
            self._layout.removeWidget(self.continue_button)
            self._text.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            self._text.removeWidget(self.continue_button)
            self._layout.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignVCenter)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.opened.emit(self.item.course_id)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.opened.emit(self.item.course_id)
            return
        super().keyPressEvent(event)


class DashboardView(QWidget):
    openCourse = Signal(int)
    openSection = Signal(int, int)  # section id, course id
    browse = Signal()

    def __init__(
        self, learner: LearnerState, thumbnails: ThumbnailCache | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._learner = learner
        self._thumbnails = thumbnails
        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.SPACE_XL, theme.SPACE_L, theme.SPACE_XL, 0)
        outer.setSpacing(theme.SPACE_M)
        self.title = heading(QCoreApplication.translate("Dashboard", "My learning"), parent=self)
        self.summary = muted(parent=self)
        outer.addWidget(self.title)
        outer.addWidget(self.summary)
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list = QWidget()
        self.rows = QVBoxLayout(self.list)
        self.rows.setContentsMargins(0, 0, theme.SPACE_S, theme.SPACE_L)
        self.rows.setSpacing(theme.SPACE_M)
        self.scroller.setWidget(self.list)
        outer.addWidget(self.scroller, 1)
        self.row_widgets: list[DashboardRow] = []
        self.offline_ids: set[int] = set()
        learner.dashboardChanged.connect(self._rebuild)
        learner.progressChanged.connect(lambda _p: self._rebuild())
        self._rebuild()

    def set_offline(self, course_ids: set[int]) -> None:
        """Downloaded courses: their rows say "Available offline"."""
        if course_ids != self.offline_ids:
            self.offline_ids = set(course_ids)
            for row in self.row_widgets:
                row.offline_badge.setVisible(row.item.course_id in course_ids)

    def refresh(self) -> None:
        self._learner.refresh_dashboard()

    def _rebuild(self, _dashboard: Dashboard | None = None) -> None:
        for w in self.row_widgets:
            w.setParent(None)
            w.deleteLater()
        self.row_widgets = []
        while self.rows.count():
            taken = self.rows.takeAt(0)
            if taken is not None and taken.widget() is not None:
                taken.widget().deleteLater()  # type: ignore[union-attr]
        dashboard = self._learner.dashboard
        progress = self._learner.progress
        if dashboard is None:
            self.summary.setText(QCoreApplication.translate("Dashboard", "Loading your courses…"))
            return
        items = [i for i in ordered(dashboard.items) if i.course_id in progress]
        if not items:
            self.summary.setText(
                QCoreApplication.translate("Dashboard", "You are not enrolled in any course yet.")
            )
            browse = QPushButton(QCoreApplication.translate("Dashboard", "Browse the catalog"), self.list)
            a11y.describe(
                browse, browse.text(), QCoreApplication.translate("Dashboard", "Find a course to enroll in")
            )
            browse.setObjectName("Primary")
            browse.clicked.connect(self.browse)
            self.rows.addWidget(browse, 0, Qt.AlignmentFlag.AlignLeft)
            self.rows.addStretch(1)
            return
        finished = sum(1 for i in items if progress.get(i.course_id, 0) >= 100)
        total_time = sum(i.time_spent_seconds for i in items)
        self.summary.setText(
            join_facts(
                [
                    plural(
                        QCoreApplication.translate("Dashboard", "%n course(s)", None, len(items)), len(items)
                    ),
                    QCoreApplication.translate("Dashboard", "{0} completed").format(finished),
                    QCoreApplication.translate("Dashboard", "{0} of learning").format(
                        duration_text(total_time)
                    )
                    if total_time >= 60
                    else "",
                ]
            )
        )
        for item in items:
            row = DashboardRow(
                item,
                progress.get(item.course_id, item.percent_complete),
                self._thumbnails,
                self.list,
                offline=item.course_id in self.offline_ids,
            )
            row.continue_button.clicked.connect(lambda _=False, it=item: self._continue(it))
            row.opened.connect(self.openCourse)
            self.rows.addWidget(row)
            self.row_widgets.append(row)
        self.rows.addStretch(1)
        self._fit_rows()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Narrow (small window, large text): each row's button moves under its text instead of being cut."""
        room = self.scroller.viewport().width() - self.rows.contentsMargins().right()
        for row in self.row_widgets:
            row.set_narrow(room < row.wide_width())

    def _continue(self, item: DashboardItem) -> None:
        if item.next_section_id is not None:
            self.openSection.emit(item.next_section_id, item.course_id)
        else:
            self.openCourse.emit(item.course_id)
