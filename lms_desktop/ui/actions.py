"""The window's actions and menu bar: every command a learner can give, with its standard shortcut.

Built from `QAction`s so that a command has one name, one shortcut and one enabled state wherever it shows
(menu, shortcut, help). Shortcuts follow the platform (`QKeySequence.StandardKey`); where a platform defines
none (Quit and Preferences on some desktops) the common binding is used, so the keys always work.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

if TYPE_CHECKING:
    from lms_desktop.ui.main_window import MainWindow

Std = QKeySequence.StandardKey


def keys(standard: Std, fallback: str = "") -> list[QKeySequence]:
    """The platform's bindings for `standard`, or `fallback` where the platform has none."""
    bound = [k for k in QKeySequence.keyBindings(standard) if k.toString() != "Backspace"]
    if not bound and fallback:
        bound = [QKeySequence(fallback)]
    return bound


@dataclass
class WindowActions:
    refresh: QAction
    settings: QAction
    sign_out: QAction
    open_log: QAction
    quit: QAction
    find: QAction
    list_mode: QAction
    grid_mode: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    catalog: QAction
    dashboard: QAction
    back: QAction
    shortcuts: QAction
    about: QAction
    go_menu: QMenu

    def all(self) -> list[QAction]:
        return [v for v in vars(self).values() if isinstance(v, QAction)]


def _action(
    window: MainWindow,
    text: str,
    slot: Callable[[], object],
    shortcut: list[QKeySequence] | None = None,
    tip: str = "",
) -> QAction:
    action = QAction(text, window)
    if shortcut:
        action.setShortcuts(shortcut)
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)  # shortcuts work even when the menu bar is hidden
    return action


def build(window: MainWindow) -> WindowActions:
    """Create the actions and the menu bar of `window`."""
    a = WindowActions(
        refresh=_action(
            window,
            QCoreApplication.translate("Actions", "&Refresh"),
            window.refresh,
            keys(Std.Refresh, "F5"),
            QCoreApplication.translate("Actions", "Load the current page again from the server"),
        ),
        settings=_action(
            window,
            QCoreApplication.translate("Actions", "&Settings…"),
            window.open_settings,
            keys(Std.Preferences, "Ctrl+,"),
            QCoreApplication.translate("Actions", "Theme, text size, language, cache and server"),
        ),
        sign_out=_action(
            window,
            QCoreApplication.translate("Actions", "Sign &out"),
            window.sign_out,
            None,
            QCoreApplication.translate("Actions", "Sign out of this account"),
        ),
        open_log=_action(
            window,
            QCoreApplication.translate("Actions", "Open &log folder"),
            window.open_log_folder,
            None,
            QCoreApplication.translate("Actions", "Show the folder with the application's log files"),
        ),
        quit=_action(
            window,
            QCoreApplication.translate("Actions", "&Quit"),
            window.close,
            keys(Std.Quit, "Ctrl+Q"),
            QCoreApplication.translate("Actions", "Quit LMS Desktop"),
        ),
        find=_action(
            window,
            QCoreApplication.translate("Actions", "&Find courses"),
            window.focus_search,
            keys(Std.Find, "Ctrl+F"),
            QCoreApplication.translate("Actions", "Search the catalog"),
        ),
        list_mode=_action(
            window,
            QCoreApplication.translate("Actions", "As a &list"),
            lambda: window.set_catalog_mode("list"),
            None,
            QCoreApplication.translate("Actions", "Show the catalog as a list"),
        ),
        grid_mode=_action(
            window,
            QCoreApplication.translate("Actions", "As a &grid"),
            lambda: window.set_catalog_mode("grid"),
            None,
            QCoreApplication.translate("Actions", "Show the catalog as a grid of tiles"),
        ),
        zoom_in=_action(
            window,
            QCoreApplication.translate("Actions", "Zoom &in"),
            lambda: window.zoom(+1),
            [*keys(Std.ZoomIn, "Ctrl++"), QKeySequence("Ctrl+=")],
            QCoreApplication.translate("Actions", "Larger text"),
        ),
        zoom_out=_action(
            window,
            QCoreApplication.translate("Actions", "Zoom &out"),
            lambda: window.zoom(-1),
            keys(Std.ZoomOut, "Ctrl+-"),
            QCoreApplication.translate("Actions", "Smaller text"),
        ),
        zoom_reset=_action(
            window,
            QCoreApplication.translate("Actions", "&Actual size"),
            lambda: window.zoom(0),
            [QKeySequence("Ctrl+0")],
            QCoreApplication.translate("Actions", "Text at its normal size"),
        ),
        catalog=_action(
            window,
            QCoreApplication.translate("Actions", "&Catalog"),
            window.show_catalog,
            [QKeySequence("Ctrl+1")],
            QCoreApplication.translate("Actions", "Browse and search all courses"),
        ),
        dashboard=_action(
            window,
            QCoreApplication.translate("Actions", "&My learning"),
            window.show_dashboard,
            [QKeySequence("Ctrl+2")],
            QCoreApplication.translate("Actions", "Your courses and progress"),
        ),
        back=_action(
            window,
            QCoreApplication.translate("Actions", "&Back"),
            window.go_back,
            keys(Std.Back, "Alt+Left"),
            QCoreApplication.translate("Actions", "Go back to the previous page"),
        ),
        shortcuts=_action(
            window,
            QCoreApplication.translate("Actions", "&Keyboard shortcuts"),
            window.show_shortcuts,
            [*keys(Std.HelpContents, "F1"), QKeySequence("Ctrl+?")],
            QCoreApplication.translate("Actions", "List every keyboard shortcut"),
        ),
        about=_action(
            window,
            QCoreApplication.translate("Actions", "&About LMS Desktop"),
            window.show_about,
            None,
            QCoreApplication.translate("Actions", "Version and licenses"),
        ),
        go_menu=QMenu(QCoreApplication.translate("Actions", "&Go"), window),
    )
    a.quit.setMenuRole(QAction.MenuRole.QuitRole)
    a.settings.setMenuRole(QAction.MenuRole.PreferencesRole)
    a.about.setMenuRole(QAction.MenuRole.AboutRole)
    a.shortcuts.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    modes = QActionGroup(window)
    for mode in (a.list_mode, a.grid_mode):
        mode.setCheckable(True)
        modes.addAction(mode)
    a.list_mode.setChecked(True)

    bar: QMenuBar = window.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("Actions", "&File"))
    file_menu.addActions([a.refresh, a.settings])
    file_menu.addSeparator()
    file_menu.addActions([a.sign_out, a.open_log])
    file_menu.addSeparator()
    file_menu.addAction(a.quit)
    edit_menu = bar.addMenu(QCoreApplication.translate("Actions", "&Edit"))
    edit_menu.addAction(a.find)
    view_menu = bar.addMenu(QCoreApplication.translate("Actions", "&View"))
    view_menu.addActions([a.list_mode, a.grid_mode])
    view_menu.addSeparator()
    view_menu.addActions([a.zoom_in, a.zoom_out, a.zoom_reset])
    bar.addMenu(a.go_menu)
    a.go_menu.addActions([a.back])
    a.go_menu.addSeparator()
    a.go_menu.addActions([a.catalog, a.dashboard])
    help_menu = bar.addMenu(QCoreApplication.translate("Actions", "&Help"))
    help_menu.addActions([a.shortcuts, a.open_log])
    help_menu.addSeparator()
    help_menu.addAction(a.about)
    return a


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(command, keys) for every action with a shortcut, as the shortcuts help lists them."""
    rows = []
    for action in actions:
        bound = [
            text
            for k in action.shortcuts()
            if "+" in (text := k.toString(QKeySequence.SequenceFormat.NativeText))
            or re.fullmatch(r"F\d{1,2}", text)
        ]  # keys on a keyboard: not the media keys ("Refresh", "Zoom In") some platforms bind too
        if bound:
            rows.append((action.text().replace("&", "").rstrip("…"), ", ".join(bound)))
    return rows
