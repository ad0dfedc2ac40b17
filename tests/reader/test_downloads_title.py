"""The Downloads screen names each course kept offline in bold, above its muted details, so the learner
finds a course by its title at a glance."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.reader.conftest import ReaderApp, ReaderServer


def test_a_downloaded_course_row_shows_its_title_in_bold(
    served: ReaderServer, reader_app: ReaderApp, qtbot: QtBot
) -> None:
    window, downloads = reader_app.window, reader_app.downloads
    cid = served.course.id
    downloads.start_download(cid, served.course.title, videos=False)
    qtbot.waitUntil(lambda: downloads.state_of(cid) == "complete", timeout=30_000)
    downloads.reload()
    window.show_downloads()
    qtbot.waitUntil(lambda: bool(downloads.course_rows_widgets()), timeout=10_000)
    row = downloads.course_rows_widgets()[0]
    title = row.findChild(QLabel, "CardTitle")
    assert title is not None
    qtbot.waitUntil(title.isVisible, timeout=5_000)
    assert title.text() == served.course.title
    title.ensurePolished()
    detail_weight = row.detail.font().weight()
    assert title.font().weight() >= QFont.Weight.DemiBold > detail_weight
