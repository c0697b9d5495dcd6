"""Help → Search Syntax: the search language, with examples that can be tried at once."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

# (what you type, what it finds): the README's "Searching" section says the same.
EXAMPLES: tuple[tuple[str, str], ...] = (
    ("regina king", "every word somewhere: title, people, characters, reviews, notes…"),
    ("reg", "the word you are typing matches as a prefix: Regina, Reggie…"),
    ("Régina  REGINA", "case and accents never matter"),
    ("clare-hope  clarehope", "punctuation is a word break; joined forms of names work too"),
    ('"seven seconds"', "a phrase: these words, in this order"),
    ("crime -comedy", "-word or not word: leave out what matches"),
    ("netflix or hbo", "either (or binds loosest: a b or c = (a b) or c)"),
    ("(crime or thriller) netflix", "parentheses group"),
    ("title:seconds", "only in titles"),
    ("cast:king  character:harper", "an actor; a character they play"),
    ("creator:sud  person:sud", "a creator; anyone credited"),
    ("genre:crime  network:netflix", "genres; the network or platform"),
    ("review:pacing  verdict:mixed", "critics' text; positive, mixed or negative reviews"),
    ("note:rewatch  tag:favourite", "my notes and their tags"),
    ("year:2018  year:>=2010  year:2010..2019", "first aired: exact, compared, a range"),
    ("rating:>=8  status:watched", "my rating (1–10) and my watch status"),
    ("has:note  has:review  has:award", "series with any of these"),
    ('cast:"regina king"  cast:(king or knapp)', "a phrase or a group in one field"),
)

KEYS: tuple[tuple[str, str], ...] = (
    ("↓ / ↑", "move through the results while you type; ↓ in an empty field: recent searches"),
    ("Enter", "open the selected (or top) result and go to the list"),
    ("Esc", "clear the search; Esc again goes back to the list"),
    ("Tab", "take the suggested field name or value (↓ and Enter choose another)"),
    ("Ctrl+D", "save the search in the Searches menu, which also lists recent searches"),
    ("Ctrl+1 … Ctrl+9", "run the first nine saved searches"),
)


class SearchHelpDialog(QDialog):
    """The syntax as a table of examples; double-click one (or Enter) to search for it."""

    exampleChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchHelpDialog")
        self.setWindowTitle("Search Syntax")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "<p>Type to search; every word must match somewhere. Anything Showshelf cannot "
            "understand is still searched as well as it can, and the status bar says why.</p>"
            "<p>Press Enter on an example (or double-click it) to try it.</p>", self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.examples = QTreeWidget(self)
        self.examples.setObjectName("searchExamples")
        self.examples.setHeaderLabels(["You type", "It finds"])
        self.examples.setRootIsDecorated(False)
        for typed, meaning in EXAMPLES:
            QTreeWidgetItem(self.examples, [typed, meaning])
        self.examples.resizeColumnToContents(0)
        self.examples.itemActivated.connect(self._example_activated)
        layout.addWidget(self.examples, 1)
        keys = QLabel("<table>" + "".join(
            f"<tr><td><b>{escape(key)}</b>&nbsp;&nbsp;</td><td>{escape(meaning)}</td></tr>"
            for key, meaning in KEYS) + "</table>", self)
        layout.addWidget(keys)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 560)

    def _example_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        # Examples listing alternatives ("Régina  REGINA") search for their first one.
        self.exampleChosen.emit(item.text(0).split("  ")[0])
        self.accept()
