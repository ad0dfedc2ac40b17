"""Translations: the German and Spanish catalogues are complete and compiled, the main screens in German show
no English, and a right-to-left language lays every screen out mirrored without clipping."""

from __future__ import annotations

import re
import shutil
import subprocess
import sysconfig
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from lms_desktop.ui import i18n
from lms_desktop.ui.main_window import MainWindow
from tests.ui.screens import (
    SCREENS,
    SHOTS,
    app_window,  # noqa: F401 - the fixture
    close_screen,
    visible_widgets,
)
from tests.ui.test_layout import problems

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
LANGUAGES = ("de", "es")
PLACEHOLDER = re.compile(r"\{\d\}|%L?n|%\d")


def messages(language: str) -> list[ET.Element]:
    return list(ET.parse(TRANSLATIONS / f"lms_desktop_{language}.ts").getroot().iter("message"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated_with_its_placeholders(language: str) -> None:
    found = messages(language)
    assert len(found) > 300
    for m in found:
        source = m.findtext("source") or ""
        translation = m.find("translation")
        assert translation is not None and translation.get("type") not in ("unfinished", "obsolete"), source
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        for form in forms:
            assert form.strip(), f"empty translation of {source!r}"
            wanted = sorted(p.replace("%Ln", "%n") for p in PLACEHOLDER.findall(source))
            assert sorted(p.replace("%Ln", "%n") for p in PLACEHOLDER.findall(form)) == wanted, (source, form)
        if m.get("numerus") == "yes":
            assert len(forms) == 2, f"{language} has two plural forms: {source!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_files_match_their_sources(language: str, tmp_path: Path) -> None:
    beside = Path(sysconfig.get_path("scripts")) / "pyside6-lrelease"  # installed with PySide6
    lrelease = str(beside) if beside.exists() else shutil.which("pyside6-lrelease")
    assert lrelease, "pyside6-lrelease ships with PySide6"
    source = TRANSLATIONS / f"lms_desktop_{language}.ts"
    out = tmp_path / "out.qm"
    subprocess.run([lrelease, str(source), "-qm", str(out)], check=True, capture_output=True, timeout=60)
    assert out.read_bytes() == (TRANSLATIONS / f"lms_desktop_{language}.qm").read_bytes(), (
        "run pyside6-lrelease on the .ts files and commit the .qm files"
    )


def english_patterns() -> list[re.Pattern[str]]:
    """Every English source whose German differs, as a pattern its formatted text would match."""
    out = []
    for m in messages("de"):
        source = m.findtext("source") or ""
        translation = m.find("translation")
        german = [f.text for f in translation.iter("numerusform")] if translation is not None else []
        german = german or [translation.text if translation is not None else ""]
        if source in german or len(source) < 3:
            continue
        text = source.replace("&", "")
        pattern = re.escape(text)
        pattern = re.sub(r"\\\{\d\\\}", ".+", pattern).replace("%n", r"[\d.,]+")
        pattern = pattern.replace(r"\(s\)", "s?").replace(r"need\(s\)", "needs?")
        out.append(re.compile(f"^{pattern}$"))
    return out


def shown_texts(root: QWidget) -> list[str]:
    texts = [root.windowTitle()]
    for w in visible_widgets(root):
        if isinstance(w, QLabel) and (w.pixmap() is None or w.pixmap().isNull()):
            texts += w.text().split("\n")
        elif isinstance(w, QAbstractButton):
            texts.append(w.text().replace("&", ""))
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        texts += [w.accessibleName(), w.toolTip()]
        texts += w.accessibleDescription().split(". ")
    parts = [p for t in texts for p in re.split(r"\s+·\s+|\n", t)]  # each fact of a "a · b · c" line
    return [t.strip() for t in texts + parts if t and t.strip()]


MAIN = ("catalog-list", "course-enrolled", "dashboard", "downloads", "settings", "signed-out", "shortcuts")


@pytest.fixture
def german(qapp: QApplication) -> object:
    i18n.install(qapp, "de")
    yield
    i18n.install(qapp, "en")


def test_main_screens_in_german_show_no_english(
    qtbot: QtBot,
    german: object,
    app_window: MainWindow,  # noqa: F811 - the fixture
) -> None:
    window = app_window
    assert QLocale().language() == QLocale.Language.German
    english = english_patterns()
    menus = [
        a.text().replace("&", "")
        for top in window.menuBar().actions()
        for a in [top, *(top.menu().actions() if top.menu() else [])]
    ]
    untranslated: list[str] = [f"menu: {t}" for t in menus if any(p.match(t) for p in english)]
    for screen in (s for s in SCREENS if s.name in MAIN):
        root = screen.open(window, qtbot)
        SHOTS.mkdir(parents=True, exist_ok=True)
        root.grab().save(str(SHOTS / f"{screen.name}-de.png"))
        for text in shown_texts(root):
            if any(p.match(text) for p in english):
                untranslated.append(f"{screen.name}: {text!r}")
        close_screen(window, root)
    assert not untranslated, "English left on German screens:\n" + "\n".join(sorted(set(untranslated)))
    assert window.nav_catalog.text() == "Katalog"


def test_right_to_left_lays_every_screen_out_mirrored(
    qtbot: QtBot,
    qapp: QApplication,
    app_window: MainWindow,  # noqa: F811 - the fixture
) -> None:
    window = app_window
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        report: list[str] = []
        for screen in SCREENS:
            root = screen.open(window, qtbot)
            SHOTS.mkdir(parents=True, exist_ok=True)
            root.grab().save(str(SHOTS / f"{screen.name}-rtl.png"))
            report += [f"{screen.name}: {p}" for p in problems(root)]
            if root is window:
                assert window.sidebar.x() > window.stack.x(), "the sidebar moves to the right"
            close_screen(window, root)
        assert not report, "\n".join(report)
    finally:
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
