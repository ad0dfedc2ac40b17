"""The lock file pins the tested set: it covers every requirement of the `test` extra (drivers included) with
versions that satisfy pyproject.toml, and this environment runs exactly those versions (CI installs it
through `sh packaging/lms.sh test`)."""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker, default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "packaging" / "test.lock"


def _locked() -> dict[str, tuple[str, Marker | None]]:
    pins: dict[str, tuple[str, Marker | None]] = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        req = Requirement(line)
        (spec,) = req.specifier
        assert spec.operator == "==", line
        pins[canonicalize_name(req.name)] = (spec.version, req.marker)
    return pins


def _tested_set() -> list[Requirement]:
    """The app's requirements plus the `test` extra's, with the project's own extras expanded."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    out = [Requirement(r) for r in project["dependencies"]]
    todo = list(extras["test"])
    while todo:
        req = Requirement(todo.pop())
        if canonicalize_name(req.name) == canonicalize_name(project["name"]):
            for extra in req.extras:
                todo.extend(extras[extra])
        else:
            out.append(req)
    return out


def test_the_lock_covers_the_tested_set_with_allowed_versions() -> None:
    pins = _locked()
    env = default_environment()
    tested = _tested_set()
    names = {canonicalize_name(r.name) for r in tested}
    assert {"psycopg", "redis", "pytest", "pyside6-essentials"} <= names
    for req in tested:
        if req.marker is not None and not req.marker.evaluate(env):
            continue
        name = canonicalize_name(req.name)
        assert name in pins, f"{req} is not in {LOCK.name}: refresh it (see the README)"
        assert req.specifier.contains(pins[name][0], prereleases=True), (str(req), pins[name][0])


def test_this_environment_runs_the_locked_versions() -> None:
    env = default_environment()
    for name, (version, marker) in _locked().items():
        if marker is not None and not marker.evaluate(env):
            continue
        assert metadata.version(name) == version, (
            f"{name}: installed {metadata.version(name)}, locked {version}"
        )
