"""The fleet of `tests/trust/test_fleet.py`: three `lms-server serve` instances on 127.0.0.2-4 sharing one
PostgreSQL and Redis, behind HAProxy running the shipped `packaging/server/haproxy.cfg` (only its listen
address and server addresses filled in, and a stats socket added so the test can see the rotation).
"""

from __future__ import annotations

import contextlib
import re
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.trust import serverproc
from tests.trust.serverproc import ServerProcess

REPO = Path(__file__).resolve().parents[2]
SHIPPED_CFG = REPO / "packaging" / "server" / "haproxy.cfg"
HOSTS = ("127.0.0.2", "127.0.0.3", "127.0.0.4")
METRICS_TOKEN = "fleet-metrics"
DRAIN_DELAY_S = 3.0  # longer than the shipped checks need to mark an instance down (2 x 500 ms + 1 s)


def haproxy_binary() -> str | None:
    return shutil.which("haproxy") or next(
        (p for p in ("/usr/sbin/haproxy", "/usr/local/sbin/haproxy") if Path(p).exists()), None
    )


def fill_config(text: str, *, listen_port: int, servers: list[tuple[str, int]], stats_socket: Path) -> str:
    """The shipped configuration with this machine's addresses: nothing else changes."""
    text = text.replace("bind :8080", f"bind 127.0.0.1:{listen_port}")
    for index, (host, port) in enumerate(servers, start=1):
        text, n = re.subn(rf"server lms{index} lms{index}:8765", f"server lms{index} {host}:{port}", text)
        assert n == 1, f"server lms{index} not in the shipped haproxy.cfg"
    return text.replace("global\n", f"global\n    stats socket {stats_socket} mode 600 level admin\n", 1)


@dataclass
class HAProxy:
    proc: subprocess.Popen[bytes]
    port: int
    stats_socket: Path
    log_path: Path

    @property
    def api(self) -> str:
        return f"http://127.0.0.1:{self.port}{serverproc.API}"

    def stats(self) -> dict[str, dict[str, str]]:
        """`show stat` for the backend's servers: name -> fields (status, stot, ...)."""
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(5)
            sock.connect(str(self.stats_socket))
            sock.sendall(b"show stat\n")
            chunks = []
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        lines = b"".join(chunks).decode().splitlines()
        header = lines[0].lstrip("# ").split(",")
        rows = [dict(zip(header, line.split(","), strict=False)) for line in lines[1:] if line]
        return {
            r["svname"]: r for r in rows if r.get("pxname") == "lms_servers" and r["svname"].startswith("lms")
        }

    def wait_up(self, names: list[str], timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            stats = self.stats()
            if all(stats.get(n, {}).get("status", "").startswith("UP") for n in names):
                return
            time.sleep(0.1)
        raise AssertionError(f"not UP in {timeout:.0f} s: {self.stats()}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                self.proc.send_signal(signal.SIGUSR1)  # soft stop
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


def start_haproxy(home: Path, servers: list[ServerProcess]) -> HAProxy:
    binary = haproxy_binary()
    assert binary is not None
    port = serverproc.free_port()
    stats_socket = home / "haproxy.sock"
    cfg = home / "haproxy.cfg"
    cfg.write_text(
        fill_config(
            SHIPPED_CFG.read_text(),
            listen_port=port,
            servers=[(s.host, s.port) for s in servers],
            stats_socket=stats_socket,
        )
    )
    check = subprocess.run([binary, "-c", "-f", str(cfg)], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr
    log_path = home / "haproxy.log"
    with log_path.open("ab") as log:
        proc = subprocess.Popen(
            [binary, "-db", "-f", str(cfg)], stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    proxy = HAProxy(proc, port, stats_socket, log_path)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not stats_socket.exists():
        assert proc.poll() is None, log_path.read_text()
        time.sleep(0.05)
    proxy.wait_up([f"lms{i}" for i in range(1, len(servers) + 1)])
    return proxy


def start_instances(home: Path, database_url: str, redis_url: str) -> list[ServerProcess]:
    """Three instances started together (they take turns migrating), each its own home and log."""
    started = []
    for index, host in enumerate(HOSTS, start=1):
        instance_home = home / f"lms{index}"
        instance_home.mkdir(parents=True, exist_ok=True)
        started.append(
            serverproc.start_server(
                instance_home,
                database_url,
                host=host,
                redis_url=redis_url,
                extra_args=[
                    "--drain-delay",
                    str(DRAIN_DELAY_S),
                    "--drain-timeout",
                    "15",
                    "--forwarded-allow-ips",
                    "127.0.0.1",
                    "--metrics-token",
                    METRICS_TOKEN,
                ],
                wait=False,
            )
        )
    for server in started:
        serverproc.wait_healthy(server)
    return started


def sign_in(api: str, usernames: list[str], password: str) -> list[str]:
    tokens = []
    with httpx.Client(timeout=30) as client:
        for name in usernames:
            response = client.post(f"{api}/auth/token", json={"username": name, "password": password})
            response.raise_for_status()
            tokens.append(response.json()["access_token"])
    return tokens
