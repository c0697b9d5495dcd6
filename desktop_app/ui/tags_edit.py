"""Tags typed as "crime, slow burn", completing the word being typed from existing tags."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QStyle, QStyleOptionFrame, QWidget

SEPARATOR = ","
# QLineEdit keeps this many pixels between its frame and its text on each side.
LINE_EDIT_TEXT_MARGIN = 2


def split_tags(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(SEPARATOR) if part.strip())


PLACEHOLDER = "comma-separated"


class TagsEdit(QLineEdit):
    """A line edit whose completer works on the last comma-separated part.

    `complete_from(prefix) -> names` is asked for candidates, so tags come from the library
    as typed instead of loading every tag up front.
    """

    def __init__(self, complete_from: Callable[[str], list[str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagsEdit")
        # Short enough to show whole beside Rating and Status in a narrow pane; the tooltip
        # says the rest.
        self.setPlaceholderText(PLACEHOLDER)
        self.setToolTip("Tags separated by commas; the tag you are typing completes from "
                        "the tags you used before")
        self.setAccessibleName("Tags")
        self._complete_from = complete_from
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setWidget(self)
        self._completer.activated.connect(self._insert_completion)
        self.textEdited.connect(self._update_completions)

    def minimumSizeHint(self) -> QSize:
        """Never narrower than its placeholder, which would be cut off mid-word."""
        hint = super().minimumSizeHint()
        margins = self.textMargins()
        text = QSize(self.fontMetrics().horizontalAdvance(self.placeholderText())
                     + margins.left() + margins.right() + 2 * LINE_EDIT_TEXT_MARGIN,
                     hint.height())
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        width = self.style().sizeFromContents(QStyle.ContentsType.CT_LineEdit, option, text,
                                              self).width()
        return QSize(max(hint.width(), width), hint.height())

    def tags(self) -> tuple[str, ...]:
        return split_tags(self.text())

    def set_tags(self, tags: tuple[str, ...]) -> None:
        self.setText(", ".join(tags))

    def completer_popup_visible(self) -> bool:
        return self._completer.popup().isVisible()

    def _current_word(self) -> str:
        return self.text()[:self.cursorPosition()].rsplit(SEPARATOR, 1)[-1].strip()

    def _update_completions(self, _text: str) -> None:
        word = self._current_word()
        if not word:
            self._completer.popup().hide()
            return
        taken = {tag.casefold() for tag in self.tags()}
        names = [name for name in self._complete_from(word)
                 if name.casefold() not in taken or name.casefold() == word.casefold()]
        self._model.setStringList(names)
        self._completer.setCompletionPrefix(word)
        if names:
            self._completer.complete()
        else:
            self._completer.popup().hide()

    def _insert_completion(self, name: str) -> None:
        before = self.text()[:self.cursorPosition()]
        after = self.text()[self.cursorPosition():]
        head = before.rsplit(SEPARATOR, 1)[0] + SEPARATOR + " " if SEPARATOR in before else ""
        self.setText(f"{head}{name}{after}")
        self.setCursorPosition(len(head) + len(name))
        self.editingFinished.emit()
