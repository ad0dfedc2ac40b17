"""One course: cover, meta, ratings (average and the learner's own), Enroll / Continue / Unenroll, and the
lessons and sections as a tree with completion marks.

Meta and content load in parallel and paint from cache first. Everything the learner changes goes through
`LearnerState`, so the buttons, marks and percent here move together with the catalog and the dashboard.
"""

from __future__ import annotations

import msgspec
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from lms_desktop.client import LmsClient
from lms_desktop.contract import MIN_RATINGS_SHOWN, CourseContent, CourseDetail, CourseRating
from lms_desktop.ui import a11y, theme
from lms_desktop.ui.catalog.card_text import compact_learners, hours_text, join_facts, level_text
from lms_desktop.ui.catalog.thumbnails import ThumbnailCache
from lms_desktop.ui.course_content import completed_sections, first_open_section, with_completion
from lms_desktop.ui.course_outline import CourseOutline
from lms_desktop.ui.flow_layout import FlowLayout
from lms_desktop.ui.i18n import number_text, plural
from lms_desktop.ui.learner import LearnerState, describe_error
from lms_desktop.ui.tasks import TaskRunner
from lms_desktop.ui.widgets import Cover, StarRating, heading, muted

COVER = QSize(352, 198)
SMALL_COVER = QSize(256, 144)
NARROW_WIDTH = 860  # below this page width the cover goes above the facts
MIN_OUTLINE_HEIGHT = 220


def _row(parent: QWidget, *widgets: QWidget) -> QWidget:
    """Widgets that stay together on one line (a flow layout wraps between rows, never inside one)."""
    holder = QWidget(parent)
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(theme.SPACE_S)
    for w in widgets:
        layout.addWidget(w)
    layout.addStretch(1)  # on a wider line the widgets stay together at its start (either direction)
    return holder


class CourseView(QWidget):
    back = Signal()
    openSection = Signal(int, int)  # section id, course id
    #: the course's meta arrived (course id): the page now shows only this course's data
    loaded = Signal(int)
    #: another course is being shown (course id); its data follows with `loaded`
    courseChanged = Signal(int)

    def __init__(
        self,
        client: LmsClient,
        runner: TaskRunner,
        learner: LearnerState,
        thumbnails: ThumbnailCache | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._runner = runner
        self._learner = learner
        self.course_id: int | None = None
        self.detail: CourseDetail | None = None
        self.content: CourseContent | None = None
        self._build(thumbnails)
        learner.enrollmentChanged.connect(self._on_enrollment)
        learner.progressChanged.connect(self._on_progress)
        learner.ratingChanged.connect(self._on_rating)
        learner.ratingConfirmed.connect(self._on_rating_confirmed)
        learner.sectionCompletion.connect(self._on_section_completion)

    # ---- layout --------------------------------------------------------------------------------

    def _build(self, thumbnails: ThumbnailCache | None) -> None:
        """Everything scrolls as one page, so a small window or large text never cuts a control."""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget()
        self.scroller.setWidget(body)
        outer.addWidget(self.scroller)
        page = QVBoxLayout(body)
        page.setContentsMargins(theme.SPACE_XL, theme.SPACE_L, theme.SPACE_XL, theme.SPACE_L)
        page.setSpacing(theme.SPACE_L)
        self.back_button = QPushButton(self.tr("Back"), body)
        self.back_button.setObjectName("Secondary")
        a11y.describe(self.back_button, self.tr("Back"), self.tr("Return to the previous page (Esc)"))
        self.back_button.clicked.connect(self.back)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        page.addLayout(top)
        page.addLayout(self._build_header(body, thumbnails))
        self._build_content(body, page)

    def _build_header(self, body: QWidget, thumbnails: ThumbnailCache | None) -> QBoxLayout:
        """The cover beside the facts when there is room, above them when not (see resizeEvent)."""
        self.header = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.header.setSpacing(theme.SPACE_XL)
        self.cover = Cover(thumbnails, COVER, body)
        self.header.addWidget(self.cover, 0, Qt.AlignmentFlag.AlignTop)
        info = QVBoxLayout()
        info.setSpacing(theme.SPACE_S)
        self.title = heading("", parent=body)
        self.meta = muted(parent=body)
        info.addWidget(self.title)
        info.addWidget(self.meta)
        info.addLayout(self._build_ratings(body))
        info.addSpacing(theme.SPACE_S)
        info.addLayout(self._build_actions(body))
        info.addWidget(self.progress_row)
        info.addStretch(1)
        self.header.addLayout(info, 1)
        return self.header

    def _build_ratings(self, body: QWidget) -> FlowLayout:
        """The average (stars and count) and the learner's own rating, each kept on one line."""
        rating_row = FlowLayout(spacing=theme.SPACE_XL, line_spacing=theme.SPACE_S)  # two groups, set apart
        self.avg_stars = StarRating(body, star_size=16, editable=False)
        self.avg_label = muted(parent=body)
        self.avg_label.setWordWrap(False)
        self.my_label = QLabel(self.tr("Your rating"), body)
        self.my_stars = StarRating(body, star_size=20, editable=True)
        self.my_stars.rated.connect(self._rate)
        rating_row.addWidget(_row(body, self.avg_stars, self.avg_label))
        rating_row.addWidget(_row(body, self.my_label, self.my_stars))
        return rating_row

    def _build_actions(self, body: QWidget) -> FlowLayout:
        """Enroll / Continue / Unenroll (more join through add_button), and the progress bar's row."""
        self.buttons = FlowLayout(spacing=theme.SPACE_S)
        self.enroll_button = QPushButton(self.tr("Enroll"), body)
        self.enroll_button.setObjectName("Primary")
        self.enroll_button.clicked.connect(self._enroll)
        self.continue_button = QPushButton(self.tr("Continue"), body)
        self.continue_button.setObjectName("Primary")
        self.continue_button.clicked.connect(self._continue)
        self.unenroll_button = QPushButton(self.tr("Unenroll"), body)
        self.unenroll_button.setObjectName("Secondary")
        self.unenroll_button.clicked.connect(self._unenroll)
        a11y.describe(self.enroll_button, self.tr("Enroll"), self.tr("Join this course"))
        a11y.describe(self.unenroll_button, self.tr("Unenroll"), self.tr("Leave this course"))
        for w in (self.enroll_button, self.continue_button, self.unenroll_button):
            self.buttons.addWidget(w)
        self.progress = QProgressBar(body)
        self.progress.setTextVisible(False)
        self.progress.setFixedWidth(160)
        a11y.describe(self.progress, self.tr("Course progress"))
        self.progress_label = muted(parent=body)
        self.progress_label.setWordWrap(False)
        self.progress_row = _row(body, self.progress, self.progress_label)
        return self.buttons

    def _build_content(self, body: QWidget, page: QVBoxLayout) -> None:
        """The description, the outline of lessons and sections, and the place for a load error."""
        self.description = QLabel(body)
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        page.addWidget(self.description)
        page.addWidget(heading(self.tr("Course content"), "SectionTitle", body))
        self.outline = CourseOutline(body)
        self.outline.setMinimumHeight(MIN_OUTLINE_HEIGHT)
        self.outline.sectionActivated.connect(self._open_section)
        page.addWidget(self.outline, 1)
        self.error = muted(parent=body)
        page.addWidget(self.error)
        self.error.hide()

    def add_button(self, button: QWidget) -> None:
        """Another action for the course (Make available offline), after Enroll/Continue/Unenroll."""
        button.setParent(self.unenroll_button.parentWidget())
        self.buttons.addWidget(button)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        narrow = event.size().width() < NARROW_WIDTH
        direction = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        if self.header.direction() != direction:
            self.header.setDirection(direction)
            self.cover.setFixedSize(SMALL_COVER if narrow else COVER)

    # ---- loading -------------------------------------------------------------------------------

    def show_course(self, course_id: int) -> None:
        same = course_id == self.course_id
        self.course_id = course_id
        if not same:
            self._forget()
            self.title.setText(self.tr("Loading…"))
            self.courseChanged.emit(course_id)
        self.error.hide()
        self._runner.run(
            self._load_detail(course_id), owner=self, key="detail", done=self._set_detail, error=self._failed
        )
        self._runner.run(
            self._load_content(course_id),
            owner=self,
            key="content",
            done=self._set_content,
            error=self._failed,
        )

    def _forget(self) -> None:
        """Drop everything shown of the previous course (its rating, progress, outline)."""
        self.detail = None
        self.content = None
        self.title.clear()
        self.meta.clear()
        self.description.clear()
        self.outline.clear()
        self.cover.clear()
        self.avg_stars.set_value(None)
        self.avg_label.clear()
        self.my_stars.set_value(None)
        self.error.hide()
        self._update_buttons()

    def clear(self) -> None:
        """Sign-out: no course on the page any more."""
        self._runner.cancel_owner(self)
        self.course_id = None
        self._forget()

    async def _load_detail(self, course_id: int) -> CourseDetail:
        return (await self._client.course(course_id, swr=False)).value

    async def _load_content(self, course_id: int) -> CourseContent:
        return (await self._client.content(course_id, swr=False)).value

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(self.tr("Couldn’t load this course: {0}.").format(describe_error(exc)))
        self.error.show()
        if self.detail is None:
            self.title.setText(self.tr("Course unavailable"))

    def _set_detail(self, detail: CourseDetail) -> None:
        if detail.id != self.course_id:
            return
        self.detail = detail
        self.title.setText(detail.title)
        self.cover.set_image(detail.image_url)
        lessons = plural(self.tr("%n lesson(s)", "", detail.lesson_count), detail.lesson_count)
        sections = plural(self.tr("%n section(s)", "", detail.section_count), detail.section_count)
        self.meta.setText(
            join_facts(
                [
                    level_text(detail.difficulty),
                    hours_text(detail.estimated_hours),
                    self.tr("{0}, {1}").format(lessons, sections),
                    compact_learners(detail.enrollment_count, shorten_from=10_000),
                ]
            )
        )
        self._show_average(detail.rating_avg, detail.rating_count)
        self.my_stars.set_value(detail.my_rating)
        self.description.setText(detail.description)
        self._update_buttons()
        self.loaded.emit(detail.id)

    def _show_average(self, avg: float | None, count: int) -> None:
        """An average of one or two votes says little: below MIN_RATINGS_SHOWN only the count shows."""
        shown = avg is not None and count >= MIN_RATINGS_SHOWN
        self.avg_stars.set_value(avg if shown else None)
        if avg is not None and shown:
            ratings = plural(self.tr("%n rating(s)", "", count), count)
            self.avg_label.setText(self.tr("{0} ({1})").format(number_text(avg), ratings))
        elif count:
            self.avg_label.setText(plural(self.tr("%n rating(s) so far", "", count), count))
        else:
            self.avg_label.setText(self.tr("No ratings yet"))
        self.avg_stars.setAccessibleDescription(self.avg_label.text())

    def _set_content(self, content: CourseContent) -> None:
        if content.course_id != self.course_id:
            return
        self.content = content
        self._learner.note_completed(completed_sections(content))
        self.outline.show_content(content)
        self._update_buttons()

    # ---- state ---------------------------------------------------------------------------------

    def enrolled(self) -> bool:
        if self.course_id is None:
            return False
        if self._learner.dashboard is not None or self._learner.in_flight("enroll", self.course_id):
            return self._learner.is_enrolled(self.course_id)
        return self.detail is not None and self.detail.enrollment_status in ("active", "completed")

    def _update_buttons(self) -> None:
        loaded = self.detail is not None
        enrolled = self.enrolled()
        self.enroll_button.setVisible(loaded and not enrolled)
        self.continue_button.setVisible(loaded and enrolled)
        self.unenroll_button.setVisible(loaded and enrolled)
        self.progress.setVisible(loaded and enrolled)
        self.progress_label.setVisible(loaded and enrolled)
        self.my_label.setVisible(loaded and enrolled)
        self.my_stars.setVisible(loaded and enrolled)
        self.progress_row.setVisible(loaded and enrolled)
        if self.course_id is not None and enrolled:
            percent = self._learner.percent(self.course_id) or 0.0
            self.progress.setValue(round(percent))
            self.progress_label.setText(
                self.tr("Completed") if percent >= 100 else self.tr("{0}% complete").format(f"{percent:.0f}")
            )
            self.progress.setAccessibleDescription(self.progress_label.text())
            first = self.first_open_section()
            if percent >= 100:
                text, why = self.tr("Review"), self.tr("Read this finished course again")
            elif percent == 0 and first is not None:
                text, why = self.tr("Start course"), self.tr("Open the first section")
            else:
                text, why = self.tr("Continue"), self.tr("Open the next section you have not finished")
            self.continue_button.setText(text)
            a11y.describe(self.continue_button, text, why)
            self.continue_button.setEnabled(self.content is not None)

    def first_open_section(self) -> int | None:
        return first_open_section(self.content) if self.content is not None else None

    # ---- actions -------------------------------------------------------------------------------

    def _title(self) -> str:
        return self.detail.title if self.detail is not None else ""

    def _enroll(self) -> None:
        if self.course_id is not None:
            self._learner.enroll(self.course_id, self._title())

    def _unenroll(self) -> None:
        if self.course_id is not None:
            self._learner.unenroll(self.course_id, self._title())

    def _continue(self) -> None:
        section = self.first_open_section()
        if section is not None and self.course_id is not None:
            self.openSection.emit(section, self.course_id)

    def _rate(self, stars: int) -> None:
        if self.course_id is None or self.detail is None:
            return
        self._learner.rate(self.course_id, stars, self.detail.my_rating, self._title())

    def _open_section(self, section_id: int) -> None:
        if self.course_id is not None:
            self.openSection.emit(section_id, self.course_id)

    # ---- learner state changes -----------------------------------------------------------------

    def _on_enrollment(self, course_id: int, _enrolled: bool) -> None:
        if course_id == self.course_id:
            self._update_buttons()

    def _on_progress(self, _progress: object) -> None:
        if self.course_id is not None:
            self._update_buttons()

    def _on_rating(self, course_id: int, rating: object) -> None:
        if course_id == self.course_id:
            self.my_stars.set_value(rating if isinstance(rating, int) else None)

    def _on_rating_confirmed(self, course_id: int, result: object) -> None:
        if course_id == self.course_id and isinstance(result, CourseRating) and self.detail is not None:
            self.detail = msgspec.structs.replace(
                self.detail,
                my_rating=result.rating,
                rating_avg=result.rating_avg,
                rating_count=result.rating_count,
            )
            self._show_average(result.rating_avg, result.rating_count)

    def _on_section_completion(self, section_id: int, course_id: int, completed: bool) -> None:
        if course_id != self.course_id or self.content is None:
            return
        self.content = with_completion(self.content, section_id, completed)
        self.outline.show_content(self.content, keep_expanded=True)
        self._update_buttons()
