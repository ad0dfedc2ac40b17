"""The code's shape, held by a test so it does not drift: small modules, short functions, and dependencies
that point one way (ui -> client -> (HTTP) -> server; only the launcher sees both ends)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "lms_desktop"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
SIDES = ("ui", "client", "server")
# which sides each side may import; the shared top-level modules (contract, dirs, lru, ...) import no side
ALLOWED: dict[str | None, set[str]] = {
    "ui": {"ui", "client"},
    "client": {"client"},
    "server": {"server"},
    None: set(),
}
SEES_BOTH = {"lms_desktop.launcher"}


def modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        yield ".".join(parts), path


def resolve(module: str, is_package: bool, node: ast.ImportFrom) -> list[str]:
    """The absolute names an `import from` statement in `module` brings in."""
    if node.level == 0:
        base = node.module or ""
    else:
        anchor = module.split(".") if is_package else module.split(".")[:-1]
        anchor = anchor[: len(anchor) - (node.level - 1)]
        base = ".".join(anchor + ([node.module] if node.module else []))
    return [base] if node.module else [f"{base}.{alias.name}" for alias in node.names]


def imported(module: str, path: Path, tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            for name in resolve(module, path.name == "__init__.py", node):
                yield node.lineno, name


def side(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "lms_desktop" and parts[1] in SIDES else None


def test_the_resolver_follows_relative_imports() -> None:
    def names(source: str, module: str, is_package: bool = False) -> list[str]:
        node = ast.parse(source).body[0]
        assert isinstance(node, ast.ImportFrom)
        return resolve(module, is_package, node)

    assert names("from . import model", "lms_desktop.ui.catalog.view") == ["lms_desktop.ui.catalog.model"]
    assert names("from ..client import api", "lms_desktop.ui.catalog.view") == ["lms_desktop.ui.client"]
    assert names("from ...server import db", "lms_desktop.ui.catalog.view") == ["lms_desktop.server"]
    assert names("from .view import X", "lms_desktop.ui.catalog", is_package=True) == [
        "lms_desktop.ui.catalog.view"
    ]
    assert side("lms_desktop.server.db") == "server" and side("lms_desktop.contract") is None


def test_every_module_is_at_most_400_lines() -> None:
    long = {m: n for m, p in modules() if (n := len(p.read_text().splitlines())) > MAX_MODULE_LINES}
    assert not long, f"split these by what they do: {long}"


def test_every_function_is_at_most_60_lines() -> None:
    long: list[str] = []
    for module, path in modules():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{module}.{node.name} ({lines} lines)")
    assert not long, "shorten these: " + ", ".join(long)


@pytest.mark.parametrize("module_path", list(modules()), ids=lambda mp: mp[0])
def test_dependencies_point_one_way(module_path: tuple[str, Path]) -> None:
    module, path = module_path
    if module in SEES_BOTH:
        return
    own = side(module)
    wrong = [
        f"line {line}: {name}"
        for line, name in imported(module, path, ast.parse(path.read_text()))
        if side(name) is not None and side(name) not in ALLOWED[own]
    ]
    assert not wrong, f"{module} ({own or 'shared'}) may import only {sorted(ALLOWED[own])}: {wrong}"


def test_the_launcher_is_the_one_module_that_sees_both_ends() -> None:
    (launcher,) = [p for m, p in modules() if m in SEES_BOTH]
    sides = {side(n) for _, n in imported("lms_desktop.launcher", launcher, ast.parse(launcher.read_text()))}
    assert {"ui", "server"} <= sides  # if it stops seeing both, the exemption above should go
