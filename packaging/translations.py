"""Extract the UI's strings into `resources/translations/*.ts` and compile them to `.qm` (lupdate, lrelease).

    python packaging/translations.py update    # re-extract: new strings appear in the .ts files, unfinished
    python packaging/translations.py compile   # .ts -> .qm (committed; they ship in the wheel)
    python packaging/translations.py check     # fail if a string is missing, untranslated, or a .qm stale

`pyside6-lupdate` reads `self.tr(...)`, `QCoreApplication.translate("Context", ...)` and `QT_TRANSLATE_NOOP`
by itself. It does not follow a module's small helper (`def _tr(text, n=-1): return
QCoreApplication.translate("Dashboard", text, None, n)`), so this script finds those helpers and their calls
with `ast` and hands lupdate an equivalent `QCoreApplication.translate` line for each (in a file of its own,
only when such calls exist). English needs no catalogue: `i18n.plural()` spells its two forms.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "lms_desktop" / "ui", ROOT / "lms_desktop" / "launcher.py"]
FOLDER = ROOT / "resources" / "translations"
CATALOG = "lms_desktop"
LANGUAGES = {"de": "de_DE", "es": "es_ES"}


def _tool(name: str) -> list[str]:
    """PySide6's wrapper for a Qt tool, run by this interpreter (no PATH lookup needed)."""
    return [
        sys.executable,
        "-c",
        f"import sys; from PySide6.scripts.pyside_tool import {name}; sys.exit({name}())",
    ]


def sources() -> list[Path]:
    found = [p for place in SOURCES for p in ([place] if place.is_file() else place.rglob("*.py"))]
    return sorted(p for p in found if "__pycache__" not in p.parts)


def _is_translate(node: ast.expr) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "translate"


def _constants(tree: ast.Module) -> dict[str, str]:
    """Module-level string constants (`CONTEXT = "QuizView"`)."""
    return {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
        for target in node.targets
        if isinstance(target, ast.Name)
    }


def _helpers(tree: ast.Module) -> dict[str, str]:
    """Module-level functions that pass their first argument to `QCoreApplication.translate(context, ...)`,
    the context a literal or a module constant: name -> context."""
    constants = _constants(tree)
    found: dict[str, str] = {}
    for fn in tree.body:
        if not isinstance(fn, ast.FunctionDef) or not fn.args.args:
            continue
        first = fn.args.args[0].arg
        for node in ast.walk(fn):
            if not (isinstance(node, ast.Call) and _is_translate(node.func) and len(node.args) >= 2):
                continue
            context = _literal(node.args[0])
            if isinstance(node.args[0], ast.Name):
                context = constants.get(node.args[0].id)
            if context is not None and isinstance(node.args[1], ast.Name) and node.args[1].id == first:
                found[fn.name] = context
    return found


def _aliases(tree: ast.Module) -> set[str]:
    """Local names bound to `QCoreApplication.translate` (`tr = QCoreApplication.translate`)."""
    return {
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and _is_translate(node.value)
        for target in node.targets
        if isinstance(target, ast.Name)
    }


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def _parsed() -> dict[str, ast.Module]:
    return {_module_name(p): ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in sources()}


def _visible_helpers(
    tree: ast.Module, own: dict[str, str], every: dict[str, dict[str, str]]
) -> dict[str, str]:
    """A module's own helpers and those it imports by name from another module (`from .texts import tr`)."""
    found = dict(own)
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module in every:
            for alias in node.names:
                if alias.name in every[node.module]:
                    found[alias.asname or alias.name] = every[node.module][alias.name]
    return found


def helper_calls(tree: ast.Module, helpers: dict[str, str]) -> list[tuple[str, str, bool]]:
    """(context, source text, has a count) for each call of a translating helper or alias with literals."""
    aliases = _aliases(tree)
    calls = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args):
            continue
        if node.func.id in aliases:
            context, text = (_literal(a) for a in [*node.args[:2], ast.Constant(None)][:2])
            if context is not None and text is not None:
                calls.append((context, text, len(node.args) > 3))
        elif node.func.id in helpers and (text := _literal(node.args[0])) is not None:
            calls.append((helpers[node.func.id], text, len(node.args) > 1))
    return calls


def _shim(folder: Path) -> list[Path]:
    """A file lupdate can read, with one `QCoreApplication.translate` line per helper call (if any)."""
    trees = _parsed()
    own = {name: _helpers(tree) for name, tree in trees.items()}
    lines = []
    for name, tree in trees.items():
        for context, text, counted in helper_calls(tree, _visible_helpers(tree, own[name], own)):
            n = ", None, 1" if counted else ""
            lines.append(f"QCoreApplication.translate({context!r}, {text!r}{n})")
    if not lines:
        return []
    shim = folder / "helper_strings.py"
    shim.write_text(
        "from PySide6.QtCore import QCoreApplication\n\n" + "\n".join(lines) + "\n", encoding="utf-8"
    )
    return [shim]


def _drop_contextless(ts: Path) -> None:
    """lupdate reads a bare `tr("...")` call outside a class (a helper named `tr`) as context "": none of our
    strings lives there, the helper's own context comes from the shim."""
    text = ts.read_text(encoding="utf-8")
    cleaned = re.sub(r"<context>\s*<name></name>.*?</context>\s*", "", text, flags=re.S)
    if cleaned != text:
        ts.write_text(cleaned, encoding="utf-8")


def update(folder: Path = FOLDER) -> None:
    """Re-extract into the .ts files in `folder` (kept translations stay; removed strings go)."""
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        files = [str(p) for p in [*sources(), *_shim(Path(tmp))]]
        for code, locale in LANGUAGES.items():
            ts = folder / f"{CATALOG}_{code}.ts"
            cmd = [*_tool("lupdate"), *files, "-no-obsolete", "-target-language", locale, "-ts", str(ts)]
            subprocess.run(cmd, check=True, cwd=ROOT, capture_output=True)
            _drop_contextless(ts)


def compile_all(folder: Path = FOLDER, out: Path = FOLDER) -> list[Path]:
    """Compile every .ts in `folder` into a .qm in `out`."""
    made = []
    for ts in sorted(folder.glob(f"{CATALOG}_*.ts")):
        qm = out / ts.with_suffix(".qm").name
        subprocess.run([*_tool("lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)
        made.append(qm)
    return made


def messages(ts: Path) -> dict[tuple[str, str, str], bool]:
    """(context, source, disambiguation) -> translated, for each message of a .ts file (format aside)."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [] if translation is None else [f.text for f in translation.iter("numerusform")]
            forms = forms or [None if translation is None else translation.text]
            done = translation is not None and translation.get("type") != "unfinished" and all(forms)
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = done
    return found


def problems() -> list[str]:
    """What `check` fails on: strings of the code missing from a .ts file or without a translation, strings
    the code no longer has, and .qm files that do not match their .ts."""
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        for ts in FOLDER.glob(f"{CATALOG}_*.ts"):
            shutil.copy(ts, fresh / ts.name)
        update(fresh)
        for code in LANGUAGES:
            name = f"{CATALOG}_{code}.ts"
            wanted, have = messages(fresh / name), messages(FOLDER / name)
            for context, source, _ in sorted(wanted.keys() - have.keys()):
                found.append(f"{name}: not extracted yet: {context} {source!r}")
            for context, source, _ in sorted(have.keys() - wanted.keys()):
                found.append(f"{name}: no longer in the code: {context} {source!r}")
            for context, source, _ in sorted(k for k, done in have.items() if not done):
                found.append(f"{name}: not translated: {context} {source!r}")
        for qm in compile_all(FOLDER, fresh):
            if not (FOLDER / qm.name).exists() or qm.read_bytes() != (FOLDER / qm.name).read_bytes():
                found.append(f"{qm.name} is stale: run `python packaging/translations.py compile`")
    return found


def main(argv: list[str]) -> int:
    what = argv[0] if argv else "check"
    if what == "update":
        update()
    elif what == "compile":
        compile_all()
    elif what == "check":
        found = problems()
        print("\n".join(found) or "translations complete and compiled")
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
