"""The plan's campaigns in the order they are called: a list, *Add selected* (the main
window's selection, at the end), *Up*, *Down* and *Remove*.

Signals: ``addSelectedClicked()`` (the form knows the window's selection),
``changed()``.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wolkvox_desktop.gui import messages
from wolkvox_desktop.gui.plans.draft import DraftCampaign


class CampaignOrder(QWidget):
    addSelectedClicked = Signal()
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.campaignList = QListWidget(self)
        self.campaignList.setObjectName("planCampaignList")
        self.campaignList.setAccessibleName(self.tr("Campaigns of the plan, in order"))
        self.campaignList.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.campaignList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.addSelectedButton = self._button("planAddSelectedButton", self.tr("Add selected"))
        self.addSelectedButton.setToolTip(self.tr(
            "Add the campaigns selected in the main window's list, in the order you selected "
            "them"))
        self.upButton = self._button("planUpButton", self.tr("Up"))
        self.downButton = self._button("planDownButton", self.tr("Down"))
        self.removeButton = self._button("planRemoveButton", self.tr("Remove"))
        buttons = QVBoxLayout()
        for button in (self.addSelectedButton, self.upButton, self.downButton,
                       self.removeButton):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.campaignList, 1)
        layout.addLayout(buttons)
        self.addSelectedButton.clicked.connect(self.addSelectedClicked)
        self.upButton.clicked.connect(lambda: self.move(-1))
        self.downButton.clicked.connect(lambda: self.move(1))
        self.removeButton.clicked.connect(self.remove_current)
        self.campaignList.currentRowChanged.connect(self._update)
        self._update()

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        return button

    def campaigns(self) -> list[DraftCampaign]:
        items = (self.campaignList.item(i) for i in range(self.campaignList.count()))
        return [i.data(Qt.ItemDataRole.UserRole) for i in items if i is not None]

    def add(self, campaigns: Iterable[DraftCampaign]) -> None:
        """At the end, in order; a campaign already listed stays where it is."""
        have = {c.ref.id for c in self.campaigns()}
        for campaign in campaigns:
            if campaign.ref.id in have:
                continue
            have.add(campaign.ref.id)
            ref = campaign.ref
            parts = [ref.id, campaign.name, messages.campaign_type_label(ref.type.value)]
            item = QListWidgetItem(" · ".join(p for p in parts if p))
            item.setToolTip(item.text())
            item.setData(Qt.ItemDataRole.UserRole, campaign)
            self.campaignList.addItem(item)
        self._update()

    def move(self, step: int) -> None:
        """The current campaign ``step`` places up (negative) or down."""
        row = self.campaignList.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.campaignList.count():
            return
        self.campaignList.insertItem(target, self.campaignList.takeItem(row))
        self.campaignList.setCurrentRow(target)

    @Slot()
    def remove_current(self) -> None:
        row = self.campaignList.currentRow()
        if row >= 0:
            self.campaignList.takeItem(row)
        self._update()

    @Slot()
    def _update(self) -> None:
        row, count = self.campaignList.currentRow(), self.campaignList.count()
        self.upButton.setEnabled(row > 0)
        self.downButton.setEnabled(0 <= row < count - 1)
        self.removeButton.setEnabled(row >= 0)
        self.changed.emit()
