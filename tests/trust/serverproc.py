"""Spawn the real `lms-server` as subprocesses on free loopback ports, for tests that need what an in-process
server cannot give: several processes sharing one database, a captured log, a restart, or a kill.

Every process gets its own HOME / XDG dirs so nothing touches the real user's data, and its own session
(process group) so stopping it also stops uvicorn's worker processes, and nothing else.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

API = "/api/v1"
HEALTH_PATHS = (f"{API}/health", "/health")
# Generous bounds for start-up on a loaded 2-core CI machine; a server that needs longer is broken.
START_TIMEOUT_S = 60.0


def free_port() -> int:
    """A free TCP port on 127.0.0.1 (the kernel picks it; it is released before the server binds it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def isolated_env(
    home: Path, database_url: str | None = None, extra: dict[str, str] | None = None
) -> dict[str, str]:
    """Environment for a server subprocess: private HOME and XDG dirs, the database URL, unbuffered output."""
    env = dict(os.environ)
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        path = home / name.lower()
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    env["HOME"] = str(home)
    env["LMS_DATA_DIR"] = str(home / "data")  # covers and thumbnails next to the SQLite file
    env["PYTHONUNBUFFERED"] = "1"
    env.pop("LMS_DATABASE_URL", None)
    if database_url is not None:
        env["LMS_DATABASE_URL"] = database_url
    if extra:
        env.update(extra)
    return env


def cli_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "lms_desktop.server.cli", *args]


def run_cli(
    args: list[str],
    *,
    home: Path,
    database_url: str,
    stdin: str | None = None,
    timeout: float = 180.0,
    extra_env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run one `lms-server` subcommand to completion (seed, migrate, create-user); raise with its output."""
    cmd = cli_command(*args, "--database", database_url, "--data-dir", str(home / "data"))
    result = subprocess.run(
        cmd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=isolated_env(home, database_url, extra_env),
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(args)} failed ({result.returncode}):\n"
            f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
        )
    return result


def seed(home: Path, database_url: str, *, courses: int, users: int, seed_value: int) -> None:
    """`lms-server seed` into `database_url`, covers into `home/data/images`."""
    (home / "data").mkdir(parents=True, exist_ok=True)
    run_cli(
        ["seed", "--courses", str(courses), "--users", str(users), "--seed", str(seed_value)],
        home=home,
        database_url=database_url,
    )


@dataclass
class ServerProcess:
    """One `lms-server serve` process (with its workers) and the file its stdout+stderr go to."""

    proc: subprocess.Popen[bytes]
    port: int
    log_path: Path
    database_url: str
    home: Path
    args: list[str] = field(default_factory=list)
    host: str = "127.0.0.1"
    extra_env: dict[str, str] | None = None

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def api(self) -> str:
        return f"{self.base_url}{API}"

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        """SIGKILL the process group: no drain, connections reset, as a crash or an OOM kill would."""
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=15)

    def restart(self, *, wait: bool = True) -> None:
        """Start the same command again (same host, port, log file) after it has exited."""
        log_file = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            cli_command(*self.args),
            stdout=log_file,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=isolated_env(self.home, self.database_url, self.extra_env),
            start_new_session=True,
        )
        log_file.close()
        if wait:
            wait_healthy(self)

    def stop(self, timeout: float = 15.0) -> None:
        """SIGTERM the process group we created; SIGKILL it if it does not go."""
        if self.proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=timeout)
        # uvicorn workers are in the same group; make sure none outlives its parent.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)


def health_url(base_url: str) -> str | None:
    """The health path this server answers on, or None while it is not up."""
    for path in HEALTH_PATHS:
        try:
            response = httpx.get(f"{base_url}{path}", timeout=2.0)
        except httpx.HTTPError:
            return None
        if response.status_code == 200:
            return f"{base_url}{path}"
    return None


def start_server(
    home: Path,
    database_url: str,
    *,
    port: int | None = None,
    workers: int | None = None,
    redis_url: str | None = None,
    host: str | None = "127.0.0.1",
    extra_args: list[str] | None = None,
    extra_env: dict[str, str] | None = None,
    log_name: str = "server.log",
    wait: bool = True,
) -> ServerProcess:
    """Start `lms-server serve` and wait until /health answers 200 (or fail with the server's log)."""
    port = port or free_port()
    args = ["serve", "--port", str(port), "--database", database_url, "--data-dir", str(home / "data")]
    if host is not None:
        args += ["--host", host]
    if workers is not None:
        args += ["--workers", str(workers)]
    if redis_url is not None:
        args += ["--redis", redis_url]
    args += extra_args or []
    log_path = home / log_name
    log_file = log_path.open("ab")
    proc = subprocess.Popen(
        cli_command(*args),
        stdout=log_file,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        env=isolated_env(home, database_url, extra_env),
        start_new_session=True,
    )
    log_file.close()
    connect_host = host if host and host not in ("0.0.0.0", "::") else "127.0.0.1"
    server = ServerProcess(proc, port, log_path, database_url, home, args, connect_host, extra_env)
    if wait:
        try:
            wait_healthy(server)
        except BaseException:
            server.stop()
            raise
    return server


def wait_healthy(server: ServerProcess, timeout: float = START_TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not server.alive():
            raise RuntimeError(
                f"lms-server exited with {server.proc.returncode}:\n{server.log_text()[-6000:]}"
            )
        if health_url(server.base_url) is not None:
            return
        time.sleep(0.1)
    raise RuntimeError(f"lms-server did not become healthy in {timeout:.0f}s:\n{server.log_text()[-6000:]}")


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def copy_sqlite(template: Path, target: Path) -> Path:
    """Copy a seeded SQLite database (and its WAL/SHM if present) so each test starts from the same data."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        src = Path(f"{template}{suffix}")
        if src.exists():
            shutil.copyfile(src, Path(f"{target}{suffix}"))
    return target
