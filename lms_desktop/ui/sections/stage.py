"""Where a section's content goes in the reader: one widget per kind of content, shown by section type.

- text, exercise: the Markdown body; page: the HTML page; quiz: the quiz view (lms_desktop/ui/quiz);
  discussion, external: the prompt plus "Open on <platform>"; link: the description plus "Open in browser";
  file: the file card plus any description; video: the player, or for YouTube/Vimeo the "Open on" card
  (they play in the browser).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from lms_desktop.client import LmsClient
from lms_desktop.contract import Section
from lms_desktop.ui.quiz import QuizView
from lms_desktop.ui.sections.document import DocumentView
from lms_desktop.ui.sections.file_view import FileCard
from lms_desktop.ui.sections.web_action import WebAction
from lms_desktop.ui.tasks import TaskRunner

BROWSER_PROVIDERS = frozenset({"youtube", "vimeo"})
HUGGED = frozenset({"file", "link", "video", "discussion", "external"})  # their text is a description


def plays_in_app(section: Section) -> bool:
    return (
        section.type == "video"
        and (section.provider or "").lower() not in BROWSER_PROVIDERS
        and bool(section.file is not None or section.url)
    )


class SectionStage(QWidget):
    openSection = Signal(int)
    watched = Signal()
    positionToSave = Signal(int, bool)
    quizCompleted = Signal(int)  # section id: an attempt was scored or kept

    def __init__(self, client: LmsClient, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._runner = runner
        self.document = DocumentView(runner, client.files.asset_bytes, self)
        self.document.openSection.connect(self.openSection)
        self.file_card = FileCard(client, runner, self)
        self.web = WebAction(self)
        self.video: object | None = None  # VideoView, created on the first video (QtMultimedia loads then)
        self.quiz = QuizView(client, runner, self)
        self.quiz.completed.connect(self.quizCompleted)
        self.quiz.hide()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.file_card)
        self._layout.addWidget(self.web)
        self._layout.addWidget(self.document, 1)
        self._layout.addWidget(self.quiz, 3)
        self._layout.addStretch(0)  # takes the room when a section has no text (a file, a link)
        self.section: Section | None = None

    def video_view(self):  # type: ignore[no-untyped-def]
        from lms_desktop.ui.sections.video_view import VideoView

        if self.video is None:
            view = VideoView(self._client, self._runner, self)
            view.watched.connect(self.watched)
            view.positionToSave.connect(self.positionToSave)
            self._layout.insertWidget(0, view, 3)
            self.video = view
        return self.video

    def leave(self, *, closing: bool = False) -> None:
        if self.video is not None:
            self.video.stop(closing=closing)  # type: ignore[attr-defined]

    def show_section(self, section: Section, position_seconds: int | None = None) -> None:
        self.leave()
        self.section = section
        kind = section.type
        in_app_video = plays_in_app(section)
        if self.video is not None:
            self.video.setVisible(in_app_video)  # type: ignore[attr-defined]
        if in_app_video:
            view = self.video_view()
            view.setVisible(True)
            view.show_section(section, position_seconds)
        self.file_card.setVisible(kind == "file")
        if kind == "file":
            self.file_card.show_asset(section.file)
        web = kind in ("link", "discussion", "external") or (kind == "video" and not in_app_video)
        self.web.setVisible(web)
        if web:
            self.web.show_section(section)
        if section.body_html:
            self.document.show_html(section.body_html)
        elif section.body_markdown:
            self.document.show_markdown(section.body_markdown)
        else:
            self.document.show_html(self._fallback(section))
        self.document.hug_content(kind in HUGGED)
        self.document.setVisible(not self.document.is_empty() and section.quiz is None)
        self.quiz.setVisible(section.quiz is not None)
        if section.quiz is not None:
            self.quiz.show_section(section)  # the quiz shows its own introduction

    def _fallback(self, section: Section) -> str:
        """Never a blank page: say what the section is when the package gave it no text."""
        if section.type == "video" and not plays_in_app(section):
            text = self.tr("This video plays on its own site.")
        elif section.type in ("discussion", "external"):
            text = self.tr("This activity takes place on its home platform.")
        elif section.type == "link":
            text = self.tr("A web page to read for this section.")
        elif section.type in ("file", "video"):
            text = ""
        else:
            text = self.tr("This section has no text.")
        return f"<p>{html.escape(text)}</p>" if text else ""
