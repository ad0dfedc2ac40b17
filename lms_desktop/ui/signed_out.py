"""The start page while nobody is signed in: what happened and a way to sign in again.

Cancelling the sign-in dialog lands here instead of quitting, and signing out shows it after every screen
dropped the previous learner's data.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from lms_desktop.ui import a11y, theme
from lms_desktop.ui.widgets import heading, muted


class SignedOutPage(QWidget):
    signInRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_XL, theme.SPACE_XL, theme.SPACE_XL, theme.SPACE_XL)
        layout.setSpacing(theme.SPACE_M)
        layout.addStretch(1)
        self.title: QLabel = heading(self.tr("You are signed out"), parent=self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body: QLabel = muted(
            self.tr("Sign in to see the catalog, your courses and your progress."), self
        )
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sign_in = QPushButton(self.tr("Sign in…"), self)
        self.sign_in.setObjectName("Primary")
        a11y.describe(self.sign_in, self.tr("Sign in"), self.tr("Open the sign-in dialog"))
        self.sign_in.clicked.connect(self.signInRequested)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addWidget(self.sign_in, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)
