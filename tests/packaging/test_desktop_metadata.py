"""The freedesktop entry, AppStream metainfo and icon set agree with the app's identity and validate.

The official validators run where they are installed (`desktop-file-utils`, `appstream` on Debian); the
structural checks below run everywhere, so a typo in an id or a stale release version fails on any machine.
"""

from __future__ import annotations

import configparser
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from lms_desktop import APP_ID, APP_NAME, __version__
from lms_desktop.resources import ICON_SIZES, app_icon_files, app_icon_path
from tests.packaging.helpers import REPO, run

LINUX = REPO / "resources" / "linux"
ICONS = REPO / "resources" / "icons"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
INSTALLER = LINUX / "install-desktop-entry.sh"


def _desktop_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def _scripts() -> dict[str, str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {**project.get("scripts", {}), **project.get("gui-scripts", {})}


def _validator(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} not installed (apt-get install {name.replace('-validate', '-utils')})")
    return path


def test_desktop_entry_names_the_app_its_icon_and_window_class() -> None:
    entry = _desktop_entry(DESKTOP)
    assert entry["Type"] == "Application"
    assert entry["Name"] == APP_NAME
    assert entry["Icon"] == APP_ID  # themed icon name, installed as <APP_ID>.png/.svg
    assert entry["Exec"].split()[0] == entry["TryExec"] == "lms-desktop"
    assert "lms-desktop" in _scripts(), "Exec must name a script the wheel installs"
    assert "Education" in entry["Categories"].rstrip(";").split(";")
    assert entry["Categories"].endswith(";") and entry["Keywords"].endswith(";")
    # X11 window matching: the instance part of WM_CLASS is argv[0]'s name, "lms-desktop".
    assert entry["StartupWMClass"] == "lms-desktop"
    assert entry["Terminal"] == "false"


def test_desktop_entry_passes_desktop_file_validate() -> None:
    tool = _validator("desktop-file-validate")
    proc = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout + proc.stderr


def test_metainfo_matches_the_app_and_its_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == APP_NAME
    launchable = root.find("launchable")
    assert launchable is not None and launchable.text == DESKTOP.name
    assert {b.text for b in root.iterfind("provides/binary")} == set(_scripts())
    assert "Education" in {c.text for c in root.iterfind("categories/category")}
    releases = [r.get("version") for r in root.iterfind("releases/release")]
    assert releases and releases[0] == __version__, "add a <release> for the new version (newest first)"
    assert (root.findtext("summary") or "").strip()
    assert root.find("description/p") is not None


def test_metainfo_passes_appstreamcli_validate() -> None:
    tool = _validator("appstreamcli")
    cmd = [tool, "validate", "--no-net", "--no-color", str(METAINFO)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    # Errors and warnings fail; "I:" infos (e.g. appstream 0.16 not knowing <developer> yet) are fine.
    assert not [line for line in output.splitlines() if line.startswith(("E:", "W:"))], output


@pytest.mark.parametrize("size", ICON_SIZES)
def test_icon_png_is_square_rgba_and_drawn(size: int) -> None:
    path = ICONS / f"lms-desktop-{size}.png"
    with Image.open(path) as image:
        assert image.format == "PNG" and image.mode == "RGBA" and image.size == (size, size)
        alpha = image.getchannel("A")
        assert alpha.getpixel((0, 0)) == 0, "rounded corners must be transparent"
        assert alpha.getpixel((size // 2, size // 2)) == 255, "the middle must be opaque"
        colours = image.convert("RGB").getcolors(maxcolors=size * size)
        assert colours is not None and len(colours) >= 3, "a blank or single-colour icon"


def test_resources_locator_offers_every_icon_size() -> None:
    files = app_icon_files()
    assert [f.name for f in files] == [f"lms-desktop-{n}.png" for n in ICON_SIZES]
    assert app_icon_path() in files


def test_windows_and_macos_icons_hold_every_size() -> None:
    with Image.open(ICONS / "lms-desktop.ico") as ico:
        assert {16, 24, 32, 48, 64, 128, 256} <= {w for w, _ in ico.info["sizes"]}
    with Image.open(ICONS / "lms-desktop.icns") as icns:
        assert {16, 32, 128, 256, 512} <= {w for w, _, _ in icns.info["sizes"]}


def test_svg_masters_are_well_formed_square_svg() -> None:
    for name in ("lms-desktop.svg", "lms-desktop-small.svg"):
        root = ET.parse(ICONS / name).getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert root.get("viewBox") == "0 0 256 256"


def test_install_script_puts_entry_metainfo_and_icons_in_place_and_removes_them(tmp_path: Path) -> None:
    prefix = tmp_path / "prefix"
    exec_path = "/opt/LMS Desktop/lms-desktop"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    out = run(["sh", str(INSTALLER), "--prefix", str(prefix), "--exec", exec_path], cwd=tmp_path, env=env)
    assert "installed" in out
    share = prefix / "share"
    installed = share / "applications" / DESKTOP.name
    entry = _desktop_entry(installed)
    assert entry["Exec"] == f'"{exec_path}"' and entry["TryExec"] == exec_path
    assert entry["StartupWMClass"] == "lms-desktop"
    assert (share / "metainfo" / METAINFO.name).read_bytes() == METAINFO.read_bytes()
    for n in ICON_SIZES:
        icon = share / "icons" / "hicolor" / f"{n}x{n}" / "apps" / f"{APP_ID}.png"
        assert icon.read_bytes() == (ICONS / f"lms-desktop-{n}.png").read_bytes()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    if shutil.which("desktop-file-validate"):
        run(["desktop-file-validate", str(installed)], cwd=tmp_path)

    run(["sh", str(INSTALLER), "--prefix", str(prefix), "--uninstall"], cwd=tmp_path, env=env)
    assert not installed.exists()
    assert not [p for p in share.rglob("*") if p.is_file() and APP_ID in p.name]
