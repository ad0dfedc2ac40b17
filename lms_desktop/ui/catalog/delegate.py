"""Paints one course card (list row or grid tile) from the model's single record role.

Painting is the hot path when scrolling 100,000 rows, so the delegate reads one `data()` per card, caches the
derived fonts and the two-line description split per (course, width), and never touches the network: covers
come from `ThumbnailCache` or a placeholder is drawn.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Literal

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen, QTextLayout
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from lms_desktop.contract import MIN_RATINGS_SHOWN, CourseSummary
from lms_desktop.ui import theme
from lms_desktop.ui.catalog.card_text import hours_text, learners_text, level_text
from lms_desktop.ui.catalog.model import CardRecord, RecordRole
from lms_desktop.ui.catalog.thumbnails import ThumbnailCache
from lms_desktop.ui.i18n import number_text

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


def compact_count(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f}M".replace(".0M", "M")
    if n >= 10_000:
        return f"{n // 1000}k"
    if n >= 1_000:
        return f"{n / 1000:.1f}k".replace(".0k", "k")
    return str(n)


def join_facts(parts: list[str], separator: str = "  ·  ") -> str:
    """Facts joined by a separator, skipping empty ones: never a dangling or doubled "·"."""
    return separator.join(p for p in parts if p)


def _compact_learners(n: int) -> str:
    text = learners_text(n)
    return text.replace(str(n), compact_count(n)) if n >= 1_000 else text


class CourseCardDelegate(QStyledItemDelegate):
    def __init__(self, thumbnails: ThumbnailCache | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.thumbnails = thumbnails
        self.mode: ViewMode = "list"
        self.grid_card = GRID_CARD
        self.list_width = 480  # the view sets it to its width: a list card spans the row
        self._fonts_for: QFont | None = None
        self._title_font = QFont()
        self._body_font = QFont()
        self._small_font = QFont()
        self._badge_font = QFont()
        self._split_cache: OrderedDict[tuple[int, int, str], tuple[str, str]] = OrderedDict()

    # ---- geometry ------------------------------------------------------------------------------

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        if self.mode == "grid":
            return self.grid_card
        return QSize(self.list_width, self.list_row_height())

    def set_base_font(self, font: QFont) -> None:
        """The view's font (it follows the text size): card heights and fonts derive from it."""
        self._ensure_fonts(font)

    def _heights(self) -> tuple[int, int, int]:
        return (
            QFontMetrics(self._title_font).height(),
            QFontMetrics(self._body_font).height(),
            QFontMetrics(self._small_font).height(),
        )

    def list_row_height(self) -> int:
        """Title, two description lines and the meta line, or the thumbnail, whichever is taller."""
        title_h, body_h, small_h = self._heights()
        text = 2 * title_h + 3 + (body_h + 1) + 10 + small_h + 4
        return max(LIST_ROW_HEIGHT, text + 2 * PAD + MARGIN)

    def grid_text_height(self) -> int:
        title_h, body_h, small_h = self._heights()
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

    # ---- painting ------------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        record: CardRecord | None = index.data(RecordRole)
        if record is None:
            return
        t = theme.current()
        self._ensure_fonts(option.font)
        rect: QRect = option.rect.adjusted(MARGIN, MARGIN // 2, -MARGIN, -MARGIN // 2)
        if self.mode == "grid":
            rect = option.rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        state = option.state
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
        dpr = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        if record.course is None:
            self._paint_skeleton(painter, rect, t)
        elif self.mode == "grid":
            self._paint_grid(painter, rect, record, record.course, t, dpr)
        else:
            self._paint_list(painter, rect, record, record.course, t, dpr)
        painter.restore()

    def list_thumb(self) -> QSize:
        """The list card's cover: smaller on a narrow card, so the text keeps room."""
        return LIST_THUMB if self.list_width >= NARROW_LIST_CARD else SMALL_LIST_THUMB

    def _paint_list(
        self, p: QPainter, rect: QRect, record: CardRecord, c: CourseSummary, t: theme.Theme, dpr: float
    ) -> None:
        size = self.list_thumb()
        thumb = QRect(rect.left() + PAD, rect.top() + (rect.height() - size.height()) // 2, *size.toTuple())
        self._paint_cover(p, thumb, c, t, dpr)
        x = thumb.right() + PAD + 2
        right = rect.right() - PAD
        badge_w = 0
        if record.enrolled:
            badge_w = self._paint_badge(p, right, rect.top() + PAD - 2, t) + theme.SPACE_S
        if record.offline:
            badge_w += (
                self._paint_badge(p, right - badge_w, rect.top() + PAD - 2, t, offline=True) + theme.SPACE_S
            )
        width = right - x
        y = rect.top() + PAD - 2
        p.setFont(self._title_font)
        p.setPen(t.text)
        fm = QFontMetrics(self._title_font)
        # a long title takes a second line and leaves one line to the description
        first, second = self._two_lines(c.id, c.title, width - badge_w, fm, self._title_font, "title")
        p.drawText(QRect(x, y, width - badge_w, fm.height()), Qt.AlignmentFlag.AlignLeft, first)
        if second:
            y += fm.height()
            p.drawText(QRect(x, y, width - badge_w, fm.height()), Qt.AlignmentFlag.AlignLeft, second)
        y += fm.height() + 3
        self._paint_description(p, x, y, width, c, t, lines=1 if second else 2)
        small_h = QFontMetrics(self._small_font).height()
        meta_y = rect.bottom() - PAD - small_h + 2
        if not record.enrolled:
            self._paint_meta(p, x, meta_y, width, c, t)
            return
        progress_w = min(150, width // 2)
        meta_w = self._paint_meta(p, x, meta_y, width - progress_w - 16, c, t)
        left = max(x + meta_w + 16, right - progress_w)
        self._paint_progress(p, QRect(left, meta_y, right - left, small_h), record, t)

    def _paint_grid(
        self, p: QPainter, rect: QRect, record: CardRecord, c: CourseSummary, t: theme.Theme, dpr: float
    ) -> None:
        thumb = QRect(rect.left(), rect.top(), rect.width(), self.grid_thumb_height())
        self._paint_cover(p, thumb, c, t, dpr, top_only=True)
        badge_right = thumb.right() - theme.SPACE_S
        if record.enrolled:
            badge_right -= self._paint_badge(p, badge_right, thumb.top() + theme.SPACE_S, t) + theme.SPACE_XS
        if record.offline:
            self._paint_badge(p, badge_right, thumb.top() + theme.SPACE_S, t, offline=True)
        x = rect.left() + PAD
        width = rect.width() - 2 * PAD
        y = thumb.bottom() + PAD - 2
        p.setFont(self._title_font)
        p.setPen(t.text)
        fm = QFontMetrics(self._title_font)
        first, second = self._two_lines(c.id, c.title, width, fm, self._title_font, "title")
        p.drawText(QRect(x, y, width, fm.height()), Qt.AlignmentFlag.AlignLeft, first)
        if second:
            p.drawText(QRect(x, y + fm.height(), width, fm.height()), Qt.AlignmentFlag.AlignLeft, second)
        y += 2 * fm.height() + 3
        self._paint_description(p, x, y, width, c, t, lines=1)
        small_h = QFontMetrics(self._small_font).height()
        if record.enrolled:
            bar_y = rect.bottom() - PAD - 16
            self._paint_progress(p, QRect(x, bar_y, width, 16), record, t)
            self._paint_meta(p, x, bar_y - small_h - 8, width, c, t)
        else:
            self._paint_meta(p, x, rect.bottom() - PAD - small_h + 2, width, c, t)

    def _paint_cover(
        self, p: QPainter, r: QRect, c: CourseSummary, t: theme.Theme, dpr: float, *, top_only: bool = False
    ) -> None:
        path = QPainterPath()
        radius = theme.RADIUS + 2 if top_only else theme.RADIUS - 2
        if top_only:
            rf = QRectF(r).adjusted(1, 1, -1, 0)
            path.setFillRule(Qt.FillRule.WindingFill)
            path.addRoundedRect(rf, radius, radius)
            path.addRect(rf.adjusted(0, rf.height() / 2, 0, 0))
        else:
            path.addRoundedRect(QRectF(r), radius, radius)
        pixmap = self.thumbnails.pixmap(c.image_url, r.size(), dpr) if self.thumbnails is not None else None
        p.save()
        p.setClipPath(path)
        if pixmap is not None:
            p.drawPixmap(r, pixmap)
        else:
            p.fillRect(r, t.skeleton)
        p.restore()

    def _paint_description(
        self, p: QPainter, x: int, y: int, width: int, c: CourseSummary, t: theme.Theme, *, lines: int = 2
    ) -> int:
        p.setFont(self._body_font)
        p.setPen(t.text_muted)
        fm = QFontMetrics(self._body_font)
        line_h = fm.height() + 1
        if lines == 1:
            text = fm.elidedText(" ".join(c.description.split()), Qt.TextElideMode.ElideRight, width)
            p.drawText(QRect(x, y, width, line_h), Qt.AlignmentFlag.AlignLeft, text)
            return y + line_h
        first, second = self._two_lines(c.id, c.description, width, fm, self._body_font, "body")
        p.drawText(QRect(x, y, width, line_h), Qt.AlignmentFlag.AlignLeft, first)
        if second:
            p.drawText(QRect(x, y + line_h, width, line_h), Qt.AlignmentFlag.AlignLeft, second)
        return y + 2 * line_h

    def _paint_meta(self, p: QPainter, x: int, y: int, width: int, c: CourseSummary, t: theme.Theme) -> int:
        """Difficulty pill, hours, rating, learners; returns the width used."""
        p.setFont(self._small_font)
        fm = QFontMetrics(self._small_font)
        h = fm.height()
        start = x
        # difficulty pill
        label = level_text(c.difficulty)
        color = t.difficulty_color(c.difficulty)
        pill_w = fm.horizontalAdvance(label) + 14
        pill = QRectF(x, y - 1, pill_w, h + 2)
        bg = QColor(color)
        bg.setAlpha(40 if t.dark else 28)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(bg)
        p.drawRoundedRect(pill, (h + 2) / 2, (h + 2) / 2)
        p.setPen(color)
        p.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)
        x += pill_w + 12
        # each fact with its own leading separator: a fact that does not fit takes its "·" with it
        facts: list[list[tuple[str, QColor]]] = [[(hours_text(c.estimated_hours), t.text_muted)]]
        if c.rating_avg is not None and c.rating_count >= MIN_RATINGS_SHOWN:
            facts.append(
                [
                    ("★", t.star),
                    (f"{number_text(c.rating_avg)} ({compact_count(c.rating_count)})", t.text_muted),
                ]
            )
        else:
            unrated = self.tr("too few ratings") if c.rating_count else self.tr("no ratings yet")
            facts.append([("☆ " + unrated, t.text_muted)])
        facts.append([(_compact_learners(c.enrollment_count), t.text_muted)])
        sep_w = 14
        for i, fact in enumerate(facts):
            lead = sep_w if i else 0
            need = lead + sum(fm.horizontalAdvance(text) for text, _c in fact) + 4 * (len(fact) - 1)
            if x + need > start + width:
                break
            if lead:
                p.setPen(t.border)
                p.drawText(QRect(x, y, sep_w, h), Qt.AlignmentFlag.AlignCenter, "·")
                x += sep_w
            for text, col in fact:
                adv = fm.horizontalAdvance(text)
                p.setPen(col)
                p.drawText(QRect(x, y, adv + 2, h), Qt.AlignmentFlag.AlignLeft, text)
                x += adv + 4
            x -= 4
        return x - start

    def _paint_badge(
        self, p: QPainter, right: int, top: int, t: theme.Theme, *, offline: bool = False
    ) -> int:
        p.setFont(self._badge_font)
        fm = QFontMetrics(self._badge_font)
        text = self.tr("Available offline") if offline else self.tr("Enrolled")
        w = fm.horizontalAdvance(text) + 16
        h = fm.height() + 4
        r = QRectF(right - w, top, w, h)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(t.success if offline else t.accent)
        p.drawRoundedRect(r, h / 2, h / 2)
        p.setPen(t.window if offline and t.dark else t.accent_text)
        p.drawText(r, Qt.AlignmentFlag.AlignCenter, text)
        return w

    def _paint_progress(self, p: QPainter, r: QRect, record: CardRecord, t: theme.Theme) -> None:
        """Bar and percent inside `r`; with too little room, the percent alone."""
        percent = max(0.0, min(100.0, record.percent or 0.0))
        p.setFont(self._small_font)
        fm = QFontMetrics(self._small_font)
        label = self.tr("Done") if percent >= 100 else f"{percent:.0f}%"
        label_w = max(fm.horizontalAdvance("100%"), fm.horizontalAdvance(label)) + 6
        bar_w = r.width() - label_w - 6
        if bar_w >= 24:
            bar = QRectF(r.left(), r.center().y() - 2.5, bar_w, 5)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(t.skeleton)
            p.drawRoundedRect(bar, 2.5, 2.5)
            if percent > 0:
                filled = QRectF(bar.left(), bar.top(), max(5.0, bar.width() * percent / 100), bar.height())
                p.setBrush(t.success)
                p.drawRoundedRect(filled, 2.5, 2.5)
        if label_w > r.width():
            return
        p.setPen(t.success if percent >= 100 else t.text_muted)
        p.drawText(
            QRectF(r.right() - label_w + 1, r.top(), label_w, r.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            label,
        )

    def _paint_skeleton(self, p: QPainter, rect: QRect, t: theme.Theme) -> None:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(t.skeleton)
        if self.mode == "grid":
            thumb = QRectF(rect.left() + 1, rect.top() + 1, rect.width() - 2, self.grid_thumb_height())
            p.drawRoundedRect(thumb, theme.RADIUS, theme.RADIUS)
            x, y, w = rect.left() + PAD, thumb.bottom() + PAD, rect.width() - 2 * PAD
        else:
            thumb = QRectF(
                rect.left() + PAD,
                rect.top() + (rect.height() - self.list_thumb().height()) / 2,
                *self.list_thumb().toTuple(),
            )
            p.drawRoundedRect(thumb, theme.RADIUS - 2, theme.RADIUS - 2)
            x, y, w = (
                int(thumb.right()) + PAD + 2,
                rect.top() + PAD,
                rect.right() - PAD - int(thumb.right()) - PAD,
            )
        for frac, dy, hh in ((0.55, 0, 14), (0.92, 26, 10), (0.75, 44, 10), (0.4, 72, 10)):
            p.drawRoundedRect(QRectF(x, y + dy, w * frac, hh), hh / 2, hh / 2)

    # ---- helpers -------------------------------------------------------------------------------

    def _ensure_fonts(self, base: QFont) -> None:
        if self._fonts_for == base:
            return
        self._fonts_for = QFont(base)
        size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
        self._title_font = QFont(base)
        self._title_font.setPointSizeF(size * 1.12)
        self._title_font.setWeight(QFont.Weight.DemiBold)
        self._body_font = QFont(base)
        self._body_font.setPointSizeF(size * 0.95)
        self._small_font = QFont(base)
        self._small_font.setPointSizeF(size * 0.88)
        self._badge_font = QFont(self._small_font)
        self._badge_font.setWeight(QFont.Weight.DemiBold)
        self._split_cache.clear()

    def _two_lines(
        self, course_id: int, text: str, width: int, fm: QFontMetrics, font: QFont, kind: str
    ) -> tuple[str, str]:
        """`text` wrapped at a word into a first line and an elided second line (cached per card)."""
        key = (course_id, width, kind + text[:32])
        hit = self._split_cache.get(key)
        if hit is not None:
            return hit
        layout = QTextLayout(" ".join(text.split()), font)
        layout.beginLayout()
        first_line = layout.createLine()
        first = ""
        second = ""
        if first_line.isValid():
            first_line.setLineWidth(width)
            start, length = first_line.textStart(), first_line.textLength()
            flat = layout.text()
            first = flat[start : start + length].rstrip()
            rest = flat[start + length :].strip()
            second = fm.elidedText(rest, Qt.TextElideMode.ElideRight, width) if rest else ""
        layout.endLayout()
        self._split_cache[key] = (first, second)
        if len(self._split_cache) > 2000:
            self._split_cache.popitem(last=False)
        return first, second
