"""A file section: the attachment's name, kind and size, Open (fetched, then the system application) and
Save as...; offline the downloaded copy is used, else the learner is told it needs a connection."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from lms_desktop.client import LmsClient
from lms_desktop.contract import Asset
from lms_desktop.ui.learner import describe_error
from lms_desktop.ui.sections.formats import file_kind, file_size
from lms_desktop.ui.tasks import TaskRunner
from lms_desktop.ui.widgets import RowLabel, muted


class FileCard(QWidget):
    opened = Signal(str)  # the local path handed to the system

    def __init__(self, client: LmsClient, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._runner = runner
        self.asset: Asset | None = None
        self.setObjectName("Card")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(self)
        self.name = RowLabel(self)  # its wrapped height holds when the reader's content scrolls as a whole
        self.name.setObjectName("SectionTitle")
        self.details = muted(parent=self)
        self.status = RowLabel(self)  # hidden while it has nothing to say
        self.status.setObjectName("Muted")
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setObjectName("Primary")
        self.open_button.setAccessibleName(self.tr("Open the file"))
        self.open_button.clicked.connect(self.open_file)
        self.save_button = QPushButton(self.tr("Save as…"), self)
        self.save_button.setAccessibleName(self.tr("Save the file as"))
        self.save_button.clicked.connect(self.save_as)
        row.addWidget(self.open_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout.addWidget(self.name)
        layout.addWidget(self.details)
        layout.addLayout(row)
        layout.addWidget(self.status)

    def show_asset(self, asset: Asset | None) -> None:
        self.asset = asset
        self.status.setText("")
        has = asset is not None
        self.open_button.setEnabled(has)
        self.save_button.setEnabled(has)
        if asset is None:
            self.name.setText(self.tr("This file is missing from the course."))
            self.details.clear()
            return
        self.name.setText(asset.name)
        self.details.setText(f"{file_kind(asset.content_type, asset.name)}  ·  {file_size(asset.size)}")

    def _fetch(self, then: str) -> None:
        if self.asset is None:
            return
        self.status.setText(self.tr("Getting the file…"))
        self._runner.run(
            self._client.files.asset_file(self.asset),
            owner=self,
            key="file",
            done=self.open_path if then == "open" else self._save_path,
            error=self._failed,
        )

    def open_file(self) -> None:
        self._fetch("open")

    def open_path(self, path: Path) -> None:
        self.status.setText("")
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.opened.emit(str(path))

    def save_as(self) -> None:
        self._fetch("save")

    def _save_path(self, path: Path) -> None:
        self.status.setText("")
        assert self.asset is not None
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save file"), self.asset.name)
        if not target:
            return

        async def copy() -> None:
            import asyncio

            await asyncio.to_thread(shutil.copyfile, path, target)

        self._runner.run(
            copy(),
            owner=self,
            done=lambda _r: self.status.setText(self.tr("Saved.")),
            error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Couldn’t get the file: %1.").replace("%1", describe_error(exc)))
