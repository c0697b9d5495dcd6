"""My rating as ten half-stars, set with the keyboard or the mouse.

Keys: Right/Up/+ add half a star, Left/Down/- remove one, 1–5 set whole stars, 0, Delete or
Backspace clear. A click sets the half-star under the pointer. The value is the stored 1–10
integer (7 = three and a half stars) or None.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from db.notes import RATING_MAX, RATING_MIN

_STAR_CHARACTERS = 5


def rating_text(rating: int | None) -> str:
    if rating is None:
        return "☆☆☆☆☆  no rating"
    full, half = divmod(rating, 2)
    empty = _STAR_CHARACTERS - full - half
    return "★" * full + ("½" if half else "") + "☆" * empty + f"  {rating / 2:g} of 5"


class RatingWidget(QLabel):
    ratingChanged = Signal(object)  # int | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ratingWidget")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setToolTip("My rating: ←/→ half a star, 1–5 whole stars, 0 or Delete clears")
        self.setAccessibleName("My rating")
        self._rating: int | None = None
        self._show()

    def rating(self) -> int | None:
        return self._rating

    def set_rating(self, rating: int | None, *, notify: bool = False) -> None:
        if rating is not None:
            rating = max(RATING_MIN, min(RATING_MAX, rating))
        if rating == self._rating:
            return
        self._rating = rating
        self._show()
        if notify:
            self.ratingChanged.emit(rating)

    def _show(self) -> None:
        self.setText(rating_text(self._rating))
        self.setAccessibleDescription(self.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        current = self._rating or 0
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Plus):
            self.set_rating(min(RATING_MAX, current + 1), notify=True)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Down, Qt.Key.Key_Minus):
            self.set_rating(current - 1 if current > RATING_MIN else None, notify=True)
        elif Qt.Key.Key_1 <= key <= Qt.Key.Key_5:
            self.set_rating((key - Qt.Key.Key_0) * 2, notify=True)
        elif key in (Qt.Key.Key_0, Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.set_rating(None, notify=True)
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        metrics = self.fontMetrics()
        star_width = max(1, metrics.horizontalAdvance("★"))
        x = event.position().x() - self.contentsRect().left()
        half_stars = int(x // (star_width / 2)) + 1
        if 1 <= half_stars <= RATING_MAX:
            self.set_rating(half_stars, notify=True)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
