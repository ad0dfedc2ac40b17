"""Search while the server cannot be reached: the learner's downloaded courses, searched on this computer.

Shown in place of the catalog's results while offline with words in the search box; says what it searches
("Searching your downloaded courses"); a result opens its section with the words highlighted.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QListView, QVBoxLayout, QWidget

from lms_desktop.client import LmsClient
from lms_desktop.client.offline.search_index import OfflineHit
from lms_desktop.ui.offline_hit_delegate import HIT_ROLE, OfflineHitDelegate, place, plain_snippet
from lms_desktop.ui.widgets import muted


class OfflineResultsModel(QStandardItemModel):
    def set_hits(self, hits: list[OfflineHit]) -> None:
        self.clear()
        for hit in hits:
            where, snippet = place(hit), plain_snippet(hit)
            item = QStandardItem(f"{where}\n{snippet}")
            item.setEditable(False)
            item.setData(hit, HIT_ROLE)
            item.setData(f"{where}. {snippet}", Qt.ItemDataRole.AccessibleTextRole)
            self.appendRow(item)


class OfflineSearchPanel(QWidget):
    openSection = Signal(int, int, str)  # section id, course id, the words to highlight
    openCourse = Signal(int)
    counted = Signal(int)  # results shown (the search bar's count)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        self.banner = QLabel(self.tr("Searching your downloaded courses"), self)
        self.banner.setObjectName("SectionTitle")
        self.banner.setAccessibleName(self.banner.text())
        self.banner.setWordWrap(True)  # a narrow window or large text: the whole sentence, on two lines
        self.empty = muted(parent=self)
        self.empty.setWordWrap(True)
        self.list = QListView(self)
        self.list.setAccessibleName(self.tr("Results in your downloaded courses"))
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setSpacing(4)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)  # rows re-wrap when the window is resized
        self.list.setItemDelegate(OfflineHitDelegate(self.list))
        self.model = OfflineResultsModel(self)
        self.list.setModel(self.model)
        self.list.activated.connect(self._open)
        self.list.clicked.connect(self._open)
        layout.addWidget(self.banner)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        self.query = ""

    def show_results(self, query: str, hits: list[OfflineHit]) -> None:
        self.query = query
        self.model.set_hits(hits)
        self.empty.setText(
            "" if hits else self.tr("Nothing in your downloaded courses matches “%1”.").replace("%1", query)
        )
        self.empty.setVisible(not hits)
        self.counted.emit(len(hits))

    def _open(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if not isinstance(hit, OfflineHit):
            return
        if hit.section_id is None:
            self.openCourse.emit(hit.course_id)
        else:
            self.openSection.emit(hit.section_id, hit.course_id, self.query)


def offline_searcher(client: LmsClient) -> Callable[[str], list[OfflineHit]] | None:
    """A function searching this learner's downloads, or None for a client that keeps none."""
    if client.offline is None:
        return None
    index = client.offline.search_index

    def search(query: str) -> list[OfflineHit]:
        return index.search(client.partition, query)

    return search
