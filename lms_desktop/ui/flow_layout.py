"""A layout that places its items left to right and wraps to a new line when the width runs out.

Buttons and short facts in a row (Enroll, Unenroll, Make available offline; stars and their label) must
never be squeezed below their size hint or cut: in a narrow window or with large text they wrap instead.
Adapted from Qt's Flow Layout example; right-to-left languages flow from the right.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, *, spacing: int = 8, line_spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._line_spacing = line_spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def insertWidget(self, index: int, widget: QWidget) -> None:
        self.addChildWidget(widget)
        from PySide6.QtWidgets import QWidgetItem

        self._items.insert(max(0, min(index, len(self._items))), QWidgetItem(widget))
        self.invalidate()

    def indexOf(self, widget: QWidget) -> int:  # type: ignore[override]
        for i, item in enumerate(self._items):
            if item.widget() is widget:
                return i
        return -1

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, apply=True)

    def sizeHint(self) -> QSize:
        """One line: every visible item side by side."""
        visible = [i for i in self._items if not i.isEmpty()]
        width = sum(i.sizeHint().width() for i in visible) + self._spacing * max(0, len(visible) - 1)
        height = max((i.sizeHint().height() for i in visible), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        """The widest single item: anything wider wraps."""
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize()).expandedTo(
                    QSize(item.sizeHint().width(), item.minimumSize().height())
                )
        m: QMargins = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _place(self, rect: QRect, *, apply: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        rtl = self.parentWidget() is not None and self.parentWidget().layoutDirection() == (  # type: ignore[union-attr]
            Qt.LayoutDirection.RightToLeft
        )
        x, y, line_height = area.x(), area.y(), 0
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if lines[-1] and x + hint.width() > area.right() + 1:
                x = area.x()
                y += line_height + self._line_spacing
                line_height = 0
                lines.append([])
            lines[-1].append((item, hint))
            if apply:
                width = min(hint.width(), area.width())
                left = x if not rtl else area.right() + 1 - (x - area.x()) - width
                item.setGeometry(QRect(QPoint(left, y), QSize(width, hint.height())))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        if apply:  # centre each item vertically in its line
            top = area.y()
            for line in lines:
                height = max((h.height() for _i, h in line), default=0)
                for item, hint in line:
                    g = item.geometry()
                    item.setGeometry(QRect(g.x(), top + (height - hint.height()) // 2, g.width(), g.height()))
                top += height + self._line_spacing
        return y + line_height - rect.y() + m.bottom()
