"""`lms-desktop`: parse the command line, start the embedded server or connect to one, open the window.

The only module that imports both the server and the UI: everything else depends one way (ui -> client ->
HTTP -> server). With no server configured, the embedded server runs in this process on a free loopback port
with SQLite in the user's data dir, seeded with a demo catalog on first run (in the server's start thread, a
progress dialog on the UI thread), and the demo learner is signed in. `--server URL` connects to a running
server and asks to sign in. `--version` prints and exits before any Qt object exists. The command line is
read by `launch_args` (our options, and Qt's own handed to QApplication).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lms_desktop import __version__, dirs
from lms_desktop.launch_args import parse_args

if TYPE_CHECKING:
    import argparse

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from lms_desktop.client import LmsClient
    from lms_desktop.server.embedded import EmbeddedServer
    from lms_desktop.ui.main_window import MainWindow
    from lms_desktop.ui.tasks import TaskRunner

log = logging.getLogger("lms_desktop")

DEMO_USERS = 200
DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo"
#: probe the server's health only after this long without hearing from it (never while requests answer)
IDLE_PROBE_S = 10.0


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.version:
        print(f"lms-desktop {__version__}")
        return 0
    # Our own messages at INFO; libraries (httpx logs every request, alembic every plugin) only when verbose.
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING, format="%(asctime)s %(name)s: %(message)s"
    )
    for ours in ("lms_desktop", "lms.server"):
        logging.getLogger(ours).setLevel(logging.DEBUG if args.verbose else logging.INFO)
    from lms_desktop.ui import logfile

    # A windowed build has no console: the log file, uncaught exceptions and fatal crashes go to a file.
    log_dir = args.log_dir or (args.data_dir / "logs" if args.data_dir else None)
    logfile.setup(log_dir)
    log.info("lms-desktop %s starting", __version__)
    import qasync

    from lms_desktop.ui.app import app_settings, apply_saved_language, apply_saved_theme, create_application

    app = create_application([sys.argv[0] if sys.argv else "lms-desktop", *args.qt_args])
    app.setQuitOnLastWindowClosed(False)  # the launcher decides when to stop, after cleaning up
    # An explicit data dir is a self-contained profile (tests, portable installs): settings live there too.
    settings = app_settings(args.data_dir / "settings.ini" if args.data_dir else None)
    if args.reset:
        settings.clear()
    apply_saved_language(app, settings)
    apply_saved_theme(app, settings)
    from lms_desktop.ui.gc_guard import MainThreadGarbageCollector

    collector = MainThreadGarbageCollector(app)  # the embedded server's thread must never free Qt objects
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        try:
            return loop.run_until_complete(run(app, settings, args))
        finally:
            collector.stop()


async def run(app: QApplication, settings: QSettings, args: argparse.Namespace) -> int:
    """Start everything, wait for the window to close, then shut down in order."""
    from lms_desktop.ui.tasks import TaskRunner

    data_dir: Path = args.data_dir or dirs.data_dir()
    remote_url = args.server or str(settings.value("server/url", "") or "") or None
    if args.reset:
        # "offline": queued changes and downloads refer to the database being wiped.
        for sub in ("server", "cache", "offline"):
            shutil.rmtree(data_dir / sub, ignore_errors=True)
    server: EmbeddedServer | None = None
    client: LmsClient | None = None
    runner = TaskRunner()
    try:
        if remote_url is None:
            server = await start_embedded(data_dir / "server", args.demo_courses)
            if server is None:
                return 1
        base_url = server.base_url if server is not None else str(remote_url)
        client = make_client(
            base_url, data_dir, settings, embedded=server is not None, own_profile=args.data_dir is not None
        )
        if args.reset:
            client.clear_cache()
        if server is not None:
            await client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
        else:
            await client.restore_session()
        label = "the built-in demo server" if server is not None else str(remote_url)
        return await show_window(app, client, runner, settings, label)
    finally:
        await runner.shutdown()
        if client is not None:
            await client.aclose()
        if server is not None:
            await asyncio.get_running_loop().run_in_executor(None, server.close)


def make_client(
    base_url: str, data_dir: Path, settings: QSettings, *, embedded: bool, own_profile: bool = False
) -> LmsClient:
    """The client for `base_url`. `own_profile` (an explicit --data-dir): cache and remembered sign-in live
    in the data dir instead of the user's cache dir and keyring."""
    from lms_desktop.client import ClientConfig, FileTokenStore, MemoryTokenStore, TokenStore
    from lms_desktop.client.offline.layer import offline_client
    from lms_desktop.ui.settings_dialog import DEFAULT_CACHE_MB, KEY_CACHE_MB

    try:
        cache_mb = int(settings.value(KEY_CACHE_MB, DEFAULT_CACHE_MB))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        cache_mb = DEFAULT_CACHE_MB
    tokens: TokenStore | None = None
    if embedded:
        tokens = MemoryTokenStore()  # the demo learner signs in on every start
    elif own_profile:
        tokens = FileTokenStore(data_dir / "tokens.json")
    config = ClientConfig(
        base_url=base_url,
        cache_dir=data_dir / "cache" if embedded or own_profile else None,
        disk_cache_bytes=max(50, cache_mb) * 2**20,
        # The embedded server's port changes every start: name it by its data so the cache survives.
        server_id=f"embedded:{data_dir}" if embedded else None,
        token_store=tokens,
    )
    # The offline layer plugs into the client: writes go through its durable outbox, downloads are pinned. No
    # heartbeat: connectivity probes /health only after a failure or IDLE_PROBE_S of silence (show_window).
    offline_dir = data_dir / "offline" if embedded or own_profile else None
    return offline_client(config, offline_dir=offline_dir)


async def start_embedded(data_dir: Path, courses: int) -> EmbeddedServer | None:
    """Start (and on first run seed) the built-in server off the UI thread, with a progress dialog."""
    from lms_desktop.server.embedded import EmbeddedServer
    from lms_desktop.ui.startup import SeedProgress

    await asyncio.to_thread(data_dir.mkdir, parents=True, exist_ok=True)
    progress = SeedProgress()
    server = EmbeddedServer(
        None,
        data_dir=data_dir,
        seed_courses=courses,
        seed_users=DEMO_USERS,
        seed=1,
        seed_progress=progress.report,  # called from the server's start thread; the signal crosses threads
        example_courses=True,  # the real courses in resources/courses, among the generated ones
    )
    try:
        await asyncio.get_running_loop().run_in_executor(None, server.start)
    except Exception as exc:
        log.exception("the built-in server did not start")
        progress.fail(f"The built-in server could not start:\n{exc}")
        return None
    finally:
        progress.finish()
    return server


async def show_window(
    app: QApplication, client: LmsClient, runner: TaskRunner, settings: QSettings, label: str
) -> int:
    """The window, signed in or on its signed-out page; returns when the learner closes it.

    Cancelling a sign-in never quits: the window stays on its signed-out page with a "Sign in" button."""
    from lms_desktop.ui.main_window import MainWindow
    from lms_desktop.ui.sign_in import SignInDialog

    window = MainWindow(client, runner, settings, server_label=label)
    _install_offline(window, client)
    client.connectivity.watch(IDLE_PROBE_S)
    closed: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    asking = False

    async def ask_sign_in() -> None:
        nonlocal asking
        if asking:
            return
        asking = True
        try:
            dialog = SignInDialog(client, runner, label, window)
            if await _dialog_result(dialog):
                window.signed_in()
            elif client.user is None:
                window.show_signed_out()
        finally:
            asking = False

    def sign_in_later() -> None:
        runner.run(ask_sign_in(), owner=window, key="ask-sign-in")

    window.signInRequired.connect(sign_in_later)
    window.signedOut.connect(sign_in_later)
    window.closed.connect(lambda: _resolve(closed, None))
    window.start()
    window.show()
    if client.user is None:
        sign_in_later()
    await closed
    return 0


def _install_offline(window: MainWindow, client: LmsClient) -> None:
    """Downloads in the sidebar, "Make available offline", outbox status, if the client is offline-capable."""
    if client.offline is None:
        return
    from lms_desktop.ui.offline_install import install_offline

    install_offline(window, client.offline)
    client.offline.start_background()


def _resolve[T](future: asyncio.Future[T], value: T) -> None:
    if not future.done():
        future.set_result(value)


async def _dialog_result(dialog: Any) -> bool:
    future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
    dialog.finished.connect(lambda code: _resolve(future, bool(code)))
    dialog.open()
    try:
        return await future
    finally:
        with contextlib.suppress(RuntimeError):
            dialog.deleteLater()


if __name__ == "__main__":
    sys.exit(main())
