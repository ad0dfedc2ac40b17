"""The reader's two panes: the outline beside the text column, which stays centred in the room left.

Why a splitter of its own: how the room is shared between the outline and the text is its own concern.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QWidget


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
        self.setStretchFactor(1, 1)
        self.setSizes([240, 760])
        self.setChildrenCollapsible(False)
