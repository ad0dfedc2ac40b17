"""Small widgets several screens share: a cover image, a star rating, a page header with Back."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from lms_desktop.ui import theme
from lms_desktop.ui.catalog.thumbnails import ThumbnailCache
from lms_desktop.ui.i18n import number_text


class Cover(QWidget):
    """A course cover at a fixed size; repaints itself when the thumbnail cache has it."""

    def __init__(self, thumbnails: ThumbnailCache | None, size: QSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._thumbnails = thumbnails
        self._url: str | None = None
        self._has_course = False
        self.setFixedSize(size)
        if thumbnails is not None:
            thumbnails.ready.connect(self._on_ready)

    def set_image(self, url: str | None) -> None:
        self._url = url
        self._has_course = True
        self.update()

    def clear(self) -> None:
        self._has_course = False
        self._url = None
        self.update()

    def _on_ready(self, url: str) -> None:
        if url == (self._url or ""):
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        t = theme.current()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        path.addRoundedRect(QRectF(self.rect()), theme.RADIUS, theme.RADIUS)
        p.setClipPath(path)
        pixmap = None
        if self._has_course and self._thumbnails is not None:
            pixmap = self._thumbnails.pixmap(self._url, self.size(), self.devicePixelRatioF())
        if pixmap is not None:
            p.drawPixmap(self.rect(), pixmap)
        else:
            p.fillRect(self.rect(), t.skeleton)
        p.end()


def _star(center: QPointF, outer: float) -> QPolygonF:
    import math

    inner = outer * 0.45
    points = []
    for i in range(10):
        r = outer if i % 2 == 0 else inner
        a = -math.pi / 2 + i * math.pi / 5
        points.append(QPointF(center.x() + r * math.cos(a), center.y() + r * math.sin(a)))
    return QPolygonF(points)


class StarRating(QWidget):
    """Five stars; clicking one sets the learner's own rating (hover previews it).

    From the keyboard: Tab to it, then 1-5 rate at once, or Left/Right (Up/Down) choose and Enter or Space
    rates; Esc drops the choice. The accessible description always says the value ("4 of 5 stars").
    """

    rated = Signal(int)
    GAP = 4
    FOCUS_PAD = 3  # room for the focus ring around the stars

    def __init__(self, parent: QWidget | None = None, *, star_size: int = 22, editable: bool = True) -> None:
        super().__init__(parent)
        self._value: float = 0
        self._hover = 0
        self._size = star_size
        self._editable = editable
        self.setMouseTracking(editable)
        pad = self.FOCUS_PAD if editable else 0
        self.setFixedSize(star_size * 5 + self.GAP * 4 + 2 * pad, star_size + 2 + 2 * pad)
        if editable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setToolTip(
                QCoreApplication.translate("StarRating", "Rate this course: click a star, or press 1 to 5")
            )
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setAccessibleName(QCoreApplication.translate("StarRating", "Your rating"))
        else:
            self.setAccessibleName(QCoreApplication.translate("StarRating", "Average rating"))
        self._describe()

    @property
    def value(self) -> float:
        return self._value

    def set_value(self, value: float | None) -> None:
        self._value = value or 0
        self._hover = 0
        self._describe()
        self.update()

    def _describe(self) -> None:
        if not self._value:
            text = (
                QCoreApplication.translate("StarRating", "Not rated yet")
                if self._editable
                else QCoreApplication.translate("StarRating", "No ratings yet")
            )
        else:
            text = QCoreApplication.translate("StarRating", "{0} of 5 stars").format(
                number_text(self._value, trim=True)
            )
        if self._editable:
            text += ". " + QCoreApplication.translate("StarRating", "Press 1 to 5 to rate.")
        self.setAccessibleDescription(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._editable:
            super().keyPressEvent(event)
            return
        key = event.key()
        current = self._hover or round(self._value)
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_5:
            self._hover = 0
            self.rated.emit(key - Qt.Key.Key_0)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Up):
            step = (
                -1
                if self.layoutDirection() == Qt.LayoutDirection.RightToLeft and key == Qt.Key.Key_Right
                else 1
            )
            self._hover = max(1, min(5, current + step))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Down):
            step = (
                1
                if self.layoutDirection() == Qt.LayoutDirection.RightToLeft and key == Qt.Key.Key_Left
                else -1
            )
            self._hover = max(1, min(5, current + step))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._hover:
            chosen, self._hover = self._hover, 0
            self.rated.emit(chosen)
        elif key == Qt.Key.Key_Escape and self._hover:
            self._hover = 0
        else:
            super().keyPressEvent(event)
            return
        if self._hover:
            self.setAccessibleDescription(
                QCoreApplication.translate("StarRating", "{0} of 5 stars: press Enter to rate").format(
                    self._hover
                )
            )
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._hover = 0
        self._describe()
        self.update()
        super().focusOutEvent(event)

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self.setMouseTracking(editable)
        self.setCursor(Qt.CursorShape.PointingHandCursor if editable else Qt.CursorShape.ArrowCursor)
        self._hover = 0
        self.update()

    def _star_at(self, x: float) -> int:
        pad = self.FOCUS_PAD if self._editable else 0
        index = int((x - pad) // (self._size + self.GAP))
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            index = 4 - index
        return max(1, min(5, index + 1))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._editable:
            self._hover = self._star_at(event.position().x())
            self.update()

    def leaveEvent(self, _event: object) -> None:
        self._hover = 0
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._editable and event.button() == Qt.MouseButton.LeftButton:
            self.rated.emit(self._star_at(event.position().x()))

    def paintEvent(self, event: QPaintEvent) -> None:
        t = theme.current()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        shown = self._hover or self._value
        half = self._size / 2
        pad = self.FOCUS_PAD if self._editable else 0
        if self.hasFocus():
            p.setPen(QPen(theme.focus_color(t), 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 4, 4)
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        for i in range(5):
            slot = 4 - i if rtl else i
            center = QPointF(pad + slot * (self._size + self.GAP) + half, pad + half + 1)
            poly = _star(center, half)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(t.skeleton if not t.dark else t.border)
            p.drawPolygon(poly)
            fill = max(0.0, min(1.0, shown - i))
            if fill > 0:
                p.save()
                left = center.x() + half - self._size * fill if rtl else center.x() - half
                p.setClipRect(QRectF(left, 0, self._size * fill, self.height()))
                p.setBrush(t.star)
                p.drawPolygon(poly)
                p.restore()
        p.end()


class RowLabel(QLabel):
    """A word-wrapped status line: it keeps its minimum height in step with its wrapped text (a horizontal
    layout does not ask a label how tall it is at the width it got), and takes no room while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setVisible(False)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        needed = self.heightForWidth(self.width()) if self.text() else 0
        if needed != self.minimumHeight():
            self.setMinimumHeight(needed)


def heading(text: str, object_name: str = "PageTitle", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def muted(text: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("Muted")
    label.setWordWrap(True)
    return label
