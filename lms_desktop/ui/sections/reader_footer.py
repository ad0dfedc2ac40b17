"""The reader's footer: Previous, Mark complete and Next (Finish on the last section), in a row that wraps
instead of squeezing with large text.

Why apart from the reader: what each button says and allows follows from the section and the learner's
enrollment alone; the reader only connects the buttons to its actions.
"""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from lms_desktop.contract import Section
from lms_desktop.ui import theme
from lms_desktop.ui.flow_layout import FlowLayout


class ReaderFooter(FlowLayout):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(spacing=theme.SPACE_S)
        self.prev_button = QPushButton(self.tr("←  Previous"), parent)
        self.prev_button.setObjectName("Secondary")
        self.prev_button.setAccessibleName(self.tr("Previous section (Alt+Left)"))
        self.prev_button.setAccessibleDescription(self.tr("Open the section before this one"))
        self.complete_button = QPushButton(self.tr("Mark complete"), parent)
        self.complete_button.setObjectName("Primary")
        self.next_button = QPushButton(self.tr("Next  →"), parent)
        self.next_button.setObjectName("Secondary")
        self.next_button.setAccessibleName(self.tr("Next section (Alt+Right)"))
        self.next_button.setAccessibleDescription(self.tr("Open the section after this one"))
        for button in (self.prev_button, self.complete_button, self.next_button):
            self.addWidget(button)

    def show_state(self, section: Section | None, *, enrolled: bool, done: bool) -> None:
        """The buttons for `section` (None: still loading), its completion and the learner's enrollment."""
        self.prev_button.setEnabled(section is not None and section.prev_section_id is not None)
        last = section is not None and section.next_section_id is None
        self.next_button.setText(self.tr("Finish  ✓") if last else self.tr("Next  →"))
        finish = self.tr("Finish: back to the course page (Alt+Right)")
        self.next_button.setAccessibleName(finish if last else self.tr("Next section (Alt+Right)"))
        complete = self.complete_button
        complete.setEnabled(section is not None and enrolled and not done)
        complete.setText(self.tr("Completed  ✓") if done else self.tr("Mark complete"))
        complete.setAccessibleName(complete.text())
        complete.setToolTip("" if enrolled else self.tr("Enroll in the course to track your progress"))
        complete.setVisible(section is None or section.quiz is None)  # a quiz completes when submitted
