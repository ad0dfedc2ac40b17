"""`lms-server`: migrate, seed, create-user, import, serve. Every subcommand takes `--database URL`.

The database defaults to `LMS_DATABASE_URL` or a SQLite file in the user's data dir, and `serve` binds to
loopback unless told otherwise: a server reachable from the network is a decision, not an accident.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from lms_desktop import __version__, dirs
from lms_desktop.server.config import DEFAULT_HOST, DEFAULT_PORT, Settings
from lms_desktop.server.extras import MissingExtra
from lms_desktop.server.http.connection_limits import (
    BODY_TIMEOUT_SECONDS,
    HEADER_TIMEOUT_SECONDS,
    KEEP_ALIVE_TIMEOUT_SECONDS,
    MAX_CONNECTIONS_PER_ADDRESS,
)

log = logging.getLogger("lms.server")


class ProgressBar:
    """A one-line text progress bar on stderr, redrawn at most ten times a second."""

    def __init__(self, stream: TextIO | None = None, width: int = 30) -> None:
        self.stream = stream or sys.stderr
        self.width = width
        self._last_draw = 0.0
        self._last_stage = ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        finished = total > 0 and done >= total
        if stage == self._last_stage and not finished and now - self._last_draw < 0.1:
            return
        if stage != self._last_stage and self._last_stage:
            self.stream.write("\n")
        self._last_stage = stage
        self._last_draw = now
        fraction = min(1.0, done / total) if total > 0 else 1.0
        filled = int(fraction * self.width)
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r{stage:<12} [{bar}] {done:>9,}/{total:,} {fraction:6.1%}")
        self.stream.flush()

    def close(self) -> None:
        if self._last_stage:
            self.stream.write("\n")
            self.stream.flush()


def _settings(args: argparse.Namespace) -> Settings:
    base = Settings()
    changes: dict[str, object] = {}
    if args.database:
        changes["database_url"] = args.database
    if args.data_dir or os.environ.get("LMS_DATA_DIR"):
        changes["data_dir"] = Path(args.data_dir or os.environ["LMS_DATA_DIR"])
    if args.assets_dir:
        changes["assets_root"] = Path(args.assets_dir)
    return base.with_(**changes) if changes else base


def cmd_migrate(args: argparse.Namespace) -> int:
    from lms_desktop.server.db.migrate import current_revision, upgrade

    settings = _settings(args)
    upgrade(settings.database_url)
    print(f"database at revision {current_revision(settings.database_url)}")
    return 0


def cmd_seed(args: argparse.Namespace) -> int:
    from lms_desktop.server.db.engine import Database
    from lms_desktop.server.db.migrate import upgrade
    from lms_desktop.server.seed import seed

    settings = _settings(args)
    upgrade(settings.database_url)
    db = Database.open(settings.database_url)
    bar = ProgressBar()
    started = time.perf_counter()
    try:
        report = seed(
            db,
            courses=args.courses,
            users=args.users,
            seed=args.seed,
            images_dir=None if args.no_images else settings.images_dir,
            progress=bar,
        )
    finally:
        bar.close()
        db.close()
    print(f"seeded in {time.perf_counter() - started:.1f} s: {report}")
    return 0


def cmd_create_user(args: argparse.Namespace) -> int:
    from lms_desktop.server.db.engine import Database
    from lms_desktop.server.db.errors import UserExists
    from lms_desktop.server.db.migrate import upgrade
    from lms_desktop.server.db.queries import users

    if sys.stdin.isatty():
        password = getpass.getpass(f"password for {args.name}: ")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        print("error: empty password (give it on stdin)", file=sys.stderr)
        return 2
    settings = _settings(args)
    upgrade(settings.database_url)
    db = Database.open(settings.database_url)
    try:
        with db.write() as conn:
            user = users.create_user(conn, args.name, password, args.display_name, role=args.role)
    except UserExists:
        print(f"error: user {args.name!r} exists", file=sys.stderr)
        return 1
    finally:
        db.close()
    print(f"created {args.role} {user.username} (id {user.id})")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from lms_desktop.server.import_cli import run_import

    return run_import(_settings(args), args.packages, draft=args.draft, as_json=args.json, bar=ProgressBar())


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from lms_desktop.server.db.migrate import upgrade
    from lms_desktop.server.http.protocol import MAX_HEAD_BYTES, http_protocol

    settings = _settings(args).with_(
        host=args.host,
        port=args.port,
        workers=args.workers,
        redis_url=args.redis,
        slow_query_ms=args.slow_query_ms,
        access_log=not args.no_access_log,
        hot_cache_bytes=int(args.hot_cache_mb * 1024 * 1024),
        server_timing=args.server_timing,
        metrics_token=args.metrics_token or os.environ.get("LMS_METRICS_TOKEN") or None,
        drain_delay_seconds=args.drain_delay,
        drain_timeout_seconds=args.drain_timeout,
        forwarded_allow_ips=args.forwarded_allow_ips,
        header_timeout_s=args.header_timeout,
        body_timeout_s=args.body_timeout,
        keep_alive_timeout_s=args.keep_alive_timeout,
        max_connections_per_address=args.max_connections_per_address,
        sign_in_concurrency=args.sign_in_concurrency,
    )
    _raise_open_files_limit()
    if settings.host not in ("127.0.0.1", "::1", "localhost"):
        log.warning("listening on %s: reachable from other machines", settings.host)
    upgrade(settings.database_url)  # once per start, under a lock that instances starting together share
    if settings.workers > 1:
        return _serve_workers(settings)
    from lms_desktop.server.http.app import create_app
    from lms_desktop.server.http.drain import DrainingServer
    from lms_desktop.server.http.state import get_state

    app = create_app(settings)
    config = uvicorn.Config(
        app,
        host=settings.host,
        port=settings.port,
        http=http_protocol(),
        access_log=False,
        log_level="info",
        timeout_graceful_shutdown=max(1, round(settings.drain_timeout_seconds)),
        proxy_headers=bool(_trusted_proxies(settings)),
        forwarded_allow_ips=_trusted_proxies(settings),
        timeout_keep_alive=settings.keep_alive_timeout_s,
        h11_max_incomplete_event_size=MAX_HEAD_BYTES,  # the same head bound when h11 stands in for httptools
    )
    DrainingServer(config, get_state(app), settings.drain_delay_seconds).run()
    return 0


def _trusted_proxies(settings: Settings) -> str | None:
    """Trust X-Forwarded-For/-Proto only from the proxies named (none by default), so the throttle and
    the logs see the learner's address behind a load balancer, and nobody else can claim another's."""
    return settings.forwarded_allow_ips.strip() or None


def _raise_open_files_limit() -> None:
    """Every connection is a file descriptor: take the hard limit the system allows (Linux's soft default of
    1,024 is small for a server), as nginx's `worker_rlimit_nofile` does."""
    try:
        import resource
    except ImportError:  # Windows: no such limit
        return
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if hard == resource.RLIM_INFINITY or soft < hard:
            resource.setrlimit(
                resource.RLIMIT_NOFILE, (hard if hard != resource.RLIM_INFINITY else 65536, hard)
            )
    except (OSError, ValueError) as exc:
        log.info("open files limit left as it is: %s", exc)


def _serve_workers(settings: Settings) -> int:
    """N uvicorn worker processes accepting on one shared socket.

    uvicorn starts workers by importing a factory by name, so settings travel in the environment. The
    socket is ours rather than uvicorn's: uvicorn binds it with proto 0, and asyncio then skips
    TCP_NODELAY on accepted connections, so keep-alive responses wait on Nagle + delayed ACK.
    """
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from lms_desktop.server.embedded import bind_tcp_socket
    from lms_desktop.server.http.protocol import MAX_HEAD_BYTES, http_protocol

    os.environ.update(settings.to_env())
    config = uvicorn.Config(
        "lms_desktop.server.http.app:create_app_from_env",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        http=http_protocol(),
        access_log=False,
        log_level="info",
        timeout_graceful_shutdown=max(1, round(settings.drain_timeout_seconds)),
        proxy_headers=bool(_trusted_proxies(settings)),
        forwarded_allow_ips=_trusted_proxies(settings),
        timeout_keep_alive=settings.keep_alive_timeout_s,
        h11_max_incomplete_event_size=MAX_HEAD_BYTES,  # the same head bound when h11 stands in for httptools
    )
    sock = bind_tcp_socket(settings.host, settings.port)
    log.info("serving on http://%s:%d with %d workers", settings.host, settings.port, settings.workers)
    try:
        Multiprocess(config, sockets=[sock]).run()
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
    return 0


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database",
        metavar="URL",
        help="SQLAlchemy URL (sqlite:///path or postgresql://...); default: $LMS_DATABASE_URL or a "
        "SQLite file in the user data dir",
    )
    common.add_argument(
        "--data-dir", metavar="DIR", help=f"images and thumbnail cache (default: {dirs.data_dir()})"
    )
    common.add_argument(
        "--assets-dir", metavar="DIR", help="imported files (default: $LMS_ASSETS_DIR or <data dir>/assets)"
    )
    common.add_argument("-v", "--verbose", action="store_true", help="debug logging")

    parser = argparse.ArgumentParser(prog="lms-server", description="The LMS Desktop server.")
    parser.add_argument("--version", action="version", version=f"lms-server {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("migrate", parents=[common], help="upgrade the schema to the latest revision")
    p.set_defaults(func=cmd_migrate)

    p = sub.add_parser("seed", parents=[common], help="fill an empty database with a demo catalog")
    p.add_argument("--courses", type=int, default=2_000)
    p.add_argument("--users", type=int, default=200)
    p.add_argument("--seed", type=int, default=1, help="random seed (same seed, same catalog)")
    p.add_argument("--no-images", action="store_true", help="skip generating cover images (faster)")
    p.set_defaults(func=cmd_seed)

    p = sub.add_parser("create-user", parents=[common], help="create a learner (password from stdin)")
    p.add_argument("name")
    p.add_argument("--display-name", default=None)
    p.add_argument("--role", choices=("learner", "author", "admin"), default="learner")
    p.set_defaults(func=cmd_create_user)

    p = sub.add_parser(
        "import",
        parents=[common],
        help="import course packages: Common Cartridge (.imscc/.zip), Open edX (.tar.gz or folder), "
        "or a Markdown course folder",
    )
    p.add_argument("packages", nargs="+", metavar="PACKAGE")
    p.add_argument("--draft", action="store_true", help="import unpublished (not in the catalog yet)")
    p.add_argument("--json", action="store_true", help="print one JSON summary object on stdout")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("serve", parents=[common], help="serve the HTTP API")
    p.add_argument("--host", default=DEFAULT_HOST, help="interface to bind (default: loopback)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT)
    p.add_argument("--workers", type=int, default=1, help="server processes sharing the port")
    p.add_argument(
        "--redis",
        metavar="URL",
        default=os.environ.get("LMS_REDIS_URL") or None,
        help="shared hot-cache tier, e.g. redis://... (default: $LMS_REDIS_URL)",
    )
    p.add_argument("--slow-query-ms", type=float, default=200.0, help="log queries slower than this")
    p.add_argument(
        "--hot-cache-mb", type=float, default=32.0, help="in-process cache of response bodies (0: off)"
    )
    p.add_argument(
        "--no-access-log", action="store_true", help="no per-request log line (method, path, status, ms)"
    )
    p.add_argument(
        "--server-timing",
        action="store_true",
        help="add a Server-Timing header to every answer: its time in SQL and in the app (for profiling; "
        "it tells clients how long the database took)",
    )
    p.add_argument(
        "--metrics-token",
        default=None,
        help="bearer token that /metrics and /api/v1/metrics answer to (default: $LMS_METRICS_TOKEN; "
        "without one they are refused)",
    )
    p.add_argument(
        "--drain-delay",
        type=float,
        default=float(os.environ.get("LMS_DRAIN_DELAY_SECONDS", "0")),
        help="after SIGTERM, fail readiness and keep serving this many seconds before closing (behind a "
        "load balancer: longer than its health checks take to mark the instance down)",
    )
    p.add_argument(
        "--drain-timeout",
        type=float,
        default=float(os.environ.get("LMS_DRAIN_TIMEOUT_SECONDS", "20")),
        help="then wait at most this long for requests in flight",
    )
    p.add_argument(
        "--forwarded-allow-ips",
        default=os.environ.get("LMS_FORWARDED_ALLOW_IPS", ""),
        help="proxies whose X-Forwarded-For/-Proto are trusted (comma-separated addresses or networks, "
        "'*' for any; default: none)",
    )
    p.add_argument(
        "--header-timeout",
        type=float,
        default=HEADER_TIMEOUT_SECONDS,
        metavar="S",
        help="close a connection whose request head is not complete S seconds after it connects or after "
        "the request's first byte (408)",
    )
    p.add_argument(
        "--body-timeout",
        type=float,
        default=BODY_TIMEOUT_SECONDS,
        metavar="S",
        help="close a connection whose request body is not complete S seconds after its head (408)",
    )
    p.add_argument(
        "--keep-alive-timeout",
        type=int,
        default=KEEP_ALIVE_TIMEOUT_SECONDS,
        metavar="S",
        help="close a keep-alive connection idle S seconds after an answer",
    )
    p.add_argument(
        "--max-connections-per-address",
        type=int,
        default=MAX_CONNECTIONS_PER_ADDRESS,
        metavar="N",
        help="open connections one client address may hold; the excess gets 503 and is closed",
    )
    p.add_argument(
        "--sign-in-concurrency",
        type=int,
        default=Settings().sign_in_concurrency,
        metavar="N",
        help="password verifications in flight per process; the excess gets 503 at once",
    )
    p.set_defaults(func=cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from lms_desktop.server.http.app import LOG_FORMAT

    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format=LOG_FORMAT,
    )
    if args.command == "serve" and args.workers < 1:
        print("error: --workers must be at least 1", file=sys.stderr)
        return 2
    try:
        code: int = args.func(args)
    except MissingExtra as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":
    sys.exit(main())
