"""Small widgets several screens share: a cover image, a star rating, a page header with Back."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPolygonF
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from lms_desktop.ui import theme
from lms_desktop.ui.catalog.thumbnails import ThumbnailCache


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
    """Five stars; clicking one sets the learner's own rating (hover previews it)."""

    rated = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, star_size: int = 22, editable: bool = True) -> None:
        super().__init__(parent)
        self._value: float = 0
        self._hover = 0
        self._size = star_size
        self._editable = editable
        self.setMouseTracking(editable)
        self.setFixedSize(star_size * 5 + 4 * 4, star_size)
        if editable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setToolTip("Rate this course")

    @property
    def value(self) -> float:
        return self._value

    def set_value(self, value: float | None) -> None:
        self._value = value or 0
        self.update()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self.setMouseTracking(editable)
        self.setCursor(Qt.CursorShape.PointingHandCursor if editable else Qt.CursorShape.ArrowCursor)
        self._hover = 0
        self.update()

    def _star_at(self, x: float) -> int:
        return max(1, min(5, int(x // (self._size + 4)) + 1))

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
        for i in range(5):
            center = QPointF(i * (self._size + 4) + half, half + 1)
            poly = _star(center, half)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(t.skeleton if not t.dark else t.border)
            p.drawPolygon(poly)
            fill = max(0.0, min(1.0, shown - i))
            if fill > 0:
                p.save()
                p.setClipRect(QRectF(center.x() - half, 0, self._size * fill, self._size))
                p.setBrush(t.star)
                p.drawPolygon(poly)
                p.restore()
        p.end()


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
