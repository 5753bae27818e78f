"""The first page of a bulk run: what will be sent, in which order, and what it costs.

Signals: ``startClicked()``, ``dismissClicked()``, ``checkTokensClicked()``.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wolkvox_desktop.core.bulk import BulkItem, BulkPlan
from wolkvox_desktop.core.campaigns import Action
from wolkvox_desktop.gui import messages
from wolkvox_desktop.gui.bulk.budget import UsageLike, budget_state
from wolkvox_desktop.gui.bulk.parts import button_row, text_label
from wolkvox_desktop.gui.local_format import number
from wolkvox_desktop.gui.outcome_look import outcome_colour, status_icon


class ConfirmPage(QWidget):
    """Confirm once: the campaigns in order (those already in the wanted state marked and
    left out unless included), the token cost against what is left today, and a way to
    ask Wolkvox for its own count first."""

    startClicked = Signal()
    dismissClicked = Signal()
    checkTokensClicked = Signal()

    def __init__(self, action: Action, plan: BulkPlan | None, problem: str | None,
                 server_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = action
        self.plan = plan
        self.problem = problem
        self.server_label = server_label
        self.usage: UsageLike | None = None
        self.can_start = False  # the run's service is open and nothing else is in flight
        self.failure: tuple[str, str] | None = None  # (sentence, outcome): cannot start

        self.titleLabel = text_label(self, "bulkTitleLabel")
        font = self.titleLabel.font()
        font.setBold(True)
        self.titleLabel.setFont(font)

        self.campaignList = QListWidget(self)
        self.campaignList.setObjectName("bulkCampaignList")
        self.campaignList.setAccessibleName(
            self.tr("Campaigns in this run, in order"))
        self.campaignList.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.campaignList.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.campaignList.setMinimumHeight(90)

        self.includeInStateCheck = QCheckBox(self)
        self.includeInStateCheck.setObjectName("bulkIncludeInState")
        self.includeInStateCheck.toggled.connect(self.refresh)

        self.budgetLabel = text_label(self, "bulkBudgetLabel")
        self.checkTokensButton = QPushButton(
            self.tr("Check with Wolkvox (uses 1 token)"), self)
        self.checkTokensButton.setObjectName("bulkCheckTokensButton")
        self.checkTokensButton.setToolTip(
            self.tr(
                "Ask Wolkvox how many token uses it counts for today. This question itself "
                "costs one token."
            )
        )
        self.checkTokensButton.clicked.connect(self.checkTokensClicked)
        self.tokenInfoLabel = text_label(self, "bulkTokenInfoLabel")

        self.startButton = QPushButton(self)
        self.startButton.setObjectName("bulkStartButton")
        self.startButton.setDefault(True)
        self.startButton.clicked.connect(self.startClicked)
        self.dismissButton = QPushButton(self.tr("Cancel"), self)
        self.dismissButton.setObjectName("bulkDismissButton")
        self.dismissButton.clicked.connect(self.dismissClicked)
        for button in (self.checkTokensButton, self.dismissButton):
            button.setAutoDefault(False)

        tokens = QHBoxLayout()
        tokens.addWidget(self.checkTokensButton)
        tokens.addWidget(self.tokenInfoLabel, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.titleLabel)
        layout.addWidget(self.campaignList, 1)
        layout.addWidget(self.includeInStateCheck)
        layout.addWidget(self.budgetLabel)
        layout.addLayout(tokens)
        layout.addLayout(button_row(self.dismissButton, self.startButton))
        self.refresh()

    # ---------------------------------------------------------------- what the run is
    def current_plan(self) -> BulkPlan | None:
        if self.plan is None or not self.plan.items:
            return None
        return replace(self.plan, include_in_state=self.includeInStateCheck.isChecked())

    def set_usage(self, usage: UsageLike) -> None:
        self.usage = usage
        self.refresh()

    def set_can_start(self, can_start: bool) -> None:
        self.can_start = can_start
        self.refresh()

    def show_failure(self, sentence: str, outcome: str) -> None:
        """The run cannot start (no token, …): say why, in the outcome's colour."""
        self.failure = (sentence, outcome)
        self.refresh()

    def show_token_info(self, text: str) -> None:
        self.tokenInfoLabel.setText(text)

    @Slot()
    def refresh(self) -> None:
        plan = self.current_plan()
        if plan is None:
            self.dismissButton.setText(self.tr("Close"))
            self.titleLabel.setText(self.problem or self.tr("Nothing to do."))
            self.includeInStateCheck.setVisible(False)
            self.budgetLabel.setText("")
            self.startButton.setVisible(False)
            self.startButton.setEnabled(False)
            self.checkTokensButton.setVisible(False)
            return
        count = plan.cost
        nothing = count == 0  # every one already in that state: no "Start 0 campaigns"
        self.startButton.setVisible(not nothing)
        self.dismissButton.setText(self.tr("Close") if nothing else self.tr("Cancel"))
        if nothing:
            self.titleLabel.setText(
                self.tr("Nothing to do: the %Ln campaign(s) selected are already started.",
                        "", len(plan.items)) if self.action is Action.START
                else self.tr("Nothing to do: the %Ln campaign(s) selected are already "
                             "stopped.", "", len(plan.items)))
        elif self.action is Action.START:
            self.titleLabel.setText(self.tr(
                "Start %Ln campaign(s) on operation {server}, one after the other?", "", count
            ).format(server=self.server_label))
            self.startButton.setText(self.tr("Start %Ln campaign(s)", "", count))
        else:
            self.titleLabel.setText(self.tr(
                "Stop %Ln campaign(s) on operation {server}, one after the other?", "", count
            ).format(server=self.server_label))
            self.startButton.setText(self.tr("Stop %Ln campaign(s)", "", count))
        self._fill_list(plan)
        in_state = len(plan.in_state)
        self.includeInStateCheck.setVisible(in_state > 0)
        self.includeInStateCheck.setText(
            self.tr("Include the %Ln campaign(s) already started anyway", "",
                       in_state)
            if self.action is Action.START
            else self.tr("Include the %Ln campaign(s) already stopped anyway",
                            "", in_state)
        )
        self._show_budget(plan)

    def _fill_list(self, plan: BulkPlan) -> None:
        self.campaignList.clear()
        for item in plan.items:
            text = self._item_text(item)
            in_state = item.in_state(self.action)
            if in_state:
                text = f"{text} — {self._in_state_words(plan.include_in_state)}"
            row = QListWidgetItem(status_icon(item.known_status.value), text)
            row.setToolTip(text)
            if in_state and not plan.include_in_state:
                row.setForeground(outcome_colour("skipped"))
            self.campaignList.addItem(row)

    def _in_state_words(self, included: bool) -> str:
        if self.action is Action.START:
            return (self.tr("already started: included anyway") if included
                    else self.tr("already started: skipped"))
        return (self.tr("already stopped: included anyway") if included
                else self.tr("already stopped: skipped"))

    @staticmethod
    def _item_text(item: BulkItem) -> str:
        parts = [item.campaign_id]
        if item.name:
            parts.append(item.name)
        parts.append(messages.campaign_type_label(item.campaign_type.value))
        return " · ".join(parts)

    def _show_budget(self, plan: BulkPlan) -> None:
        usage = self.usage
        ready = usage is not None and self.can_start and self.failure is None
        self.startButton.setEnabled(ready and plan.cost > 0)
        self.checkTokensButton.setVisible(True)
        self.checkTokensButton.setEnabled(ready)
        self.budgetLabel.setStyleSheet("")
        if self.failure is not None:
            sentence, outcome = self.failure
            self.budgetLabel.setText(sentence)
            self.budgetLabel.setStyleSheet(f"color: {outcome_colour(outcome).name()};")
            return
        if plan.cost == 0:
            self.checkTokensButton.setVisible(False)
            self.budgetLabel.setText(
                self.tr("Nothing will be sent, and no token is used. To send the calls "
                        "anyway, tick the box above."))
            return
        if usage is None:
            self.budgetLabel.setText(self.tr("Counting today's token use…"))
            return
        remaining = max(0, usage.budget - usage.used)
        text = self.tr(
            "Cost: %Ln token(s), one per campaign. Today {used} of {budget} are used; "
            "{remaining} left.", "", plan.cost,
        ).format(used=number(usage.used), budget=number(usage.budget),
                 remaining=number(remaining))
        state = budget_state(usage, plan.cost)
        colour = ""
        if state == "over":
            text += " " + self.tr(
                "⚠ This run would pass today's budget: you will be asked to confirm."
            )
            colour = outcome_colour("refused").name()
        elif state == "warn":
            percent = round(100 * (usage.used + plan.cost) / max(1, usage.budget))
            text += " " + self.tr(
                "⚠ After this run {percent} % of today's budget will be used."
            ).format(percent=number(percent))
            colour = outcome_colour("undelivered").name()
        if getattr(usage, "uncertain", False):  # core.service.Usage after a rebuild
            text += " " + self.tr(
                "⚠ Today's use is at least that, not exactly: the data file was rebuilt today "
                "and part of today's history could not be read. Start only if you know the "
                "budget allows it."
            )
            colour = colour or outcome_colour("undelivered").name()
        self.budgetLabel.setText(text)
        self.budgetLabel.setStyleSheet(f"color: {colour};" if colour else "")
