"""The question after a failed call: skip the campaign, retry it, or stop the run.

Nothing is retried by itself. An ``unknown`` outcome may have happened at Wolkvox, so it
follows the window's one rule (:mod:`~wolkvox_desktop.gui.resend_question`): *Check now*
(the campaign list, one token) says whether it happened, and *Send again…* asks first until
a check has said what the campaign's status is. A refusal that every other campaign would
meet too (the token's daily limit, today's budget, a token Wolkvox does not accept) offers
no *Skip*: the run can only be retried or stopped.

Signals: ``skipClicked()``, ``retryClicked(bool confirmed_unknown)``, ``abortClicked()``,
``checkClicked()``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wolkvox_desktop.core.campaigns import Action
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.gui import messages
from wolkvox_desktop.gui.bulk.parts import text_label
from wolkvox_desktop.gui.outcome_look import look

#: refusals about the token or the operation, not the campaign: the next one meets them too
EVERY_CAMPAIGN = frozenset({
    Reason.DAILY_LIMIT, Reason.BUDGET_EXHAUSTED, Reason.INVALID_TOKEN, Reason.MISSING_TOKEN,
    Reason.NO_TOKEN, Reason.TEST_SERVER_NEEDS_TOKEN, Reason.BAD_API_BASE,
    Reason.BAD_SERVER_CODE, Reason.SLOT_UNAVAILABLE,
})


class PauseBox(QGroupBox):
    skipClicked = Signal()
    retryClicked = Signal(bool)
    abortClicked = Signal()
    checkClicked = Signal()

    def __init__(self, action: Action, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkPauseBox")
        self.setTitle(self.tr("The run is paused"))
        self.action = action
        self.result: CallResult | None = None
        self.campaign = ""
        self.checked_status: str | None = None  # what a Check now found ("started"…)
        self.checking = False
        self.label = text_label(self, "bulkPauseLabel")
        self.checkLabel = text_label(self, "bulkCheckLabel")
        self.checkButton = self._button("bulkCheckNowButton", self.tr("Check now (1 token)"))
        self.checkButton.setToolTip(self.tr(
            "Ask Wolkvox for the campaign list (one call, one token): it says whether the "
            "call happened."))
        self.skipButton = self._button("bulkSkipButton", self.tr("Skip it"))
        self.retryButton = self._button("bulkRetryButton", self.tr("Retry this one"))
        self.abortButton = self._button("bulkAbortButton", self.tr("Abort the run"))
        self.checkButton.clicked.connect(self.checkClicked)
        self.skipButton.clicked.connect(self.skipClicked)
        self.retryButton.clicked.connect(self._retry)
        self.abortButton.clicked.connect(self.abortClicked)

        buttons = QHBoxLayout()
        buttons.addWidget(self.checkButton)
        buttons.addWidget(self.skipButton)
        buttons.addWidget(self.retryButton)
        buttons.addStretch(1)
        buttons.addWidget(self.abortButton)
        column = QVBoxLayout(self)
        column.addWidget(self.label)
        column.addWidget(self.checkLabel)
        column.addLayout(buttons)
        self.setVisible(False)

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        return button

    @property
    def unknown(self) -> bool:
        return self.result is not None and self.result.outcome is Outcome.UNKNOWN

    @property
    def needs_confirmation(self) -> bool:
        """Sending again asks first: the outcome is unknown and no check has told since."""
        return self.unknown and self.checked_status is None

    @property
    def every_campaign(self) -> bool:
        """The refusal is about the token or the operation: skipping leads to the same."""
        return self.result is not None and self.result.reason in EVERY_CAMPAIGN

    def ask(self, campaign: str, result: CallResult) -> None:
        """Show the failed call and wait for the supervisor's decision."""
        self.result = result
        self.campaign = campaign
        self.checked_status = None
        self.checking = False
        shape = look(result.outcome.value)
        self.setTitle(
            self.tr("Paused on campaign {campaign}: {outcome}").format(
                campaign=campaign, outcome=f"{shape.glyph} {shape.text}")
        )
        sentence = messages.describe(result, self.action.value, campaign)
        if self.every_campaign:
            sentence += " " + self.tr(
                "Every other campaign of the run would meet the same refusal, so there is "
                "nothing to skip to: stop the run (the campaigns not sent are listed in the "
                "summary), or retry once it is settled.")
        self.label.setText(sentence)
        self.label.setStyleSheet(f"color: {shape.color.name()};")
        self.checkLabel.setText("")
        self.checkLabel.setVisible(False)
        self.skipButton.setVisible(not self.every_campaign)
        self.retryButton.setText(self.tr("Send again…") if self.unknown
                                 else self.tr("Retry this one"))
        self._refresh()
        self.setVisible(True)
        (self.abortButton if self.every_campaign
         else self.checkButton if self.unknown else self.skipButton).setFocus()

    def show_checking(self) -> None:
        self.checking = True
        self.checkLabel.setText(self.tr("Asking Wolkvox for the campaign list…"))
        self.checkLabel.setStyleSheet("")
        self.checkLabel.setVisible(True)
        self._refresh()

    def show_check(self, result: CallResult, status: str | None) -> None:
        """What Check now found: the campaign's status (``started``/``stopped``/``None``
        when it is not in the list), or why the list could not be had."""
        self.checking = False
        wanted = "started" if self.action is Action.START else "stopped"
        if not result.ok:
            text = self.tr("The list could not be checked: {why}").format(
                why=messages.describe(result, "campaigns"))
            colour = look(result.outcome.value).color.name()
        elif status is None:
            text = self.tr("Campaign {campaign} is not in Wolkvox's list: its status is "
                           "still unknown.").format(campaign=self.campaign)
            colour = look("unknown").color.name()
        else:
            self.checked_status = status
            if status == wanted:
                text = (self.tr("Wolkvox lists campaign {campaign} as started: the call did "
                                "happen. Skip it and go on.") if wanted == "started"
                        else self.tr("Wolkvox lists campaign {campaign} as stopped: the call "
                                     "did happen. Skip it and go on.")
                        ).format(campaign=self.campaign)
                colour = look("ok").color.name()
            else:
                text = (self.tr("Wolkvox lists campaign {campaign} as stopped: the start did "
                                "not happen. Send again sends it now.") if wanted == "started"
                        else self.tr("Wolkvox lists campaign {campaign} as started: the stop "
                                     "did not happen. Send again sends it now.")
                        ).format(campaign=self.campaign)
                colour = look("invalid").color.name()
        self.checkLabel.setText(text)
        self.checkLabel.setStyleSheet(f"color: {colour};")
        self.checkLabel.setVisible(True)
        self._refresh()
        done = self.checked_status == wanted
        (self.skipButton if done and self.skipButton.isVisible() else self.retryButton
         ).setFocus()

    def leave(self) -> None:
        self.result = None
        self.checking = False
        self.setVisible(False)

    @Slot()
    def _refresh(self) -> None:
        idle = self.result is not None and not self.checking
        self.checkButton.setVisible(self.unknown)
        self.checkButton.setEnabled(idle)
        self.skipButton.setEnabled(idle)
        self.retryButton.setEnabled(idle)
        self.abortButton.setEnabled(not self.checking)
        self.retryButton.setToolTip(
            self.tr("It may have happened already: you are asked first, and Check now can "
                    "tell.") if self.needs_confirmation else "")

    @Slot()
    def _retry(self) -> None:
        """Retry; an unknown outcome not checked since asks first (the dialog does)."""
        if self.result is None or self.checking:
            return
        self.retryClicked.emit(not self.needs_confirmation)
