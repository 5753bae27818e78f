"""The token box: the typed token (masked), Show/Hide, where the saved one lives, and the
button that removes it. It never receives a saved token, so it can never show one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QToolButton, QVBoxLayout, QWidget

from wolkvox_desktop.core.credentials import MAX_TOKEN_LENGTH, TokenSource
from wolkvox_desktop.gui.settings.widgets import WrappingLabel, named

_translate = QCoreApplication.translate  # lupdate reads it as QCoreApplication.translate


class TokenBox(QWidget):
    """``tokenEdit`` (masked, memory only), ``showTokenButton``, ``tokenStatusLabel`` and
    ``removeTokenButton``.

    Signals:
        edited(): the typed token changed.
        removeClicked(): the supervisor asked to remove (or forget) the saved token.
    """

    edited = Signal()
    removeClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = named(QLineEdit(), "tokenEdit")
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setMaxLength(MAX_TOKEN_LENGTH)
        self.edit.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhNoAutoUppercase
        )
        self.edit.setAccessibleName(_translate("SettingsDialog", "API token"))
        self.edit.textEdited.connect(self.edited)
        self.show_button = named(QToolButton(), "showTokenButton")
        self.show_button.setCheckable(True)
        self.show_button.toggled.connect(self._on_show_toggled)
        self._on_show_toggled(False)
        self.status = named(WrappingLabel(), "tokenStatusLabel")
        self.remove_button = named(
            QPushButton(_translate("SettingsDialog", "Remove saved token")), "removeTokenButton"
        )
        self.remove_button.setAccessibleName(_translate("SettingsDialog", "Remove the saved token"))
        self.remove_button.clicked.connect(self.removeClicked)

        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(self.show_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)

    def token(self) -> str:
        return self.edit.text()

    def load(self, token: str) -> None:
        """Show a draft's typed token (masked again)."""
        self.show_button.setChecked(False)
        self.edit.setText(token)

    def show_source(self, source: TokenSource, saved_in: str, *, removable: bool) -> None:
        """Where the operation's token comes from; ``saved_in`` names the keyring in words."""
        placeholder = _translate("SettingsDialog", "Leave empty to keep the current token")
        if source is TokenSource.KEYRING:
            status = _translate("SettingsDialog", "A token is saved in {backend}.").format(
                backend=saved_in
            )
        elif source is TokenSource.SESSION:
            status = _translate(
                "SettingsDialog", "A token is held for this session only (not saved)."
            )
        elif source is TokenSource.ENVIRONMENT:
            status = _translate(
                "SettingsDialog", "The token comes from the WOLKVOX_TOKEN environment variable."
            )
        else:
            status = _translate("SettingsDialog", "No token saved for this operation yet.")
            placeholder = _translate("SettingsDialog", "Paste the operation's API token")
        self.status.setText(status)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setAccessibleDescription(status)
        self.remove_button.setText(
            _translate("SettingsDialog", "Forget token")
            if source is TokenSource.SESSION
            else _translate("SettingsDialog", "Remove saved token")
        )
        self.remove_button.setEnabled(removable)
        self.remove_button.setVisible(removable)  # nothing to remove: no button

    @Slot(bool)
    def _on_show_toggled(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.show_button.setText(
            _translate("SettingsDialog", "Hide") if shown else _translate("SettingsDialog", "Show")
        )
        self.show_button.setAccessibleName(
            _translate("SettingsDialog", "Hide the typed token")
            if shown
            else _translate("SettingsDialog", "Show the typed token")
        )
