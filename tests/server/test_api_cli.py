"""`lms-server` end to end in subprocesses: migrate, seed (with its progress bar), create-user from stdin,
and serve with several worker processes sharing one port."""

from __future__ import annotations

import io
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from lms_desktop.server import cli
from lms_desktop.server.config import Settings
from tests.fixtures.servers import demo_token

ROOT = Path(__file__).resolve().parents[2]


def run_cli(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lms_desktop.server.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_parser_defaults_to_loopback_and_every_subcommand_takes_database() -> None:
    parser = cli.build_parser()
    serve = Settings.from_env({}).from_args(parser.parse_args(["serve"]))
    assert serve.host == "127.0.0.1" and serve.workers == 1 and serve.redis_url is None
    for command in (["migrate"], ["seed"], ["create-user", "x"], ["serve"]):
        args = parser.parse_args([*command, "--database", "sqlite:///x.db"])
        assert Settings.from_env({}).from_args(args).database_url == "sqlite:///x.db"


def test_migrate_seed_create_user_and_serve_with_two_workers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    common = ["--database", url, "--data-dir", str(tmp_path / "data")]

    assert cli.main(["migrate", *common]) == 0
    assert "revision" in capsys.readouterr().out

    assert cli.main(["seed", "--courses", "40", "--users", "3", "--seed", "5", "--no-images", *common]) == 0
    seeded = capsys.readouterr()
    assert "[" in seeded.err and "#" in seeded.err  # the progress bar went to stderr
    assert "seeded" in seeded.out

    def create_user(name: str, stdin: str) -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = cli.main(["create-user", name, *common])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    code, out, _ = create_user("alice", "wonderland\n")
    assert code == 0 and "alice" in out
    code, _, err = create_user("alice", "other\n")
    assert code == 1 and "exists" in err
    code, _, _ = create_user("bob", "\n")
    assert code == 2

    # serving runs the real entry point (`python -m lms_desktop.server.cli`) in its own process tree
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "lms_desktop.server.cli",
            "serve",
            "--port",
            str(port),
            "--workers",
            "2",
            *common,
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/api/v1/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert server.poll() is None, server.stdout.read() if server.stdout else ""
            assert time.monotonic() < deadline, "server did not come up"
            time.sleep(0.2)
        token = demo_token(base, "alice", "wonderland")
        with httpx.Client(base_url=f"{base}/api/v1", headers={"Authorization": f"Bearer {token}"}) as client:
            for _ in range(20):  # spread over both workers
                assert client.get("/courses").json()["total"] >= 30
                assert client.get("/me").json()["username"] == "alice"
    finally:
        server.send_signal(signal.SIGINT)
        try:
            output, _ = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            output, _ = server.communicate()
    assert "Started parent process" in output
    assert output.count("lms.server.access: GET /api/v1/courses 200") == 20  # every worker logs requests
    assert "wonderland" not in output and token not in output
