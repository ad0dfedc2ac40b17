"""Words for what a file is and how big it is, for the file card and the Downloads screen."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

_KINDS = {
    "application/pdf": "PDF document",
    "application/zip": "ZIP archive",
    "application/msword": "Word document",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document",
    "application/vnd.ms-excel": "Spreadsheet",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Spreadsheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "Presentation",
    "text/plain": "Text file",
    "text/csv": "CSV table",
}


def tr(text: str) -> str:
    return QCoreApplication.translate("sections", text)


def file_kind(content_type: str, name: str) -> str:
    base = content_type.split(";", 1)[0].strip().lower()
    if base in _KINDS:
        return tr(_KINDS[base])
    major = base.split("/", 1)[0]
    if major == "image":
        return tr("Image")
    if major == "video":
        return tr("Video")
    if major == "audio":
        return tr("Audio")
    ext = name.rsplit(".", 1)[-1].upper() if "." in name else ""
    return tr("%1 file").replace("%1", ext) if ext else tr("File")


def file_size(size: int) -> str:
    return QLocale().formattedDataSize(max(size, 0), 1)


def type_label(kind: str) -> str:
    names = {
        "text": QT_TRANSLATE_NOOP("Reader", "Reading"),
        "page": QT_TRANSLATE_NOOP("Reader", "Reading"),
        "video": QT_TRANSLATE_NOOP("Reader", "Video"),
        "quiz": QT_TRANSLATE_NOOP("Reader", "Quiz"),
        "exercise": QT_TRANSLATE_NOOP("Reader", "Exercise"),
        "file": QT_TRANSLATE_NOOP("Reader", "File"),
        "link": QT_TRANSLATE_NOOP("Reader", "Web link"),
        "discussion": QT_TRANSLATE_NOOP("Reader", "Discussion"),
        "external": QT_TRANSLATE_NOOP("Reader", "External activity"),
    }
    return QCoreApplication.translate("Reader", str(names.get(kind, kind)))
