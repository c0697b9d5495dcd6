"""The search field: the query language with completion, recent and saved searches, and hints.

- Completion: after a letter or two, field names ("cast:"); after `field:`, values that exist
  in the library (genres, networks, tags, people) or are allowed (verdicts, statuses).
- Recent searches: ↓ in the empty field lists them; the window calls `remember()` when a search
  was used (Enter, or moving into the list).
- Saved searches: kept in QSettings, offered by `saved_menu` (Search menu of the window).
- Hints: `show_hints()` puts the parser's hints in the tooltip; the window shows them in the
  status bar too.
- Up/Down/Page keys, when no popup is open, emit `navigate(delta)` so the list moves while the
  typing goes on.
- Esc clears the text (`searchCleared`); Esc in an empty field asks to leave it
  (`leaveRequested`). A recent or saved search taken from a menu or the popup is
  `searchChosen`: the window runs it at once.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QSettings, QStringListModel, Qt, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QCompleter, QInputDialog, QLineEdit, QMenu, QWidget

RECENT_KEY = "search/recent"
SAVED_KEY = "search/saved"
# Recent searches kept: enough to find yesterday's, few enough to read in one popup.
MAX_RECENT = 10
# Saved searches that get a shortcut (Ctrl+1 … Ctrl+9): as many as there are digit keys.
MAX_NUMBERED_SEARCHES = 9
# Rows a Page Up/Down moves the list by.
PAGE_STEP = 10
# What the empty field says: how to search, and how to get here.
PLACEHOLDER = "Search — title:, cast:, year:2018, -word   (Ctrl+F or /)"

# The token being typed: an optional "-", a field name and colon, and its value so far.
_FIELD_VALUE = re.compile(r'^-?([A-Za-z]+):("?)([^"]*)$')
_FIELD_NAME = re.compile(r"^-?([A-Za-z]+)$")


class SearchField(QLineEdit):
    navigate = Signal(int)  # Up/Down/PageUp/PageDown while typing: move the list this much
    savedSearchesChanged = Signal()
    searchChosen = Signal(str)  # a recent or saved search was picked: run it now
    searchCleared = Signal()  # Esc emptied the field
    leaveRequested = Signal()  # Esc in an empty field: focus belongs elsewhere

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("searchField")
        self.setPlaceholderText(PLACEHOLDER)
        self._model = QStringListModel(self)
        self.completer_popup = QCompleter(self._model, self)
        self.completer_popup.setWidget(self)
        self.completer_popup.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_popup.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer_popup.activated.connect(self._insert_completion)
        self._completing_recent = False
        self.textEdited.connect(self._update_completions)
        self.saved_menu = QMenu("Saved &Searches", self)
        self.saved_menu.setObjectName("savedSearchesMenu")
        self.save_action = QAction("&Save This Search…", self)
        self.save_action.triggered.connect(self.save_current_search)
        self.save_action.setEnabled(False)  # nothing to save until something is typed
        self.textChanged.connect(lambda text: self.save_action.setEnabled(bool(text.strip())))
        self.recent_menu = QMenu("&Recent Searches", self)
        self.recent_menu.setObjectName("recentSearchesMenu")
        # Filled as it opens: recent searches change with every search used.
        self.recent_menu.aboutToShow.connect(self._rebuild_recent_menu)
        self.forget_menu = QMenu("&Forget", self)
        self.forget_menu.setObjectName("forgetSearchMenu")
        self._rebuild_saved_menu()

    # --- hints ---------------------------------------------------------------------------

    def show_hints(self, hints: tuple[str, ...] | list[str]) -> None:
        text = "\n".join(hints)
        self.setToolTip(text)
        self.setProperty("hasHints", bool(hints))

    # --- completion ----------------------------------------------------------------------

    def current_token(self) -> tuple[int, str]:
        """(start, text) of the word under the cursor, quotes included."""
        text, cursor = self.text(), self.cursorPosition()
        start, in_quote = 0, False
        for index, char in enumerate(text[:cursor]):
            if char == '"':
                in_quote = not in_quote
            elif (char.isspace() or char == "(") and not in_quote:
                start = index + 1
        return start, text[start:cursor]

    def suggestions(self) -> list[str]:
        """What the popup offers for the token under the cursor, each as it would be typed."""
        # Imported on the first completion: the field is on the window's first screen, the
        # search language need not be.
        from db.search import values as search_values

        _, token = self.current_token()
        value = _FIELD_VALUE.match(token)
        if value:
            field = value.group(1).lower()
            return [f"{field}:{search_values.quoted_value(found)}"
                    for found in search_values.field_values(field, value.group(3))]
        name = _FIELD_NAME.match(token)
        if name:
            return search_values.field_names(name.group(1))
        return []

    def _update_completions(self, _text: str = "") -> None:
        self._completing_recent = False
        try:
            found = self.suggestions()
        except Exception:  # a completion must never break typing (e.g. library being swapped)
            found = []
        _, token = self.current_token()
        negation = "-" if token.startswith("-") else ""
        found = [negation + item for item in found if (negation + item).lower() != token.lower()]
        if not found:
            self.completer_popup.popup().hide()
            return
        self._model.setStringList(found)
        self.completer_popup.setCompletionPrefix("")
        self.completer_popup.complete()

    def _insert_completion(self, completion: str) -> None:
        if self._completing_recent:
            self._completing_recent = False
            self.choose_search(completion)
            return
        start, _ = self.current_token()
        text, cursor = self.text(), self.cursorPosition()
        new_text = text[:start] + completion + text[cursor:]
        self.setText(new_text)
        self.setCursorPosition(start + len(completion))
        self.textEdited.emit(new_text)
        if completion.endswith(":"):
            self._update_completions()

    # --- recent searches -----------------------------------------------------------------

    def recent_searches(self) -> list[str]:
        stored = self.settings.value(RECENT_KEY, [])
        return [str(item) for item in (stored if isinstance(stored, list) else [stored]) if item]

    def remember(self, text: str | None = None) -> None:
        """Put a search that was used at the top of the recent searches."""
        text = (self.text() if text is None else text).strip()
        if not text:
            return
        recent = [text, *(item for item in self.recent_searches() if item != text)]
        self.settings.setValue(RECENT_KEY, recent[:MAX_RECENT])

    def show_recent(self) -> bool:
        recent = self.recent_searches()
        if not recent:
            return False
        self._completing_recent = True
        self._model.setStringList(recent)
        self.completer_popup.setCompletionPrefix("")
        self.completer_popup.complete()
        return True

    # --- saved searches ------------------------------------------------------------------

    def saved_searches(self) -> list[str]:
        stored = self.settings.value(SAVED_KEY, [])
        return [str(item) for item in (stored if isinstance(stored, list) else [stored]) if item]

    def save_search(self, text: str) -> None:
        text = text.strip()
        if not text or text in self.saved_searches():
            return
        self.settings.setValue(SAVED_KEY, [*self.saved_searches(), text])
        self._rebuild_saved_menu()

    def forget_saved_search(self, text: str) -> None:
        self.settings.setValue(SAVED_KEY, [item for item in self.saved_searches() if item != text])
        self._rebuild_saved_menu()

    def save_current_search(self) -> None:
        text, accepted = QInputDialog.getText(self, "Save Search",
                                              "Save this search to the Saved Searches menu:",
                                              QLineEdit.EchoMode.Normal, self.text())
        if accepted:
            self.save_search(text)

    def choose_search(self, text: str) -> None:
        """Put a whole search (recent, saved, an example) in the field and ask for it to run."""
        self.completer_popup.popup().hide()
        self.setText(text)  # not textEdited: a chosen search needs no completion popup
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.searchChosen.emit(text)

    def use_saved_search(self, text: str) -> None:
        self.choose_search(text)

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.recent_searches()
        for text in recent:
            action = self.recent_menu.addAction(text.replace("&", "&&"))
            action.setData(text)
            action.triggered.connect(lambda _checked=False, t=text: self.choose_search(t))
        if not recent:
            self.recent_menu.addAction("No recent searches").setEnabled(False)

    def _rebuild_saved_menu(self) -> None:
        self.saved_menu.clear()
        self.saved_menu.addAction(self.save_action)
        self.saved_menu.addMenu(self.recent_menu)
        saved = self.saved_searches()
        if saved:
            self.saved_menu.addSeparator()
        for number, text in enumerate(saved, start=1):
            action = self.saved_menu.addAction(text.replace("&", "&&"))
            action.setData(text)
            if number <= MAX_NUMBERED_SEARCHES:
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, t=text: self.use_saved_search(t))
        self.forget_menu.clear()
        if saved:
            self.saved_menu.addSeparator()
            self.saved_menu.addMenu(self.forget_menu)
            for text in saved:
                action = self.forget_menu.addAction(text.replace("&", "&&"))
                action.setData(text)
                action.triggered.connect(
                    lambda _checked=False, t=text: self.forget_saved_search(t))
        self.savedSearchesChanged.emit()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """The usual editing menu, then recent and saved searches (the field's own menu)."""
        menu = self.createStandardContextMenu()
        menu.addSeparator()
        menu.addMenu(self.recent_menu)
        menu.addMenu(self.saved_menu)
        menu.exec(event.globalPos())
        menu.deleteLater()

    # --- keys ----------------------------------------------------------------------------

    def _is_suggestion_tab(self, event: QEvent) -> bool:
        return (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Tab and not event.modifiers()
                and self.completer_popup.popup().isVisible())

    def _take_suggestion(self) -> None:
        """Tab with suggestions open: take the chosen one, or else the first."""
        popup = self.completer_popup.popup()
        index = popup.currentIndex()
        if not index.isValid():
            index = popup.model().index(0, 0)
        popup.hide()
        if index.isValid():
            self._insert_completion(str(index.data()))

    def event(self, event: QEvent) -> bool:
        # Before QWidget.event, which would move the focus on with Tab. (While the popup is
        # open it gets the keys first; QCompleter hands them on to this method.)
        if self._is_suggestion_tab(event):
            self._take_suggestion()
            return True
        return super().event(event)


    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.completer_popup.popup()
        key = event.key()
        if popup.isVisible():
            # Enter takes a suggestion only once one was chosen with the arrows; otherwise
            # it is the search's Enter (open the top result).
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                index = popup.currentIndex()
                if index.isValid():
                    popup.hide()
                    self._insert_completion(str(index.data()))
                    return
                popup.hide()
            elif key == Qt.Key.Key_Escape:
                popup.hide()
                return
        if event.text() == "/" and not self.text():
            return  # "/" is the key that brings you here: a leading "/" searches for nothing
        if key == Qt.Key.Key_Escape and not event.modifiers():
            if self.text():
                self.clear()
                self.searchCleared.emit()
            else:
                self.leaveRequested.emit()
            return
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            if key == Qt.Key.Key_Down and not self.text() and self.show_recent():
                return
            step = PAGE_STEP if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp) else 1
            self.navigate.emit(step if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) else -step)
            return
        super().keyPressEvent(event)
