"""Main script of the PyInstaller bundle: the same `main` as the `lms-desktop` command, plus a self-test.

`lms-desktop --bundle-self-test` (handled here, before the app's own argument parsing) proves a frozen build
is complete without showing anything to anyone (run it with QT_QPA_PLATFORM=offscreen):
  1. Qt starts with the app's identity and its icon loads from the bundled resources;
  2. the packaged Alembic migrations build a fresh SQLite database;
  3. the embedded server (uvicorn + Litestar) answers health, a listing and a WebP thumbnail (Pillow codecs);
  4. the real launcher runs end to end in a temporary data dir: seeds a small demo catalog, signs in, shows
     the main window and its first catalog rows, and the test then closes the window.
It prints one JSON line and exits 0, or fails with the traceback of what is missing. PyInstaller cannot see
modules loaded only by name or from the migration files; this is how a missing one shows up before a learner
meets it. `LMS_SELF_TEST_SCREENSHOT=file.png` also saves the main window as the frozen app painted it, after
`LMS_SELF_TEST_LINGER_S` seconds (default 1.5) of letting the first page and its thumbnails arrive.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SELF_TEST_FLAG = "--bundle-self-test"
WINDOW_TIMEOUT_S = 120.0


def _identity() -> dict[str, Any]:
    """Step 1: the QApplication as the launcher makes it: name, version, desktop file name, icon."""
    from PySide6.QtGui import QGuiApplication

    from lms_desktop.resources import resources_dir
    from lms_desktop.ui.app import create_application

    app = create_application(["lms-desktop"])
    icon = app.windowIcon()
    return {
        "platform": QGuiApplication.platformName(),
        "application_name": app.applicationName(),
        "application_version": app.applicationVersion(),
        "desktop_file_name": QGuiApplication.desktopFileName(),
        "resources": str(resources_dir()),
        # what the title bar, task switcher and dock would get (an SVG-backed icon lists no fixed sizes)
        "icon_pixmaps": [icon.pixmap(n, n).width() for n in (16, 48, 256)],
    }


def _migrations(data_dir: Path) -> str | None:
    """Step 2: the packaged migrations on an empty database; returns the head revision reached."""
    from lms_desktop.server.db.migrate import current_revision, upgrade

    url = f"sqlite:///{data_dir / 'migrations.sqlite3'}"
    upgrade(url)
    return current_revision(url)


def _server_round_trip(data_dir: Path) -> dict[str, int]:
    """Step 3: the embedded server on a free loopback port, and the requests the app makes first."""
    from urllib.parse import urljoin

    import httpx

    from lms_desktop.server.embedded import EmbeddedServer

    with (
        EmbeddedServer(None, data_dir=data_dir, seed_courses=12, seed_users=2) as server,
        httpx.Client(base_url=server.base_url, timeout=30) as http,
    ):
        health = http.get(server.api_url + "/health")
        health.raise_for_status()
        listing = http.get(server.api_url + "/courses", params={"limit": 5})
        listing.raise_for_status()
        items = listing.json()["items"]
        image_url = next(i["image_url"] for i in items if i["image_url"])
        thumb = http.get(urljoin(server.base_url + "/", image_url), params={"w": 160, "fmt": "webp"})
        thumb.raise_for_status()
        if thumb.headers.get("content-type") != "image/webp":
            raise RuntimeError(f"thumbnail is {thumb.headers.get('content-type')}, not image/webp")
    return {"health": health.status_code, "courses": len(items), "thumbnail_bytes": len(thumb.content)}


def _launcher_round_trip(data_dir: Path) -> dict[str, Any]:
    """Step 4: `lms-desktop` itself until its main window shows catalog rows, then close it like a user.

    Rows in a visible item view are the proof: a window that opened on an error state ("couldn't load the
    catalog") fails the test instead of passing it.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    from lms_desktop import launcher
    from lms_desktop.ui.main_window import MainWindow

    seen: dict[str, Any] = {"catalog_rows": 0}
    started = time.monotonic()
    state: dict[str, Any] = {"window": None}

    def catalog_rows(window: MainWindow) -> tuple[int, str | None]:
        """Rows and the first row's text in a visible item view that holds real courses (not skeletons)."""
        for view in window.findChildren(QAbstractItemView):
            model = view.model()
            if not view.isVisible() or model is None or model.rowCount() == 0:
                continue
            first = model.data(model.index(0, 0))
            if isinstance(first, str) and first and not first.startswith("Loading"):
                return model.rowCount(), first
        return 0, None

    def finish() -> None:
        window = state["window"]
        rows, first = catalog_rows(window)  # again: an error state after the first page hides the rows
        seen.update(catalog_rows=rows, first_course=first)
        shot = os.environ.get("LMS_SELF_TEST_SCREENSHOT")
        if shot:
            window.grab().save(shot)
        window.close()

    def watch() -> None:
        elapsed = time.monotonic() - started
        window = state["window"]
        if window is None:
            shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
            if shown:
                window = state["window"] = shown[0]
                seen.update(
                    seconds_to_window=round(elapsed, 2),
                    title=window.windowTitle(),
                    size=[window.width(), window.height()],
                )
        if window is not None:
            rows, _first = catalog_rows(window)
            if rows or elapsed > WINDOW_TIMEOUT_S:
                poll.stop()
                seen["seconds_to_rows"] = round(elapsed, 2)
                linger_s = float(os.environ.get("LMS_SELF_TEST_LINGER_S", "1.5"))
                QTimer.singleShot(int(linger_s * 1000), finish)  # thumbnails arrive and paint
        elif elapsed > WINDOW_TIMEOUT_S:
            print(f"self-test: no main window after {WINDOW_TIMEOUT_S:.0f} s", file=sys.stderr, flush=True)
            os._exit(3)  # the launcher is stuck somewhere a close cannot reach

    poll = QTimer()
    poll.timeout.connect(watch)
    poll.start(100)
    seen["exit_code"] = launcher.main(["--data-dir", str(data_dir), "--demo-courses", "40"])
    return seen


def bundle_self_test() -> int:
    """Run the four steps; prints a JSON report, returns 0 only if every step gave a sound answer."""
    from lms_desktop import __version__

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        report: dict[str, Any] = {"version": __version__, "frozen": bool(getattr(sys, "frozen", False))}
        report.update(_identity())
        report["migration_head"] = _migrations(base)
        report["server"] = _server_round_trip(base / "server")
        report["launcher"] = _launcher_round_trip(base / "app")
    print(json.dumps(report), flush=True)
    ok = (
        report["icon_pixmaps"] == [16, 48, 256]
        and report["migration_head"]
        and report["server"]["courses"] > 0
        and report["launcher"].get("exit_code") == 0
        and report["launcher"]["catalog_rows"] > 0
    )
    return 0 if ok else 1


def run() -> int:
    if SELF_TEST_FLAG in sys.argv[1:]:
        return bundle_self_test()
    from lms_desktop.launcher import main

    return main()


if __name__ == "__main__":
    sys.exit(run())
