"""The catalog screen: heading, List/Grid switch, search bar and the course view."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from lms_desktop.ui import a11y, theme
from lms_desktop.ui.catalog.model import CatalogModel
from lms_desktop.ui.catalog.thumbnails import ThumbnailCache
from lms_desktop.ui.catalog.view import CatalogView
from lms_desktop.ui.search_bar import SearchBar
from lms_desktop.ui.widgets import heading


class CatalogPage(QWidget):
    def __init__(
        self, model: CatalogModel, thumbnails: ThumbnailCache, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_XL - 8, theme.SPACE_L, theme.SPACE_XL - 8, 0)
        layout.setSpacing(theme.SPACE_M)
        top = QHBoxLayout()
        top.setContentsMargins(8, 0, 8, 0)
        top.addWidget(heading(self.tr("Browse courses"), parent=self), 1)
        self.list_button = QPushButton(self.tr("List"), self)
        self.grid_button = QPushButton(self.tr("Grid"), self)
        a11y.describe(self.list_button, self.tr("List view"), self.tr("Show the courses as a list"))
        a11y.describe(self.grid_button, self.tr("Grid view"), self.tr("Show the courses as a grid of tiles"))
        for b in (self.list_button, self.grid_button):  # not a button group: Tab reaches both
            b.setCheckable(True)
            b.setObjectName("Secondary")
            top.addWidget(b)
        layout.addLayout(top)
        self.search = SearchBar(self)
        self.search.set_margins(8, 0, 8, 0)
        layout.addWidget(self.search)
        self.view = CatalogView(model, thumbnails, self)
        layout.addWidget(self.view, 1)
        self.list_button.clicked.connect(lambda: self.set_mode("list"))
        self.grid_button.clicked.connect(lambda: self.set_mode("grid"))
        self.list_button.setChecked(True)

    def set_mode(self, mode: str) -> None:
        self.view.set_mode("grid" if mode == "grid" else "list")
        self.grid_button.setChecked(mode == "grid")
        self.list_button.setChecked(mode != "grid")
