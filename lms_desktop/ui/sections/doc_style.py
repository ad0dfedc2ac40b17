"""Styling a rendered section document the way a reader expects: code in a tinted monospace panel with
padding, block quotes set off as quotes, tables with ruled cells, links in the accent colour.

Why after loading: Qt's rich-text engine understands only part of CSS (no padding or borders on blocks), so
the document's blocks and tables are formatted directly once the HTML or Markdown is in.
"""

from __future__ import annotations

from PySide6.QtGui import (
    QBrush,
    QFontDatabase,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextTable,
)

from lms_desktop.ui import theme


def default_css() -> str:
    """Rules Qt does apply: link colour, heading spacing, table cell padding, inline code."""
    t = theme.current()
    return (
        f"a {{ color: {t.accent.name()}; }}"
        "h1, h2, h3, h4 { margin-top: 18px; margin-bottom: 8px; }"
        "p, li { margin-bottom: 6px; }"
        "td, th { padding: 6px; }"
        f"th {{ background-color: {t.surface_alt.name()}; }}"
        f"code {{ background-color: {t.surface_alt.name()}; }}"
        "img { margin: 6px; }"
    )


def _is_code(fmt: QTextBlockFormat) -> bool:
    return fmt.hasProperty(QTextFormat.Property.BlockCodeFence) or fmt.nonBreakableLines()


def style_document(doc: QTextDocument) -> None:
    """Code panels, quotes and tables, in the current theme's colours."""
    t = theme.current()
    mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    cursor = QTextCursor(doc)
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if _is_code(fmt):
            panel = QTextBlockFormat()
            panel.setBackground(t.surface_alt)
            panel.setLeftMargin(12)
            panel.setRightMargin(12)
            panel.setNonBreakableLines(True)
            cursor.setPosition(block.position())
            cursor.mergeBlockFormat(panel)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            chars = QTextCharFormat()
            chars.setFontFamilies([mono.family()])
            cursor.mergeCharFormat(chars)
        elif fmt.hasProperty(QTextFormat.Property.BlockQuoteLevel) and fmt.intProperty(
            QTextFormat.Property.BlockQuoteLevel
        ):
            quote = QTextBlockFormat()
            quote.setBackground(t.surface_alt)
            quote.setLeftMargin(24)
            quote.setRightMargin(12)
            cursor.setPosition(block.position())
            cursor.mergeBlockFormat(quote)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            chars = QTextCharFormat()
            chars.setFontItalic(True)
            chars.setForeground(t.text_muted)
            cursor.mergeCharFormat(chars)
        block = block.next()
    _style_tables(doc)


def _style_tables(doc: QTextDocument) -> None:
    t = theme.current()
    seen: set[int] = set()
    block = doc.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if isinstance(table, QTextTable) and table.firstPosition() not in seen:
            seen.add(table.firstPosition())
            fmt = table.format()
            fmt.setBorder(1)
            fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
            fmt.setBorderBrush(QBrush(t.border))
            fmt.setBorderCollapse(True)
            fmt.setCellPadding(6)
            fmt.setCellSpacing(0)
            table.setFormat(fmt)
        block = block.next()
