"""One function decides each per-user folder (`lms_desktop.dirs`), and every part of the app uses it: the
app's data dir, the stand-alone server's defaults, the offline layer, the HTTP cache and the saved sign-in."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import platformdirs
import pytest

from lms_desktop import dirs
from lms_desktop.client.api import default_cache_dir
from lms_desktop.client.auth.token_store import FileTokenStore
from lms_desktop.client.offline.layer import default_offline_dir
from lms_desktop.server.config import Settings, default_database_url

PACKAGE = Path(__file__).resolve().parents[2] / "lms_desktop"


def test_only_dirs_asks_the_platform() -> None:
    askers = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] == "platformdirs" for n in names):
                askers.append(path.relative_to(PACKAGE).as_posix())
    assert askers == ["dirs.py"]


def test_every_part_takes_its_folder_from_dirs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls: list[tuple[str, Any]] = []

    def fake(kind: str) -> Any:
        def where(appname: str, appauthor: Any = None, **_kw: Any) -> str:
            calls.append((appname, appauthor))
            return str(tmp_path / kind)

        return where

    for kind in ("data", "cache", "config"):
        monkeypatch.setattr(platformdirs, f"user_{kind}_dir", fake(kind))
    monkeypatch.delenv("LMS_DATABASE_URL", raising=False)
    monkeypatch.delenv("LMS_DATA_DIR", raising=False)
    data = tmp_path / "data"
    assert dirs.data_dir() == data
    assert Settings().data_dir == data and Settings.from_env({}).data_dir == data
    assert default_database_url() == f"sqlite:///{data / 'lms.sqlite3'}"
    assert default_offline_dir("server-a").parent == data / "offline"
    assert default_cache_dir() == tmp_path / "cache" / "http"
    assert FileTokenStore().path.parent == tmp_path / "config"
    # one folder name, and no "author" level (on Windows it would add ...\lms-desktop\lms-desktop)
    assert set(calls) == {("lms-desktop", False)}
