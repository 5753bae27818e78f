"""The operations Settings knows: saved ones, one for this session only, one new."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from wolkvox_desktop.gui.settings.drafts import OperationDraft
from wolkvox_desktop.gui.settings.widgets import named

_translate = QCoreApplication.translate  # lupdate reads it as QCoreApplication.translate


def draft_title(draft: OperationDraft) -> str:
    """ "Bogotá norte · 0032", marked when it is not saved or known for this session only."""
    server = draft.server or ""  # never echo a text that is not a server code
    name = draft.label.strip()
    if draft.is_new and not server and not name:
        return _translate("SettingsDialog", "New operation")
    title = " · ".join(part for part in (name, server) if part)
    if draft.is_new:
        return _translate("SettingsDialog", "{name} (not saved)").format(name=title)
    if draft.session_only:
        return _translate("SettingsDialog", "{name} (this session only)").format(name=title)
    return title


class OperationList(QWidget):
    """The list (``operationList``) with its Add and Delete buttons; it holds the drafts.

    Signals:
        currentChanged(object): the selected :class:`OperationDraft`, or None.
        addClicked(), deleteClicked(): the buttons (the dialog decides what they do).
    """

    currentChanged = Signal(object)
    addClicked = Signal()
    deleteClicked = Signal()

    def __init__(self, drafts: list[OperationDraft], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drafts = list(drafts)
        self.view = named(QListWidget(), "operationList")
        self.view.setAccessibleName(_translate("SettingsDialog", "Operations"))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.add_button = named(
            QPushButton(_translate("SettingsDialog", "Add")), "addOperationButton"
        )
        self.add_button.setAccessibleName(_translate("SettingsDialog", "Add an operation"))
        self.add_button.clicked.connect(self.addClicked)
        self.delete_button = named(
            QPushButton(_translate("SettingsDialog", "Delete")), "deleteOperationButton"
        )
        self.delete_button.setAccessibleName(
            _translate("SettingsDialog", "Delete the selected operation")
        )
        self.delete_button.clicked.connect(self.deleteClicked)
        title = QLabel(_translate("SettingsDialog", "Operations"))
        title.setBuddy(self.view)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setMinimumWidth(150)
        self.setMaximumWidth(220)

        for draft in self.drafts:
            self.view.addItem(self._item(draft))
        self.view.currentRowChanged.connect(self._on_row_changed)

    def current(self) -> OperationDraft | None:
        row = self.view.currentRow()
        return self.drafts[row] if 0 <= row < len(self.drafts) else None

    def select(self, draft: OperationDraft) -> None:
        self.view.setCurrentRow(self.drafts.index(draft))

    def append(self, draft: OperationDraft) -> None:
        """Add a draft at the end and select it."""
        self.drafts.append(draft)
        self.view.addItem(self._item(draft))
        self.select(draft)

    def remove(self, draft: OperationDraft) -> None:
        row = self.drafts.index(draft)
        self.drafts.pop(row)
        self.view.blockSignals(True)  # one currentChanged, once the row is gone
        try:
            self.view.takeItem(row)
        finally:
            self.view.blockSignals(False)
        self._on_row_changed(self.view.currentRow())

    def refresh(self, draft: OperationDraft) -> None:
        """Show a draft's title again (after an edit or a save)."""
        item = self.view.item(self.drafts.index(draft))
        if item is not None:
            item.setText(draft_title(draft))
            item.setToolTip(item.text())

    def set_busy(self, busy: bool) -> None:
        """While a save runs the selection cannot change under the worker's feet."""
        self.view.setEnabled(not busy)
        self.add_button.setEnabled(not busy)
        self.delete_button.setEnabled(not busy and self.current() is not None)

    @staticmethod
    def _item(draft: OperationDraft) -> QListWidgetItem:
        item = QListWidgetItem(draft_title(draft))
        item.setToolTip(item.text())
        return item

    @Slot(int)
    def _on_row_changed(self, row: int) -> None:
        self.currentChanged.emit(self.drafts[row] if 0 <= row < len(self.drafts) else None)
