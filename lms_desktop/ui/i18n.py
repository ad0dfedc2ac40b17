"""Translation helpers: plural forms without a translator, and the translators for the chosen language.

Every user-visible string goes through Qt's `tr()`; a count goes through `tr("%n course(s)", "", n)`, whose
plural forms come from the language's `.qm` file. When no translation is loaded (English), Qt only replaces
`%n`, so `plural()` turns the "(s)" marker into English's two forms.

The language is the system's unless Settings names one; it applies from the next start (every screen is
built in it). Compiled `.qm` files live in `resources/translations/` next to their `.ts` sources and ship in
the wheel with the other resources.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication


def plural(text: str, n: int, *, verb: bool = False) -> str:
    """English plural for a `tr("%n thing(s)", "", n)` result that no translator changed. With `verb`, a
    marked verb takes the opposite form ("1 change needs", "2 changes need")."""
    if verb:
        text = text.replace("need(s)", "needs" if n == 1 else "need")
    return text.replace("(s)", "" if n == 1 else "s")


def number_text(value: float, decimals: int = 1, *, trim: bool = False) -> str:
    """A number with the locale's decimal sign ("7,5" in German); `trim` drops a zero fraction ("4")."""
    if trim and float(value).is_integer():
        return QLocale().toString(int(value))
    return QLocale().toString(float(value), "f", decimals)


def date_text(when: datetime) -> str:
    """A day as "26 Dec 2025", in the language in use ("26. Dez. 2025")."""
    local = when.astimezone() if when.tzinfo is not None else when
    # the pattern is the translator's: "d. MMM yyyy" in German (QLocale's date format codes)
    pattern = QCoreApplication.translate("Dates", "d MMM yyyy")
    return QLocale().toString(QDate(local.year, local.month, local.day), pattern)


#: (code, name in its own language); "" follows the system
LANGUAGES: tuple[tuple[str, str], ...] = (
    ("", ""),
    ("en", "English"),
    ("de", "Deutsch"),
    ("es", "Español"),
)
CATALOG = "lms_desktop"

_installed: list[QTranslator] = []


def translations_dir() -> Path:
    from lms_desktop.resources import resource_path

    return resource_path("translations")


def locale_for(choice: str) -> QLocale:
    """The locale for a Settings choice ("" = the system's)."""
    locale = QLocale(choice) if choice else QLocale.system()
    if locale.language() == QLocale.Language.C:
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return locale


def install(app: QCoreApplication, choice: str = "") -> QLocale:
    """Load our translation for `choice`, and Qt's own (standard buttons) in the language ours was found in,
    make the locale the default (numbers, dates) and write in that language's direction. A language we have
    no translation for shows English throughout, left to right: never Qt's buttons in one language and ours
    in another, nor English text mirrored."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    locale = locale_for(choice)
    ours = QTranslator(app)
    spoken = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    if ours.load(locale, CATALOG, "_", str(translations_dir())):
        app.installTranslator(ours)
        _installed.append(ours)
        spoken = QLocale(ours.language())
    qt = QTranslator(app)
    if qt.load(spoken, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    QLocale.setDefault(locale)
    if isinstance(app, QGuiApplication):
        app.setLayoutDirection(spoken.textDirection())
    return locale
