"""A section's text as a document: sanitized HTML (imported pages, prompts) or Markdown (demo courses).

Selectable and copyable, links routed (another section opens in the reader, the web in the browser, an
anchor scrolls), images lazy (see images.py), text size scaled by the reader's setting, and the words of an
offline search result highlighted.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from PySide6.QtCore import QRectF, QSizeF, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from lms_desktop.ui import theme
from lms_desktop.ui.sections import doc_style
from lms_desktop.ui.sections.images import (
    DEFAULT_ASPECT,
    ImageLoader,
    image_formats,
    paint_placeholder,
    placeholder,
)
from lms_desktop.ui.sections.links import is_external, section_target
from lms_desktop.ui.tasks import TaskRunner

BASE_POINT_SIZE = 11.0
NO_LIMIT = 16_777_215  # QWIDGETSIZE_MAX


class DocumentView(QTextBrowser):
    openSection = Signal(int)
    imageLoaded = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        fetch_image: Callable[[str, int | None], Awaitable[bytes]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Reader")
        self.setAccessibleName(self.tr("Section text"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor)
        self.document().setDocumentMargin(theme.SPACE_XL)
        self.images = ImageLoader(runner, fetch_image, self)
        self.images.loaded.connect(self._on_image)
        self._scan = QTimer(self, singleShot=True, interval=0)
        self._scan.timeout.connect(self._fetch_near_view)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._scan.start())
        self._scale = 1.0
        self._shown: tuple[str, str] = ("html", "")
        self._words: list[str] = []
        self._hug = False
        self.document().documentLayout().documentSizeChanged.connect(self._hug_height)
        self.set_scale(1.0)
        theme.changed_signal().connect(self._restyle)  # type: ignore[attr-defined]

    # ---- content -------------------------------------------------------------------------------

    def show_html(self, html: str) -> None:
        self._shown = ("html", html)
        self._reset()
        self.document().setDefaultStyleSheet(doc_style.default_css())
        self.setHtml(html)
        self._finish()

    def show_markdown(self, markdown: str) -> None:
        self._shown = ("markdown", markdown)
        self._reset()
        self.setMarkdown(markdown)
        self._finish()

    def _reset(self) -> None:
        self._words = []
        self.setExtraSelections([])

    def _restyle(self) -> None:
        """The theme changed: the same content again in the new colours (images stay loaded)."""
        kind, text = self._shown
        position, words = self.verticalScrollBar().value(), self._words
        if kind == "html":
            self.document().setDefaultStyleSheet(doc_style.default_css())
            self.setHtml(text)
        else:
            self.setMarkdown(text)
        doc_style.style_document(self.document())
        if words:
            self.highlight(words)
        self.verticalScrollBar().setValue(position)

    def hug_content(self, on: bool) -> None:
        """Under a link, a file or a video the text is a short description: it takes its own height, not
        the reader's whole height (a long one still scrolls within the room there is)."""
        self._hug = on
        self._hug_height(self.document().size())

    def _hug_height(self, size: QSizeF) -> None:
        limit = int(size.height()) + 2 * self.frameWidth() + 1 if self._hug else NO_LIMIT
        if limit != self.maximumHeight():
            self.setMaximumHeight(limit)

    def is_empty(self) -> bool:
        return not self._shown[1].strip()

    def _finish(self) -> None:
        self.images.reset()
        doc_style.style_document(self.document())
        self.verticalScrollBar().setValue(0)
        self._scan.start()

    def set_scale(self, scale: float) -> None:
        self._scale = scale
        font = self.font()
        font.setPointSizeF(BASE_POINT_SIZE * scale)
        self.setFont(font)
        self.document().setDefaultFont(font)
        self._scan.start()

    # ---- images --------------------------------------------------------------------------------

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        if kind != QTextDocument.ResourceType.ImageResource.value:
            return super().loadResource(kind, url)
        key = url.toString() if isinstance(url, QUrl) else str(url)
        image = self.images.images.get(key)
        if image is not None:
            return self._fit(image)
        return self._placeholder(key)

    def _column_width(self) -> float:
        return max(self.viewport().width() - 2 * self.document().documentMargin(), 120.0)

    def _fit(self, image: QImage) -> QImage:
        """The image no wider than the text column: a wider one is drawn at a higher pixel ratio (the same
        pixels, smaller), so a resized window or a copy made for a wider column never needs a sideways
        scroll."""
        ratio = max(image.devicePixelRatio(), image.width() / self._column_width())
        if ratio <= image.devicePixelRatio() + 1e-3:
            return image
        fitted = QImage(image)
        fitted.setDevicePixelRatio(ratio)
        return fitted

    def _refit_images(self) -> None:
        """The column changed width: give the document each loaded image fitted again."""
        if not self.images.images:
            return
        doc = self.document()
        for url, image in self.images.images.items():
            doc.addResource(QTextDocument.ResourceType.ImageResource.value, QUrl(url), self._fit(image))
        doc.markContentsDirty(0, doc.characterCount())

    def _placeholder(self, key: str) -> object:
        width, height = self._declared_size(key)
        t = theme.current()
        image = placeholder(round(width), round(height), t.surface_alt)
        paint_placeholder(image, t.border)
        return image

    def _declared_size(self, key: str) -> tuple[float, float]:
        """The size the page gives the image (width/height attributes), else a 16:9 box of the column."""
        column = self._column_width()
        for _pos, fmt in image_formats(self.document()):
            if fmt.name() == key:
                w, h = fmt.width(), fmt.height()
                if w > 0 and h > 0:
                    return w, h
                if w > 0:
                    return w, w * DEFAULT_ASPECT
        return column, column * DEFAULT_ASPECT

    def _fetch_near_view(self) -> None:
        """Ask for the images within a screen of the visible part (the rest waits for scrolling)."""
        doc = self.document()
        layout = doc.documentLayout()
        top = self.verticalScrollBar().value()
        height = self.viewport().height()
        near = QRectF(0, top - height, 1e9, 3 * height)
        dpr = self.devicePixelRatioF()
        for pos, fmt in image_formats(doc):
            block = doc.findBlock(pos)
            if layout.blockBoundingRect(block).intersects(near):
                width = fmt.width() if fmt.width() > 0 else self._column_width()
                self.images.want(fmt.name(), width, dpr)

    def _on_image(self, url: str) -> None:
        doc = self.document()
        doc.addResource(
            QTextDocument.ResourceType.ImageResource.value, QUrl(url), self._fit(self.images.images[url])
        )
        doc.markContentsDirty(0, doc.characterCount())
        self.viewport().update()
        self.imageLoaded.emit(url)

    def loaded_images(self) -> list[str]:
        return list(self.images.images)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._refit_images()
        self._scan.start()

    # ---- links and highlights ------------------------------------------------------------------

    def _on_anchor(self, url: QUrl) -> None:
        target = section_target(url)
        if target is not None:
            self.openSection.emit(target)
        elif url.scheme() == "" and url.hasFragment():
            self.scrollToAnchor(url.fragment())
        elif is_external(url):
            QDesktopServices.openUrl(url)

    def highlight(self, words: list[str]) -> int:
        """Mark every occurrence of the words and scroll to the first; returns how many were marked."""
        self._words = list(words)
        selections: list[QTextEdit.ExtraSelection] = []
        fmt = QTextCharFormat()
        fmt.setBackground(theme.current().star)
        fmt.setForeground(theme.current().window if theme.current().dark else theme.current().text)
        doc = self.document()
        for word in words:
            if len(word) < 2:
                continue
            cursor = QTextCursor(doc)
            while True:
                cursor = doc.find(word, cursor)
                if cursor.isNull():
                    break
                sel = QTextEdit.ExtraSelection()
                sel.cursor = cursor
                sel.format = fmt
                selections.append(sel)
        self.setExtraSelections(selections)
        if selections:
            first = min(selections, key=lambda s: s.cursor.position())
            self.setTextCursor(QTextCursor(first.cursor))
            self.ensureCursorVisible()
        return len(selections)
