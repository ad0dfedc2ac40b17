"""The pieces a course card is painted from: cover, description, meta line, badges, progress, skeleton.

Each function paints one piece into the rectangle or at the point it is given; the delegate decides where
the pieces go for a list row or a grid tile.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPixmap

from lms_desktop.contract import MIN_RATINGS_SHOWN, CourseSummary
from lms_desktop.ui import theme
from lms_desktop.ui.catalog.card_fonts import CardFonts
from lms_desktop.ui.catalog.card_text import (
    badge_text,
    compact_count,
    compact_learners,
    hours_text,
    level_text,
    progress_label,
    unrated_text,
)
from lms_desktop.ui.i18n import number_text

FACT_SEPARATOR_WIDTH = 14


def paint_cover(
    p: QPainter, r: QRect, pixmap: QPixmap | None, t: theme.Theme, *, top_only: bool = False
) -> None:
    """The cover clipped to the card's rounded corners (only the top ones on a tile); a flat fill until the
    thumbnail is decoded."""
    path = QPainterPath()
    radius = theme.RADIUS + 2 if top_only else theme.RADIUS - 2
    if top_only:
        rf = QRectF(r).adjusted(1, 1, -1, 0)
        path.setFillRule(Qt.FillRule.WindingFill)
        path.addRoundedRect(rf, radius, radius)
        path.addRect(rf.adjusted(0, rf.height() / 2, 0, 0))
    else:
        path.addRoundedRect(QRectF(r), radius, radius)
    p.save()
    p.setClipPath(path)
    if pixmap is not None:
        p.drawPixmap(r, pixmap)
    else:
        p.fillRect(r, t.skeleton)
    p.restore()


def paint_title(
    p: QPainter, fonts: CardFonts, x: int, y: int, width: int, c: CourseSummary, t: theme.Theme
) -> bool:
    """The title on one line, or two when it is long; returns whether a second line was used."""
    p.setFont(fonts.title)
    p.setPen(t.text)
    lines = fonts.two_lines(c.id, c.title, width, fonts.title, "title")
    _draw_lines(p, x, y, width, QFontMetrics(fonts.title).height(), lines)
    return bool(lines[1])


def paint_description(
    p: QPainter, fonts: CardFonts, x: int, y: int, width: int, c: CourseSummary, t: theme.Theme, lines: int
) -> None:
    p.setFont(fonts.body)
    p.setPen(t.text_muted)
    fm = QFontMetrics(fonts.body)
    line_h = fm.height() + 1
    if lines == 1:
        text = fm.elidedText(" ".join(c.description.split()), Qt.TextElideMode.ElideRight, width)
        p.drawText(QRect(x, y, width, line_h), Qt.AlignmentFlag.AlignLeft, text)
        return
    _draw_lines(p, x, y, width, line_h, fonts.two_lines(c.id, c.description, width, fonts.body, "body"))


def _draw_lines(p: QPainter, x: int, y: int, width: int, line_h: int, lines: tuple[str, str]) -> None:
    """A first line and, if there is one, a second below it."""
    first, second = lines
    p.drawText(QRect(x, y, width, line_h), Qt.AlignmentFlag.AlignLeft, first)
    if second:
        p.drawText(QRect(x, y + line_h, width, line_h), Qt.AlignmentFlag.AlignLeft, second)


def _paint_pill(p: QPainter, fm: QFontMetrics, x: int, y: int, c: CourseSummary, t: theme.Theme) -> int:
    """The difficulty pill; returns its width."""
    h = fm.height()
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
    return pill_w


def _facts(c: CourseSummary, t: theme.Theme) -> list[list[tuple[str, QColor]]]:
    """Hours, rating and learners, each a list of (text, colour) runs."""
    facts: list[list[tuple[str, QColor]]] = [[(hours_text(c.estimated_hours), t.text_muted)]]
    if c.rating_avg is not None and c.rating_count >= MIN_RATINGS_SHOWN:
        rating = f"{number_text(c.rating_avg)} ({compact_count(c.rating_count)})"
        facts.append([("★", t.star), (rating, t.text_muted)])
    else:
        facts.append([("☆ " + unrated_text(c.rating_count), t.text_muted)])
    facts.append([(compact_learners(c.enrollment_count), t.text_muted)])
    return facts


def paint_meta(
    p: QPainter, fonts: CardFonts, x: int, y: int, width: int, c: CourseSummary, t: theme.Theme
) -> int:
    """Difficulty pill, hours, rating, learners; returns the width used."""
    p.setFont(fonts.small)
    fm = QFontMetrics(fonts.small)
    h = fm.height()
    start = x
    x += _paint_pill(p, fm, x, y, c, t) + 12
    # each fact with its own leading separator: a fact that does not fit takes its "·" with it
    sep_w = FACT_SEPARATOR_WIDTH
    for i, fact in enumerate(_facts(c, t)):
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


def paint_badge(
    p: QPainter, fonts: CardFonts, right: int, top: int, t: theme.Theme, *, offline: bool = False
) -> int:
    """The "Enrolled" or "Available offline" badge ending at `right`; returns its width."""
    p.setFont(fonts.badge)
    fm = QFontMetrics(fonts.badge)
    text = badge_text(offline)
    w = fm.horizontalAdvance(text) + 16
    h = fm.height() + 4
    r = QRectF(right - w, top, w, h)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(t.success if offline else t.accent)
    p.drawRoundedRect(r, h / 2, h / 2)
    p.setPen(t.window if offline and t.dark else t.accent_text)
    p.drawText(r, Qt.AlignmentFlag.AlignCenter, text)
    return w


def paint_progress(p: QPainter, fonts: CardFonts, r: QRect, percent: float | None, t: theme.Theme) -> None:
    """Bar and percent inside `r`; with too little room, the percent alone."""
    percent = max(0.0, min(100.0, percent or 0.0))
    p.setFont(fonts.small)
    fm = QFontMetrics(fonts.small)
    label = progress_label(percent)
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


def paint_skeleton_lines(p: QPainter, x: float, y: float, width: float) -> None:
    """The grey bars standing for title, description and meta while a card's page loads."""
    for frac, dy, hh in ((0.55, 0, 14), (0.92, 26, 10), (0.75, 44, 10), (0.4, 72, 10)):
        p.drawRoundedRect(QRectF(x, y + dy, width * frac, hh), hh / 2, hh / 2)
