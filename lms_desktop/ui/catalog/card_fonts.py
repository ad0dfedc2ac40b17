"""A card's fonts, derived from the view's font (so they follow the text size), and its line breaking.

Both are computed once and cached: painting is the hot path when scrolling, and a `QTextLayout` per card per
frame would show.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextLayout

MAX_SPLITS = 2000  # cached two-line splits: a few screens' worth of cards at a few widths


class CardFonts:
    """Title, body, small and badge fonts for one base font; `two_lines` splits text to fit a width."""

    def __init__(self) -> None:
        self._base: QFont | None = None
        self.title = QFont()
        self.body = QFont()
        self.small = QFont()
        self.badge = QFont()
        self._splits: OrderedDict[tuple[int, int, str], tuple[str, str]] = OrderedDict()

    def ensure(self, base: QFont) -> None:
        """Derive the fonts from `base` unless they already are (a new base drops the cached splits)."""
        if self._base == base:
            return
        self._base = QFont(base)
        size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
        self.title = QFont(base)
        self.title.setPointSizeF(size * 1.12)
        self.title.setWeight(QFont.Weight.DemiBold)
        self.body = QFont(base)
        self.body.setPointSizeF(size * 0.95)
        self.small = QFont(base)
        self.small.setPointSizeF(size * 0.88)
        self.badge = QFont(self.small)
        self.badge.setWeight(QFont.Weight.DemiBold)
        self._splits.clear()

    def heights(self) -> tuple[int, int, int]:
        """Line heights of the title, body and small fonts."""
        return (
            QFontMetrics(self.title).height(),
            QFontMetrics(self.body).height(),
            QFontMetrics(self.small).height(),
        )

    def two_lines(self, course_id: int, text: str, width: int, font: QFont, kind: str) -> tuple[str, str]:
        """`text` wrapped at a word into a first line and an elided second line (cached per card)."""
        key = (course_id, width, kind + text[:32])
        hit = self._splits.get(key)
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
            second = QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width) if rest else ""
        layout.endLayout()
        self._splits[key] = (first, second)
        if len(self._splits) > MAX_SPLITS:
            self._splits.popitem(last=False)
        return first, second
