"""A read-only Markdown rendering of a note that loads nothing and runs no HTML from it.

Qt's Markdown reader is asked to treat inline HTML as text (MarkdownNoHTML); every resource
request (images, style sheets) is refused, local or remote; links are not followed inside the
widget: http(s) and mailto links open in the system browser, everything else is ignored.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

_SAFE_LINK_SCHEMES = ("http", "https", "mailto")
_FEATURES = QTextDocument.MarkdownFeature(
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub.value
    | QTextDocument.MarkdownFeature.MarkdownNoHTML.value)


class MarkdownPreview(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("markdownPreview")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._open_link)
        self.requested_resources: list[str] = []  # what the note tried to load (refused)

    def set_markdown_text(self, text: str) -> None:
        self.document().setMarkdown(text, _FEATURES)

    def loadResource(self, kind: int, name: QUrl) -> object:
        self.requested_resources.append(name.toString())
        return None

    def _open_link(self, url: QUrl) -> None:
        if url.scheme().lower() in _SAFE_LINK_SCHEMES:
            QDesktopServices.openUrl(url)
