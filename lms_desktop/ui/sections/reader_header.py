"""The reader's header: Back to the course, the outline's toggle, and the breadcrumbs (course › lesson ›
"Section 3 of 12") on their own line, so a long course title wraps at the full width.

Why a widget of its own: the reader arranges the section; where the learner is and the ways out of it are
this header's concern.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from lms_desktop.contract import CourseContent, Section
from lms_desktop.ui import course_sections, theme
from lms_desktop.ui.widgets import muted

SEPARATOR = "  ›  "


class ReaderHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.SPACE_M)
        top = QHBoxLayout()
        self.back_button = QPushButton(self.tr("←  Course"), self)
        self.back_button.setObjectName("Secondary")
        self.back_button.setAccessibleName(self.tr("Back to the course (Esc)"))
        self.back_button.setAccessibleDescription(self.tr("Return to the course page (Esc)"))
        self.outline_button = QPushButton(self.tr("Outline"), self)
        self.outline_button.setObjectName("Secondary")
        self.outline_button.setCheckable(True)
        self.outline_button.setAccessibleName(self.tr("Show or hide the outline (Ctrl+Shift+O)"))
        self.outline_button.setAccessibleDescription(
            self.tr("The course's lessons and sections beside the text")
        )
        top.addWidget(self.back_button)
        top.addWidget(self.outline_button)
        top.addStretch(1)
        column.addLayout(top)
        self.crumbs = muted(parent=self)
        self.crumbs.setWordWrap(True)  # a long course title wraps instead of widening the window
        column.addWidget(self.crumbs)

    def set_place(self, course_title: str, content: CourseContent | None, section: Section | None) -> None:
        """The breadcrumbs: the course, the section's lesson and its place in the course, as known."""
        lesson_title = ""
        position = ""
        if content is not None and section is not None:
            ordered = [s.id for s in course_sections.in_order(content)]
            if section.id in ordered:
                position = self.tr("Section %1 of %2").replace("%1", str(ordered.index(section.id) + 1))
                position = position.replace("%2", str(len(ordered)))
            for lesson in content.lessons:
                if lesson.id == section.lesson_id:
                    lesson_title = lesson.title
        parts = [p for p in (course_title, lesson_title, position) if p]
        self.crumbs.setText(SEPARATOR.join(parts))
