"""How a result of the offline search looks: where it is (section and course) in bold over the words around
the match, muted, with the matched words in bold, so a list of results reads like the catalog's cards and
not like a plain text dump."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QPainter, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from lms_desktop.client.offline.search_index import OfflineHit
from lms_desktop.ui import theme

HIT_ROLE = Qt.ItemDataRole.UserRole + 1  # the OfflineHit an item shows
MATCH = re.compile(r"\[([^\[\]]*)\]")  # the index marks matched words between [ and ]

Index = QModelIndex | QPersistentModelIndex


def place(hit: OfflineHit) -> str:
    return hit.course_title if hit.section_id is None else f"{hit.title} — {hit.course_title}"


def plain_snippet(hit: OfflineHit) -> str:
    return " ".join(hit.snippet.replace("[", "").replace("]", "").split())


def snippet_html(hit: OfflineHit) -> str:
    return MATCH.sub(r"<b>\1</b>", html.escape(" ".join(hit.snippet.split()), quote=False))


class OfflineHitDelegate(QStyledItemDelegate):
    def _document(self, option: QStyleOptionViewItem, index: Index, width: int) -> QTextDocument | None:
        hit = index.data(HIT_ROLE)
        if not isinstance(hit, OfflineHit):
            return None
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text = (palette.highlightedText() if selected else palette.text()).color()
        quiet = text if selected else theme.current().text_muted
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(theme.SPACE_S)
        doc.setHtml(
            f'<div style="color:{text.name()}"><b>{html.escape(place(hit), quote=False)}</b></div>'
            f'<div style="color:{quiet.name()}">{snippet_html(hit)}</div>'
        )
        doc.setTextWidth(max(1, width))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the background, selection and focus only
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = option.rect
        doc = self._document(option, index, rect.width())
        if doc is None:
            return
        painter.save()
        painter.translate(rect.topLeft())
        doc.drawContents(painter)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        view = option.widget
        if isinstance(view, QAbstractItemView):  # wrap at the view's width, less the list's spacing
            width = view.viewport().width() - 2 * getattr(view, "spacing", lambda: 0)()
        else:
            width = option.rect.width()
        doc = self._document(option, index, width)
        if doc is None:
            return super().sizeHint(option, index)
        return QSize(width, int(doc.size().height()) + 1)
