"""Back/forward history of what the detail side showed: series and people, like a browser."""

from __future__ import annotations

from typing import NamedTuple

# A browsing session rarely goes deeper; the oldest entries fall off beyond this.
MAX_ENTRIES = 500


class Target(NamedTuple):
    """What a detail page shows: ("series" | "person", id)."""

    kind: str
    id: int


class NavigationHistory:
    """A list of visited targets with a cursor; visiting after going back drops the forward part.

    Moving through the list with the arrow keys would flood the history with every row
    passed, so a visit marked `transient` replaces the current entry when that one was
    transient too: only where the user stopped is remembered.
    """

    def __init__(self) -> None:
        self._entries: list[tuple[Target, bool]] = []
        self._index = -1

    @property
    def current(self) -> Target | None:
        return self._entries[self._index][0] if self._index >= 0 else None

    def visit(self, target: Target, *, transient: bool = False) -> None:
        if self.current == target:
            return
        del self._entries[self._index + 1:]
        if transient and self._entries and self._entries[-1][1]:
            self._entries[-1] = (target, True)
        else:
            self._entries.append((target, transient))
            if len(self._entries) > MAX_ENTRIES:
                del self._entries[0]
        self._index = len(self._entries) - 1

    def pin(self) -> None:
        """Keep the current entry: the next transient visit adds an entry after it."""
        if self._index >= 0:
            self._settle()

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._entries) - 1

    def back(self) -> Target | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        self._settle()
        return self.current

    def forward(self) -> Target | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        self._settle()
        return self.current

    def _settle(self) -> None:
        # An entry reached by back/forward is a place the user chose to return to: the next
        # arrow-key visit must not overwrite it.
        target, _ = self._entries[self._index]
        self._entries[self._index] = (target, False)
