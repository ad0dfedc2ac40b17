"""One card per question: its prompt (HTML, images inline), the answer controls for its kind, and after
submitting, whether it was right, the points and the package's feedback.

Cards hold the learner's current input only (the answers are read from the controls when submitting);
every control has an accessible name saying which question and choice it is.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from lms_desktop.contract import AnswerValue, QuestionResult, QuizQuestion
from lms_desktop.ui import theme
from lms_desktop.ui.quiz.texts import question_header, tr, verdict

SCORED = ("single", "multiple", "text", "numeric")


def plain(html: str) -> str:
    return " ".join(QTextDocumentFragment.fromHtml(html).toPlainText().split())


def rich_label(html: str, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(html)
    label.setWordWrap(True)
    label.setOpenExternalLinks(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
    return label


class QuestionCard(QFrame):
    """Base: header, prompt, the kind's controls (`_build_answer`), verdict and feedback."""

    def __init__(self, question: QuizQuestion, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.number = number
        self.setObjectName("Card")
        self.setAccessibleName(tr("Question {n}").format(n=number))
        self.setAccessibleDescription(plain(question.prompt_html))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_L, theme.SPACE_M, theme.SPACE_L, theme.SPACE_M)
        layout.setSpacing(theme.SPACE_S)
        self.header = QLabel(question_header(number, question.points, question.kind in SCORED), self)
        self.header.setObjectName("Muted")
        self.prompt = rich_label(question.prompt_html, self)
        self.prompt.setAccessibleName(self.accessibleDescription())
        layout.addWidget(self.header)
        layout.addWidget(self.prompt)
        self._build_answer(layout)
        for control in self.findChildren(QWidget):  # focusing an answer reads its question out too
            if control.focusPolicy() != Qt.FocusPolicy.NoFocus and control is not self.prompt:
                control.setAccessibleDescription(self.accessibleDescription())
        self.verdict = QLabel(self)
        self.verdict.setObjectName("Verdict")
        self.verdict.hide()
        self.feedback = rich_label("", self)
        self.feedback.hide()
        layout.addWidget(self.verdict)
        layout.addWidget(self.feedback)

    def _name(self, what: str) -> str:
        return tr("Question {n}: {what}").format(n=self.number, what=what)

    # ---- per kind ------------------------------------------------------------------------------

    def _build_answer(self, layout: QVBoxLayout) -> None:
        note = QLabel(tr("This question can't be answered here."), self)
        note.setObjectName("Muted")
        layout.addWidget(note)

    def answer(self) -> AnswerValue | None:
        """The learner's answer, None when left blank. Raises ValueError for input that is not valid."""
        return None

    def set_answer(self, value: AnswerValue | None) -> None:
        pass

    def set_locked(self, locked: bool) -> None:
        pass

    def focus_target(self) -> QWidget | None:
        """The control Tab should reach first in this card."""
        return None

    # ---- results -------------------------------------------------------------------------------

    def show_result(self, result: QuestionResult | None) -> None:
        if result is None:
            self.verdict.hide()
            self.feedback.hide()
            return
        t = theme.current()
        colour = t.text_muted if result.correct is None else t.success if result.correct else t.danger
        self.verdict.setText(verdict(result, self.question.points))
        self.verdict.setStyleSheet(f"color: {colour.name()}; font-weight: 600;")
        self.verdict.setAccessibleName(self._name(self.verdict.text()))
        self.verdict.show()
        self.feedback.setText(result.feedback_html or "")
        self.feedback.setVisible(bool(result.feedback_html))


class _ChoiceCard(QuestionCard):
    exclusive = True

    def _build_answer(self, layout: QVBoxLayout) -> None:
        # radio buttons: one tab stop, arrows move and pick; check boxes: a tab stop each (a QButtonGroup
        # would make them one stop that arrows cannot move through)
        self.group = QButtonGroup(self)
        self.buttons: list[QAbstractButton] = []
        for choice in self.question.choices:
            text = plain(choice.html) or choice.id
            button: QAbstractButton = QRadioButton(text, self) if self.exclusive else QCheckBox(text, self)
            button.setProperty("choice_id", choice.id)
            button.setAccessibleName(self._name(text))
            if self.exclusive:
                self.group.addButton(button)
            self.buttons.append(button)
            layout.addWidget(button)
            if "<img" in choice.html:
                layout.addWidget(rich_label(choice.html, self))

    def set_locked(self, locked: bool) -> None:
        for button in self.buttons:
            button.setEnabled(not locked)

    def focus_target(self) -> QWidget | None:
        checked = next((b for b in self.buttons if b.isChecked()), None)
        return checked or (self.buttons[0] if self.buttons else None)


class SingleCard(_ChoiceCard):
    def answer(self) -> AnswerValue | None:
        checked = self.group.checkedButton()
        return None if checked is None else str(checked.property("choice_id"))

    def set_answer(self, value: AnswerValue | None) -> None:
        self.group.setExclusive(False)  # an exclusive group cannot clear its last checked button
        for button in self.buttons:
            button.setChecked(button.property("choice_id") == value)
        self.group.setExclusive(True)


class MultipleCard(_ChoiceCard):
    exclusive = False

    def answer(self) -> AnswerValue | None:
        picked = [str(b.property("choice_id")) for b in self.buttons if b.isChecked()]
        return picked or None

    def set_answer(self, value: AnswerValue | None) -> None:
        chosen = set(value) if isinstance(value, list) else set()
        for button in self.buttons:
            button.setChecked(button.property("choice_id") in chosen)


class TextCard(QuestionCard):
    def _build_answer(self, layout: QVBoxLayout) -> None:
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(tr("Your answer"))
        self.field.setAccessibleName(self._name(tr("your answer")))
        self.field.setMaxLength(2000)
        layout.addWidget(self.field)

    def answer(self) -> AnswerValue | None:
        return self.field.text() if self.field.text().strip() else None

    def set_answer(self, value: AnswerValue | None) -> None:
        self.field.setText(value if isinstance(value, str) else "")

    def set_locked(self, locked: bool) -> None:
        self.field.setReadOnly(locked)

    def focus_target(self) -> QWidget | None:
        return self.field


class NumericCard(TextCard):
    def _build_answer(self, layout: QVBoxLayout) -> None:
        super()._build_answer(layout)
        self.field.setPlaceholderText(tr("A number, e.g. 3.14"))
        self.field.setAccessibleName(self._name(tr("a number")))
        self.field.setMaxLength(64)
        self.error = QLabel(tr("Enter a number, like 42 or 3.14."), self)
        self.error.setStyleSheet(f"color: {theme.current().danger.name()};")
        self.error.hide()
        layout.addWidget(self.error)

    def answer(self) -> AnswerValue | None:
        text = self.field.text().strip().replace(",", ".").replace(" ", "")
        self.error.hide()
        if not text:
            return None
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            self.error.show()
            raise ValueError(self.error.text())
        return value

    def set_answer(self, value: AnswerValue | None) -> None:
        shown = "" if isinstance(value, list | str) or value is None else f"{value:g}"
        self.field.setText(shown)


class EssayCard(QuestionCard):
    def _build_answer(self, layout: QVBoxLayout) -> None:
        self.field = QPlainTextEdit(self)
        self.field.setTabChangesFocus(True)
        self.field.setPlaceholderText(tr("Write your answer (Ctrl+Enter submits)"))
        self.field.setAccessibleName(self._name(tr("your essay")))
        self.field.setMinimumHeight(90)
        self.field.setMaximumHeight(180)
        layout.addWidget(self.field)

    def answer(self) -> AnswerValue | None:
        text = self.field.toPlainText()
        return text if text.strip() else None

    def set_answer(self, value: AnswerValue | None) -> None:
        self.field.setPlainText(value if isinstance(value, str) else "")

    def set_locked(self, locked: bool) -> None:
        self.field.setReadOnly(locked)

    def focus_target(self) -> QWidget | None:
        return self.field


CARDS: dict[str, type[QuestionCard]] = {
    "single": SingleCard,
    "multiple": MultipleCard,
    "text": TextCard,
    "numeric": NumericCard,
    "essay": EssayCard,
}


def card_for(question: QuizQuestion, number: int, parent: QWidget) -> QuestionCard:
    return CARDS.get(question.kind, QuestionCard)(question, number, parent)
