"""A course's lessons and sections as a tree with completion marks; Enter (or a double click) opens one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from lms_desktop.contract import CourseContent, SectionOutline
from lms_desktop.ui import a11y, theme
from lms_desktop.ui.catalog.card_text import join_facts
from lms_desktop.ui.quiz import texts as quiz_texts
from lms_desktop.ui.sections.formats import type_label

SECTION_ROLE = int(Qt.ItemDataRole.UserRole) + 1


class CourseOutline(QTreeWidget):
    sectionActivated = Signal(int)  # section id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Outline")
        self.setColumnCount(3)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setIndentation(18)
        self.setUniformRowHeights(True)
        a11y.describe(
            self,
            self.tr("Course content"),
            self.tr("Lessons and their sections; press Enter on a section to read it"),
        )
        self.itemActivated.connect(self._on_item_activated)

    def show_content(self, content: CourseContent | None, *, keep_expanded: bool = False) -> None:
        """Fill the tree; the first lesson not finished opens (or the lessons open before, if kept)."""
        expanded = (
            {i for i in range(self.topLevelItemCount()) if (it := self.topLevelItem(i)) and it.isExpanded()}
            if keep_expanded
            else set()
        )
        t = theme.current()
        self.clear()
        if content is None:
            return
        bold = QFont(self.font())
        bold.setWeight(QFont.Weight.DemiBold)
        first_open: QTreeWidgetItem | None = None
        for lesson in content.lessons:
            done = sum(1 for s in lesson.sections if s.completed_at is not None)
            top = QTreeWidgetItem([f"{lesson.order}. {lesson.title}", f"{done}/{len(lesson.sections)}", ""])
            top.setFont(0, bold)
            top.setForeground(1, QBrush(t.success if done == len(lesson.sections) else t.text_muted))
            top.setData(
                0,
                Qt.ItemDataRole.AccessibleTextRole,
                self.tr("Lesson {0}: {1}, {2} of {3} sections done").format(
                    lesson.order, lesson.title, done, len(lesson.sections)
                ),
            )
            for section in lesson.sections:
                child = QTreeWidgetItem(["", "", ""])
                child.setData(0, SECTION_ROLE, section.id)
                self._paint_section(child, section, section.completed_at is not None)
                top.addChild(child)
            self.addTopLevelItem(top)
            if first_open is None and done < len(lesson.sections):
                first_open = top
        if expanded:
            for i in expanded:
                item = self.topLevelItem(i)
                if item is not None:
                    item.setExpanded(True)
        else:
            (first_open or self.topLevelItem(0) or QTreeWidgetItem()).setExpanded(True)
        self.resizeColumnToContents(1)
        self.resizeColumnToContents(2)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, self.header().ResizeMode.Stretch)

    def _paint_section(self, item: QTreeWidgetItem, section: SectionOutline, completed: bool) -> None:
        t = theme.current()
        mark = "✓" if completed else "○"
        item.setText(0, f"{mark}   {section.title}")
        best = quiz_texts.best_score(section.best_score, section.max_score)  # quizzes, once attempted
        item.setText(1, join_facts([type_label(section.type), best]))  # the words the reader uses
        item.setText(2, self.tr("{0} min").format(section.duration_minutes))
        state = self.tr("completed") if completed else self.tr("not completed")
        item.setData(
            0,
            Qt.ItemDataRole.AccessibleTextRole,
            join_facts([section.title, item.text(1), item.text(2), state], ", "),
        )
        item.setForeground(0, QBrush(t.success if completed else t.text))
        item.setForeground(1, QBrush(t.text_muted))
        item.setForeground(2, QBrush(t.text_muted))
        item.setData(0, SECTION_ROLE + 1, completed)

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        section_id = item.data(0, SECTION_ROLE)
        if isinstance(section_id, int):
            self.sectionActivated.emit(section_id)
