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
from typing import Any, TextIO

from lms_desktop import __version__
from lms_desktop.server import options
from lms_desktop.server.config import Settings
from lms_desktop.server.extras import MissingExtra

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
    """The defaults, then the `LMS_*` environment, then the options given."""
    return Settings.from_env().from_args(args)


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

    settings = _settings(args)
    if settings.workers < 1:
        print("error: workers must be at least 1", file=sys.stderr)
        return 2
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
    config = uvicorn.Config(app, **_uvicorn_options(settings))
    DrainingServer(config, get_state(app), settings.drain_delay_seconds).run()
    return 0


def _uvicorn_options(settings: Settings) -> dict[str, Any]:
    """What both ways of serving (one process, several workers) give uvicorn."""
    from lms_desktop.server.http.protocol import MAX_HEAD_BYTES, http_protocol

    return {
        "host": settings.host,
        "port": settings.port,
        "http": http_protocol(),
        "ws": "none",  # no WebSocket routes: every connection stays with our HTTP protocol
        "access_log": False,
        "log_level": "info",
        "timeout_graceful_shutdown": max(1, round(settings.drain_timeout_seconds)),
        "proxy_headers": bool(_trusted_proxies(settings)),
        "forwarded_allow_ips": _trusted_proxies(settings),
        "timeout_keep_alive": settings.keep_alive_timeout_s,
        "h11_max_incomplete_event_size": MAX_HEAD_BYTES,  # the same head bound when h11 runs instead
    }


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

    os.environ.update(settings.to_env())
    config = uvicorn.Config(
        "lms_desktop.server.http.app:create_app_from_env",
        factory=True,
        workers=settings.workers,
        **_uvicorn_options(settings),
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
    options.add_arguments(common, Settings, "common")
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
    options.add_arguments(p, Settings, "serve")
    p.set_defaults(func=cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from lms_desktop.server.http.app import LOG_FORMAT

    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format=LOG_FORMAT,
    )
    if args.command == "serve" and args.workers is not None and args.workers < 1:
        print("error: --workers must be at least 1", file=sys.stderr)
        return 2
    try:
        code: int = args.func(args)
    except (MissingExtra, options.BadSetting) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":
    sys.exit(main())
