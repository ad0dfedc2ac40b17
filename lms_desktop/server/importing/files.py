"""Reading files of an opened package: names resolved safely inside it, sizes capped, XML parsed defused."""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import defusedxml.ElementTree as DET
from defusedxml import DefusedXmlException

from lms_desktop.server.importing.errors import PackageError
from lms_desktop.server.importing.limits import MB, Deadline, Limits


def local(tag: object) -> str:
    """An element or attribute name without its namespace ('{ns}item' -> 'item')."""
    text = tag if isinstance(tag, str) else ""
    return text.rsplit("}", 1)[-1]


def strip_namespaces(root: ET.Element) -> ET.Element:
    """Drop namespaces in place: CC versions differ only by namespace, so readers match local names."""
    for el in root.iter():
        el.tag = local(el.tag)
        if any("}" in k for k in el.attrib):
            el.attrib = {local(k): v for k, v in el.attrib.items()}
    return root


class PackageFiles:
    """The package's folder, with safe lookups (case-insensitive fallback: exports from Windows vary)."""

    def __init__(self, root: Path, limits: Limits, deadline: Deadline) -> None:
        self.root = root
        self.limits = limits
        self.deadline = deadline
        self._lower: dict[str, str] | None = None

    def normalize(self, rel: str, base: str = "") -> str | None:
        """A reference (URL-decoded, relative to `base`'s folder) as a clean package path, or None."""
        ref = unquote(rel.split("#", 1)[0].split("?", 1)[0]).replace("\\", "/").strip()
        if not ref:
            return None
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), ref.lstrip("/")))
        if joined.startswith("..") or joined.startswith("/") or joined == ".":
            return None
        return joined

    def path(self, rel: str) -> Path | None:
        """The file for a clean package path, when it exists inside the package.

        `rel` has no `..` (see `normalize`) and the package holds no link leading out of it (archives
        may hold no links at all, folders none that leave them: archive.py), so it cannot escape."""
        candidate = self.root / rel
        if not candidate.is_file():
            found = self._case_insensitive(rel)
            if found is None:
                return None
            candidate = self.root / found
        return candidate

    def _case_insensitive(self, rel: str) -> str | None:
        if self._lower is None:
            from lms_desktop.server.importing.archive import walk_files

            self._lower = {name.lower(): name for name in walk_files(self.root)}
        return self._lower.get(rel.lower())

    def exists(self, rel: str) -> bool:
        return self.path(rel) is not None

    def read_bytes(self, rel: str, cap: int | None = None) -> bytes:
        """A small file's bytes (pages, XML, TOML): refused above the page cap."""
        path = self.path(rel)
        if path is None:
            raise PackageError("file missing from the package", rel)
        limit = cap or self.limits.max_page_bytes
        if path.stat().st_size > limit:
            raise PackageError(f"file over {limit // MB or limit} {'MB' if limit >= MB else 'bytes'}", rel)
        self.deadline.check(rel)
        return path.read_bytes()

    def read_text(self, rel: str) -> str:
        return decode(self.read_bytes(rel))

    def read_xml(self, rel: str) -> ET.Element:
        """Parsed XML without namespaces; entity declarations and external references are refused."""
        return parse_xml(self.read_bytes(rel), rel)


def decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def parse_xml(data: bytes, entry: str) -> ET.Element:
    try:
        root = DET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise PackageError(
            f"XML with entities or external references refused ({type(exc).__name__})", entry
        ) from None
    except ET.ParseError as exc:
        raise PackageError(f"broken XML ({exc})", entry) from None
    return strip_namespaces(root)
