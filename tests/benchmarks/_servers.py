"""The real `lms-server` in its own process, for benches that load it from another process.

Why a subprocess and not EmbeddedServer: a server thread in the bench's interpreter shares its GIL with the
client being timed, so client-side and server-side costs would blur. Each server runs in its own session
(process group), so stopping it also stops uvicorn's worker processes, and nothing else.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Self

import httpx

API = "/api/v1"
REPO_ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 90.0
NO_HOT_CACHE = """
import sys, uvicorn
from pathlib import Path
from lms_desktop.server.config import Settings
from lms_desktop.server.db.migrate import upgrade
from lms_desktop.server.http.app import create_app
url, data_dir, port, timing = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1"
settings = Settings(
    database_url=url, data_dir=data_dir, port=port, hot_cache_bytes=0, access_log=False, server_timing=timing
)
upgrade(url)
from lms_desktop.server.http.protocol import http_protocol
app = create_app(settings)
uvicorn.run(app, host="127.0.0.1", port=port, http=http_protocol(), access_log=False, log_level="warning")
"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def process_cpu_ns(pid: int) -> int | None:
    """CPU time a process has used so far, all its threads, in ns (None where /proc cannot tell).

    The first field of /proc/<pid>/task/<tid>/schedstat is the thread's time on a CPU in ns (exact, where
    /proc/<pid>/stat's utime + stime count whole clock ticks, 10 ms). A thread may end between listing the
    tasks and reading its file: it is skipped (the time it used since the last sample is lost, a bound no
    request thread of a running server reaches). Without schedstat: utime + stime of the process.
    """
    proc = Path(f"/proc/{pid}")
    total, read = 0, False
    try:
        tasks = list((proc / "task").iterdir())
    except OSError:
        tasks = []
    for task in tasks:
        try:
            total += int((task / "schedstat").read_bytes().split()[0])
            read = True
        except (OSError, ValueError, IndexError):
            continue
    if read:
        return total
    try:
        stat = (proc / "stat").read_bytes()
        fields = stat[stat.rindex(b")") + 2 :].split()  # after "pid (comm) ": field 3 (state) onwards
        ticks = int(fields[11]) + int(fields[12])  # utime, stime: fields 14 and 15
        return round(ticks * 1e9 / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return None


def tcp_local_ports(pid: int, remote_port: int) -> list[int]:
    """Local ports of `pid`'s TCP connections to `remote_port` (its socket fds in /proc/<pid>/net/tcp)."""
    proc = Path(f"/proc/{pid}")
    inodes: set[str] = set()
    try:
        fds = list((proc / "fd").iterdir())
    except OSError:
        return []
    for fd in fds:
        with contextlib.suppress(OSError):
            target = str(fd.readlink())
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    ports = []
    for table in ("tcp", "tcp6"):
        try:
            lines = (proc / "net" / table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            cols = line.split()  # sl local_address rem_address st ... uid timeout inode
            if len(cols) > 9 and cols[9] in inodes and int(cols[2].rsplit(":", 1)[1], 16) == remote_port:
                ports.append(int(cols[1].rsplit(":", 1)[1], 16))
    return ports


def pg_backend_pids(pid: int, admin_dsn: str, pg_port: int = 5432) -> list[int]:
    """PIDs of the PostgreSQL backends serving `pid`'s connections (a local server: client ports match)."""
    import psycopg

    ports = tcp_local_ports(pid, pg_port)
    if not ports:
        return []
    with psycopg.connect(admin_dsn, autocommit=True, connect_timeout=5) as conn:
        rows = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE client_addr IS NOT NULL AND client_port = ANY(%s)",
            (ports,),
        ).fetchall()
    return [int(r[0]) for r in rows]


def isolated_env(home: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """A private HOME / XDG tree so nothing touches the real user's data, keyring or caches."""
    env = dict(os.environ)
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        path = home / name.lower()
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    env["HOME"] = str(home)
    env["PYTHONUNBUFFERED"] = "1"
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    env.pop("LMS_DATABASE_URL", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    if extra:
        env.update(extra)
    return env


class ServerProcess:
    """`lms-server serve` on a free loopback port; a context manager that waits for /health."""

    def __init__(
        self,
        database_url: str,
        *,
        home: Path,
        data_dir: Path,
        workers: int = 1,
        redis_url: str | None = None,
        log_path: Path | None = None,
        hot_cache: bool = True,
        server_timing: bool = False,
    ) -> None:
        self.database_url = database_url
        self.home = home
        self.data_dir = data_dir
        self.workers = workers
        self.redis_url = redis_url
        self.hot_cache = hot_cache
        self.server_timing = server_timing
        self.port = free_port()
        self.log_path = log_path or home / f"server-{self.port}.log"
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Self:
        if self.hot_cache:
            cmd = [sys.executable, "-m", "lms_desktop.server.cli", "serve", "--database", self.database_url]
            cmd += ["--data-dir", str(self.data_dir), "--host", "127.0.0.1", "--port", str(self.port)]
            cmd += ["--workers", str(self.workers)]
            if self.redis_url:
                cmd += ["--redis", self.redis_url]
            if self.server_timing:
                cmd += ["--server-timing"]
        else:  # what `lms-server serve` does, with the in-process hot cache sized to nothing
            cmd = [sys.executable, "-c", NO_HOT_CACHE, self.database_url, str(self.data_dir), str(self.port)]
            cmd += ["1" if self.server_timing else "0"]
        self.home.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("wb")
        env = isolated_env(self.home, {"LMS_ACCESS_LOG": "0"})
        self.proc = subprocess.Popen(
            cmd, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
        log.close()
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"lms-server exited ({self.proc.returncode}): {self.log_tail()}")
            try:
                if httpx.get(f"{self.base_url}{API}/health", timeout=1.0).status_code < 500:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"lms-server did not answer /health in {START_TIMEOUT_S:.0f} s")
            time.sleep(0.1)
        if self.workers > 1:
            time.sleep(0.75 * self.workers)  # let every worker finish importing before load starts
        return self

    def cpu_ns(self) -> int | None:
        """CPU time the server process has used so far, all threads, in ns (see `process_cpu_ns`)."""
        return process_cpu_ns(self.proc.pid) if self.proc is not None else None

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)  # workers left behind in the group

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def token(base_url: str, username: str = "demo", password: str = "demo") -> str:
    response = httpx.post(
        f"{base_url}{API}/auth/token", json={"username": username, "password": password}, timeout=30
    )
    response.raise_for_status()
    return str(response.json()["access_token"])
