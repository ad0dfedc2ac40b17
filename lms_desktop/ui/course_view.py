"""One course: cover, meta, ratings (average and the learner's own), Enroll / Continue / Unenroll, and the
lessons and sections as a tree with completion marks.

Meta and content load in parallel and paint from cache first. Everything the learner changes goes through
`LearnerState`, so the buttons, marks and percent here move together with the catalog and the dashboard.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lms_desktop.client import LmsClient
from lms_desktop.contract import CourseContent, CourseDetail, CourseRating, SectionOutline
from lms_desktop.ui import theme
from lms_desktop.ui.catalog.delegate import compact_count, hours_text
from lms_desktop.ui.catalog.thumbnails import ThumbnailCache
from lms_desktop.ui.learner import LearnerState, describe_error
from lms_desktop.ui.quiz import texts as quiz_texts
from lms_desktop.ui.tasks import TaskRunner
from lms_desktop.ui.widgets import Cover, StarRating, heading, muted

COVER = QSize(352, 198)
SECTION_ROLE = int(Qt.ItemDataRole.UserRole) + 1
TYPE_LABEL = {"text": "Reading", "video": "Video", "quiz": "Quiz", "exercise": "Exercise"}


class CourseView(QWidget):
    back = Signal()
    openSection = Signal(int, int)  # section id, course id

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
        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.SPACE_XL, theme.SPACE_L, theme.SPACE_XL, theme.SPACE_L)
        outer.setSpacing(theme.SPACE_L)
        self.back_button = QPushButton("←  Back", self)
        self.back_button.setObjectName("Secondary")
        self.back_button.clicked.connect(self.back)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        outer.addLayout(top)

        header = QHBoxLayout()
        header.setSpacing(theme.SPACE_XL)
        self.cover = Cover(thumbnails, COVER, self)
        header.addWidget(self.cover, 0, Qt.AlignmentFlag.AlignTop)
        info = QVBoxLayout()
        info.setSpacing(theme.SPACE_S)
        self.title = heading("", parent=self)
        self.meta = muted(parent=self)
        rating_row = QHBoxLayout()
        rating_row.setSpacing(theme.SPACE_S)
        self.avg_stars = StarRating(self, star_size=16, editable=False)
        self.avg_label = muted(parent=self)
        rating_row.addWidget(self.avg_stars)
        rating_row.addWidget(self.avg_label)
        rating_row.addSpacing(theme.SPACE_XL)
        self.my_label = QLabel("Your rating", self)
        self.my_stars = StarRating(self, star_size=20, editable=True)
        self.my_stars.rated.connect(self._rate)
        rating_row.addWidget(self.my_label)
        rating_row.addWidget(self.my_stars)
        rating_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.setSpacing(theme.SPACE_S)
        self.enroll_button = QPushButton("Enroll", self)
        self.enroll_button.setObjectName("Primary")
        self.enroll_button.clicked.connect(self._enroll)
        self.continue_button = QPushButton("Continue learning", self)
        self.continue_button.setObjectName("Primary")
        self.continue_button.clicked.connect(self._continue)
        self.unenroll_button = QPushButton("Unenroll", self)
        self.unenroll_button.setObjectName("Secondary")
        self.unenroll_button.clicked.connect(self._unenroll)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.progress.setFixedWidth(160)
        self.progress_label = muted(parent=self)
        for w in (self.enroll_button, self.continue_button, self.unenroll_button):
            buttons.addWidget(w)
        buttons.addSpacing(theme.SPACE_M)
        buttons.addWidget(self.progress)
        buttons.addWidget(self.progress_label)
        buttons.addStretch(1)
        info.addWidget(self.title)
        info.addWidget(self.meta)
        info.addLayout(rating_row)
        info.addSpacing(theme.SPACE_S)
        info.addLayout(buttons)
        info.addStretch(1)
        header.addLayout(info, 1)
        outer.addLayout(header)

        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        outer.addWidget(self.description)

        outer.addWidget(heading("Course content", "SectionTitle", self))
        self.outline = QTreeWidget(self)
        self.outline.setObjectName("Outline")
        self.outline.setColumnCount(3)
        self.outline.setHeaderHidden(True)
        self.outline.setRootIsDecorated(True)
        self.outline.setIndentation(18)
        self.outline.setUniformRowHeights(True)
        self.outline.itemActivated.connect(self._on_item_activated)
        self.outline.itemDoubleClicked.connect(self._on_item_activated)
        outer.addWidget(self.outline, 1)
        self.error = muted(parent=self)
        outer.addWidget(self.error)
        self.error.hide()

    # ---- loading -------------------------------------------------------------------------------

    def show_course(self, course_id: int) -> None:
        same = course_id == self.course_id
        self.course_id = course_id
        if not same:
            self.detail = None
            self.content = None
            self.title.setText("Loading…")
            self.meta.clear()
            self.description.clear()
            self.outline.clear()
            self.cover.clear()
            self._update_buttons()
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

    async def _load_detail(self, course_id: int) -> CourseDetail:
        return (await self._client.course(course_id, swr=False)).value

    async def _load_content(self, course_id: int) -> CourseContent:
        return (await self._client.content(course_id, swr=False)).value

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(f"Couldn’t load this course: {describe_error(exc)}.")
        self.error.show()
        if self.detail is None:
            self.title.setText("Course unavailable")

    def _set_detail(self, detail: CourseDetail) -> None:
        if detail.id != self.course_id:
            return
        self.detail = detail
        self.title.setText(detail.title)
        self.cover.set_image(detail.image_url)
        self.meta.setText(
            f"{detail.difficulty.capitalize()}  ·  {hours_text(detail.estimated_hours)}  ·  "
            f"{detail.lesson_count} lessons, {detail.section_count} sections  ·  "
            f"{compact_count(detail.enrollment_count)} learners"
        )
        self._show_average(detail.rating_avg, detail.rating_count)
        self.my_stars.set_value(detail.my_rating)
        self.description.setText(detail.description)
        self._update_buttons()

    def _show_average(self, avg: float | None, count: int) -> None:
        self.avg_stars.set_value(avg)
        self.avg_label.setText(
            f"{avg:.1f} ({count:,} rating{'s' * (count != 1)})"
            if avg is not None and count
            else "No ratings yet"
        )

    def _set_content(self, content: CourseContent) -> None:
        if content.course_id != self.course_id:
            return
        self.content = content
        self._learner.note_completed(
            [s.id for lesson in content.lessons for s in lesson.sections if s.completed_at is not None]
        )
        self._fill_outline()
        self._update_buttons()

    def _fill_outline(self) -> None:
        t = theme.current()
        self.outline.clear()
        if self.content is None:
            return
        bold = QFont(self.outline.font())
        bold.setWeight(QFont.Weight.DemiBold)
        first_open: QTreeWidgetItem | None = None
        for lesson in self.content.lessons:
            done = sum(1 for s in lesson.sections if s.completed_at is not None)
            top = QTreeWidgetItem([f"{lesson.order}. {lesson.title}", f"{done}/{len(lesson.sections)}", ""])
            top.setFont(0, bold)
            top.setForeground(1, QBrush(t.success if done == len(lesson.sections) else t.text_muted))
            for section in lesson.sections:
                child = QTreeWidgetItem(["", "", ""])
                child.setData(0, SECTION_ROLE, section.id)
                self._paint_section(child, section, section.completed_at is not None)
                top.addChild(child)
            self.outline.addTopLevelItem(top)
            if first_open is None and done < len(lesson.sections):
                first_open = top
        (first_open or self.outline.topLevelItem(0) or QTreeWidgetItem()).setExpanded(True)
        self.outline.resizeColumnToContents(1)
        self.outline.resizeColumnToContents(2)
        self.outline.header().setStretchLastSection(False)
        self.outline.header().setSectionResizeMode(0, self.outline.header().ResizeMode.Stretch)

    def _paint_section(self, item: QTreeWidgetItem, section: SectionOutline, completed: bool) -> None:
        t = theme.current()
        mark = "✓" if completed else "○"
        item.setText(0, f"{mark}   {section.title}")
        best = quiz_texts.best_score(section.best_score, section.max_score)  # quizzes, once attempted
        item.setText(1, "  ·  ".join(p for p in (TYPE_LABEL.get(section.type, section.type), best) if p))
        item.setText(2, f"{section.duration_minutes} min")
        item.setForeground(0, QBrush(t.success if completed else t.text))
        item.setForeground(1, QBrush(t.text_muted))
        item.setForeground(2, QBrush(t.text_muted))
        item.setData(0, SECTION_ROLE + 1, completed)

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
        if self.course_id is not None and enrolled:
            percent = self._learner.percent(self.course_id) or 0.0
            self.progress.setValue(round(percent))
            self.progress_label.setText(f"{percent:.0f}% complete")
            first = self.first_open_section()
            self.continue_button.setText("Start course" if percent == 0 and first is not None else "Continue")
            self.continue_button.setEnabled(self.content is not None)

    def first_open_section(self) -> int | None:
        if self.content is None:
            return None
        sections = [s for lesson in self.content.lessons for s in lesson.sections]
        for s in sections:
            if s.completed_at is None:
                return s.id
        return sections[0].id if sections else None

    def total_sections(self) -> int:
        if self.content is None:
            return self.detail.section_count if self.detail is not None else 0
        return sum(len(lesson.sections) for lesson in self.content.lessons)

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

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        section_id = item.data(0, SECTION_ROLE)
        if isinstance(section_id, int) and self.course_id is not None:
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
            import msgspec

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
        from datetime import UTC, datetime

        import msgspec

        lessons = []
        for lesson in self.content.lessons:
            sections = [
                msgspec.structs.replace(s, completed_at=(datetime.now(UTC) if completed else None))
                if s.id == section_id
                else s
                for s in lesson.sections
            ]
            lessons.append(msgspec.structs.replace(lesson, sections=sections))
        self.content = msgspec.structs.replace(self.content, lessons=lessons)
        expanded = {
            i
            for i in range(self.outline.topLevelItemCount())
            if (it := self.outline.topLevelItem(i)) and it.isExpanded()
        }
        self._fill_outline()
        for i in expanded:
            item = self.outline.topLevelItem(i)
            if item is not None:
                item.setExpanded(True)
        self._update_buttons()
