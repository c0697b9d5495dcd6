"""Help ▸ Keyboard Shortcuts: built from the window's own actions when it opens, so it is never
stale, plus the keys the list and search field handle themselves."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

# Keys that widgets handle without a QAction (so no menu can list them).
LIST_KEYS: tuple[tuple[str, str], ...] = (
    ("/", "Search"),
    ("Esc", "Clear the search, then back to the list"),
    ("Enter", "Open the selected series or person"),
    ("Arrows, Page Up/Down, Home/End", "Move in the list (the page follows)"),
    ("Letters", "Jump to a title by typing its start"),
    ("Tab, Shift+Tab", "Next / previous part of the window"),
)
# Keys of the note editor at the foot of every page (its own widgets handle them).
NOTE_KEYS: tuple[tuple[str, str], ...] = (
    ("Ctrl+Shift+P", "Show the note rendered / back to the text"),
    ("Ctrl+Z, Ctrl+Shift+Z", "Undo / redo in the note text"),
    ("← →, 1–5, 0", "Rating: half a star less / more, whole stars, clear"),
    ("Alt+R, Alt+S, Alt+T", "Go to the rating, status, tags"),
)
# Qt gives standard actions extra sequences on dedicated keyboard keys ("Open", "Zoom In",
# "Back"…); from Qt.Key.Key_Back on, keys are such media/launch keys, not what people type.
_FIRST_DEDICATED_KEY = 0x01000061
OTHER_GROUP = "Window"
LIST_GROUP = "List and search"
NOTE_GROUP = "Note editor"


@dataclass(frozen=True)
class ShortcutEntry:
    group: str
    action: str
    keys: str


def _clean(text: str) -> str:
    """Menu text as a reader sees it: no mnemonic ampersands, no trailing ellipsis."""
    return text.replace("&&", "\x00").replace("&", "").replace("\x00", "&").rstrip("…. ")


def _typed(sequence: QKeySequence) -> bool:
    if sequence.isEmpty():
        return False
    key = sequence[0].key().value
    return not _FIRST_DEDICATED_KEY <= key < Qt.Key.Key_unknown.value


def _keys(action: QAction) -> str:
    return ", ".join(sequence.toString(QKeySequence.SequenceFormat.NativeText)
                     for sequence in action.shortcuts() if _typed(sequence))


def _menu_entries(menu: QMenu, group: str, seen: set[int]) -> list[ShortcutEntry]:
    entries = []
    for action in menu.actions():
        if action.menu() is not None:
            submenu = action.menu()
            entries += _menu_entries(submenu, f"{group} ▸ {_clean(submenu.title())}", seen)
            continue
        seen.add(id(action))
        if action.isSeparator() or not _keys(action):
            continue
        entries.append(ShortcutEntry(group, _clean(action.text()), _keys(action)))
    return entries


def shortcut_entries(window: QMainWindow) -> list[ShortcutEntry]:
    """Every action with a shortcut, grouped by menu in menu order, then the keys the list,
    the search field and the note editor handle themselves."""
    seen: set[int] = set()
    entries: list[ShortcutEntry] = []
    for top in window.menuBar().actions():
        if top.menu() is not None:
            entries += _menu_entries(top.menu(), _clean(top.menu().title()), seen)
    # Actions the window owns but no menu shows (added with addAction on the window).
    for action in window.actions():
        if id(action) not in seen and _keys(action) and action.text():
            entries.append(ShortcutEntry(OTHER_GROUP, _clean(action.text()), _keys(action)))
    taken = {key.strip() for entry in entries for key in entry.keys.split(",")}
    entries += [ShortcutEntry(LIST_GROUP, what, keys) for keys, what in LIST_KEYS
                if keys not in taken]
    entries += [ShortcutEntry(NOTE_GROUP, what, keys) for keys, what in NOTE_KEYS]
    return entries


class ShortcutsDialog(QDialog):
    """A filterable list of the window's shortcuts (type to filter, Esc closes)."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard Shortcuts")
        self._window = window
        self.filter_field = QLineEdit(self)
        self.filter_field.setPlaceholderText("Filter shortcuts")
        self.filter_field.setClearButtonEnabled(True)
        self.filter_field.textChanged.connect(self._apply_filter)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Action", "Keys"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_field)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(600, 600)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the window's actions."""
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for entry in shortcut_entries(self._window):
            group = groups.get(entry.group)
            if group is None:
                group = QTreeWidgetItem(self.tree, [entry.group])
                group.setFirstColumnSpanned(True)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[entry.group] = group
            row = QTreeWidgetItem(group, [entry.action, entry.keys])
            row.setToolTip(0, entry.action)
        self.tree.expandAll()
        self._apply_filter(self.filter_field.text())

    def visible_entries(self) -> list[tuple[str, str]]:
        """(action, keys) of the rows the filter leaves visible."""
        rows = []
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            rows += [(group.child(i).text(0), group.child(i).text(1))
                     for i in range(group.childCount()) if not group.child(i).isHidden()]
        return rows

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            group_matches = needle in group.text(0).casefold()
            shown = 0
            for child_index in range(group.childCount()):
                child = group.child(child_index)
                hit = group_matches or needle in f"{child.text(0)} {child.text(1)}".casefold()
                child.setHidden(not hit)
                shown += hit
            group.setHidden(shown == 0)
