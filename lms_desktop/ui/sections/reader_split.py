"""The reader's two panes: the outline beside the text column, which stays centred in the room left.

Why a splitter of its own: the outline starts narrow (a quarter of the room at most, and never over
``OUTLINE_MAX_PX``) so the text keeps the room at any window size; once the learner drags the handle, their
width is kept as the window changes size.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QWidget

OUTLINE_MAX_PX = 240
OUTLINE_SHARE = 4  # the outline starts at most 1/4 of the room


class ReaderSplit(QSplitter):
    def __init__(self, outline: QWidget, column: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.outline = outline
        main = QWidget(self)
        centered = QHBoxLayout(main)
        centered.setContentsMargins(0, 0, 0, 0)
        centered.addStretch(1)
        centered.addWidget(column, 100)
        centered.addStretch(1)
        self.addWidget(outline)
        self.addWidget(main)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)
        self.setChildrenCollapsible(False)
        self.dragged = False
        self.splitterMoved.connect(self._on_dragged)

    def starting_width(self) -> int:
        """The outline's width until the learner drags the handle."""
        return min(OUTLINE_MAX_PX, self.width() // OUTLINE_SHARE)

    def fit_outline(self) -> None:
        """Give the outline its starting width (unless the learner chose one, or it is hidden)."""
        if self.dragged or self.outline.isHidden():
            return
        room = sum(self.sizes())
        if room <= 0:
            return
        width = self.starting_width()
        self.setSizes([width, max(0, room - width)])

    def _on_dragged(self, _pos: int, _index: int) -> None:
        self.dragged = True  # only the handle moves it: setSizes() does not emit splitterMoved

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_outline()
