"""The server inside another process: the desktop app's default backend, and every client/UI test's server.

uvicorn runs in a background thread with its own event loop on a socket we bind ourselves, so the port is
known before the first request, port 0 picks a free one, and a stopped server can be started again on the
same port (SO_REUSEADDR) -- which is how client tests go offline and come back.

`sql_statements` and `capture_sql` count and collect the SQL the server runs (a 304 runs none). Tests wrap
the served app through `asgi_app` (tests/fixtures/instrumented.py records requests and slows them down).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from lms_desktop.contract import API_PREFIX, User
from lms_desktop.server.config import Settings

if TYPE_CHECKING:
    import uvicorn
    from litestar.types import ASGIApp

    from lms_desktop.server.db.engine import Database
    from lms_desktop.server.http.state import ServerState

log = logging.getLogger("lms.server.embedded")

START_TIMEOUT_SECONDS = 30.0
STOP_TIMEOUT_SECONDS = 10.0


def bind_tcp_socket(host: str, port: int) -> socket.socket:
    """A listening socket that worker processes can inherit, with TCP_NODELAY on what it accepts."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto must say TCP: asyncio only sets TCP_NODELAY on accepted sockets whose proto is IPPROTO_TCP, and
    # without it every keep-alive response waits on Nagle + delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.setblocking(False)
    sock.set_inheritable(True)
    return sock


class EmbeddedServer:
    """A real server on a loopback port, in a background thread. Use as a context manager or start/stop."""

    def __init__(
        self,
        database_url: str | None,
        *,
        data_dir: Path,
        host: str = "127.0.0.1",
        port: int = 0,
        redis_url: str | None = None,
        seed_courses: int | None = None,
        seed_users: int = 20,
        seed: int = 1,
        slow_query_ms: float = 200.0,
        access_log: bool = False,
        seed_progress: Callable[[str, int, int], None] | None = None,
        metrics_token: str | None = None,
        example_courses: bool = False,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.example_courses = example_courses  # also import resources/courses when seeding
        self.database_url = database_url or f"sqlite:///{self.data_dir / 'lms.sqlite3'}"
        self.host = host
        self.port = port
        self.redis_url = redis_url
        self.seed_courses = seed_courses
        self.seed_users = seed_users
        self.seed = seed
        self.seed_progress = seed_progress
        self.settings = Settings(
            database_url=self.database_url,
            data_dir=self.data_dir,
            host=host,
            port=port,
            redis_url=redis_url,
            slow_query_ms=slow_query_ms,
            access_log=access_log,
            metrics_token=metrics_token,
        )
        self.sql_statements = 0
        self._sql_capture: list[str] | None = None
        self._state: ServerState | None = None
        self.database: Database | None = None
        self.app: Any = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    # ---- lifecycle --------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def api_url(self) -> str:
        return self.base_url + API_PREFIX

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> Self:
        """Migrate, seed if empty and asked, then serve; returns once the port accepts connections."""
        from lms_desktop.server.db.migrate import upgrade

        if self.running:
            return self
        upgrade(self.database_url)
        database = self._open_database()
        if self.seed_courses and catalog_is_empty(database):
            self._seed(self.seed_courses)
        sock = bind_tcp_socket(self.host, self.port)
        self.port = sock.getsockname()[1]
        self.settings = self.settings.with_(port=self.port)
        server = self._serve(sock)
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while not server.started:
            if not self.running or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"embedded server did not start: {self._error!r}")
            time.sleep(0.005)
        log.info("embedded server on %s (%s)", self.base_url, database.dialect)
        return self

    def _open_database(self) -> Database:
        """The server's database, opened once and kept across restarts, its statements counted."""
        from sqlalchemy import event

        from lms_desktop.server.db.engine import Database

        if self.database is None:
            self.database = Database.open(
                self.database_url,
                slow_query_ms=self.settings.slow_query_ms,
                on_slow_query=self._on_slow_query,
                bounded=True,
            )
            for engine in (self.database.read_engine, self.database.write_engine):
                event.listen(engine, "before_cursor_execute", self._count_statement)
        return self.database

    def _seed(self, courses: int) -> None:
        from lms_desktop.server.db.engine import Database

        loader = Database.open(self.database_url)  # no statement timeouts: a seed's statements are big
        try:
            seed_if_empty(
                loader,
                courses=courses,
                users=self.seed_users,
                seed=self.seed,
                images_dir=self.settings.images_dir,
                progress=self.seed_progress,
                assets_dir=self.settings.assets_dir if self.example_courses else None,
            )
        finally:
            loader.close()

    def _serve(self, sock: socket.socket) -> uvicorn.Server:
        """Build the app and start uvicorn on `sock` in the background thread."""
        import uvicorn

        from lms_desktop.server.http.app import build_state, create_app
        from lms_desktop.server.http.protocol import MAX_HEAD_BYTES, http_protocol

        state = build_state(self.settings, database=self.database)
        self._state = state
        self.app = create_app(self.settings, state=state)
        config = uvicorn.Config(
            self.asgi_app(self.app),
            lifespan="on",
            http=http_protocol(),
            ws="none",  # no WebSocket routes: every connection stays with our HTTP protocol
            log_level="warning",
            access_log=False,
            timeout_graceful_shutdown=2,
            timeout_keep_alive=self.settings.keep_alive_timeout_s,
            h11_max_incomplete_event_size=MAX_HEAD_BYTES,
        )
        server = uvicorn.Server(config)
        self._server = server
        self._error = None

        def run() -> None:
            try:
                asyncio.run(server.serve(sockets=[sock]))
            except BaseException as exc:  # reported to start() / stop()
                self._error = exc
            finally:
                with contextlib.suppress(OSError):
                    sock.close()

        self._thread = threading.Thread(target=run, name=f"lms-server-{self.port}", daemon=True)
        self._thread.start()
        return server

    def stop(self) -> None:
        """Graceful: in-flight requests finish, then the thread ends and the port is free again."""
        server, thread = self._server, self._thread
        if server is not None:
            server.should_exit = True
        if thread is not None:
            thread.join(STOP_TIMEOUT_SECONDS)
            if thread.is_alive() and server is not None:
                server.force_exit = True
                thread.join(STOP_TIMEOUT_SECONDS)
        self._server = None
        self._thread = None

    def close(self) -> None:
        """Stop and release the database (a stopped server can still be restarted before this)."""
        self.stop()
        if self.database is not None:
            self.database.close()
            self.database = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # ---- statements -----------------------------------------------------------------------------------

    def asgi_app(self, app: ASGIApp) -> ASGIApp:
        """What uvicorn serves: the app itself (a subclass may wrap it)."""
        return app

    def _on_slow_query(self, sql: str, ms: float) -> None:
        """The database outlives restarts; its slow queries go to the running app's metrics."""
        if self._state is not None:
            self._state.metrics.slow_query(sql, ms)

    def _count_statement(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        self.sql_statements += 1
        if self._sql_capture is not None:
            self._sql_capture.append(statement)

    @contextlib.contextmanager
    def capture_sql(self) -> Iterator[list[str]]:
        """Collect the SQL statements the server runs inside the block (both engines, every thread)."""
        captured: list[str] = []
        self._sql_capture = captured
        try:
            yield captured
        finally:
            self._sql_capture = None

    # ---- data helpers for tests and the launcher ----------------------------------------------------

    def create_user(self, username: str, password: str, display_name: str | None = None) -> User:
        from lms_desktop.server.db.queries import users

        db = self._db()
        with db.write() as conn:
            return users.create_user(conn, username, password, display_name)

    def token_for(self, username: str, password: str) -> str:
        """A bearer token issued through the real HTTP endpoint."""
        import httpx

        response = httpx.post(
            f"{self.api_url}/auth/token", json={"username": username, "password": password}, timeout=30
        )
        response.raise_for_status()
        token: str = response.json()["access_token"]
        return token

    def _db(self) -> Database:
        if self.database is None:
            raise RuntimeError("server not started")
        return self.database


def catalog_is_empty(db: Database) -> bool:
    import sqlalchemy as sa

    with db.read() as conn:
        return conn.execute(sa.text("SELECT 1 FROM courses LIMIT 1")).first() is None


def seed_if_empty(
    db: Database,
    *,
    courses: int,
    users: int,
    seed: int,
    images_dir: Path,
    progress: Callable[[str, int, int], None] | None = None,
    assets_dir: Path | None = None,
) -> bool:
    """Seed a fresh database; leave one that has a catalog alone. True when it seeded.

    With `assets_dir`, the real example courses shipped in `resources/courses` are imported too, so the
    first run shows written courses among the generated ones."""
    if not catalog_is_empty(db):
        return False
    from lms_desktop.server.seed import seed as run_seed

    run_seed(db, courses=courses, users=users, seed=seed, images_dir=images_dir, progress=progress)
    if assets_dir is not None:
        from lms_desktop.server.importing.demo import import_demo_courses

        import_demo_courses(db, assets_dir=assets_dir, images_dir=images_dir)
    return True
