"""Every screen at the smallest window (800x600) and the default size, at 100% and 200% text, light and
dark: no control is squeezed below its size hint, cut by its container or laid over its neighbour, every
button's text fits, and the window really is the size asked for. Screenshots of each go to
`screenshots/screens/` (look at them).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSlider,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from lms_desktop.ui import theme
from lms_desktop.ui.main_window import MainWindow
from lms_desktop.ui.messages import Toaster
from lms_desktop.ui.widgets import StarRating
from tests.ui.screens import (
    DEFAULT,
    SCREENS,
    SHOTS,
    SMALLEST,
    app_window,  # noqa: F401 - the fixture
    button_text,
    close_screen,
    label_text,
    visible_widgets,
)

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QSpinBox, QProgressBar, QSlider, StarRating, QLabel)


def rect_in(root: QWidget, w: QWidget) -> QRect:
    return QRect(w.mapTo(root, QPoint(0, 0)), w.size())


def clipped_by(root: QWidget, w: QWidget) -> QWidget | None:
    """The ancestor that cuts part of `w` off, if any (a scroll area's content may scroll: not cut)."""
    rect = rect_in(root, w)
    parent = w.parentWidget()
    while parent is not None and parent is not root:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea):
            # parent is a viewport: what is outside is reached by scrolling, where the area scrolls
            view = rect_in(root, parent)
            off = Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            if area.horizontalScrollBarPolicy() == off and (
                rect.left() < view.left() or rect.right() > view.right()
            ):
                return parent
            if area.verticalScrollBarPolicy() == off and (
                rect.top() < view.top() or rect.bottom() > view.bottom()
            ):
                return parent
            return None
        if not rect_in(root, parent).contains(rect):
            return parent
        parent = parent.parentWidget()
    return None if root.rect().contains(rect) else root


def problems(root: QWidget) -> list[str]:
    found: list[str] = []
    widgets = [w for w in visible_widgets(root) if not isinstance(w, Toaster)]

    def name(w: QWidget) -> str:
        text = (
            button_text(w)
            if isinstance(w, QAbstractButton)
            else (label_text(w) if isinstance(w, QLabel) else "")
        )
        return f"{type(w).__name__}({text[:40]!r})" if text else f"{type(w).__name__}#{w.objectName()}"

    for w in widgets:
        if not isinstance(w, CONTROLS):
            continue
        if isinstance(w, QLabel) and not label_text(w):
            continue
        if (
            isinstance(w, QAbstractButton)
            and w.parentWidget() is not None
            and isinstance(w.parentWidget(), QLineEdit | QComboBox | QSpinBox)
        ):
            continue  # the clear button inside a line edit
        hint = w.sizeHint()
        if isinstance(w, QLabel):
            if w.wordWrap():
                if w.hasHeightForWidth() and w.height() < w.heightForWidth(w.width()) - 1:
                    found.append(f"{name(w)} cut: {w.height()} px high, needs {w.heightForWidth(w.width())}")
            elif w.width() < hint.width() - 1:
                found.append(f"{name(w)} cut: {w.width()} px wide, needs {hint.width()}")
        elif (
            w.width() < hint.width() - 1 or w.height() < min(hint.height(), w.minimumSizeHint().height()) - 1
        ):
            found.append(
                f"{name(w)} squeezed to {w.width()}x{w.height()}, its hint is {hint.width()}x{hint.height()}"
            )
        in_box = isinstance(w, QAbstractButton) and isinstance(w.parentWidget(), QDialogButtonBox)
        if in_box and not w.icon().isNull():  # type: ignore[attr-defined]
            found.append(f"{name(w)} carries a stock icon")
        if isinstance(w, QAbstractButton) and button_text(w):
            advance = w.fontMetrics().horizontalAdvance(button_text(w))
            if hint.width() < advance or w.width() < advance:
                found.append(f"{name(w)}: text {advance} px wider than the button ({w.width()} px)")
        cut = clipped_by(root, w)
        if cut is not None:
            found.append(f"{name(w)} at {rect_in(root, w)} cut by {name(cut)} {rect_in(root, cut)}")
    # neighbours overlapping each other
    by_parent: dict[int, list[QWidget]] = {}
    for w in widgets:
        if isinstance(w, CONTROLS) and (not isinstance(w, QLabel) or label_text(w)) and w.parentWidget():
            by_parent.setdefault(id(w.parentWidget()), []).append(w)
    for siblings in by_parent.values():
        for i, a in enumerate(siblings):
            for b in siblings[i + 1 :]:
                overlap = a.geometry().intersected(b.geometry())
                if overlap.width() > 1 and overlap.height() > 1:
                    found.append(f"{name(a)} overlaps {name(b)} by {overlap.width()}x{overlap.height()}")
    return found


WALKS = [
    pytest.param(SMALLEST, 1.0, "light", id="800x600-100-light"),
    pytest.param(SMALLEST, 1.0, "dark", id="800x600-100-dark"),
    pytest.param(DEFAULT, 1.0, "light", id="default-100-light"),
    pytest.param(DEFAULT, 1.0, "dark", id="default-100-dark"),
    pytest.param(SMALLEST, 2.0, "light", id="800x600-200-light"),
    pytest.param(DEFAULT, 2.0, "dark", id="default-200-dark"),
]


@pytest.mark.parametrize(("size", "scale", "mode"), WALKS)
def test_every_screen_fits(
    qtbot: QtBot,
    qapp: QApplication,
    app_window: MainWindow,  # noqa: F811 - the fixture
    size: tuple[int, int],
    scale: float,
    mode: str,
) -> None:
    window = app_window
    dpr = float(os.environ.get("QT_SCALE_FACTOR", "1"))
    assert window.devicePixelRatioF() == dpr
    theme.apply_theme(qapp, mode)  # type: ignore[arg-type]
    window._set_text_scale(scale, save=False)
    try:
        window.resize(*size)
        qtbot.waitUntil(lambda: (window.width(), window.height()) == size, timeout=2_000)
        report: list[str] = []
        SHOTS.mkdir(parents=True, exist_ok=True)
        tag = f"{size[0]}x{size[1]}-{round(scale * 100)}-{mode}" + (f"-dpr{dpr:g}" if dpr != 1 else "")
        for screen in SCREENS:
            root = screen.open(window, qtbot)
            QApplication.processEvents()
            assert root.grab().save(str(SHOTS / f"{screen.name}-{tag}.png"))
            report += [f"{screen.name}: {p}" for p in problems(root)]
            close_screen(window, root)
        assert (window.width(), window.height()) == size, "the window could not take this size"
        assert not report, f"{len(report)} layout problems at {tag}:\n" + "\n".join(report)
    finally:
        window._set_text_scale(1.0, save=False)
        theme.apply_theme(qapp, "light")


def test_every_screen_fits_at_device_pixel_ratio_2(tmp_path: Path) -> None:
    """The same walk in a process on a 4K screen at a device pixel ratio of 2 (1920x1080 logical)."""
    repo = Path(__file__).resolve().parents[2]
    screen = tmp_path / "uhd.json"
    screen.write_text('{"screens": [{"name": "uhd", "x": 0, "y": 0, "width": 3840, "height": 2160}]}')
    env = {**os.environ, "QT_SCALE_FACTOR": "2", "QT_QPA_PLATFORM": f"offscreen:configfile={screen}"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            f"{Path(__file__).relative_to(repo)}::test_every_screen_fits",
            "-k",
            "800x600-100-light or default-200-dark",
        ],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "2 passed" in done.stdout
