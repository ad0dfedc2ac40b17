"""Colours, spacing and fonts in one place, for a light and a dark look.

Widgets and the card delegate read `current()` instead of hard-coding colours, so switching the theme (or the
system switching to dark) repaints everything consistently. The Fusion style is used on every platform: it
honours the palette fully, which native styles on some desktops do not.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

ThemeMode = Literal["system", "light", "dark"]

# Spacing scale (logical pixels): everything lines up on a 4 px grid.
SPACE_XS = 4
SPACE_S = 8
SPACE_M = 12
SPACE_L = 16
SPACE_XL = 24
RADIUS = 8


@dataclass(frozen=True, slots=True)
class Theme:
    dark: bool
    window: QColor
    surface: QColor  # cards, panels
    surface_alt: QColor  # hover, sidebar
    border: QColor
    text: QColor
    text_muted: QColor
    accent: QColor
    accent_text: QColor
    success: QColor
    warning: QColor
    danger: QColor
    skeleton: QColor
    star: QColor
    selection: QColor

    def difficulty_color(self, difficulty: str) -> QColor:
        return {
            "beginner": self.success,
            "intermediate": self.warning,
            "advanced": self.danger,
        }.get(difficulty, self.text_muted)


LIGHT = Theme(
    dark=False,
    window=QColor("#F4F6F9"),
    surface=QColor("#FFFFFF"),
    surface_alt=QColor("#EBEFF5"),
    border=QColor("#DCE1E8"),
    text=QColor("#1F2933"),
    text_muted=QColor("#5F6B7A"),
    accent=QColor("#2F6FCF"),
    accent_text=QColor("#FFFFFF"),
    success=QColor("#23895A"),
    warning=QColor("#B7791F"),
    danger=QColor("#C2410C"),
    skeleton=QColor("#E6EAF0"),
    star=QColor("#E0A100"),
    selection=QColor("#DCE8FA"),
)

DARK = Theme(
    dark=True,
    window=QColor("#16191E"),
    surface=QColor("#1F242B"),
    surface_alt=QColor("#282E36"),
    border=QColor("#333A44"),
    text=QColor("#E6E9ED"),
    text_muted=QColor("#9AA5B1"),
    accent=QColor("#5B9BF0"),
    accent_text=QColor("#0E1420"),
    success=QColor("#4CC38A"),
    warning=QColor("#E5A93A"),
    danger=QColor("#F07D5A"),
    skeleton=QColor("#2A3039"),
    star=QColor("#F2C14E"),
    selection=QColor("#24354D"),
)


class _ThemeState(QObject):
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.theme: Theme = LIGHT
        self.mode: ThemeMode = "system"
        self.scale = 1.0  # text scale: 1.0 .. 2.0
        self.base_point_size: float | None = None  # the application font's size at scale 1.0


_state: _ThemeState | None = None


def _get_state() -> _ThemeState:
    global _state
    if _state is None:
        _state = _ThemeState()
    return _state


def current() -> Theme:
    """The active theme; cheap enough to call from a delegate's paint()."""
    return _get_state().theme


def changed_signal() -> Signal:
    """Emitted after the theme (and palette) changed; connect widgets that cache colours."""
    return _get_state().changed  # type: ignore[return-value]


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return bool(hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark)


def palette_for(theme: Theme) -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    group = QPalette.ColorGroup
    p.setColor(role.Window, theme.window)
    p.setColor(role.WindowText, theme.text)
    p.setColor(role.Base, theme.surface)
    p.setColor(role.AlternateBase, theme.surface_alt)
    p.setColor(role.Text, theme.text)
    p.setColor(role.PlaceholderText, theme.text_muted)
    p.setColor(role.Button, theme.surface)
    p.setColor(role.ButtonText, theme.text)
    p.setColor(role.BrightText, theme.danger)
    p.setColor(role.Highlight, theme.accent)
    p.setColor(role.HighlightedText, theme.accent_text)
    p.setColor(role.ToolTipBase, theme.surface_alt)
    p.setColor(role.ToolTipText, theme.text)
    p.setColor(role.Link, theme.accent)
    p.setColor(role.LinkVisited, theme.accent)
    p.setColor(role.Mid, theme.border)
    p.setColor(role.Midlight, theme.surface_alt)
    p.setColor(role.Dark, theme.border.darker(130))
    p.setColor(role.Light, theme.surface)
    p.setColor(role.Shadow, QColor(0, 0, 0, 80))
    disabled = theme.text_muted
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, r, disabled)
    return p


def _chevron(theme: Theme, direction: str = "down") -> str:
    from lms_desktop.resources import resource_path

    return resource_path("images", f"chevron-{direction}-{'dark' if theme.dark else 'light'}.svg").as_posix()


def focus_color(theme: Theme) -> QColor:
    """The keyboard focus ring: the accent (a primary button, itself accent-coloured, gets `text`)."""
    return theme.accent


def stylesheet_for(theme: Theme, scale: float = 1.0) -> str:
    """A small application stylesheet: only what the palette cannot express (radii, nav, headings, focus).

    Font sizes are multiplied by the text scale (View > Zoom), so headings grow with the body text. Every
    focusable control shows a 2 px ring in focus; its padding shrinks by the extra pixel so nothing moves.
    """
    t = theme
    ring = focus_color(t).name()

    def pt(size: float) -> str:
        return f"{size * scale:.1f}pt"

    return "".join(part(t, ring, pt) for part in _STYLE_PARTS) + "\n    "


def _navigation_and_text(t: Theme, ring: str, pt: Callable[[float], str]) -> str:
    """Tool tips, the sidebar, titles, muted text and cards."""
    return f"""
    QToolTip {{ color: {t.text.name()}; background: {t.surface_alt.name()};
        border: 1px solid {t.border.name()}; }}
    #Sidebar {{ background: {t.surface.name()}; border-right: 1px solid {t.border.name()}; }}
    #Sidebar QPushButton {{
        text-align: left; padding: 8px 12px; border: none; border-radius: {RADIUS}px;
        color: {t.text.name()}; background: transparent; font-size: {pt(10.5)};
    }}
    #Sidebar QPushButton:focus {{ border: 2px solid {ring}; padding: 6px 10px; }}
    #Sidebar QPushButton:hover {{ background: {t.surface_alt.name()}; }}
    #Sidebar QPushButton[current="true"] {{ background: {t.selection.name()}; color: {t.accent.name()};
        font-weight: 600; }}
    #AppTitle {{ font-size: {pt(12)}; font-weight: 700; color: {t.text.name()};
        padding: 4px 12px 12px 12px; }}
    #PageTitle {{ font-size: {pt(17)}; font-weight: 700; color: {t.text.name()}; }}
    #SectionTitle {{ font-size: {pt(12)}; font-weight: 600; color: {t.text.name()}; }}
    #Muted {{ color: {t.text_muted.name()}; }}
    #Card {{ background: {t.surface.name()}; border: 1px solid {t.border.name()};
        border-radius: {RADIUS + 2}px; }}
    #Card:focus {{ border: 2px solid {ring}; }}
    #CardTitle {{ font-weight: 600; color: {t.text.name()}; }}
    #StateTitle {{ font-size: {pt(13)}; font-weight: 600; color: {t.text.name()}; }}"""


def _buttons(t: Theme, ring: str, pt: Callable[[float], str]) -> str:
    """Push buttons: plain, primary (accent) and secondary (toggles)."""
    return f"""
    QPushButton {{
        background: {t.surface.name()}; color: {t.text.name()}; border: 1px solid {t.border.name()};
        border-radius: 6px; padding: 6px 14px;
    }}
    QPushButton:hover {{ background: {t.surface_alt.name()}; }}
    QPushButton:default {{ border-color: {t.accent.name()}; }}
    QPushButton:focus {{ border: 2px solid {ring}; padding: 5px 13px; }}
    QPushButton:disabled {{ color: {t.text_muted.name()}; }}
    QPushButton#Primary {{
        background: {t.accent.name()}; color: {t.accent_text.name()}; border: 2px solid {t.accent.name()};
        border-radius: 6px; padding: 5px 14px; font-weight: 600;
    }}
    QPushButton#Primary:hover {{ background: {t.accent.lighter(110).name()}; }}
    QPushButton#Primary:focus {{ border: 2px solid {t.text.name()}; }}
    QPushButton#Primary:disabled {{ background: {t.border.name()}; color: {t.text_muted.name()};
        border-color: {t.border.name()}; }}
    QPushButton#Secondary {{
        background: {t.surface.name()}; color: {t.text.name()}; border: 1px solid {t.border.name()};
        border-radius: 6px; padding: 6px 14px;
    }}
    QPushButton#Secondary:hover {{ background: {t.surface_alt.name()}; }}
    QPushButton#Secondary:checked {{ background: {t.selection.name()}; color: {t.accent.name()};
        border-color: {t.accent.name()}; }}
    QPushButton#Secondary:focus {{ border: 2px solid {ring}; padding: 5px 13px; }}
    QPushButton#Secondary:disabled {{ background: {t.window.name()}; color: {t.text_muted.name()};
        border: 1px dashed {t.border.name()}; }}
    QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}"""


def _inputs(t: Theme, ring: str, pt: Callable[[float], str]) -> str:
    """Line edits, combo boxes and spin boxes (with their arrows), check boxes."""
    return f"""
    QLineEdit, QComboBox, QSpinBox {{
        border: 1px solid {t.border.name()}; border-radius: 6px; padding: 5px 8px;
        background: {t.surface.name()}; color: {t.text.name()};
    }}
    QLineEdit:focus, QComboBox:focus, QSpinBox:focus {{ border: 2px solid {ring}; padding: 4px 7px; }}
    QSpinBox {{ padding-right: 24px; }}
    QSpinBox:focus {{ padding-right: 23px; }}
    QSpinBox::up-button, QSpinBox::down-button {{ subcontrol-origin: border; width: 20px; border: none;
        background: transparent; }}
    QSpinBox::up-button {{ subcontrol-position: top right; }}
    QSpinBox::down-button {{ subcontrol-position: bottom right; }}
    QSpinBox::up-arrow {{ image: url({_chevron(t, "up")}); width: 10px; height: 10px; }}
    QSpinBox::down-arrow {{ image: url({_chevron(t)}); width: 10px; height: 10px; }}
    QSpinBox::up-button:hover, QSpinBox::down-button:hover {{ background: {t.surface_alt.name()}; }}
    QCheckBox:focus, QRadioButton:focus {{ color: {ring}; }}"""


def _reading(t: Theme, ring: str, pt: Callable[[float], str]) -> str:
    """The catalog list, text views, the reader and its outline."""
    return f"""
    QListView#CatalogView {{ background: {t.window.name()}; border: none; }}
    QTextBrowser, QPlainTextEdit {{ border: 1px solid {t.border.name()}; border-radius: 6px;
        background: {t.surface.name()}; color: {t.text.name()}; padding: 1px; }}
    QTextBrowser:focus, QPlainTextEdit:focus {{ border: 2px solid {ring}; padding: 0px; }}
    QTextBrowser#Reader {{ background: {t.surface.name()}; border: 2px solid {t.surface.name()};
        color: {t.text.name()}; padding: 0px; }}
    QTextBrowser#Reader:focus {{ border: 2px solid {ring}; }}
    QTreeView#Outline {{ background: {t.surface.name()}; border: 1px solid {t.border.name()};
        border-radius: {RADIUS}px; padding: 4px; }}
    QTreeView#Outline:focus {{ border: 2px solid {ring}; padding: 3px; }}"""


def _progress_and_status(t: Theme, ring: str, pt: Callable[[float], str]) -> str:
    """Progress bars, the status bar and the glyph of an empty or error state."""
    return f"""
    QProgressBar {{ border: 1px solid {t.border.name()}; background: {t.skeleton.name()}; border-radius: 4px;
        text-align: center; color: {t.text.name()}; min-height: 1.4em; }}
    QProgressBar::chunk {{ background: {t.success.name()}; border-radius: 3px; }}
    QProgressBar[textVisible="false"] {{ border: none; border-radius: 3px;
        min-height: 6px; max-height: 6px; }}
    QStatusBar {{ background: {t.surface.name()}; border-top: 1px solid {t.border.name()}; }}
    QStatusBar QLabel {{ color: {t.text_muted.name()}; padding: 0 6px; }}
    #StateGlyph {{ font-size: {pt(30)}; color: {t.text_muted.name()}; }}"""


def _popups_and_scroll_bars(t: Theme, ring: str, pt: Callable[[float], str]) -> str:
    """Combo boxes' arrow and popup list (after the inputs' padding, which they refine), scroll bars."""
    return f"""
    QComboBox {{ padding-right: 22px; min-width: 72px; }}
    QComboBox:focus {{ padding-right: 21px; }}
    QComboBox::drop-down {{ border: none; width: 22px; subcontrol-origin: padding;
        subcontrol-position: right center; }}
    QComboBox::down-arrow {{ image: url({_chevron(t)}); width: 12px; height: 12px; }}
    QComboBox QAbstractItemView {{ background: {t.surface.name()}; color: {t.text.name()};
        border: 1px solid {t.border.name()}; selection-background-color: {t.selection.name()};
        selection-color: {t.text.name()}; outline: none; }}
    QScrollBar:vertical {{ background: transparent; width: 12px; margin: 2px; }}
    QScrollBar::handle:vertical {{ background: {t.border.name()}; border-radius: 4px; min-height: 32px; }}
    QScrollBar::handle:vertical:hover {{ background: {t.text_muted.name()}; }}
    QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
    QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: transparent; }}
    QScrollBar:horizontal {{ background: transparent; height: 12px; margin: 2px; }}
    QScrollBar::handle:horizontal {{ background: {t.border.name()}; border-radius: 4px; min-width: 32px; }}
    QScrollBar::add-line:horizontal, QScrollBar::sub-line:horizontal {{ width: 0; }}"""


def _containers(t: Theme, ring: str, pt: Callable[[float], str]) -> str:
    """Outline rows, group boxes, scroll areas and the toast."""
    return f"""
    QTreeView#Outline::item {{ padding: 5px 2px; }}
    QTreeView#Outline::item:selected {{ background: {t.selection.name()}; color: {t.text.name()}; }}
    QGroupBox {{ font-weight: 600; border: 1px solid {t.border.name()}; border-radius: {RADIUS}px;
        margin-top: 14px; padding: 12px 10px 8px 10px; }}
    QGroupBox::title {{ subcontrol-origin: margin; left: 12px; padding: 0 4px; }}
    QScrollArea {{ background: transparent; border: 2px solid transparent; }}
    QScrollArea:focus {{ border: 2px solid {ring}; }}
    #Toast {{ background: {t.text.name()}; color: {t.window.name()}; border-radius: 8px;
        padding: 10px 16px; }}"""


# In this order: a later rule refines an earlier one of the same weight (the combo boxes' padding).
_STYLE_PARTS = (
    _navigation_and_text,
    _buttons,
    _inputs,
    _reading,
    _progress_and_status,
    _popups_and_scroll_bars,
    _containers,
)


def apply_theme(app: QApplication, mode: ThemeMode = "system") -> Theme:
    """Set style, palette and stylesheet for `mode`; 'system' follows the desktop's light/dark choice."""
    state = _get_state()
    dark = system_prefers_dark() if mode == "system" else mode == "dark"
    theme = DARK if dark else LIGHT
    state.mode = mode
    state.theme = theme
    style = QStyleFactory.create("Fusion")
    if style is not None:
        app.setStyle(style)
    app.setPalette(palette_for(theme))
    _apply_font(app, state)
    app.setStyleSheet(stylesheet_for(theme, state.scale))
    state.changed.emit()
    return theme


MIN_SCALE = 1.0
MAX_SCALE = 2.0


def text_scale() -> float:
    return _get_state().scale


def set_text_scale(app: QApplication, scale: float) -> float:
    """Scale every text (body font and the stylesheet's headings) by `scale`, clamped to 100-200%."""
    state = _get_state()
    state.scale = round(max(MIN_SCALE, min(MAX_SCALE, scale)), 2)
    apply_theme(app, state.mode)
    return state.scale


def _apply_font(app: QApplication, state: _ThemeState) -> None:
    font = app.font()
    if state.base_point_size is None:
        state.base_point_size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    size = state.base_point_size * state.scale
    if abs(font.pointSizeF() - size) > 0.01:
        font.setPointSizeF(size)
        app.setFont(font)


def follow_system(app: QApplication) -> None:
    """Re-apply the theme when the desktop switches between light and dark (only in 'system' mode)."""
    hints = QGuiApplication.styleHints()
    if hints is None:
        return

    def _on_scheme(_scheme: Qt.ColorScheme) -> None:
        if _get_state().mode == "system":
            apply_theme(app, "system")

    hints.colorSchemeChanged.connect(_on_scheme)
