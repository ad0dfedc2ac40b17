"""The PostgreSQL and Redis drivers are extras: without them the server runs on SQLite, and asking for
PostgreSQL or Redis says which extra to install instead of failing with an ImportError."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lms_desktop.server import cli
from lms_desktop.server.db.engine import Database
from lms_desktop.server.extras import MissingExtra
from lms_desktop.server.hotcache import HotCache

# Makes `import psycopg`, `import psycopg_pool` and `import redis` fail, as in an app-only install.
WITHOUT_DRIVERS = (
    "import sys\nfor name in ('psycopg', 'psycopg_pool', 'redis'):\n    sys.modules[name] = None\n"
)


def test_a_postgres_url_without_the_driver_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(MissingExtra, match=r"lms-desktop\[postgres\]"):
        Database.open("postgresql://postgres@127.0.0.1:5432/test")


def test_redis_without_the_driver_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "redis", None)
    with pytest.raises(MissingExtra, match=r"lms-desktop\[redis\]"):
        HotCache(1 << 20, redis_url="redis://127.0.0.1:6379/0")


def test_the_cli_says_which_extra_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)
    code = cli.main(["migrate", "--database", "postgresql://postgres@127.0.0.1:5432/test"])
    err = capsys.readouterr().err
    assert code == 2 and "lms-desktop[postgres]" in err and "Traceback" not in err


def test_the_server_runs_on_sqlite_without_the_drivers(tmp_path: Path) -> None:
    script = WITHOUT_DRIVERS + textwrap.dedent(
        f"""
        import httpx
        from lms_desktop.server.embedded import EmbeddedServer

        with EmbeddedServer(None, data_dir={str(tmp_path)!r}, seed_courses=5, seed_users=2) as server:
            health = httpx.get(server.api_url + "/health", timeout=30)
            page = httpx.get(server.api_url + "/courses", timeout=30)
        print(health.status_code, page.status_code, len(page.json()["items"]))
        print(sorted(m for m in sys.modules if m.split(".")[0] in ("psycopg", "redis") and sys.modules[m]))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["200 200 5", "[]"]
