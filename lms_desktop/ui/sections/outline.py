"""The reader's outline: the course's lessons and their sections with completion marks; a click (or Enter)
opens a section. The model holds the outline; the tree view only shows it."""

from __future__ import annotations

import msgspec
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from lms_desktop.contract import CourseContent

SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MIN_WIDTH = 140  # titles wrap; narrower than a quarter of the smallest reader that shows the outline


def with_section(content: CourseContent, section_id: int, **changes: object) -> CourseContent:
    """The outline with one section's entry changed (completion, video position) as the learner acts."""
    lessons = [
        msgspec.structs.replace(
            lesson,
            sections=[
                msgspec.structs.replace(s, **changes) if s.id == section_id else s for s in lesson.sections
            ],
        )
        for lesson in content.lessons
    ]
    return msgspec.structs.replace(content, lessons=lessons)


DONE = "✓"
TODO = "○"


def tr(text: str) -> str:
    return QCoreApplication.translate("OutlinePanel", text)


class OutlineModel(QStandardItemModel):
    def set_content(self, content: CourseContent | None, done: set[int], font: QFont | None = None) -> None:
        """Lessons numbered and in bold, as on the course page; each section with its completion mark."""
        self.clear()
        if content is None:
            return
        root = self.invisibleRootItem()
        bold = QFont(font) if font is not None else QFont()
        bold.setWeight(QFont.Weight.DemiBold)
        for lesson in content.lessons:
            item = QStandardItem(f"{lesson.order}. {lesson.title}")
            item.setFont(bold)
            item.setToolTip(lesson.title)  # a narrow outline elides long titles
            item.setEditable(False)
            item.setSelectable(False)
            for s in lesson.sections:
                complete = s.completed_at is not None or s.id in done
                child = QStandardItem(f"{DONE if complete else TODO}  {s.title}")
                child.setEditable(False)
                child.setToolTip(s.title)
                child.setData(s.id, SECTION_ID_ROLE)
                state = tr("completed") if complete else tr("not completed")
                child.setData(f"{s.title}, {state}", Qt.ItemDataRole.AccessibleTextRole)
                item.appendRow(child)
            root.appendRow(item)

    def index_of(self, section_id: int) -> QModelIndex:
        for row in range(self.rowCount()):
            lesson = self.index(row, 0)
            for child in range(self.rowCount(lesson)):
                index = self.index(child, 0, lesson)
                if index.data(SECTION_ID_ROLE) == section_id:
                    return index
        return QModelIndex()


class OutlinePanel(QTreeView):
    sectionChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Outline")
        self.setAccessibleName(self.tr("Course outline"))
        self.setAccessibleDescription(
            self.tr("Lessons and their sections; press Enter on a section to read it")
        )
        self.model_ = OutlineModel(self)
        self.setModel(self.model_)
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setIndentation(self.fontMetrics().averageCharWidth() * 2)  # narrow: the titles need the room
        self.setMinimumWidth(MIN_WIDTH)
        self.activated.connect(self._chosen)
        self.clicked.connect(self._chosen)

    def set_content(self, content: CourseContent | None, done: set[int], current: int | None) -> None:
        self.model_.set_content(content, done, self.font())
        self.expandAll()
        self.set_current(current)

    def set_current(self, section_id: int | None) -> None:
        if section_id is None:
            return
        index = self.model_.index_of(section_id)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def _chosen(self, index: QModelIndex) -> None:
        sid = index.data(SECTION_ID_ROLE)
        if isinstance(sid, int):
            self.sectionChosen.emit(sid)
