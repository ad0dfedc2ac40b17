"""Translations: which language the app speaks, and the translators that make it speak it.

Every user-visible string goes through Qt's `tr()`; a count goes through `tr("%n course(s)", "", n)`, whose
plural forms come from the language's `.qm` file in `resources/translations/` (German, Spanish, and an
English one that holds only English's plural forms). The language is the one chosen in Settings, else the
system's (its whole list of preferred languages, so `de_AT` finds German); with no `.qm` for any of them the
app speaks English. Qt's own strings (standard dialog buttons, context menus) follow from PySide6's
`qtbase_*.qm`, loaded only in the language our own file was found in, so a window never mixes two languages.

The language is read once at start: widgets set their texts when they are built, so a new choice applies
the next time the app starts.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

KEY_LANGUAGE = "appearance/language"
#: The base name of our `.qm` files: `lms_desktop_de.qm`.
CATALOG = "lms_desktop"
#: Languages with a complete translation, by code, named in their own language (as language pickers do).
LANGUAGES: dict[str, str] = {"en": "English", "de": "Deutsch", "es": "Español"}


def plural(text: str, n: int) -> str:
    """English plural for a `tr("%n thing(s)", "", n)` result that no translator changed."""
    return text.replace("(s)", "" if n == 1 else "s").replace("(es)", "" if n == 1 else "es")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for extraction into `context` and return it as is (typed `str`, unlike PySide6's)."""
    return text


def translations_dir() -> str:
    """The folder of our `.qm` files, in a source checkout, a wheel or a frozen bundle alike."""
    from lms_desktop.resources import resource_path

    return str(resource_path("translations"))


def saved_language(settings: QSettings) -> str:
    """The code chosen in Settings, or "" for the system's language (also for an unknown stored value)."""
    code = str(settings.value(KEY_LANGUAGE, "") or "")
    return code if code in LANGUAGES else ""


def wanted_locale(language: str) -> QLocale:
    """The locale whose languages we try: the chosen one, else the system's."""
    return QLocale(language) if language else QLocale.system()


@dataclass
class Installed:
    """The translators in use (kept referenced: Qt does not own them) and the language they speak."""

    translators: list[QTranslator]
    language: str  # "en", "de", "es": the language our strings come out in


_installed: Installed | None = None


def install(language: str = "") -> Installed:
    """Install the translators for `language` ("" = the system's), replacing any installed before."""
    global _installed
    uninstall()
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("translators need a QCoreApplication")
    ours = QTranslator(app)
    translators: list[QTranslator] = []
    spoken = "en"
    if ours.load(wanted_locale(language), CATALOG, "_", translations_dir()):
        QCoreApplication.installTranslator(ours)
        translators.append(ours)
        spoken = QLocale(ours.language()).name().split("_")[0] or "en"
        qt_own = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(QLocale(spoken), "qtbase", "_", qt_dir):
            QCoreApplication.installTranslator(qt_own)
            translators.append(qt_own)
    if language:
        # Numbers and dates in the chosen language too (the system's otherwise, as Qt does by itself).
        QLocale.setDefault(QLocale(language))
    _installed = Installed(translators, spoken)
    return _installed


def uninstall() -> None:
    """Back to the untranslated English source strings (tests switch languages in one process)."""
    global _installed
    if _installed is not None:
        for translator in _installed.translators:
            QCoreApplication.removeTranslator(translator)
        _installed = None
    QLocale.setDefault(QLocale.system())


def install_saved(settings: QSettings) -> Installed:
    """At start: the language from Settings, else the system's."""
    return install(saved_language(settings))


def current_language() -> str:
    """The language our strings come out in now ("en" when nothing is installed)."""
    return _installed.language if _installed is not None else "en"
