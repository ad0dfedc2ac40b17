"""The window's actions and menu bar: every command a learner can give, with its standard shortcut.

Built from `QAction`s so that a command has one name, one shortcut and one enabled state wherever it shows
(menu, shortcut, help). Shortcuts follow the platform (`QKeySequence.StandardKey`); where a platform defines
none (Quit and Preferences on some desktops) the common binding is used, so the keys always work.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
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


@dataclass(frozen=True)
class Spec:
    """One command: its menu text and tip (translated when built), the window method it calls, and keys:
    the platform's `standard` binding (else `fallback`), then any `extra` sequences."""

    text: object  # QT_TRANSLATE_NOOP: the source text, translated when built
    tip: object
    method: str
    args: tuple[object, ...] = ()
    standard: Std | None = None
    fallback: str = ""
    extra: tuple[str, ...] = ()

    def shortcuts(self) -> list[QKeySequence]:
        bound = keys(self.standard, self.fallback) if self.standard is not None else []
        return [*bound, *(QKeySequence(k) for k in self.extra)]


# In `WindowActions`' order: the order the window holds them in (and the shortcuts help lists them in).
SPECS: dict[str, Spec] = {
    "refresh": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Refresh"),
        QT_TRANSLATE_NOOP("Actions", "Load the current page again from the server"),
        "refresh",
        (),
        Std.Refresh,
        "F5",
    ),
    "settings": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Settings…"),
        QT_TRANSLATE_NOOP("Actions", "Theme, text size, language, cache and server"),
        "open_settings",
        (),
        Std.Preferences,
        "Ctrl+,",
    ),
    "sign_out": Spec(
        QT_TRANSLATE_NOOP("Actions", "Sign &out"),
        QT_TRANSLATE_NOOP("Actions", "Sign out of this account"),
        "sign_out",
    ),
    "open_log": Spec(
        QT_TRANSLATE_NOOP("Actions", "Open &log folder"),
        QT_TRANSLATE_NOOP("Actions", "Show the folder with the application's log files"),
        "open_log_folder",
    ),
    "quit": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        QT_TRANSLATE_NOOP("Actions", "Quit LMS Desktop"),
        "close",
        (),
        Std.Quit,
        "Ctrl+Q",
    ),
    "find": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Find courses"),
        QT_TRANSLATE_NOOP("Actions", "Search the catalog"),
        "focus_search",
        (),
        Std.Find,
        "Ctrl+F",
    ),
    "list_mode": Spec(
        QT_TRANSLATE_NOOP("Actions", "As a &list"),
        QT_TRANSLATE_NOOP("Actions", "Show the catalog as a list"),
        "set_catalog_mode",
        ("list",),
    ),
    "grid_mode": Spec(
        QT_TRANSLATE_NOOP("Actions", "As a &grid"),
        QT_TRANSLATE_NOOP("Actions", "Show the catalog as a grid of tiles"),
        "set_catalog_mode",
        ("grid",),
    ),
    "zoom_in": Spec(
        QT_TRANSLATE_NOOP("Actions", "Zoom &in"),
        QT_TRANSLATE_NOOP("Actions", "Larger text"),
        "zoom",
        (+1,),
        Std.ZoomIn,
        "Ctrl++",
        ("Ctrl+=",),
    ),
    "zoom_out": Spec(
        QT_TRANSLATE_NOOP("Actions", "Zoom &out"),
        QT_TRANSLATE_NOOP("Actions", "Smaller text"),
        "zoom",
        (-1,),
        Std.ZoomOut,
        "Ctrl+-",
    ),
    "zoom_reset": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Actual size"),
        QT_TRANSLATE_NOOP("Actions", "Text at its normal size"),
        "zoom",
        (0,),
        extra=("Ctrl+0",),
    ),
    "catalog": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Catalog"),
        QT_TRANSLATE_NOOP("Actions", "Browse and search all courses"),
        "show_catalog",
        extra=("Ctrl+1",),
    ),
    "dashboard": Spec(
        QT_TRANSLATE_NOOP("Actions", "&My learning"),
        QT_TRANSLATE_NOOP("Actions", "Your courses and progress"),
        "show_dashboard",
        extra=("Ctrl+2",),
    ),
    "back": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Back"),
        QT_TRANSLATE_NOOP("Actions", "Go back to the previous page"),
        "go_back",
        (),
        Std.Back,
        "Alt+Left",
    ),
    "shortcuts": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Keyboard shortcuts"),
        QT_TRANSLATE_NOOP("Actions", "List every keyboard shortcut"),
        "show_shortcuts",
        (),
        Std.HelpContents,
        "F1",
        ("Ctrl+?",),
    ),
    "about": Spec(
        QT_TRANSLATE_NOOP("Actions", "&About LMS Desktop"),
        QT_TRANSLATE_NOOP("Actions", "Version and licenses"),
        "show_about",
    ),
}

GO_MENU = "go"
# The menu bar: each menu's title and its actions by name, None a separator.
MENUS: list[tuple[object, list[str | None]]] = [
    (
        QT_TRANSLATE_NOOP("Actions", "&File"),
        ["refresh", "settings", None, "sign_out", "open_log", None, "quit"],
    ),
    (QT_TRANSLATE_NOOP("Actions", "&Edit"), ["find"]),
    (
        QT_TRANSLATE_NOOP("Actions", "&View"),
        ["list_mode", "grid_mode", None, "zoom_in", "zoom_out", "zoom_reset"],
    ),
    (GO_MENU, ["back", None, "catalog", "dashboard"]),
    (QT_TRANSLATE_NOOP("Actions", "&Help"), ["shortcuts", "open_log", None, "about"]),
]


def _action(window: MainWindow, spec: Spec) -> QAction:
    action = QAction(QCoreApplication.translate("Actions", str(spec.text)), window)
    if shortcuts := spec.shortcuts():
        action.setShortcuts(shortcuts)
    tip = QCoreApplication.translate("Actions", str(spec.tip))
    action.setStatusTip(tip)
    action.setToolTip(tip)
    slot = functools.partial(getattr(window, spec.method), *spec.args)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)  # shortcuts work even when the menu bar is hidden
    return action


def build(window: MainWindow) -> WindowActions:
    """Create the actions and the menu bar of `window`."""
    made = {name: _action(window, spec) for name, spec in SPECS.items()}
    a = WindowActions(**made, go_menu=QMenu(QCoreApplication.translate("Actions", "&Go"), window))
    a.quit.setMenuRole(QAction.MenuRole.QuitRole)
    a.settings.setMenuRole(QAction.MenuRole.PreferencesRole)
    a.about.setMenuRole(QAction.MenuRole.AboutRole)
    a.shortcuts.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    modes = QActionGroup(window)
    for mode in (a.list_mode, a.grid_mode):
        mode.setCheckable(True)
        modes.addAction(mode)
    a.list_mode.setChecked(True)
    _menu_bar(window.menuBar(), a.go_menu, made)
    return a


def _menu_bar(bar: QMenuBar, go_menu: QMenu, made: dict[str, QAction]) -> None:
    for title, names in MENUS:
        if title == GO_MENU:
            menu = go_menu
            bar.addMenu(menu)
        else:
            menu = bar.addMenu(QCoreApplication.translate("Actions", str(title)))
        for name in names:
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(made[name])


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
