"""The second page of a bulk run: how far it is, each campaign's outcome as it arrives,
the pause question after a failure, and the summary at the end.

How far it is counts the calls sent out of the calls to send ("7 of 19 sent — stopped"):
the bar is full only when every one was sent; campaigns already in the wanted state are
apart (never called), and a call in flight counts once its answer is in.

Signals: ``stopClicked()`` (asks first, see :mod:`.close_question`), ``closeClicked()``;
the pause box's own (``pauseBox.skipClicked`` …).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wolkvox_desktop.core.bulk import BulkItem, BulkPlan
from wolkvox_desktop.core.bulk_run import BulkSummary
from wolkvox_desktop.core.campaigns import Action
from wolkvox_desktop.core.errors import CallResult
from wolkvox_desktop.gui.bulk.parts import button_row, text_label
from wolkvox_desktop.gui.bulk.pause_box import PauseBox
from wolkvox_desktop.gui.bulk.results_table import ResultsTable
from wolkvox_desktop.gui.bulk.summary import RunCounts, SummaryBox, campaign_label, sent_so_far
from wolkvox_desktop.gui.local_format import number


class ProgressPage(QWidget):
    stopClicked = Signal()
    closeClicked = Signal()

    def __init__(self, action: Action, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = action
        self.stopping = False
        self.progressLabel = QLabel(self)
        self.progressLabel.setObjectName("bulkProgressLabel")
        self.progressBar = QProgressBar(self)
        self.progressBar.setObjectName("bulkProgressBar")
        self.progressBar.setAccessibleName(self.tr("Campaigns sent"))
        self.currentLabel = text_label(self, "bulkCurrentLabel")
        self.resultsTable = ResultsTable(action, self)
        self.pauseBox = PauseBox(action, self)
        self.summaryBox = SummaryBox(self)
        self.summaryBox.setVisible(False)

        self.stopButton = QPushButton(self.tr("Stop the run…"), self)
        self.stopButton.setObjectName("bulkCancelButton")
        self.stopButton.setToolTip(self.tr(
            "Stop before the next campaign; a call already sent finishes first."))
        self.stopButton.setAutoDefault(False)
        self.stopButton.clicked.connect(self.stopClicked)
        self.closeButton = QPushButton(self.tr("Close"), self)
        self.closeButton.setObjectName("bulkCloseButton")
        self.closeButton.setVisible(False)
        self.closeButton.clicked.connect(self.closeClicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progressLabel)
        layout.addWidget(self.progressBar)
        layout.addWidget(self.currentLabel)
        layout.addWidget(self.resultsTable, 1)
        layout.addWidget(self.pauseBox)
        layout.addWidget(self.summaryBox)
        layout.addLayout(button_row(self.stopButton, self.closeButton))

    def begin(self, plan: BulkPlan) -> None:
        self.resultsTable.set_plan(plan)
        self.progressBar.setRange(0, max(1, plan.cost))
        self.progressBar.setValue(0)
        self.currentLabel.setText(self.tr("Starting…"))

    def show_progress(self, summary: BulkSummary) -> None:
        now = sent_so_far(summary)
        self.progressBar.setRange(0, max(1, now.to_send))
        self.progressBar.setValue(now.sent)
        text = self.tr("{sent} of %Ln campaign(s) sent", "", now.to_send).format(
            sent=number(now.sent))
        if now.stopped:
            text += " — " + self.tr("stopped")
        if now.in_state:
            text += " · " + (self.tr("%Ln already started: not called", "", now.in_state)
                             if self.action is Action.START
                             else self.tr("%Ln already stopped: not called", "", now.in_state))
        self.progressLabel.setText(text)

    def show_calling(self, item: BulkItem) -> None:
        label = campaign_label(item)
        if self.action is Action.START:
            text = self.tr("Starting {campaign}…").format(campaign=label)
        else:
            text = self.tr("Stopping {campaign}…").format(campaign=label)
        if self.stopping:
            text += " " + self.tr("(the rest is cancelled)")
        self.currentLabel.setText(text)

    def show_paused(self, item: BulkItem, result: CallResult) -> None:
        self.pauseBox.ask(item.campaign_id, result)
        self.stopButton.setEnabled(False)  # the pause box has its own "Abort the run"
        self.currentLabel.setText(self.tr("Waiting for your decision."))

    def leave_pause(self) -> None:
        self.pauseBox.leave()
        self.stopButton.setEnabled(not self.stopping)

    def show_stopping(self) -> None:
        self.stopping = True
        self.pauseBox.leave()
        self.stopButton.setEnabled(False)
        self.stopButton.setText(self.tr("Stopping after the current call…"))

    def show_summary(self, summary: BulkSummary) -> RunCounts:
        self.resultsTable.apply_summary(summary)
        self.show_progress(summary)
        self.pauseBox.leave()
        self.stopButton.setVisible(False)
        self.closeButton.setVisible(True)
        self.closeButton.setDefault(True)
        self.closeButton.setFocus()
        self.currentLabel.setText(
            self.tr("Stopped.") if summary.progress.cancelled
            else self.tr("Finished.")
        )
        self.summaryBox.setVisible(True)
        return self.summaryBox.show_summary(summary)
