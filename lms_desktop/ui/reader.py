"""The section reader: an outline panel, the section's content by type (sections/stage.py), "Mark complete"
and Previous / Next through the course; Finish on the last section completes it and returns to the course.

Keyboard: Alt+Left / Alt+Right previous and next section, Esc or Alt+Up back to the course, Ctrl+Plus /
Ctrl+Minus / Ctrl+0 text size (remembered), Ctrl+Shift+O shows or hides the outline. The text column keeps a
readable line length (about 75 characters at the chosen size) at any window width. Marking complete is
optimistic through `LearnerState`, carries the time spent, and leaves the keyboard focus in the reader.
The time read in a section is reported when the learner leaves it: for another section, or by the reader
being hidden, whichever way the window navigates away (``ReadingClock`` counts it once).
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from lms_desktop.client import LmsClient
from lms_desktop.contract import CourseContent, Section
from lms_desktop.ui import course_sections, theme
from lms_desktop.ui.learner import LearnerState, describe_error
from lms_desktop.ui.reading_clock import ReadingClock
from lms_desktop.ui.sections import text_size
from lms_desktop.ui.sections.formats import type_label
from lms_desktop.ui.sections.outline import OutlinePanel, with_section
from lms_desktop.ui.sections.reader_footer import ReaderFooter
from lms_desktop.ui.sections.reader_header import ReaderHeader
from lms_desktop.ui.sections.reader_split import OUTLINE_SHARE, ReaderSplit
from lms_desktop.ui.sections.stage import SectionStage
from lms_desktop.ui.tasks import TaskRunner
from lms_desktop.ui.widgets import heading, muted

READABLE_CHARS = 75
KEY_OUTLINE = "reader/outline_visible"


class Reader(QWidget):
    back = Signal(int)  # course id
    sectionShown = Signal(int)
    message = Signal(str)  # a short note for the learner (the window shows it as a toast)

    def __init__(
        self,
        client: LmsClient,
        runner: TaskRunner,
        learner: LearnerState,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._runner = runner
        self._learner = learner
        self.settings = settings if settings is not None else QSettings()
        self.section: Section | None = None
        self.content: CourseContent | None = None
        self.course_id: int | None = None
        self.course_title = ""
        self.highlight_words: list[str] = []
        self.clock = ReadingClock()
        self._build()
        self._shortcuts()
        self.set_text_scale(text_size.load(self.settings), save=False)
        learner.sectionCompletion.connect(self._on_completion)
        learner.enrollmentChanged.connect(lambda *_: self._update_buttons())

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.SPACE_L, theme.SPACE_L, theme.SPACE_L, theme.SPACE_L)
        outer.setSpacing(theme.SPACE_M)
        self.header = ReaderHeader(self)
        self.back_button = self.header.back_button
        self.back_button.clicked.connect(self._back)
        self.outline_button = self.header.outline_button
        self.outline_button.toggled.connect(self.set_outline_visible)
        self.crumbs = self.header.crumbs
        outer.addWidget(self.header)
        self.outline = OutlinePanel(self)
        self.outline.sectionChosen.connect(self._open_from_outline)
        self.holder = QWidget(self)
        self.holder.setLayout(self._column())
        self.splitter = ReaderSplit(self.outline, self.holder, self)
        outer.addWidget(self.splitter, 1)
        visible = str(self.settings.value(KEY_OUTLINE, "true")).lower() != "false"
        self.outline_button.setChecked(visible)
        self.outline.setVisible(visible)

    def _stage_area(self) -> QScrollArea:
        """The content scrolls as a whole only when its parts' minimum heights pass the room there is (a
        video's controls and a link's card at 200% text in an 800x600 window); a page scrolls itself."""
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        area.setWidget(self.stage)
        return area

    def _column(self) -> QVBoxLayout:
        """The text column: title, type and length, the section's content, the footer's buttons."""
        column = QVBoxLayout()
        column.setSpacing(theme.SPACE_S)
        self.title = heading("", "SectionTitle", self)  # a page-size heading would crowd large text
        self.title.setWordWrap(True)
        self.meta = muted(parent=self)
        self.stage = SectionStage(self._client, self._runner, self)
        self.stage.openSection.connect(self._open_linked)
        self.stage.watched.connect(self._on_watched)
        self.stage.positionToSave.connect(self._save_position)
        self.stage.quizCompleted.connect(self._quiz_completed)
        self.quiz = self.stage.quiz
        self.body = self.stage.document
        column.addWidget(self.title)
        column.addWidget(self.meta)
        column.addWidget(self._stage_area(), 1)
        self.footer = ReaderFooter(self)
        self.prev_button = self.footer.prev_button
        self.prev_button.clicked.connect(self.previous_section)
        self.complete_button = self.footer.complete_button
        self.complete_button.clicked.connect(self.mark_complete)
        self.next_button = self.footer.next_button
        self.next_button.clicked.connect(self._next)
        column.addLayout(self.footer)
        return column

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            ("Alt+Right", self._next),
            ("Alt+Up", self._back),
            ("Esc", self._back),
            ("Ctrl+Shift+O", lambda: self.outline_button.toggle()),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
        # Alt+Left is the window's Back, which calls previous_section() while the reader is shown; the
        # window's Zoom in/out/Actual size (Ctrl++, Ctrl+-, Ctrl+0) call zoom() while it is shown.

    # ---- text size and outline -----------------------------------------------------------------

    def zoom(self, direction: int) -> None:
        self.set_text_scale(text_size.step(self.text_scale, direction))

    def set_text_scale(self, scale: float, *, save: bool = True) -> None:
        self.text_scale = scale
        self.stage.document.set_scale(scale)
        metrics = self.stage.document.fontMetrics()
        chars = metrics.horizontalAdvance("abcdefghijklmnopqrstuvwxyz ") / 27
        margin = 2 * self.stage.document.document().documentMargin() + 24
        self.holder.setMaximumWidth(max(480, round(chars * READABLE_CHARS + margin)))
        if save:
            text_size.save(self.settings, scale)

    def set_outline_visible(self, visible: bool) -> None:
        self.outline.setVisible(visible and not self._narrow())
        self.splitter.fit_outline()
        self.settings.setValue(KEY_OUTLINE, "true" if visible else "false")

    def _narrow(self) -> bool:
        """Too little room for the outline beside the text (a small window or large text)."""
        cramped = self.width() < 24 * self.fontMetrics().averageCharWidth() + 480
        return cramped or self.width() // OUTLINE_SHARE < self.outline.minimumWidth()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.outline.setVisible(self.outline_button.isChecked() and not self._narrow())
        self.splitter.fit_outline()

    # ---- loading -------------------------------------------------------------------------------

    def show_section(
        self, section_id: int, course_id: int, course_title: str = "", *, highlight: str = ""
    ) -> None:
        if self.section is not None and self.section.id != section_id:
            self.report_time()
        self.course_id = course_id
        self.highlight_words = highlight.split()
        if course_title:
            self.course_title = course_title
        self.clock.start()
        if self.section is None or self.section.id != section_id:
            self.stage.leave()
            self.title.setText(self.tr("Loading…"))
            self.meta.clear()
        self._runner.run(
            self._load(section_id), owner=self, key="section", done=self._set_section, error=self._failed
        )
        if self.content is None or self.content.course_id != course_id:
            self.content = None
            self.outline.set_content(None, set(), None)
            self._runner.run(
                self._load_content(course_id),
                owner=self,
                key="content",
                done=self._set_content,
                error=lambda _e: None,
            )
        self._update_buttons()

    async def _load(self, section_id: int) -> Section:
        return (await self._client.section(section_id)).value

    async def _load_content(self, course_id: int) -> CourseContent:
        return (await self._client.content(course_id)).value

    def _failed(self, exc: BaseException) -> None:
        self.title.setText(self.tr("Section unavailable"))
        self.stage.document.show_markdown(
            self.tr("Couldn’t load this section: %1.").replace("%1", describe_error(exc))
        )

    def _set_section(self, section: Section) -> None:
        self.section = section
        self.title.setText(section.title)
        self.meta.setText(f"{type_label(section.type)}  ·  {section.duration_minutes} min")
        self.stage.show_section(section, self._position_of(section.id))
        if self.highlight_words:
            self.stage.document.highlight(self.highlight_words)
        self._update_crumbs()
        self._update_buttons()
        self.outline.set_current(section.id)
        self.sectionShown.emit(section.id)

    def _position_of(self, section_id: int) -> int | None:
        entry = course_sections.entry(self.content, section_id)
        return None if entry is None else entry.position_seconds

    def _set_content(self, content: CourseContent) -> None:
        if content.course_id != self.course_id:
            return
        first = self.content is None
        self.content = content
        done = course_sections.completed(content)
        self._learner.note_completed(sorted(done))
        self.outline.set_content(content, done, self.section.id if self.section else None)
        if first and self.section is not None and self.section.type == "video":
            self.stage.show_section(self.section, self._position_of(self.section.id))  # its resume point
        self._update_crumbs()
        self._update_buttons()

    def _update_crumbs(self) -> None:
        self.header.set_place(self.course_title, self.content, self.section)

    # ---- state ---------------------------------------------------------------------------------

    def is_completed(self) -> bool:
        if self.section is None:
            return False
        if self._learner.in_flight("complete", self.section.id):
            return True
        entry = course_sections.entry(self.content, self.section.id)
        return entry is not None and entry.completed_at is not None

    def _update_buttons(self) -> None:
        enrolled = self.course_id is not None and self._learner.is_enrolled(self.course_id)
        self.footer.show_state(self.section, enrolled=enrolled, done=self.is_completed())

    def _quiz_completed(self, section_id: int) -> None:
        if self.course_id is not None:
            self._learner.sectionCompletion.emit(section_id, self.course_id, True)
            self._learner.refresh_dashboard()

    def total_sections(self) -> int:
        return 0 if self.content is None else len(course_sections.in_order(self.content))

    # ---- actions -------------------------------------------------------------------------------

    def mark_complete(self) -> None:
        if self.section is None or self.course_id is None:
            return
        keep_focus = self.complete_button.hasFocus()
        spent = self.clock.lap()
        self._learner.mark_complete(self.section.id, self.course_id, self.total_sections(), time_spent=spent)
        if keep_focus or not self.isAncestorOf(self.focusWidget()):
            self.next_button.setFocus()  # the disabled button would hand focus to the next window widget

    def _on_watched(self) -> None:
        if (
            not self.is_completed()
            and self.course_id is not None
            and self._learner.is_enrolled(self.course_id)
        ):
            self.mark_complete()

    def _save_position(self, seconds: int, closing: bool) -> None:
        if self.section is not None and self.course_id is not None:
            self._learner.save_position(self.section.id, self.course_id, seconds, closing=closing)
            self._note_position(self.section.id, seconds)

    def _note_position(self, section_id: int, seconds: int) -> None:
        """Keep the outline's copy current, so coming back to the video resumes from here."""
        if self.content is not None:
            self.content = with_section(self.content, section_id, position_seconds=seconds)

    def showEvent(self, event: QShowEvent) -> None:
        if not event.spontaneous() and self.course_id is not None and not self.clock.running:
            self.clock.start()  # back on screen without a new section (it was only hidden)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        """Hidden by the window (another page, signing out): the section is left. A minimized window
        (a spontaneous hide) still has the learner's section open."""
        if not event.spontaneous():
            self.report_time()
        super().hideEvent(event)

    def report_time(self) -> None:
        """Send the time read in the current section, once (leaving it: another section, or hidden)."""
        if not self.clock.running:
            return
        self.stage.leave()
        spent = self.clock.stop()
        if self.section is not None and self.course_id is not None and not self.is_completed():
            self._learner.record_time(self.section.id, self.course_id, spent)

    def keep_time(self) -> None:
        """The window is closing: the time read so far goes to the outbox, sent by the next sync."""
        if not self.clock.running:
            return
        self.stage.leave(closing=True)
        spent = self.clock.stop()
        if self.section is not None and self.course_id is not None and not self.is_completed():
            self._learner.keep_time(self.section.id, self.course_id, spent)

    def previous_section(self) -> None:
        if (
            self.section is not None
            and self.section.prev_section_id is not None
            and self.course_id is not None
        ):
            self.show_section(self.section.prev_section_id, self.course_id)

    def _next(self) -> None:
        if self.section is None or self.course_id is None:
            return
        if self.section.next_section_id is not None:
            self.show_section(self.section.next_section_id, self.course_id)
        else:
            self.finish()

    def finish(self) -> None:
        """Finish on the last section: it is marked complete (a quiz completes when submitted instead),
        the learner is told, and the course page is shown."""
        if self.section is None or self.course_id is None:
            return
        course_id, section = self.course_id, self.section
        enrolled = self._learner.is_enrolled(course_id)
        if section.quiz is None and enrolled and not self.is_completed():
            self.mark_complete()
        if enrolled and self.is_completed():
            text = self.tr("“%1” is complete.").replace("%1", section.title)
        else:
            text = self.tr("You reached the end of “%1”.").replace("%1", self.course_title or section.title)
        self.message.emit(text)
        self.back.emit(course_id)

    def _open_from_outline(self, section_id: int) -> None:
        if self.course_id is not None and (self.section is None or section_id != self.section.id):
            self.show_section(section_id, self.course_id)

    def _open_linked(self, section_id: int) -> None:
        if self.course_id is not None:
            self.show_section(section_id, self.course_id)

    def _back(self) -> None:
        if self.stage.video is not None and self.stage.video.video.isFullScreen():  # type: ignore[attr-defined]
            self.stage.video.toggle_full_screen()  # type: ignore[attr-defined]
            return
        if self.course_id is not None:
            self.back.emit(self.course_id)  # the window shows the course; hiding the reader reports

    def _on_completion(self, section_id: int, course_id: int, completed: bool) -> None:
        if course_id != self.course_id or self.content is None:
            self._update_buttons()
            return
        stamp = datetime.now(UTC) if completed else None
        self.content = with_section(self.content, section_id, completed_at=stamp)
        done = course_sections.completed(self.content)
        self.outline.set_content(self.content, done, self.section.id if self.section else None)
        self._update_buttons()
