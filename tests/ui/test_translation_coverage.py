"""Translations, beyond `test_translations.py`: every tr() string of the code is extracted, the .qm files load
with Qt's own strings, plurals come out right for 1 and 2, the system's list of languages is followed, more
screens in German show no English word at all, and a Spanish window speaks Spanish.

The German walk reads every visible text a learner or a screen reader meets (labels, buttons, menus and their
actions, placeholders, tooltips, accessible names and descriptions, combo items, table cells, the catalog's
card texts) and fails on one that is still English. Text that comes from the server (course titles,
descriptions, lesson and section titles, names) is English on purpose and taken out first.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt
from PySide6.QtGui import QAccessible, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableWidget,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot

from lms_desktop.ui import i18n
from lms_desktop.ui.main_window import MainWindow
from tests.ui.screens import (
    DEFAULT,
    SHOTS,
    SMALLEST,
    Screen,
    about_dialog,
    app_window,  # noqa: F401 - the fixture
    catalog_empty,
    catalog_grid,
    catalog_list,
    close_screen,
    course_enrolled,
    course_not_enrolled,
    dashboard,
    error_dialog,
    reader,
    settings_dialog,
    settle,
    shortcuts_dialog,
    sign_in_dialog,
    signed_out,
    visible_widgets,
)

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations"

#: Words that read the same in both languages, or are names: never a sign of a missing translation.
SAME_IN_BOTH = {
    "ok",
    "lms",
    "desktop",
    "esc",
    "tab",
    "alt",
    "enter",
    "ctrl",
    "f1",
    "f5",
    "pyside6",
    "qt",
    "python",
    "mb",
    "kb",
    "b",
    "h",
    "min",
    "demo",
    "url",
    "http",
    "https",
    "localhost",
    "copy",
    "mit",
    "bsd",
    "apache",
    "lgpl",
    "gpl",
    "license",
    "sqlalchemy",
    "litestar",
    "httpx",
    "msgspec",
    "pillow",
    "qasync",
    "uvicorn",
    "platformdirs",
    "diskcache",
    "alembic",
    "argon2",
    "cffi",
    "markdown",
    "psycopg",
    "redis",
    "linux",
    "english",
    "deutsch",
    "español",
    "traceback",
    "most",
    "recent",
    "call",
    "last",
}


def _messages(code: str) -> list[tuple[str, str, list[str]]]:
    """(context, English source, translations) of every message in one .ts file."""
    out = []
    for context in ET.parse(TS / f"lms_desktop_{code}.ts").getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            out.append((name, message.findtext("source") or "", forms))
    return out


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]+", text)}


def english_only_words(code: str) -> set[str]:
    """Words of the English sources that no translation into `code` uses: seeing one means English."""
    messages = _messages(code)
    english = set().union(*(_words(source) for _c, source, _f in messages))
    translated = set().union(*(_words(form) for _c, _s, forms in messages for form in forms))
    return english - translated - SAME_IN_BOTH


def _speaking(app: QApplication, code: str) -> Iterator[None]:
    i18n.install(app, code)
    try:
        yield
    finally:
        i18n.install(app, "en")


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    yield from _speaking(qapp, "de")


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    yield from _speaking(qapp, "es")


# ---- the files, plurals, the choice of language ------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "settings", "expected"),
    [("de", "Einstellungen", "Einstellungen"), ("es", "Preferencias", "Preferencias")],
)
def test_qm_files_load(qapp: QApplication, code: str, settings: str, expected: str) -> None:
    try:
        assert i18n.install(qapp, code).language() == QLocale(code).language()
        assert QCoreApplication.translate("SettingsDialog", "Settings") == expected
        # Qt's own strings come along in the same language (the standard buttons of every dialog)
        cancel = {"de": "Abbrechen", "es": "Cancelar"}[code]
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == cancel
    finally:
        i18n.install(qapp, "en")
    assert QCoreApplication.translate("SettingsDialog", "Settings") == "Settings"


@pytest.mark.parametrize(
    ("code", "day"), [("de", "26. Dez. 2025"), ("es", "26 dic 2025"), ("en", "26 Dec 2025")]
)
def test_dates_name_their_month_in_the_language(qapp: QApplication, code: str, day: str) -> None:
    from datetime import UTC, datetime

    try:
        i18n.install(qapp, code)
        assert i18n.date_text(datetime(2025, 12, 26, 12, tzinfo=UTC)) == day
    finally:
        i18n.install(qapp, "en")


@pytest.mark.parametrize(("code", "hours", "rating"), [("de", "7,5 Std.", "4,5"), ("en", "7.5 h", "4.5")])
def test_numbers_use_the_decimal_sign(qapp: QApplication, code: str, hours: str, rating: str) -> None:
    from lms_desktop.ui.catalog.card_text import hours_text

    try:
        i18n.install(qapp, code)
        assert hours_text(7.5) == hours and i18n.number_text(4.5) == rating
        assert i18n.number_text(5.0, trim=True) == "5"
    finally:
        i18n.install(qapp, "en")


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_a_language_without_our_translation_is_english_throughout(qapp: QApplication, code: str) -> None:
    """No French or Arabic catalogue: our strings, Qt's buttons and the direction all stay English."""
    try:
        i18n.install(qapp, code)
        assert QCoreApplication.translate("SettingsDialog", "Settings") == "Settings"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
        assert QGuiApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    finally:
        i18n.install(qapp, "en")


@pytest.mark.parametrize(
    ("code", "one", "two"),
    [
        ("de", "1 Kurs", "2 Kurse"),
        ("es", "1 curso", "2 cursos"),
        ("en", "1 course", "2 courses"),
    ],
)
def test_plural_forms_for_one_and_two(qapp: QApplication, code: str, one: str, two: str) -> None:
    try:
        i18n.install(qapp, code)
        for n, wanted in ((1, one), (2, two)):
            assert i18n.plural(QCoreApplication.translate("SearchBar", "%n course(s)", None, n), n) == wanted
    finally:
        i18n.install(qapp, "en")


@pytest.mark.parametrize(
    ("code", "one", "two"),
    [
        ("de", "Frage 3  ·  1 Punkt", "Frage 3  ·  2 Punkte"),
        ("es", "Pregunta 3  ·  1 punto", "Pregunta 3  ·  2 puntos"),
    ],
)
def test_quiz_plurals(qapp: QApplication, code: str, one: str, two: str) -> None:
    from lms_desktop.ui.quiz.texts import question_header

    try:
        i18n.install(qapp, code)
        assert (question_header(3, 1.0, True), question_header(3, 2.0, True)) == (one, two)
    finally:
        i18n.install(qapp, "en")


@pytest.mark.parametrize(
    ("code", "one", "two"),
    [
        ("de", "⚠ 1 Änderung braucht Ihre Aufmerksamkeit", "⚠ 2 Änderungen brauchen Ihre Aufmerksamkeit"),
        ("es", "⚠ 1 cambio requiere tu atención", "⚠ 2 cambios requieren tu atención"),
        ("en", "⚠ 1 change needs attention", "⚠ 2 changes need attention"),
    ],
)
def test_plural_sentences_agree(qapp: QApplication, code: str, one: str, two: str) -> None:
    from lms_desktop.client.offline.layer import OfflineStatus
    from lms_desktop.ui.offline_status import status_text

    try:
        i18n.install(qapp, code)
        assert status_text(OfflineStatus(True, 0, 1, None, False, None)) == one
        assert status_text(OfflineStatus(True, 0, 2, None, False, None)) == two
    finally:
        i18n.install(qapp, "en")


def test_waiting_changes_are_described_in_the_language(qapp: QApplication) -> None:
    """The Downloads screen's list of changes needing attention: the client's own words are English."""
    from datetime import UTC, datetime

    from lms_desktop.client.offline.ops import AttemptOp, EnrollOp, ProgressOp, RatingOp, UnenrollOp
    from lms_desktop.client.offline.outbox import OutboxEntry
    from lms_desktop.ui.offline_status import change_text

    now = datetime.now(UTC)
    ops = [
        EnrollOp(course_id=5),
        UnenrollOp(course_id=5),
        RatingOp(course_id=5, rating=4),
        AttemptOp(course_id=5, section_id=9, answers={}),
        ProgressOp(course_id=5, section_id=9, completed_at=now, time_spent_seconds=30),
    ]
    wanted = [
        "In „Go Basics“ einschreiben",
        "„Go Basics“ verlassen",
        "„Go Basics“ bewerten: 4 von 5",
        "Quiz-Versuch in Abschnitt 9 von „Go Basics“",
        "Abschnitt 9 von „Go Basics“ erledigt",
    ]
    try:
        i18n.install(qapp, "de")
        for op, text in zip(ops, wanted, strict=True):
            entry = OutboxEntry(1, "x", 1, op, now, now, 0, None, "needs_attention", "refused", "Go Basics")
            assert change_text(entry) == text
    finally:
        i18n.install(qapp, "en")


def test_every_string_of_the_code_is_extracted_translated_and_compiled() -> None:
    """lupdate run over the code now finds nothing the .ts files lack (a tr() added without re-extracting
    fails here), nothing in them is left untranslated, and the committed .qm files match."""
    done = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "translations.py"), "check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "de_DE.UTF-8", "LANGUAGE": "de_DE:de"}, "de"),
        ({"LANG": "es_MX.UTF-8", "LANGUAGE": "es_MX:es"}, "es"),
        ({"LANG": "fr_FR.UTF-8", "LANGUAGE": "fr_FR:fr"}, "en"),
        ({"LANG": "fr_FR.UTF-8", "LANGUAGE": "fr_FR:de_AT"}, "de"),
    ],
)
def test_system_language_is_used(env: dict[str, str], expected: str) -> None:
    """The system's list of languages decides when nothing is chosen (a fresh process: Qt reads it once)."""
    code = (
        "import json; from PySide6.QtCore import QCoreApplication as A; app = A([]);"
        "from lms_desktop.ui import i18n; got = i18n.install(app, '');"
        "print(json.dumps(A.translate('SettingsDialog', 'Settings')))"
    )
    run_env = {**os.environ, "LC_ALL": "", **env, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=run_env, cwd=REPO
    )
    assert done.returncode == 0, done.stderr
    settings = msgspec.json.decode(done.stdout.strip().splitlines()[-1])
    assert settings == {"de": "Einstellungen", "es": "Preferencias", "en": "Settings"}[expected]


# ---- what a learner sees in German ---------------------------------------------------------------------


def _strings_of(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings_of(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings_of(v)


def server_data(window: MainWindow) -> list[str]:
    """Every text the server sent that is on show (course data, names): English by design."""
    found: list[object] = []
    for row in range(window.model.rowCount()):
        course = window.model.course_at(row)
        if course is not None:
            found.append(msgspec.to_builtins(course))
    quiz = getattr(getattr(window.reader, "stage", None), "quiz", None)
    shown = (window.course.detail, window.course.content, window.learner.dashboard, window.reader.section)
    shown += (getattr(quiz, "quiz", None),)  # the quiz on show, if any
    for obj in (*shown, window.client.user):
        if obj is not None:
            found.append(msgspec.to_builtins(obj))
    strings = {_plain(s) for s in _strings_of(found) if len(s) > 2 and not s.startswith(("http", "/"))}
    return sorted(strings | FIXTURE_TEXT, key=len, reverse=True)


#: Texts the screens of `tests/ui/screens.py` hand to the window (the launcher translates its own label).
FIXTURE_TEXT = {
    "the built-in demo server",
    "the server sent an answer this version cannot read",
    "Traceback (most recent call last):",
}


def _norm(text: str) -> str:
    """Markdown's emphasis marks and spacing taken out, so a rendered question matches its source text."""
    text = re.sub(r"\s+", " ", re.sub(r"[*_`]", "", text)).strip()
    return re.sub(r" ([?.!,:;)])", r"\1", text)


def _plain(text: str) -> str:
    return _norm(re.sub(r"<[^>]+>", " ", text).replace("&nbsp;", " "))


def shown_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text of `root`'s visible widgets a learner or a screen reader meets."""
    out: list[tuple[str, str]] = []

    def add(where: str, text: str) -> None:
        if text and text.strip():
            out.append((where, _plain(text)))

    add("window title", root.windowTitle())
    for w in [root, *visible_widgets(root)]:
        kind = f"{type(w).__name__}#{w.objectName()}"
        add(f"{kind} tooltip", w.toolTip())
        add(f"{kind} accessible name", w.accessibleName())
        add(f"{kind} accessible description", w.accessibleDescription())
        if isinstance(w, QLabel):
            add(f"{kind} text", w.text())
        elif isinstance(w, QAbstractButton):
            add(f"{kind} text", w.text().replace("&", ""))
        elif isinstance(w, QLineEdit):
            add(f"{kind} placeholder", w.placeholderText())
        elif isinstance(w, QGroupBox):
            add(f"{kind} title", w.title())
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(f"{kind} item {i}", w.itemText(i))
        elif isinstance(w, QTableWidget):
            for col in range(w.columnCount()):
                header = w.horizontalHeaderItem(col)
                add(f"{kind} header {col}", header.text() if header else "")
            for row in range(w.rowCount()):
                for col in range(w.columnCount()):
                    item = w.item(row, col)
                    add(f"{kind} cell {row},{col}", item.text() if item else "")
        interface = QAccessible.queryAccessibleInterface(w)
        # a text browser in the window shows a section's document (course data); one in a dialog is ours
        reading = isinstance(w, QTextBrowser) and not isinstance(w.window(), QDialog)
        if interface is not None and not reading:
            add(f"{kind} accessible value", interface.text(QAccessible.Text.Value))
    return out


def card_texts(window: MainWindow) -> list[tuple[str, str]]:
    """What the catalog's cards say to a screen reader and in their tooltips (painted by the delegate)."""
    out = []
    roles = (
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.AccessibleDescriptionRole,
        Qt.ItemDataRole.ToolTipRole,
    )
    for row in range(min(6, window.model.rowCount())):
        index = window.model.index(row, 0, QModelIndex())
        for role in roles:
            value = window.model.data(index, role)
            if isinstance(value, str) and value:
                out.append((f"card {row} {role.name}", value))
    return out


def menu_texts(window: MainWindow) -> list[tuple[str, str]]:
    out = []
    for top in window.menuBar().actions():
        out.append(("menu", top.text().replace("&", "")))
        menu = top.menu()
        if isinstance(menu, QMenu):
            for action in menu.actions():
                if not action.isSeparator():
                    out.append((f"menu {top.text()}", action.text().replace("&", "")))
                    out.append((f"menu {top.text()} tip", action.toolTip()))
                    out.append((f"menu {top.text()} status tip", action.statusTip()))
    return [(w, t) for w, t in out if t]


def still_english(texts: list[tuple[str, str]], data: list[str], code: str) -> list[str]:
    """The texts that are English: an untranslated source string, or any word only English uses."""
    english = english_only_words(code)
    sources = {source for _c, source, forms in _messages(code) if source not in forms}
    found = []
    for where, text in texts:
        rest = text
        for value in data:  # course titles and the like: the server's, not ours
            rest = rest.replace(value, " ")
        if text in sources and text not in data:
            found.append(f"{where}: {text!r} (an English source string)")
        elif _words(rest) & english:
            found.append(f"{where}: {text!r} (English words: {sorted(_words(rest) & english)})")
    return found


def downloads_page(window: MainWindow, qtbot: QtBot) -> QWidget:
    from lms_desktop.ui.downloads_view import DownloadsView

    view = window.findChild(DownloadsView)
    assert view is not None
    window.show_page(view)
    qtbot.waitUntil(view.isVisible, timeout=5_000)
    settle(qtbot, window)
    return window


GERMAN_SCREENS = [
    Screen("catalog-list", catalog_list),
    Screen("catalog-grid", catalog_grid),
    Screen("catalog-empty", catalog_empty),
    Screen("course-enrolled", course_enrolled),
    Screen("course-not-enrolled", course_not_enrolled),
    Screen("reader", reader),
    Screen("dashboard", dashboard),
    Screen("downloads", downloads_page),
    Screen("settings", settings_dialog),
    Screen("sign-in", sign_in_dialog),
    Screen("signed-out", signed_out),
    Screen("about", about_dialog),
    Screen("shortcuts", shortcuts_dialog),
    Screen("error", error_dialog),
]


def _shot(root: QWidget, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    root.grab().save(str(path))
    return path


def test_german_main_screens_show_no_english(
    german: None,
    qtbot: QtBot,
    app_window: MainWindow,  # noqa: F811 - the fixture
) -> None:
    window = app_window
    problems = still_english(menu_texts(window), [], "de")
    for screen in GERMAN_SCREENS:
        root = screen.open(window, qtbot)
        data = server_data(window)
        texts = shown_texts(root)
        if screen.name.startswith("catalog") and root is window:
            texts += card_texts(window)
        assert texts, f"{screen.name}: nothing read"
        problems += [f"{screen.name}: {p}" for p in still_english(texts, data, "de")]
        _shot(root, f"de-{screen.name}")
        close_screen(window, root)
    assert not problems, "English left in German:\n" + "\n".join(problems)


def test_the_english_detector_catches_an_untranslated_string(
    german: None,
    qtbot: QtBot,
    app_window: MainWindow,  # noqa: F811 - the fixture
) -> None:
    """The walk above would see a string that skipped tr(): one planted here is reported."""
    label = QLabel("Couldn’t load the catalog", app_window.catalog)
    label.show()
    assert QCoreApplication.translate("StateOverlay", "Couldn’t load the catalog") != label.text()
    found = still_english(shown_texts(app_window), server_data(app_window), "de")
    assert any("Couldn’t load the catalog" in p for p in found)
    plain = QLabel("Please wait while the thing happens", app_window.catalog)  # never in any .ts file
    plain.show()
    assert any("Please wait" in p for p in still_english(shown_texts(app_window), [], "de"))


def test_spanish_window_speaks_spanish(
    spanish: None,
    qtbot: QtBot,
    app_window: MainWindow,  # noqa: F811 - the fixture
) -> None:
    window = app_window
    assert [b.text() for b in window.sidebar.entries()][:2] == ["Catálogo", "Mi aprendizaje"]
    problems = still_english(menu_texts(window), [], "es")
    for screen in GERMAN_SCREENS:
        root = screen.open(window, qtbot)
        problems += still_english(shown_texts(root), server_data(window), "es")
        _shot(root, f"es-{screen.name}")
        close_screen(window, root)
    assert not problems, "English left in Spanish:\n" + "\n".join(problems)


@pytest.mark.parametrize("size", [SMALLEST, DEFAULT], ids=["800x600", "default"])
def test_german_screens_fit(
    german: None,
    qtbot: QtBot,
    app_window: MainWindow,  # noqa: F811 - the fixture
    size: tuple[int, int],
) -> None:
    """German runs longer than English: every button's text still fits and nothing is cut or overlaps."""
    from tests.ui.test_layout import problems as layout_problems

    window = app_window
    window.resize(*size)
    report: list[str] = []
    for screen in GERMAN_SCREENS:
        root = screen.open(window, qtbot)
        report += [f"{screen.name}: {p}" for p in layout_problems(root)]
        _shot(root, f"de-{screen.name}-{size[0]}x{size[1]}")
        close_screen(window, root)
    assert not report, "\n".join(report)
