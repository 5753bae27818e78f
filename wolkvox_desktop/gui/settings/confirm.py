"""A window-modal question that does not block the event loop (one box, reused)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget


class Confirmation:
    """Asks before something that cannot be undone; runs ``on_accept`` only when the
    destructive button was clicked (Esc, Cancel or closing the box do nothing)."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        self._box: QMessageBox | None = None
        self._accept: QAbstractButton | None = None
        self._action: Callable[[], None] | None = None

    def ask(self, title: str, text: str, accept_text: str, on_accept: Callable[[], None]) -> None:
        if self._box is None:
            self._box = QMessageBox(self._parent)
            self._box.setObjectName("confirmBox")
            self._box.setIcon(QMessageBox.Icon.Question)
            self._box.finished.connect(self._on_finished)
        box = self._box
        for old in box.buttons():
            box.removeButton(old)
            old.deleteLater()
        box.setWindowTitle(title)
        box.setText(text)
        self._accept = box.addButton(accept_text, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self._action = on_accept
        box.open()

    def _on_finished(self, _result: int) -> None:
        action, self._action = self._action, None
        if (
            self._box is not None
            and action is not None
            and (self._box.clickedButton() is self._accept)
        ):
            action()
