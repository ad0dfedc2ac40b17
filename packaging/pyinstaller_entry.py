"""Main script of the PyInstaller bundle: the same `main` as the `lms-desktop` command, plus a self-test.

`lms-desktop --bundle-self-test` (handled here, before the app's own argument parsing) proves a frozen build
is complete without showing anything to anyone: Qt starts on the platform plugin in QT_QPA_PLATFORM (use
`offscreen`), the icon loads from the bundled resources, a window is created and painted, the packaged
Alembic migrations build a fresh SQLite database, and the embedded server (uvicorn + Litestar) starts on a
loopback port, seeds a tiny catalog and answers health, a listing and a WebP thumbnail (Pillow's codecs).
It prints one JSON line and exits 0, or fails with the traceback of what is missing.
PyInstaller cannot see modules loaded only from the migration files, so the spec lists those as hidden
imports; this test is how a missing one shows up before a learner sees it.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

SELF_TEST_FLAG = "--bundle-self-test"


def bundle_self_test() -> int:
    """Exercise the parts of the bundle that only fail at run time; prints a JSON report."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication, QIcon
    from PySide6.QtWidgets import QApplication, QLabel

    from lms_desktop import APP_ID, APP_NAME, __version__
    from lms_desktop.resources import app_icon_files, resources_dir
    from lms_desktop.server.db.migrate import current_revision, upgrade

    app = QApplication(["lms-desktop"])
    app.setApplicationName("lms-desktop")
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    icon = QIcon()
    for path in app_icon_files():
        icon.addFile(str(path))
    app.setWindowIcon(icon)
    window = QLabel(f"{APP_NAME} {__version__}")
    window.resize(320, 120)
    window.show()
    QTimer.singleShot(50, app.quit)
    app.exec()
    painted = window.grab()

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'self-test.sqlite3'}"
        upgrade(url)
        revision = current_revision(url)
        server = _server_round_trip(Path(tmp) / "server")

    report = {
        "version": __version__,
        "platform": QGuiApplication.platformName(),
        "resources": str(resources_dir()),
        "icon_sizes": sorted(s.width() for s in icon.availableSizes()),
        "painted": [painted.width(), painted.height()],
        "migration_head": revision,
        "server": server,
        "frozen": bool(getattr(sys, "frozen", False)),
    }
    print(json.dumps(report), flush=True)
    ok = bool(report["icon_sizes"]) and painted.width() > 0 and revision is not None and server["courses"] > 0
    return 0 if ok else 1


def _server_round_trip(data_dir: Path) -> dict[str, int]:
    """Start the embedded server on a free loopback port and make the requests the app makes first."""
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


def run() -> int:
    if SELF_TEST_FLAG in sys.argv[1:]:
        return bundle_self_test()
    from lms_desktop.launcher import main

    result = main()
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(run())
