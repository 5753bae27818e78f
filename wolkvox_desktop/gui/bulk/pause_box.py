"""The question after a failed call: skip the campaign, retry it, or stop the run.

Nothing is retried by itself. An ``unknown`` outcome may have happened at Wolkvox, so
*Retry* stays disabled until the supervisor ticks that they checked the campaign.

Signals: ``skipClicked()``, ``retryClicked(bool confirmed_unknown)``, ``abortClicked()``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wolkvox_desktop.core.campaigns import Action
from wolkvox_desktop.core.errors import CallResult, Outcome
from wolkvox_desktop.gui import messages
from wolkvox_desktop.gui.bulk.parts import text_label
from wolkvox_desktop.gui.outcome_look import look


class PauseBox(QGroupBox):
    skipClicked = Signal()
    retryClicked = Signal(bool)
    abortClicked = Signal()

    def __init__(self, action: Action, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkPauseBox")
        self.setTitle(self.tr("The run is paused"))
        self.action = action
        self.result: CallResult | None = None
        self.label = text_label(self, "bulkPauseLabel")
        self.unknownConfirmCheck = QCheckBox(
            self.tr("I checked this campaign in Wolkvox: retry it anyway"), self
        )
        self.unknownConfirmCheck.setObjectName("bulkUnknownConfirmCheck")
        self.unknownConfirmCheck.toggled.connect(self._refresh_retry)
        self.skipButton = self._button("bulkSkipButton", self.tr("Skip it"))
        self.retryButton = self._button("bulkRetryButton",
                                        self.tr("Retry this one"))
        self.abortButton = self._button("bulkAbortButton",
                                        self.tr("Abort the run"))
        self.skipButton.clicked.connect(self.skipClicked)
        self.retryButton.clicked.connect(self._retry)
        self.abortButton.clicked.connect(self.abortClicked)

        buttons = QHBoxLayout()
        buttons.addWidget(self.skipButton)
        buttons.addWidget(self.retryButton)
        buttons.addStretch(1)
        buttons.addWidget(self.abortButton)
        column = QVBoxLayout(self)
        column.addWidget(self.label)
        column.addWidget(self.unknownConfirmCheck)
        column.addLayout(buttons)
        self.setVisible(False)

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        return button

    @property
    def needs_confirmation(self) -> bool:
        return self.result is not None and self.result.outcome is Outcome.UNKNOWN

    def ask(self, campaign: str, result: CallResult) -> None:
        """Show the failed call and wait for the supervisor's decision."""
        self.result = result
        shape = look(result.outcome.value)
        self.setTitle(
            self.tr("Paused on campaign {campaign}: {outcome}").format(
                campaign=campaign, outcome=f"{shape.glyph} {shape.text}")
        )
        self.label.setText(messages.describe(result, self.action.value, campaign))
        self.label.setStyleSheet(f"color: {shape.color.name()};")
        self.unknownConfirmCheck.setChecked(False)
        self.unknownConfirmCheck.setVisible(self.needs_confirmation)
        self._refresh_retry()
        self.setVisible(True)
        self.skipButton.setFocus()

    def leave(self) -> None:
        self.result = None
        self.setVisible(False)

    @Slot()
    def _refresh_retry(self) -> None:
        needs_check = self.needs_confirmation
        self.retryButton.setEnabled(
            self.result is not None and (not needs_check or self.unknownConfirmCheck.isChecked())
        )
        self.retryButton.setToolTip(
            self.tr(
                "It may have happened already: tick the box once you have checked the "
                "campaign in Wolkvox.",
            ) if needs_check else ""
        )

    @Slot()
    def _retry(self) -> None:
        confirmed = self.unknownConfirmCheck.isChecked()
        if self.result is None or (self.needs_confirmation and not confirmed):
            return  # the button is disabled then; never retry an unknown without it
        self.retryClicked.emit(confirmed)
