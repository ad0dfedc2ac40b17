"""Paints one course card (list row or grid tile) from the model's single record role.

Painting is the hot path when scrolling 100,000 rows, so the delegate reads one `data()` per card, caches the
derived fonts and the two-line splits (`CardFonts`), and never touches the network: covers come from
`ThumbnailCache` or a placeholder is drawn. The pieces are painted by `card_parts`; this module lays them out.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from lms_desktop.contract import CourseSummary
from lms_desktop.ui import theme
from lms_desktop.ui.catalog.card_fonts import CardFonts
from lms_desktop.ui.catalog.card_parts import (
    paint_badge,
    paint_cover,
    paint_description,
    paint_meta,
    paint_progress,
    paint_skeleton_lines,
    paint_title,
)
from lms_desktop.ui.catalog.records import CardRecord, RecordRole
from lms_desktop.ui.catalog.thumbnails import ThumbnailCache

ViewMode = Literal["list", "grid"]

LIST_ROW_HEIGHT = 128  # the least a list card is; larger text makes it taller
LIST_THUMB = QSize(176, 99)
SMALL_LIST_THUMB = QSize(112, 63)
NARROW_LIST_CARD = 560  # list cards narrower than this get the small cover
GRID_CARD = QSize(264, 300)  # the minimum tile; the view widens tiles to fill the row
GRID_TEXT_HEIGHT = 128  # the least room for title (two lines), description, meta and progress
MARGIN = 8  # gap around each card
PAD = 14  # inner padding of a card

Index = QModelIndex | QPersistentModelIndex


class CourseCardDelegate(QStyledItemDelegate):
    def __init__(self, thumbnails: ThumbnailCache | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.thumbnails = thumbnails
        self.mode: ViewMode = "list"
        self.grid_card = GRID_CARD
        self.list_width = 480  # the view sets it to its width: a list card spans the row
        self.fonts = CardFonts()

    # ---- geometry ------------------------------------------------------------------------------

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        if self.mode == "grid":
            return self.grid_card
        return QSize(self.list_width, self.list_row_height())

    def set_base_font(self, font: QFont) -> None:
        """The view's font (it follows the text size): card heights and fonts derive from it."""
        self.fonts.ensure(font)

    def list_row_height(self) -> int:
        """Title, two description lines and the meta line, or the thumbnail, whichever is taller."""
        title_h, body_h, small_h = self.fonts.heights()
        text = 2 * title_h + 3 + (body_h + 1) + 10 + small_h + 4
        return max(LIST_ROW_HEIGHT, text + 2 * PAD + MARGIN)

    def grid_text_height(self) -> int:
        title_h, body_h, small_h = self.fonts.heights()
        return max(GRID_TEXT_HEIGHT, 2 * title_h + 3 + body_h + 1 + 8 + small_h + 8 + 16 + 2 * PAD)

    def thumb_size(self) -> QSize:
        if self.mode == "grid":
            return QSize(self.grid_card.width() - 2 * MARGIN, self.grid_thumb_height())
        return self.list_thumb()

    def grid_thumb_height(self) -> int:
        return round((self.grid_card.width() - 2 * MARGIN) * 9 / 16)

    def grid_card_for_width(self, width: int) -> QSize:
        """Tile size for a column width: a 16:9 cover plus the text block."""
        return QSize(width, round((width - 2 * MARGIN) * 9 / 16) + self.grid_text_height() + 2 * MARGIN)

    def list_thumb(self) -> QSize:
        """The list card's cover: smaller on a narrow card, so the text keeps room."""
        return LIST_THUMB if self.list_width >= NARROW_LIST_CARD else SMALL_LIST_THUMB

    # ---- painting ------------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        record: CardRecord | None = index.data(RecordRole)
        if record is None:
            return
        t = theme.current()
        self.fonts.ensure(option.font)
        rect: QRect = option.rect.adjusted(MARGIN, MARGIN // 2, -MARGIN, -MARGIN // 2)
        if self.mode == "grid":
            rect = option.rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_frame(painter, rect, option.state, t)
        dpr = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        if record.course is None:
            self._paint_skeleton(painter, rect, t)
        elif self.mode == "grid":
            self._paint_grid(painter, rect, record, record.course, t, dpr)
        else:
            self._paint_list(painter, rect, record, record.course, t, dpr)
        painter.restore()

    def _paint_frame(self, painter: QPainter, rect: QRect, state: QStyle.StateFlag, t: theme.Theme) -> None:
        """The card's rounded surface; its border shows selection, hover and keyboard focus."""
        selected = bool(state & QStyle.StateFlag.State_Selected)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        border = t.accent if selected else (t.border.darker(115) if hovered and not t.dark else t.border)
        if hovered and t.dark and not selected:
            border = t.border.lighter(140)
        width = 1.5 if selected else 1.0
        if focused:  # the keyboard's current card: a ring as thick as every other control's
            border, width = theme.focus_color(t), 2.5
        painter.setPen(QPen(border, width))
        painter.setBrush(t.surface)
        painter.drawRoundedRect(
            QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), theme.RADIUS + 2, theme.RADIUS + 2
        )

    def _cover(self, c: CourseSummary, r: QRect, dpr: float) -> QPixmap | None:
        return self.thumbnails.pixmap(c.image_url, r.size(), dpr) if self.thumbnails is not None else None

    def _paint_list(
        self, p: QPainter, rect: QRect, record: CardRecord, c: CourseSummary, t: theme.Theme, dpr: float
    ) -> None:
        size = self.list_thumb()
        thumb = QRect(rect.left() + PAD, rect.top() + (rect.height() - size.height()) // 2, *size.toTuple())
        paint_cover(p, thumb, self._cover(c, thumb, dpr), t)
        x = thumb.right() + PAD + 2
        right = rect.right() - PAD
        badge_w = 0
        if record.enrolled:
            badge_w = paint_badge(p, self.fonts, right, rect.top() + PAD - 2, t) + theme.SPACE_S
        if record.offline:
            top = rect.top() + PAD - 2
            badge_w += paint_badge(p, self.fonts, right - badge_w, top, t, offline=True) + theme.SPACE_S
        width = right - x
        y = rect.top() + PAD - 2
        # a long title takes a second line and leaves one line to the description
        two = paint_title(p, self.fonts, x, y, width - badge_w, c, t)
        title_h = QFontMetrics(self.fonts.title).height()
        y += (2 if two else 1) * title_h + 3
        paint_description(p, self.fonts, x, y, width, c, t, lines=1 if two else 2)
        small_h = QFontMetrics(self.fonts.small).height()
        meta_y = rect.bottom() - PAD - small_h + 2
        if not record.enrolled:
            paint_meta(p, self.fonts, x, meta_y, width, c, t)
            return
        progress_w = min(150, width // 2)
        meta_w = paint_meta(p, self.fonts, x, meta_y, width - progress_w - 16, c, t)
        left = max(x + meta_w + 16, right - progress_w)
        paint_progress(p, self.fonts, QRect(left, meta_y, right - left, small_h), record.percent, t)

    def _paint_grid(
        self, p: QPainter, rect: QRect, record: CardRecord, c: CourseSummary, t: theme.Theme, dpr: float
    ) -> None:
        thumb = QRect(rect.left(), rect.top(), rect.width(), self.grid_thumb_height())
        paint_cover(p, thumb, self._cover(c, thumb, dpr), t, top_only=True)
        badge_right = thumb.right() - theme.SPACE_S
        if record.enrolled:
            badge_right -= paint_badge(p, self.fonts, badge_right, thumb.top() + theme.SPACE_S, t)
            badge_right -= theme.SPACE_XS
        if record.offline:
            paint_badge(p, self.fonts, badge_right, thumb.top() + theme.SPACE_S, t, offline=True)
        x = rect.left() + PAD
        width = rect.width() - 2 * PAD
        y = thumb.bottom() + PAD - 2
        paint_title(p, self.fonts, x, y, width, c, t)
        y += 2 * QFontMetrics(self.fonts.title).height() + 3
        paint_description(p, self.fonts, x, y, width, c, t, lines=1)
        small_h = QFontMetrics(self.fonts.small).height()
        if record.enrolled:
            bar_y = rect.bottom() - PAD - 16
            paint_progress(p, self.fonts, QRect(x, bar_y, width, 16), record.percent, t)
            paint_meta(p, self.fonts, x, bar_y - small_h - 8, width, c, t)
        else:
            paint_meta(p, self.fonts, x, rect.bottom() - PAD - small_h + 2, width, c, t)

    def _paint_skeleton(self, p: QPainter, rect: QRect, t: theme.Theme) -> None:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(t.skeleton)
        if self.mode == "grid":
            thumb = QRectF(rect.left() + 1, rect.top() + 1, rect.width() - 2, self.grid_thumb_height())
            p.drawRoundedRect(thumb, theme.RADIUS, theme.RADIUS)
            paint_skeleton_lines(p, rect.left() + PAD, thumb.bottom() + PAD, rect.width() - 2 * PAD)
            return
        size = self.list_thumb()
        thumb = QRectF(rect.left() + PAD, rect.top() + (rect.height() - size.height()) / 2, *size.toTuple())
        p.drawRoundedRect(thumb, theme.RADIUS - 2, theme.RADIUS - 2)
        right = int(thumb.right())
        paint_skeleton_lines(p, right + PAD + 2, rect.top() + PAD, rect.right() - PAD - right - PAD)
