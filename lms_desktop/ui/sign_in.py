"""The sign-in dialog for a remote server: runs the sign-in in the background, shows the server's message."""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from lms_desktop.client import LmsClient
from lms_desktop.contract import User
from lms_desktop.ui import a11y, theme
from lms_desktop.ui.learner import describe_error
from lms_desktop.ui.tasks import TaskRunner


def server_name(label: str) -> str:
    """What to call the server for a learner: its host name, not a URL with scheme and port."""
    parts = urlsplit(label)
    return parts.hostname or label if parts.scheme in ("http", "https") else label


class SignInDialog(QDialog):
    def __init__(
        self, client: LmsClient, runner: TaskRunner, server_label: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in"))
        self.setMinimumWidth(380)
        self._client = client
        self._runner = runner
        self.user: User | None = None
        layout = QVBoxLayout(self)
        layout.setSpacing(theme.SPACE_M)
        intro = QLabel(self.tr("Sign in to continue learning."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        where = QLabel(self.tr("Server: {0}").format(server_name(server_label)), self)
        where.setObjectName("Muted")
        where.setToolTip(server_label)
        layout.addWidget(where)
        form = QFormLayout()
        self.username = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        a11y.describe(self.username, self.tr("Username"), self.tr("Your account's user name"))
        a11y.describe(self.password, self.tr("Password"), self.tr("Your account's password"))
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Password"), self.password)
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
            ok.setText(self.tr("Sign in"))
            a11y.describe(ok, self.tr("Sign in"), self.tr("Sign in with this username and password"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            a11y.describe(cancel, self.tr("Cancel"), self.tr("Stay signed out"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _submit(self) -> None:
        if not self.username.text() or not self.password.text():
            self._say(self.tr("Enter your username and password."))
            return
        self._say(self.tr("Signing in…"))
        self.buttons.setEnabled(False)
        self._runner.run(
            self._client.sign_in(self.username.text(), self.password.text()),
            owner=self,
            key="sign-in",
            done=self._signed_in,
            error=self._failed,
        )

    def _say(self, text: str) -> None:
        self.error.setText(text)
        a11y.announce(self, text)

    def _signed_in(self, user: User) -> None:
        self.user = user
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        status = getattr(exc, "status", None)
        if status in (400, 401, 403):
            self._say(self.tr("That username and password do not match."))
        else:
            self._say(self.tr("Couldn’t sign in: {0}.").format(describe_error(exc)))
