"""The language of the window: the system's, English or Spanish (after a restart)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from wolkvox_desktop.gui.settings.widgets import WrappingLabel, named

_translate = QCoreApplication.translate  # lupdate reads it as QCoreApplication.translate


class LanguageChoice(QWidget):
    """``languageCombo`` and its note (``languageNote``).

    Signals:
        languageChanged(str): ``"system"``, ``"en"`` or ``"es"``.
    """

    languageChanged = Signal(str)

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = named(QComboBox(), "languageCombo")
        self.combo.setAccessibleName(_translate("SettingsDialog", "Language"))
        self.combo.addItem(_translate("SettingsDialog", "System language"), "system")
        self.combo.addItem("English", "en")  # a language's name in that language
        self.combo.addItem("Español", "es")
        self.combo.setCurrentIndex(max(0, self.combo.findData(language)))  # unknown: system
        self.combo.currentIndexChanged.connect(self._on_changed)
        title = QLabel(_translate("SettingsDialog", "Language:"))
        title.setBuddy(self.combo)
        note = _translate("SettingsDialog", "Applies after restarting Wolkvox Desktop.")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.combo)
        layout.addWidget(named(WrappingLabel(note), "languageNote"), 1)

    @Slot(int)
    def _on_changed(self, index: int) -> None:
        value = self.combo.itemData(index)
        if value:
            self.languageChanged.emit(str(value))
