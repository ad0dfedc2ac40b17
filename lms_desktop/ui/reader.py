"""The section reader: the Markdown body, "Mark complete", and Previous / Next through the course.

The body renders with QTextDocument's Markdown support inside a QTextBrowser, in a column of readable width.
Marking complete is optimistic through `LearnerState` and carries the time spent on the page; "Next" after
the last section goes back to the course.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from lms_desktop.client import LmsClient
from lms_desktop.contract import CourseContent, Section
from lms_desktop.ui import a11y, theme
from lms_desktop.ui.flow_layout import FlowLayout
from lms_desktop.ui.learner import LearnerState, describe_error
from lms_desktop.ui.quiz import QuizView
from lms_desktop.ui.tasks import TaskRunner
from lms_desktop.ui.widgets import heading, muted

READING_WIDTH = 760
TYPE_LABEL = {"text": "Reading", "video": "Video", "quiz": "Quiz", "exercise": "Exercise"}


MIN_SECONDS_TO_REPORT = 5  # a glance on the way to another section is not study time
MAX_SECONDS_PER_VISIT = 30 * 60


class Reader(QWidget):
    back = Signal(int)  # course id
    sectionShown = Signal(int)

    def __init__(
        self, client: LmsClient, runner: TaskRunner, learner: LearnerState, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._runner = runner
        self._learner = learner
        self.section: Section | None = None
        self.content: CourseContent | None = None
        self.course_id: int | None = None
        self.course_title = ""
        self._opened_at = time.monotonic()
        self._build()
        learner.sectionCompletion.connect(self._on_completion)
        learner.enrollmentChanged.connect(lambda *_: self._update_buttons())

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.SPACE_XL, theme.SPACE_L, theme.SPACE_XL, theme.SPACE_L)
        outer.setSpacing(theme.SPACE_M)
        top = QHBoxLayout()
        self.back_button = QPushButton("←  Course", self)
        self.back_button.setObjectName("Secondary")
        self.back_button.clicked.connect(self._back)
        self.crumbs = muted(parent=self)
        top.addWidget(self.back_button)
        top.addSpacing(theme.SPACE_M)
        top.addWidget(self.crumbs, 1)
        outer.addLayout(top)

        column = QVBoxLayout()
        column.setSpacing(theme.SPACE_S)
        self.title = heading("", parent=self)
        self.meta = muted(parent=self)
        self.body = QTextBrowser(self)
        self.body.setObjectName("Reader")
        self.body.setOpenExternalLinks(True)
        font = self.body.font()
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.1)
        self.body.setFont(font)
        self.body.document().setDocumentMargin(theme.SPACE_XL)
        column.addWidget(self.title)
        column.addWidget(self.meta)
        column.addWidget(self.body, 1)
        # quiz sections: the quiz view (lms_desktop/ui/quiz) takes the body's place
        self.quiz = QuizView(self._client, self._runner, self)
        self.quiz.completed.connect(self._quiz_completed)
        self.quiz.hide()
        column.addWidget(self.quiz, 1)
        footer = FlowLayout(spacing=theme.SPACE_S)  # wraps instead of squeezing with large text
        self.prev_button = QPushButton("←  Previous", self)
        self.prev_button.setObjectName("Secondary")
        self.prev_button.clicked.connect(self._previous)
        self.complete_button = QPushButton("Mark complete", self)
        self.complete_button.setObjectName("Primary")
        self.complete_button.clicked.connect(self.mark_complete)
        self.next_button = QPushButton("Next  →", self)
        self.next_button.setObjectName("Secondary")
        self.next_button.clicked.connect(self._next)
        a11y.describe(
            self.back_button, self.tr("Back to the course"), self.tr("Return to the course page (Esc)")
        )
        a11y.describe(self.body, self.tr("Section text"), self.tr("The section you are reading"))
        a11y.describe(
            self.prev_button, self.tr("Previous section"), self.tr("Open the section before this one")
        )
        a11y.describe(
            self.complete_button, self.tr("Mark complete"), self.tr("Record this section as finished")
        )
        a11y.describe(self.next_button, self.tr("Next section"), self.tr("Open the section after this one"))
        footer.addWidget(self.prev_button)
        footer.addWidget(self.complete_button)
        footer.addWidget(self.next_button)
        column.addLayout(footer)
        centered = QHBoxLayout()
        centered.addStretch(1)
        holder = QWidget(self)
        holder.setLayout(column)
        holder.setMaximumWidth(READING_WIDTH + 2 * theme.SPACE_XL)
        centered.addWidget(holder, 100)
        centered.addStretch(1)
        outer.addLayout(centered, 1)

    # ---- loading -------------------------------------------------------------------------------

    def show_section(self, section_id: int, course_id: int, course_title: str = "") -> None:
        if self.section is not None and self.section.id != section_id:
            self.report_time()
        self.course_id = course_id
        if course_title:
            self.course_title = course_title
        self._opened_at = time.monotonic()
        if self.section is None or self.section.id != section_id:
            self.title.setText("Loading…")
            self.meta.clear()
            self.body.clear()
        self._runner.run(
            self._load(section_id), owner=self, key="section", done=self._set_section, error=self._failed
        )
        if self.content is None or self.content.course_id != course_id:
            self.content = None
            self._runner.run(
                self._load_content(course_id),
                owner=self,
                key="content",
                done=self._set_content,
                error=lambda _e: None,
            )
        self._update_buttons()

    async def _load(self, section_id: int) -> Section:
        return (await self._client.section(section_id)).value

    async def _load_content(self, course_id: int) -> CourseContent:
        return (await self._client.content(course_id)).value

    def _failed(self, exc: BaseException) -> None:
        self.title.setText("Section unavailable")
        self.body.setMarkdown(f"Couldn’t load this section: {describe_error(exc)}.")

    def _set_section(self, section: Section) -> None:
        self.section = section
        self.title.setText(section.title)
        self.meta.setText(f"{TYPE_LABEL.get(section.type, section.type)}  ·  {section.duration_minutes} min")
        self.body.setMarkdown(section.body_markdown)
        self._style_code_blocks()
        self.body.setVisible(section.quiz is None)
        self.quiz.setVisible(section.quiz is not None)
        if section.quiz is not None:
            self.quiz.show_section(section)
        self.body.verticalScrollBar().setValue(0)
        self._update_crumbs()
        self._update_buttons()
        self.sectionShown.emit(section.id)

    def _style_code_blocks(self) -> None:
        """Give fenced code a tinted panel; Markdown import marks those blocks but styles them plainly."""
        t = theme.current()
        doc = self.body.document()
        cursor = QTextCursor(doc)
        block = doc.begin()
        panel = QTextBlockFormat()
        panel.setBackground(t.surface_alt)
        panel.setLeftMargin(8)
        panel.setRightMargin(8)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        while block.isValid():
            fmt = block.blockFormat()
            if fmt.hasProperty(QTextFormat.Property.BlockCodeFence) or fmt.nonBreakableLines():
                cursor.setPosition(block.position())
                cursor.mergeBlockFormat(panel)
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
                chars = QTextCharFormat()
                chars.setFontFamilies([mono.family()])
                cursor.mergeCharFormat(chars)
            block = block.next()

    def _set_content(self, content: CourseContent) -> None:
        if content.course_id != self.course_id:
            return
        self.content = content
        self._learner.note_completed(
            [s.id for lesson in content.lessons for s in lesson.sections if s.completed_at is not None]
        )
        self._update_crumbs()
        self._update_buttons()

    def _update_crumbs(self) -> None:
        lesson_title = ""
        position = ""
        if self.content is not None and self.section is not None:
            ordered = [s.id for lesson in self.content.lessons for s in lesson.sections]
            if self.section.id in ordered:
                position = f"Section {ordered.index(self.section.id) + 1} of {len(ordered)}"
            for lesson in self.content.lessons:
                if lesson.id == self.section.lesson_id:
                    lesson_title = lesson.title
        parts = [p for p in (self.course_title, lesson_title, position) if p]
        self.crumbs.setText("  ›  ".join(parts))

    # ---- state ---------------------------------------------------------------------------------

    def is_completed(self) -> bool:
        if self.section is None:
            return False
        if self._learner.in_flight("complete", self.section.id):
            return True
        if self.content is not None:
            for lesson in self.content.lessons:
                for s in lesson.sections:
                    if s.id == self.section.id:
                        return s.completed_at is not None
        return False

    def _update_buttons(self) -> None:
        s = self.section
        self.prev_button.setEnabled(s is not None and s.prev_section_id is not None)
        self.next_button.setText("Next  →" if s is None or s.next_section_id is not None else "Finish  ✓")
        enrolled = self.course_id is not None and self._learner.is_enrolled(self.course_id)
        done = self.is_completed()
        self.complete_button.setEnabled(s is not None and enrolled and not done)
        self.complete_button.setText("Completed  ✓" if done else "Mark complete")
        self.complete_button.setToolTip("" if enrolled else "Enroll in the course to track your progress")
        self.complete_button.setVisible(s is None or s.quiz is None)  # a quiz completes when submitted

    def _quiz_completed(self, section_id: int) -> None:
        if self.course_id is not None:
            self._learner.sectionCompletion.emit(section_id, self.course_id, True)
            self._learner.refresh_dashboard()

    def total_sections(self) -> int:
        if self.content is None:
            return 0
        return sum(len(lesson.sections) for lesson in self.content.lessons)

    # ---- actions -------------------------------------------------------------------------------

    def mark_complete(self) -> None:
        if self.section is None or self.course_id is None:
            return
        spent = self._take_time()
        self._learner.mark_complete(self.section.id, self.course_id, self.total_sections(), time_spent=spent)

    def report_time(self) -> None:
        """Send the time read in the current section (leaving it, or the window closing)."""
        if self.section is not None and self.course_id is not None and not self.is_completed():
            self._learner.record_time(self.section.id, self.course_id, self._take_time())

    def keep_time(self) -> None:
        """The window is closing: the time read so far goes to the outbox, sent by the next sync."""
        if self.section is not None and self.course_id is not None and not self.is_completed():
            self._learner.keep_time(self.section.id, self.course_id, self._take_time())

    def _take_time(self) -> int:
        """Seconds since the section was shown or last reported, capped: a window left open overnight
        is not an evening of study."""
        now = time.monotonic()
        spent, self._opened_at = now - self._opened_at, now
        return round(min(spent, MAX_SECONDS_PER_VISIT)) if spent >= MIN_SECONDS_TO_REPORT else 0

    def _previous(self) -> None:
        if (
            self.section is not None
            and self.section.prev_section_id is not None
            and self.course_id is not None
        ):
            self.show_section(self.section.prev_section_id, self.course_id)

    def _next(self) -> None:
        if self.section is None or self.course_id is None:
            return
        if self.section.next_section_id is not None:
            self.show_section(self.section.next_section_id, self.course_id)
        else:
            self.back.emit(self.course_id)

    def _back(self) -> None:
        self.report_time()
        if self.course_id is not None:
            self.back.emit(self.course_id)

    def _on_completion(self, section_id: int, course_id: int, completed: bool) -> None:
        if course_id != self.course_id or self.content is None:
            self._update_buttons()
            return
        from datetime import UTC, datetime

        import msgspec

        lessons = [
            msgspec.structs.replace(
                lesson,
                sections=[
                    msgspec.structs.replace(s, completed_at=datetime.now(UTC) if completed else None)
                    if s.id == section_id
                    else s
                    for s in lesson.sections
                ],
            )
            for lesson in self.content.lessons
        ]
        self.content = msgspec.structs.replace(self.content, lessons=lessons)
        self._update_buttons()

    def keyPressEvent(self, event: object) -> None:
        from PySide6.QtGui import QKeyEvent

        if isinstance(event, QKeyEvent) and event.modifiers() == Qt.KeyboardModifier.AltModifier:
            if event.key() == Qt.Key.Key_Right:
                self._next()
                return
            if event.key() == Qt.Key.Key_Left:
                self._previous()
                return
        super().keyPressEvent(event)  # type: ignore[arg-type]
