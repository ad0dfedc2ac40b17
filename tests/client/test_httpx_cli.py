"""The client imports httpx without its command-line tool (click, rich, pygments), which still works."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )


def test_the_client_does_not_import_httpx_cli_dependencies() -> None:
    pytest.importorskip("rich", reason="rich is not installed: there is nothing httpx could import")
    found = _run(
        "import sys, lms_desktop.client, httpx; "
        "print(sorted(m for m in ('httpx', 'rich', 'click', 'pygments') if m in sys.modules))"
    )
    assert found.returncode == 0, found.stderr
    assert found.stdout.strip() == "['httpx']"
    # the same import without the placeholder does pull them in, so the check above can fail
    plain = _run("import sys, httpx; print('rich' in sys.modules)")
    assert plain.stdout.strip() == "True"


def test_httpx_cli_still_runs_when_called() -> None:
    pytest.importorskip("rich", reason="httpx's command-line tool needs rich")
    ran = _run("import lms_desktop.client, httpx; httpx.main(['--help'])")
    assert ran.returncode == 0, ran.stderr
    assert "Usage" in ran.stdout
