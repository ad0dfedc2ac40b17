"""Every kind of section in the reader at the smallest window, at 100% and 200% text: nothing squeezed below
its size, cut or overlapping (the layout walk's checks), and a short description under a link, a file or a
video takes its own height rather than the reader's."""

from __future__ import annotations

import contextlib

import pytest
from pytestqt.exceptions import TimeoutError as QtTimeout
from pytestqt.qtbot import QtBot

from tests.fixtures.painting import painted
from tests.reader.conftest import ReaderApp, ReaderServer
from tests.reader.window import SHOTS, all_sections, showing
from tests.ui.conftest import Run
from tests.ui.test_layout import problems


@pytest.mark.qt_log_ignore("PulseAudioService", "Couldn't (load|resolve) va", "No RHI backend")
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_every_section_type_fits_800x600(
    served: ReaderServer, reader_app: ReaderApp, qtbot: QtBot, run: Run, scale: float
) -> None:
    window = reader_app.window
    window._set_text_scale(scale, save=False)
    window.resize(800, 600)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (800, 600), timeout=2_000)
    SHOTS.mkdir(exist_ok=True)
    found: list[str] = []
    try:
        for section in all_sections(run, window.client, served.course.id):
            window.open_section(section.id, section.course_id)
            qtbot.waitUntil(showing(window, section.id), timeout=10_000)
            with contextlib.suppress(QtTimeout):  # settled: a wrapped label's height takes a layout pass
                qtbot.waitUntil(lambda: not problems(window), timeout=2_000)
            painted(qtbot, window).save(str(SHOTS / f"section-{section.type}-{section.id}-{scale:g}x.png"))
            found += [f"{section.type} {section.title!r}: {p}" for p in problems(window)]
            document = window.reader.stage.document
            if section.type in ("file", "link", "video") and document.isVisible():
                hugged = document.document().size().height() + 2 * document.frameWidth() + 2
                if document.height() > hugged:
                    found.append(f"{section.type}: description {document.height()} px high, needs {hugged}")
    finally:
        window._set_text_scale(1.0, save=False)
    assert not found, "\n".join(found)
