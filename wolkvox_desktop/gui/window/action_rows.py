"""Under the campaign list: what to act on (campaign ID and type, the name kept in the
list) and the actions, whose buttons say what they act on ("▶ Start 3302 · Cobranza Sur").

The *Start selected* / *Stop selected* buttons (``gui/bulk``) are placed right after Stop
when installed; :meth:`ActionRows.childEvent` puts them in the Tab order there too, and
while the window has a call in flight they stay disabled like every action button
(:meth:`ActionRows.hold_bulk`), whatever their own controls decide meanwhile.
"""

from __future__ import annotations

from PySide6.QtCore import QChildEvent, QCoreApplication, QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from wolkvox_desktop.gui import messages
from wolkvox_desktop.gui.window.action_target import Target
from wolkvox_desktop.gui.window.control import control
from wolkvox_desktop.gui.window.eliding import ElidingLabel, NamedButton

_translate = QCoreApplication.translate  # the window's context (see top_bar)

BULK_BUTTONS = ("startSelectedButton", "stopSelectedButton")


def start_head(campaign_id: str) -> str:
    if not campaign_id:
        return _translate("MainWindow", "▶ Start")
    return _translate("MainWindow", "▶ Start {0}").format(campaign_id)


def stop_head(campaign_id: str) -> str:
    if not campaign_id:
        return _translate("MainWindow", "■ Stop")
    return _translate("MainWindow", "■ Stop {0}").format(campaign_id)


class ActionRows(QWidget):
    """Public parts: ``campaignIdEdit``, ``typeCombo`` (item data ``predictive`` /
    ``preview``), ``campaignNameEdit``, ``addCampaignButton``, ``removeCampaignButton``,
    ``startButton``, ``stopButton`` (:class:`NamedButton`), ``busyBar``. Signals:
    ``bulkButtonsPlaced()`` (the bulk buttons are in the row and in the Tab order)."""

    bulkButtonsPlaced = Signal()
    _holding = False
    _disabling = False  # this object disables a bulk button: not their controls' choice
    _watching = False  # children added after the row is built (the bulk buttons) are placed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionRows")
        self._wanted: dict[str, bool] = {}  # what their controls want once the hold ends
        self.campaignIdLabel = QLabel(_translate("MainWindow", "Campaign &ID:"))
        self.campaignIdEdit = control(
            QLineEdit(), "campaignIdEdit", _translate("MainWindow", "Campaign ID"),
            _translate("MainWindow", "Filled from the selected campaign; type any ID to act on "
                       "a campaign that is not in the list. Enter starts it."),
        )
        self.campaignIdEdit.setPlaceholderText(_translate("MainWindow", "e.g. 3301"))
        self.campaignIdEdit.setMaxLength(64)
        self.campaignIdEdit.setMinimumWidth(90)
        self.campaignIdEdit.setMaximumWidth(200)  # the rest of the row goes to the name
        self.campaignIdLabel.setBuddy(self.campaignIdEdit)
        self.typeLabel = QLabel(_translate("MainWindow", "&Type:"))
        self.typeCombo = control(QComboBox(), "typeCombo",
                                 _translate("MainWindow", "Campaign type"))
        self.typeCombo.addItem(messages.campaign_type_label("predictive"), "predictive")
        self.typeCombo.addItem(messages.campaign_type_label("preview"), "preview")
        self.typeLabel.setBuddy(self.typeCombo)

        self.campaignNameLabel = QLabel(_translate("MainWindow", "&Name:"))
        self.campaignNameEdit = control(QLineEdit(), "campaignNameEdit",
                                        _translate("MainWindow", "Campaign name (for the list)"))
        self.campaignNameEdit.setPlaceholderText(
            _translate("MainWindow", "optional, for your list")
        )
        self.campaignNameEdit.setMinimumWidth(80)
        self.campaignNameLabel.setBuddy(self.campaignNameEdit)
        self.addCampaignButton = control(
            QPushButton(_translate("MainWindow", "&Add to list")), "addCampaignButton",
            _translate("MainWindow", "Add the campaign to the list"),
            _translate("MainWindow",
                       "Keep this campaign ID, name and type in your list (costs no token)"),
        )
        self.removeCampaignButton = control(
            QPushButton(_translate("MainWindow", "Remo&ve from list")), "removeCampaignButton",
            _translate("MainWindow", "Remove the selected campaign from the list"),
            _translate("MainWindow", "Only campaigns you added by hand can be removed"),
        )

        self.startButton = control(NamedButton(start_head("")), "startButton",
                                   _translate("MainWindow", "Start campaign"))
        self.stopButton = control(NamedButton(stop_head("")), "stopButton",
                                  _translate("MainWindow", "Stop campaign"))
        for named in (self.startButton, self.stopButton):  # they give way: "…"
            named.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.busyBar = control(QProgressBar(), "busyIndicator",
                               _translate("MainWindow", "Waiting for Wolkvox"))
        self.busyBar.setRange(0, 0)
        self.busyBar.setTextVisible(False)
        self.busyBar.setFixedSize(60, 12)
        self.busyBar.setVisible(False)
        policy = self.busyBar.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.busyBar.setSizePolicy(policy)
        # why Start and Stop are disabled, where the eye is (not only in their tooltips)
        self.reasonLabel = control(ElidingLabel(min_width=40), "actionReasonLabel",
                                   _translate("MainWindow", "Why the actions are disabled"))

        # row 1: what to act on, and what to keep in the list
        fields = QHBoxLayout()
        fields.addWidget(self.campaignIdLabel)
        fields.addWidget(self.campaignIdEdit, 1)
        fields.addWidget(self.typeLabel)
        fields.addWidget(self.typeCombo)
        fields.addSpacing(12)
        fields.addWidget(self.campaignNameLabel)
        fields.addWidget(self.campaignNameEdit, 2)
        fields.addWidget(self.addCampaignButton)
        fields.addWidget(self.removeCampaignButton)
        # row 2: the actions (the bulk buttons, when installed, go right after Stop)
        buttons = QHBoxLayout()
        buttons.setObjectName("actionButtonsLayout")
        buttons.addWidget(self.startButton)
        buttons.addWidget(self.stopButton)
        buttons.addWidget(self.busyBar)
        buttons.addWidget(self.reasonLabel, 1)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(6)
        rows.addLayout(fields)
        rows.addLayout(buttons)
        # from now on (not for the row's own children: asking an event for its child looks
        # up the child's most derived Python class, ~10 ms of type set-up before the first
        # frame)
        self._watching = True

    # ---- texts ----
    def show_target(self, target: Target, *, enabled: bool, in_flight: bool = False) -> None:
        """The buttons say what they act on, and act only on a campaign in view and with
        no call in flight (``in_flight``: a bulk run's, a plan's, another window's); the
        tooltips say it whole, with the keys."""
        self.startButton.set_target(start_head(target.campaign_id), target.name)
        self.stopButton.set_target(stop_head(target.campaign_id), target.name)
        label = target.label
        reason = ""
        if target.hidden:
            reason = _translate("MainWindow", "Campaign {0} is hidden by the filter.").format(
                target.campaign_id)
            start_tip = stop_tip = _translate(
                "MainWindow",
                "Campaign {0} is hidden by the filter: clear the filter or choose a campaign "
                "in the list.",
            ).format(target.campaign_id)
        elif not target.campaign_id:
            reason = _translate("MainWindow", "Choose a campaign in the list or type its ID.")
            start_tip = stop_tip = reason
        elif in_flight:
            reason = _translate("MainWindow", "A call for campaign {0} is in flight: wait "
                                "for its answer.").format(target.campaign_id)
            start_tip = stop_tip = reason
        elif label:
            start_tip = _translate("MainWindow", "Start {0} (Enter or Ctrl+Return)").format(label)
            stop_tip = _translate("MainWindow", "Stop {0} (Ctrl+Shift+Return)").format(label)
        else:
            start_tip = _translate("MainWindow", "Start the campaign (Enter or Ctrl+Return)")
            stop_tip = _translate("MainWindow", "Stop (pause) the campaign (Ctrl+Shift+Return)")
        for button, tip in ((self.startButton, start_tip), (self.stopButton, stop_tip)):
            button.setEnabled(enabled and not reason)
            button.setToolTip(tip)
        self.reasonLabel.setText(reason)
        self.reasonLabel.set_tooltip(start_tip if reason else "")
        self.startButton.setAccessibleDescription(self.startButton.full_text())
        self.stopButton.setAccessibleDescription(self.stopButton.full_text())

    def show_busy(self, actions: set[str]) -> None:
        """While a call is in flight its button says so (and names nothing else)."""
        if actions:
            self.reasonLabel.setText("")  # the busy bar says why
        if "start" in actions:
            self.startButton.set_target(_translate("MainWindow", "Starting…"))
        if "stop" in actions:
            self.stopButton.set_target(_translate("MainWindow", "Stopping…"))
        self.busyBar.setVisible(bool(actions))

    # ---- the bulk buttons join the Tab order after Stop ----
    def childEvent(self, event: QChildEvent) -> None:  # noqa: N802 - Qt API
        super().childEvent(event)
        if self._watching and event.type() == QEvent.Type.ChildAdded:
            child = event.child()
            if isinstance(child, QObject) and child.objectName() in BULK_BUTTONS:
                QTimer.singleShot(0, self._order_bulk_buttons)

    @Slot()
    def _order_bulk_buttons(self) -> None:
        previous: QWidget = self.stopButton
        for name in BULK_BUTTONS:
            button = self.findChild(QPushButton, name)
            if button is not None:
                QWidget.setTabOrder(previous, button)
                previous = button
                button.removeEventFilter(self)
                button.installEventFilter(self)
        self.hold_bulk(self._holding)
        self.bulkButtonsPlaced.emit()

    def bulk_buttons(self) -> list[QPushButton]:
        found = (self.findChild(QPushButton, name) for name in BULK_BUTTONS)
        return [b for b in found if b is not None]

    def hold_bulk(self, holding: bool) -> None:
        """While ``holding`` (a call in flight), the bulk buttons stay disabled; then they
        are as their controls last decided meanwhile."""
        was, self._holding = self._holding, holding
        if holding:
            for button in self.bulk_buttons():
                self._wanted.setdefault(button.objectName(), button.isEnabled())
                self._disable(button)
        elif was:
            for button in self.bulk_buttons():
                button.setEnabled(self._wanted.pop(button.objectName(), button.isEnabled()))

    def _disable(self, button: QPushButton) -> None:
        self._disabling = True
        try:
            button.setEnabled(False)
        finally:
            self._disabling = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (self._holding and not self._disabling and isinstance(watched, QPushButton)
                and event.type() == QEvent.Type.EnabledChange):
            self._wanted[watched.objectName()] = watched.isEnabled()  # their choice, for later
            if watched.isEnabled():
                self._disable(watched)  # not during a call
        return False
