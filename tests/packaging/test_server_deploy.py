"""What ships in packaging/server/ for running the server as a fleet, validated as far as this machine can:
HAProxy's own config check, systemd's unit verifier, and the compose file's structure (no container daemon
here; the same topology runs as processes in tests/trust/test_fleet.py)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

DEPLOY = Path(__file__).resolve().parents[2] / "packaging" / "server"


def _need(tool: str) -> str:
    found = shutil.which(tool) or next(
        (str(p) for p in (Path("/usr/sbin") / tool, Path("/usr/bin") / tool) if p.exists()), None
    )
    if found is None:
        if os.environ.get("CI") and tool == "haproxy":
            pytest.fail("haproxy is not installed: .ci/run installs it")
        pytest.skip(f"{tool} is not installed")
    return found


def test_haproxy_cfg_is_valid_and_checks_readiness_and_retries_idempotent_requests() -> None:
    haproxy = _need("haproxy")
    result = subprocess.run(
        [haproxy, "-c", "-f", str(DEPLOY / "haproxy.cfg")], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    text = (DEPLOY / "haproxy.cfg").read_text()
    assert "http-check send meth GET uri /api/v1/health" in text
    assert re.search(r"^\s*retry-on .*conn-failure.*empty-response", text, re.M)
    assert re.search(r"^\s*option redispatch", text, re.M)
    assert re.search(r"^\s*option http-buffer-request", text, re.M)  # bodies kept, so a PUT can be retried
    assert re.search(r"^\s*option forwardfor", text, re.M)
    # checks take an instance out faster than the image's drain delay keeps it serving
    inter = re.search(r"fastinter (\d+)ms.*fall (\d+)", text)
    assert inter is not None
    assert int(inter[1]) * int(inter[2]) / 1000 < 3.0  # LMS_DRAIN_DELAY_SECONDS in the image and examples


def test_systemd_unit_verifies_and_is_hardened(tmp_path: Path) -> None:
    analyze = _need("systemd-analyze")
    text = (DEPLOY / "lms-server.service").read_text()
    for setting in ("DynamicUser=yes", "ProtectSystem=strict", "ReadWritePaths=", "NoNewPrivileges=yes"):
        assert setting in text
    server = Path(sys.executable).with_name("lms-server")
    if not server.exists():
        pytest.skip("lms-server is not installed next to this Python")
    unit = tmp_path / "lms-server.service"
    unit.write_text(text.replace("/opt/lms-server/bin/lms-server", str(server)))
    result = subprocess.run(
        [analyze, "verify", "--man=no", str(unit)], capture_output=True, text=True, check=False
    )
    problems = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if "lms-server.service" in line and "EnvironmentFile" not in line
    ]
    assert not problems, problems


def test_compose_file_has_the_fleet_topology() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = compose["services"]
    assert {"postgres", "redis", "migrate", "lms1", "lms2", "lms3", "haproxy"} <= set(services)
    for name, service in services.items():
        assert isinstance(service, dict) and ("image" in service or "build" in service), name
        for key in service:
            assert key in {
                "image",
                "build",
                "command",
                "environment",
                "volumes",
                "ports",
                "depends_on",
                "healthcheck",
                "restart",
                "stop_grace_period",
            }, (name, key)
    for name in ("lms1", "lms2", "lms3"):
        env = services[name]["environment"]
        assert env["LMS_DATABASE_URL"].startswith("postgresql")
        assert env["LMS_REDIS_URL"].startswith("redis://")
        assert float(env["LMS_DRAIN_DELAY_SECONDS"]) >= 3
        assert services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert services["migrate"]["command"] == ["migrate"]
    haproxy_mount = services["haproxy"]["volumes"][0]
    assert haproxy_mount.startswith("./haproxy.cfg:")
    assert set(compose["volumes"]) >= {"pgdata"}


def test_containerfile_runs_the_wheel_as_a_non_root_user_with_a_health_check() -> None:
    text = (DEPLOY / "Containerfile").read_text()
    assert "python -m build --wheel" in text and "pip install --no-cache-dir /tmp/*.whl" in text
    user = re.search(r"^USER (\S+)", text, re.M)
    assert user is not None and not user[1].startswith(("0", "root"))
    assert re.search(r"^HEALTHCHECK .*", text, re.M) and "/api/v1/health" in text
    assert 'ENTRYPOINT ["lms-server"]' in text
