"""The catalog's QListView (list and grid modes) and the empty / error / loading states laid over it.

Configured for size: uniform item sizes (one sizeHint for all rows) and the Batched layout mode, so a reset to
100,000 rows lays out the first batch, paints, and finishes the layout in later event-loop turns instead of
blocking until every row is placed (tests/benchmarks/bench_catalog_view.py measures it). After each
scroll or resize the view tells the model which rows are on screen (plus a page ahead) and warms the covers of
the rows just below.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QPainter, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lms_desktop.ui import theme
from lms_desktop.ui.catalog.delegate import GRID_CARD, MARGIN, CourseCardDelegate, ViewMode
from lms_desktop.ui.catalog.model import PAGE_SIZE, CatalogModel
from lms_desktop.ui.catalog.thumbnails import ThumbnailCache

LAYOUT_BATCH = 250  # rows laid out per event-loop turn: the first batch is what a new result waits for
PREFETCH_ROWS = 12


def _state_icon(kind: str, dpr: float) -> QPixmap:
    """A calm line icon for the empty (magnifier) and error (cloud with a slash) states."""
    t = theme.current()
    size = 56
    pixmap = QPixmap(round(size * dpr), round(size * dpr))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(t.text_muted if kind == "search" else t.warning, 3.5)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    if kind == "search":
        p.drawEllipse(QRectF(10, 8, 28, 28))
        p.drawLine(QPointF(34, 32), QPointF(46, 44))
    else:
        p.drawEllipse(QRectF(8, 8, 40, 40))
        p.drawLine(QPointF(28, 18), QPointF(28, 31))
        p.drawPoint(QPointF(28, 39))
    p.end()
    return pixmap


class StateOverlay(QFrame):
    """Centered message over the list: empty result, error with Retry."""

    retry = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("StateOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.setSpacing(10)
        self.glyph = QLabel(self)
        self.glyph.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.glyph.setObjectName("StateGlyph")
        self.title = QLabel(self)
        self.title.setObjectName("StateTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QLabel(self)
        self.body.setObjectName("Muted")
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.setWordWrap(True)
        self.body.setFixedWidth(440)
        self.button = QPushButton(self.tr("Retry"), self)
        self.button.setAccessibleDescription(self.tr("Ask the server for the catalog again"))
        self.button.setObjectName("Primary")
        self.button.clicked.connect(self.retry)
        layout.addWidget(self.glyph)
        layout.addWidget(self.title)
        layout.addWidget(self.body, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignCenter)
        self.hide()

    def show_empty(self, query_text: str) -> None:
        self.glyph.setPixmap(_state_icon("search", self.devicePixelRatioF()))
        self.title.setText(self.tr("No courses found"))
        self.body.setText(
            self.tr("Nothing matches “{0}”. Try fewer words or other filters.").format(query_text)
            if query_text
            else self.tr("No courses match these filters. Try a different level or length.")
        )
        self.button.hide()
        self._show()

    def show_error(self, message: str) -> None:
        self.glyph.setPixmap(_state_icon("error", self.devicePixelRatioF()))
        self.title.setText(self.tr("Couldn’t load the catalog"))
        self.body.setText(message or self.tr("The server did not answer."))
        self.button.show()
        self._show()

    def _show(self) -> None:
        self.show()
        self.raise_()
        parent = self.parentWidget()
        if parent is not None:
            self.resize(parent.size())


class CatalogView(QListView):
    courseActivated = Signal(int)

    def __init__(
        self, model: CatalogModel, thumbnails: ThumbnailCache | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("CatalogView")
        self._model = model
        self._thumbnails = thumbnails
        self._delegate = CourseCardDelegate(thumbnails, self)
        self._delegate.set_base_font(self.font())
        self.setAccessibleName(self.tr("Courses"))
        self.setAccessibleDescription(
            self.tr("The courses found; arrow keys move between them, Enter opens one")
        )
        self._keep_row = -1
        self._visible_timer = QTimer(self)
        self._visible_timer.setSingleShot(True)
        self._visible_timer.setInterval(0)
        self._visible_timer.timeout.connect(self._request_visible)
        self.setModel(model)
        self.setItemDelegate(self._delegate)
        self.setUniformItemSizes(True)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(LAYOUT_BATCH)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        self.setSpacing(0)
        self.viewport().setAutoFillBackground(True)
        self.overlay = StateOverlay(self.viewport())
        self.overlay.retry.connect(model.retry)
        self.verticalScrollBar().valueChanged.connect(self._schedule_visible)
        model.modelReset.connect(self._schedule_visible)
        model.statusChanged.connect(self._on_status)
        self.clicked.connect(self._on_activated)
        self.activated.connect(self._on_activated)
        if thumbnails is not None:
            thumbnails.ready.connect(self._on_cover_ready)
        self.set_mode("list")

    @property
    def mode(self) -> ViewMode:
        return self._delegate.mode

    @property
    def delegate(self) -> CourseCardDelegate:
        return self._delegate

    def set_mode(self, mode: ViewMode) -> None:
        """Both modes lay cards out in IconMode: a list is a grid of one column of full-width cards.

        With the Batched layout, IconMode paints the first cards after the first batch, while ListMode
        paints nothing until every row is laid out (tests/benchmarks/bench_catalog_view.py compares them).
        The first course on screen stays on screen across the switch.
        """
        if mode == self._delegate.mode and self.gridSize().isValid():
            return
        first = self.visible_rows()[0] if self._model.rowCount() and self.isVisible() else -1
        self._delegate.mode = mode
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self._fit_grid()
        self.setUniformItemSizes(True)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.scheduleDelayedItemsLayout()
        self._schedule_visible()
        if first > 0:
            self._keep_row = first
            QTimer.singleShot(0, self, self._scroll_to_kept)  # dropped if the view goes first

    def _scroll_to_kept(self) -> None:
        row, self._keep_row = self._keep_row, -1
        if 0 <= row < self._model.rowCount():
            self.executeDelayedItemsLayout()
            self.scrollTo(self._model.index(row), QAbstractItemView.ScrollHint.PositionAtTop)
            self._schedule_visible()

    def visible_rows(self) -> tuple[int, int]:
        """First and last row on screen (-1, -1 when empty)."""
        if self._model.rowCount() == 0:
            return -1, -1
        vp = self.viewport().rect()
        first = self.indexAt(QPoint(vp.left() + MARGIN + 1, vp.top() + MARGIN + 1))
        right = (
            min(vp.right(), self._columns() * self.gridSize().width())
            if self.gridSize().isValid()
            else vp.right()
        )
        last = self.indexAt(QPoint(right - MARGIN - 1, vp.bottom() - MARGIN - 1))
        first_row = first.row() if first.isValid() else 0
        if last.isValid():
            last_row = last.row()
        else:
            per_screen = max(
                1, vp.height() // max(1, self._delegate.sizeHint(self.viewOptions(), first).height())
            )
            columns = self._columns()
            last_row = min(self._model.rowCount() - 1, first_row + (per_screen + 1) * columns)
        return first_row, last_row

    def viewOptions(self):  # type: ignore[no-untyped-def]
        from PySide6.QtWidgets import QStyleOptionViewItem

        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        return option

    def dataChanged(
        self,
        topLeft: QModelIndex | QPersistentModelIndex,
        bottomRight: QModelIndex | QPersistentModelIndex,
        roles: Sequence[int] = (),
    ) -> None:
        """Repaint changed cards without QListView's relayout.

        QListView (6.12) answers every dataChanged with a delayed full relayout: O(rows) in SinglePass mode
        and, in Batched mode, a restart from row 0 that throws a deep
        scroll position back to the end of the first batch. Cards have one uniform, fixed size, so a change of
        data never moves anything: the base QAbstractItemView behaviour (repaint, update editors) is enough.
        """
        QAbstractItemView.dataChanged(self, topLeft, bottomRight, list(roles))

    # ---- events --------------------------------------------------------------------------------

    def changeEvent(self, e: QEvent) -> None:
        """Larger or smaller text (View > Zoom): cards take the new font's height."""
        super().changeEvent(e)
        if e.type() == QEvent.Type.FontChange:
            self._delegate.set_base_font(self.font())
            self._fit_grid()
            self.scheduleDelayedItemsLayout()

    def focusInEvent(self, e: QFocusEvent) -> None:
        """Tabbing in shows where the keyboard is: the first card on screen becomes current."""
        super().focusInEvent(e)
        if not self.currentIndex().isValid() and self._model.rowCount() > 0:
            first, _last = self.visible_rows()
            index = self._model.index(max(0, first))
            self.selectionModel().setCurrentIndex(index, self.selectionModel().SelectionFlag.ClearAndSelect)

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        self._fit_grid()
        self.overlay.resize(self.viewport().size())
        self._schedule_visible()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        self._schedule_visible()

    # ---- internals -----------------------------------------------------------------------------

    def _columns(self) -> int:
        if self._delegate.mode != "grid":
            return 1
        return max(1, self.viewport().width() // max(1, self.gridSize().width()))

    def _fit_grid(self) -> None:
        """Spread the tiles over the full width: as many columns as fit, each a little wider."""
        # Leave room for the scroll bar and rounding: IconMode wraps as soon as a row is 1 px too wide.
        width = max(
            GRID_CARD.width(), self.viewport().width() - self.verticalScrollBar().sizeHint().width() - 4
        )
        if self._delegate.mode == "list":
            self._delegate.list_width = width
            card = QSize(width, self._delegate.list_row_height())
            if self.gridSize() != card:
                self.setGridSize(card)
            return
        columns = max(1, width // GRID_CARD.width())
        card = self._delegate.grid_card_for_width(width // columns)
        self._delegate.grid_card = card
        if self.gridSize() != card:
            self.setGridSize(card)

    def _schedule_visible(self, *_: object) -> None:
        if not self._visible_timer.isActive():
            self._visible_timer.start()

    def _request_visible(self) -> None:
        if not self.isVisible():
            return  # a closed window asks for nothing (and its runner may be gone)
        first, last = self.visible_rows()
        if first < 0:
            return
        ahead = last + max(PREFETCH_ROWS, self._columns() * 3)
        self._model.request_rows(first, min(ahead, first + 2 * PAGE_SIZE))
        if self._thumbnails is not None:
            urls = []
            for row in range(last + 1, min(self._model.rowCount(), ahead + 1)):
                course = self._model.course_at(row)
                if course is not None:
                    urls.append(course.image_url)
            if urls:
                self._thumbnails.prefetch(urls, self._delegate.thumb_size(), self.devicePixelRatioF())

    def _on_cover_ready(self, _url: str) -> None:
        self.viewport().update()

    def _on_status(self, status: str) -> None:
        # An empty or failed result has no card to focus: Tab goes past the list (to Retry, if shown).
        self.setFocusPolicy(
            Qt.FocusPolicy.StrongFocus if status in ("ready", "loading") else Qt.FocusPolicy.NoFocus
        )
        if status == "empty":
            query = self._model.query
            self.overlay.show_empty(getattr(query, "q", "") or "")
        elif status == "error":
            self.overlay.show_error(self._model.error)
        else:
            self.overlay.hide()
        if status == "ready":
            self.scrollToTop()

    def _on_activated(self, index: QModelIndex) -> None:
        course = self._model.course_at(index.row())
        if course is not None:
            self.courseActivated.emit(course.id)
