"""QuizView: a quiz section's questions, Submit, then per-question results, the score, attempts left and
Try again. Offline the attempt is kept by the client's outbox ("Submitted - scored when you're back
online") and its result appears in place once a sync has scored it.

Every request goes through the TaskRunner (the UI thread never waits). Keyboard: Tab through the
controls, arrows between choices, Space to pick, Enter submits (Ctrl+Enter inside an essay).
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from lms_desktop.client import LmsClient
from lms_desktop.contract import AnswerValue, AttemptList, AttemptResult, Quiz, Section
from lms_desktop.ui import a11y, theme
from lms_desktop.ui.learner import describe_error
from lms_desktop.ui.quiz.images import inline_images, loader_for
from lms_desktop.ui.quiz.questions import QuestionCard, card_for, rich_label
from lms_desktop.ui.quiz.texts import WAITING, attempts_line, score_line, tr
from lms_desktop.ui.tasks import TaskRunner
from lms_desktop.ui.widgets import RowLabel


class InvalidAnswer(ValueError):
    """An answer that cannot be sent as it is (a number that is not one), with the card it is on."""

    def __init__(self, card: QuestionCard, why: str) -> None:
        super().__init__(why)
        self.card = card


class QuizView(QWidget):
    """Show with `show_section(section)`; `completed(section_id)` when an attempt is scored or kept."""

    completed = Signal(int)

    def __init__(self, client: LmsClient, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._runner = runner
        self._load_image = loader_for(client)
        self.section: Section | None = None
        self.quiz: Quiz | None = None
        self.attempts: AttemptList | None = None
        self.cards: list[QuestionCard] = []
        self._op_id: str | None = None
        self._build()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(theme.SPACE_S)
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller.setAccessibleName(tr("Questions"))
        self.scroller.setAccessibleDescription(
            tr("The quiz's questions; arrow keys scroll when it has the focus")
        )
        self.page = QWidget(self.scroller)
        self.column = QVBoxLayout(self.page)
        self.column.setContentsMargins(0, 0, theme.SPACE_S, 0)
        self.column.setSpacing(theme.SPACE_M)
        self.intro = rich_label("", self.page)
        self.summary = QLabel(self.page)
        self.summary.setObjectName("Muted")
        self.column.addWidget(self.intro)
        self.column.addWidget(self.summary)
        self.column.addStretch(1)
        self.scroller.setWidget(self.page)
        outer.addWidget(self.scroller, 1)

        footer = QHBoxLayout()
        self.status = RowLabel(self)
        self.status.setObjectName("SectionTitle")
        self.retry_button = QPushButton(tr("Try again"), self)
        self.retry_button.setObjectName("Secondary")
        self.retry_button.setAccessibleName(tr("Try again"))
        self.retry_button.setAccessibleDescription(tr("Start a new attempt at this quiz"))
        self.retry_button.clicked.connect(self.try_again)
        self.submit_button = QPushButton(tr("Submit"), self)
        self.submit_button.setObjectName("Primary")
        self.submit_button.setAccessibleName(tr("Submit answers"))
        self.submit_button.setAccessibleDescription(tr("Send your answers to be scored"))
        self.submit_button.clicked.connect(self.submit)
        footer.addStretch(1)
        footer.addWidget(self.retry_button)
        footer.addWidget(self.submit_button)
        outer.addWidget(self.status)  # its own row: a long message at 200% text wraps over the full width
        outer.addLayout(footer)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # Enter alone starts a new line in an essay
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.submit)

    # ---- showing a quiz --------------------------------------------------------------------------

    def show_section(self, section: Section) -> None:
        """Show `section`'s quiz: a kept attempt still waiting, else the latest attempt's results, else
        blank answers."""
        self.section, self.quiz, self.attempts, self._op_id = section, section.quiz, None, None
        self._runner.cancel_owner(self)
        self._rebuild_cards()
        self.intro.setText(section.body_html or "")
        self.intro.setVisible(bool(section.body_html))
        self.summary.clear()
        self._set_answering(tr("Loading your attempts…"))
        self.submit_button.setEnabled(False)
        waiting = self._client.pending_attempts(section.id)
        if waiting:
            op_id, answers = waiting[-1]
            self._fill(answers)
            self._wait_for(op_id)
        self._runner.run(
            self._load_attempts(section.id),
            owner=self,
            key="attempts",
            done=self._set_attempts,
            error=self._attempts_failed,
        )

    def _rebuild_cards(self) -> None:
        for card in self.cards:
            self.column.removeWidget(card)
            card.deleteLater()
        self.cards = []
        questions = self.quiz.questions if self.quiz is not None else []
        for number, question in enumerate(questions, start=1):
            card = card_for(question, number, self.page)
            self.column.insertWidget(self.column.count() - 1, card)
            self.cards.append(card)
            if self._load_image is not None and "<img" in question.prompt_html:
                self._runner.run(
                    inline_images(question.prompt_html, self._load_image),
                    owner=self,
                    key=f"images-{number}",
                    done=card.prompt.setText,
                    error=lambda _e: None,
                )

    async def _load_attempts(self, section_id: int) -> AttemptList:
        return (await self._client.attempts(section_id)).value

    def _set_attempts(self, listing: AttemptList) -> None:
        if self.section is None or listing.section_id != self.section.id:
            return
        self.attempts = listing
        self.summary.setText(attempts_line(listing))
        if self._op_id is not None:  # an attempt is on its way: its answer decides what shows
            return
        latest = next((a for a in listing.attempts if a.latest), None)
        if latest is not None:
            self._fill(latest.answers)
            self._show_result(
                AttemptResult(
                    attempt=latest.attempt,
                    score=latest.score,
                    max_score=latest.max_score,
                    results=latest.results,
                )
            )
        else:
            self._set_answering("")

    def _attempts_failed(self, exc: BaseException) -> None:
        """Offline and never fetched: the quiz can still be taken (the attempt waits in the outbox)."""
        if self._op_id is None:
            self._set_answering("")
            self.summary.setText(
                tr("Your earlier attempts can't be shown right now ({why}).").format(why=describe_error(exc))
            )

    # ---- answering -------------------------------------------------------------------------------

    def _attempts_left(self) -> int | None:
        return None if self.attempts is None else self.attempts.attempts_left

    def _set_answering(self, message: str) -> None:
        for card in self.cards:
            card.set_locked(False)
            card.show_result(None)
        self.status.setText(message)
        left = self._attempts_left()
        self.submit_button.setEnabled(bool(self.cards) and left != 0)
        self.submit_button.setVisible(True)
        self.retry_button.setVisible(False)
        if left == 0:
            self.status.setText(tr("No attempts left"))
        elif not self.cards:
            self.status.setText(tr("This quiz has no questions."))

    def _fill(self, answers: dict[str, AnswerValue]) -> None:
        for card in self.cards:
            card.set_answer(answers.get(card.question.id))

    def answers(self) -> dict[str, AnswerValue]:
        """What the learner entered; raises InvalidAnswer (shown under the field) for a bad number."""
        found: dict[str, AnswerValue] = {}
        for card in self.cards:
            try:
                value = card.answer()
            except ValueError as exc:
                raise InvalidAnswer(card, str(exc)) from exc
            if value is not None:
                found[card.question.id] = value
        return found

    def submit(self) -> None:
        if self.section is None or not self.submit_button.isEnabled() or not self.submit_button.isVisible():
            return
        try:
            answers = self.answers()
        except InvalidAnswer as exc:
            self._point_at(exc.card, str(exc))
            return
        section = self.section
        self._op_id = op_id = uuid.uuid4().hex
        self._lock(tr("Submitting…"))
        self._runner.run(
            self._client.submit_attempt(section.id, answers, course_id=section.course_id, op_id=op_id),
            owner=self,
            key="submit",
            done=lambda result: self._submitted(op_id, result),
            error=self._submit_failed,
        )

    def _point_at(self, card: QuestionCard, why: str) -> None:
        """A question the learner must fix: named in the status, scrolled into view, its field focused (it
        may be far below the Submit button the learner pressed)."""
        self.status.setText(tr("Question {n}: {why}").format(n=card.number, why=why))
        self.scroller.ensureWidgetVisible(card)
        target = card.focus_target()
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        a11y.announce(self, self.status.text())

    def _lock(self, message: str) -> None:
        for card in self.cards:
            card.set_locked(True)
        self.submit_button.setEnabled(False)
        self.status.setText(message)

    def _submitted(self, op_id: str, result: AttemptResult | None) -> None:
        if op_id != self._op_id or self.section is None:
            return
        self.completed.emit(self.section.id)
        if result is None:
            self._wait_for(op_id)
            return
        self._scored(result)

    def _submit_failed(self, exc: BaseException) -> None:
        self._op_id = None
        self._set_answering(tr("Not submitted: {why}.").format(why=describe_error(exc)))

    def _wait_for(self, op_id: str) -> None:
        """Kept by the outbox: say so, and show the result when a sync has it."""
        self._op_id = op_id
        self._lock(tr(WAITING))
        self.submit_button.setVisible(False)
        self._runner.run(
            self._client.attempt_result(op_id),
            owner=self,
            key="waiting",
            done=lambda result: self._arrived(op_id, result),
            error=self._refused_later,
        )

    def _arrived(self, op_id: str, result: AttemptResult | None) -> None:
        if op_id != self._op_id or self.section is None:
            return
        self._op_id = None
        if result is None:  # sent by an earlier run of the app: the attempts list has it
            self.show_section(self.section)
            return
        self._scored(result)

    def _refused_later(self, exc: BaseException) -> None:
        self._op_id = None
        self._set_answering(tr("Your attempt was not accepted: {why}.").format(why=describe_error(exc)))

    def _scored(self, result: AttemptResult) -> None:
        self._op_id = None
        self._show_result(result)
        if self.section is not None:  # the new attempts left and best score
            self._runner.run(
                self._load_attempts(self.section.id),
                owner=self,
                key="attempts",
                done=self._set_attempts,
                error=lambda _e: None,
            )

    def _show_result(self, result: AttemptResult) -> None:
        for card in self.cards:
            card.set_locked(True)
            card.show_result(result.results.get(card.question.id))
        self.status.setText(score_line(result.score, result.max_score))
        self.submit_button.setVisible(False)
        can_retry = self._attempts_left() != 0 or self.attempts is None
        self.retry_button.setVisible(can_retry)
        if can_retry:
            self.retry_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def try_again(self) -> None:
        for card in self.cards:
            card.set_answer(None)
        self._set_answering("")
        self.scroller.verticalScrollBar().setValue(0)
        first = next((c.focus_target() for c in self.cards if c.focus_target() is not None), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- keyboard --------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.retry_button.isVisible() and self.focusWidget() is self.retry_button:
                self.try_again()
                return
            if not isinstance(self.focusWidget(), QPlainTextEdit) and self.submit_button.isVisible():
                self.submit()
                return
        super().keyPressEvent(event)
