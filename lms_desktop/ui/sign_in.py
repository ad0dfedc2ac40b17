"""The sign-in dialog for a remote server: runs the sign-in in the background, shows the server's message."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from lms_desktop.client import LmsClient
from lms_desktop.contract import User
from lms_desktop.ui import theme
from lms_desktop.ui.learner import describe_error
from lms_desktop.ui.tasks import TaskRunner


class SignInDialog(QDialog):
    def __init__(
        self, client: LmsClient, runner: TaskRunner, server_label: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sign in")
        self.setMinimumWidth(380)
        self._client = client
        self._runner = runner
        self.user: User | None = None
        layout = QVBoxLayout(self)
        layout.setSpacing(theme.SPACE_M)
        intro = QLabel(f"Sign in to <b>{server_label}</b>", self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow("Username", self.username)
        form.addRow("Password", self.password)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setObjectName("Muted")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText("Sign in")
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _submit(self) -> None:
        if not self.username.text() or not self.password.text():
            self.error.setText("Enter your username and password.")
            return
        self.error.setText("Signing in…")
        self.buttons.setEnabled(False)
        self._runner.run(
            self._client.sign_in(self.username.text(), self.password.text()),
            owner=self,
            key="sign-in",
            done=self._signed_in,
            error=self._failed,
        )

    def _signed_in(self, user: User) -> None:
        self.user = user
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        status = getattr(exc, "status", None)
        if status in (400, 401, 403):
            self.error.setText("That username and password do not match.")
        else:
            self.error.setText(f"Couldn’t sign in: {describe_error(exc)}.")
