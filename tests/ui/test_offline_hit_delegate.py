"""Offline search results painted as place over snippet: the matched words bold, the text escaped, and a
row as tall as its wrapped text at the list's width; the banner above them wraps too."""

from __future__ import annotations

from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from lms_desktop.client.offline.search_index import OfflineHit
from lms_desktop.ui.offline_hit_delegate import snippet_html
from lms_desktop.ui.offline_search import OfflineSearchPanel

HIT = OfflineHit(
    course_id=1,
    course_title="Foundations of Git",
    section_id=7,
    title="Branches",
    snippet="…a <branch> is a [rebase] away from the [rebased] history, and a long tail of words follows it…",
)


def test_matched_words_are_bold_and_the_rest_escaped() -> None:
    out = snippet_html(HIT)
    assert "<b>rebase</b>" in out and "<b>rebased</b>" in out
    assert "&lt;branch&gt;" in out and "<branch>" not in out


def test_a_row_grows_with_its_wrapped_text_and_paints(qtbot: QtBot) -> None:
    panel = OfflineSearchPanel()
    qtbot.addWidget(panel)
    panel.show_results("rebase", [HIT])
    panel.show()
    qtbot.waitExposed(panel)
    delegate, index = panel.list.itemDelegate(), panel.model.index(0, 0)
    option = QStyleOptionViewItem()
    panel.list.initViewItemOption(option)
    heights = {}
    for width in (1000, 420):
        panel.resize(width, 400)
        qtbot.waitUntil(lambda w=width: panel.width() == w and w // 2 < panel.list.viewport().width() < w)
        heights[width] = delegate.sizeHint(option, index).height()
    assert heights[420] > heights[1000] > panel.fontMetrics().height() * 2
    image = QImage(420, heights[420], QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    option.rect = image.rect()
    delegate.paint(painter, option, index)
    painter.end()
    assert any(image.pixelColor(x, y).alpha() for x in range(0, 420, 4) for y in range(0, heights[420], 4))
    assert panel.model.index(0, 0).data() == "Branches — Foundations of Git\n" + " ".join(
        HIT.snippet.replace("[", "").replace("]", "").split()
    )


def test_the_banner_wraps_when_the_panel_is_narrow(qtbot: QtBot) -> None:
    panel = OfflineSearchPanel()
    qtbot.addWidget(panel)
    panel.show_results("rebase", [HIT])
    line = panel.banner.fontMetrics().height()
    narrow = panel.banner.fontMetrics().horizontalAdvance(panel.banner.text()) // 2
    panel.resize(narrow, 400)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel.banner.height() >= line * 2)  # two lines, not one cut short
    assert panel.banner.width() <= panel.width()
