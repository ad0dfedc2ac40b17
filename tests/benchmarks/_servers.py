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
url, data_dir, port = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
settings = Settings(database_url=url, data_dir=data_dir, port=port, hot_cache_bytes=0, access_log=False)
upgrade(url)
uvicorn.run(create_app(settings), host="127.0.0.1", port=port, access_log=False, log_level="warning")
"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


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
    ) -> None:
        self.database_url = database_url
        self.home = home
        self.data_dir = data_dir
        self.workers = workers
        self.redis_url = redis_url
        self.hot_cache = hot_cache
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
        else:  # what `lms-server serve` does, with the in-process hot cache sized to nothing
            cmd = [sys.executable, "-c", NO_HOT_CACHE, self.database_url, str(self.data_dir), str(self.port)]
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
