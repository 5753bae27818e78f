"""Bulk start/stop: the confirmation, the progress view, the pause question and the summary.

Also :func:`confirm_over_budget` (ask before a call that would pass today's token budget).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import (
    QCloseEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wolkvox_desktop.core.bulk import BulkItem, BulkPlan, BulkSummary, ItemState, plan_bulk
from wolkvox_desktop.core.campaigns import Action, Campaign
from wolkvox_desktop.core.errors import CallResult, InvalidInput, Outcome, Reason
from wolkvox_desktop.core.limits import WARN_FRACTION
from wolkvox_desktop.gui import messages
from wolkvox_desktop.gui.bulk_runner import (
    BulkRunner,
    ServiceCloser,
    ServiceFactory,
    worker_service_opener,
)
from wolkvox_desktop.gui.outcome_look import look as outcome_look
from wolkvox_desktop.gui.outcome_look import (
    outcome_colour,
    outcome_icon,
    status_icon,
)

# ---------------------------------------------------------------- token budget


class UsageLike(Protocol):
    """``core.service.Usage`` (today's uses against the budget)."""

    @property
    def used(self) -> int: ...

    @property
    def budget(self) -> int: ...


def budget_state(usage: UsageLike, calls: int) -> str:
    """``"ok"``, ``"warn"`` (the run takes today's use to 80 % or more) or ``"over"``
    (the run would pass 100 %)."""
    after = usage.used + max(0, calls)
    if after > usage.budget:
        return "over"
    if after >= usage.budget * WARN_FRACTION:
        return "warn"
    return "ok"


def confirm_over_budget(parent: QWidget | None, usage: UsageLike, calls: int) -> bool:
    """Ask before calls that would pass today's token budget; ``True`` means go ahead.

    Returns ``True`` at once (no question) when ``calls`` more calls stay within the
    budget, so the main window can call it before every single action without slowing the
    supervisor down. When they would pass it, a warning names the figures and the default
    answer is *Cancel*.
    """
    if budget_state(usage, calls) != "over":
        return True
    box = QMessageBox(parent)
    box.setObjectName("overBudgetBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("BulkDialog", "Token budget"))
    remaining = max(0, usage.budget - usage.used)
    box.setText(
        QCoreApplication.translate(
            "BulkDialog",
            "This needs {calls} token(s) but only {remaining} of today's {budget} are "
            "left ({used} used).",
        ).format(calls=calls, remaining=remaining, budget=usage.budget, used=usage.used)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "BulkDialog",
            "Past the budget Wolkvox may refuse calls (TOKEN LIMIT EXCEEDED) for the rest "
            "of the day, for everyone using this token. Go over the budget anyway?",
        )
    )
    go = box.addButton(
        QCoreApplication.translate("BulkDialog", "Go over the budget"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    go.setObjectName("overBudgetGoButton")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("overBudgetCancelButton")
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is go


# ---------------------------------------------------------------- the dialog


def _as_plan_input(entry: object) -> object:
    """A ``SavedCampaign`` becomes its ``Campaign`` (plan_bulk takes campaigns/items)."""
    campaign = getattr(entry, "campaign", None)
    return campaign if isinstance(campaign, Campaign) else entry


class BulkDialog(QDialog):
    """Start or stop several campaigns: confirm once, then watch each outcome arrive.

    Non-modal: the main window stays usable during the run (its calls share the token gate
    with this run). The run itself happens in a :class:`BulkRunner` thread; this dialog
    never waits on it. Pages: *confirm* (what, how many, the token cost against what is
    left today, campaigns already in the wanted state), then *progress* (done/total, the
    current campaign, each row's outcome, Cancel between calls, the pause question on a
    failure, and the summary at the end).

    Signals (GUI thread, after the dialog has shown the news): ``itemStarted(int, str)``,
    ``itemFinished(int, object CallResult)``, ``runPaused(int, object CallResult)``,
    ``runFinished(object BulkSummary)``, ``usageChanged(object Usage)``,
    ``tokenInfoShown(object CallResult)``, ``openFailed(object CallResult)``.
    """

    itemStarted = Signal(int, str)
    itemFinished = Signal(int, object)
    runPaused = Signal(int, object)
    runFinished = Signal(object)
    usageChanged = Signal(object)
    tokenInfoShown = Signal(object)
    openFailed = Signal(object)

    COL_ID, COL_NAME, COL_OUTCOME, COL_DETAIL = range(4)

    def __init__(
        self,
        action: Action,
        campaigns: Sequence[object],
        open_service: ServiceFactory,
        parent: QWidget | None = None,
        *,
        close_service: ServiceCloser | None = None,
        server_label: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bulkDialog")
        self.setModal(False)
        self.action = Action(action)
        self.server_label = server_label
        self._usage: UsageLike | None = None
        self._summary: BulkSummary | None = None
        self._running = False
        self._finished = False
        self._paused_index: int | None = None
        self._paused_result: CallResult | None = None
        self._cancel_requested = False
        self._states: list[str] = []
        self.plan_error: str | None = None
        try:
            self.plan: BulkPlan | None = plan_bulk(
                self.action, [_as_plan_input(c) for c in campaigns]  # type: ignore[misc]
            )
        except InvalidInput as exc:
            self.plan = None
            self.plan_error = exc.message  # English, but it names the campaign at fault
        self.setWindowTitle(
            self.tr("Start campaigns") if self.action is Action.START else self.tr("Stop campaigns")
        )

        self.pages = QStackedWidget(self)
        self.confirmPage = self._build_confirm_page()
        self.progressPage = self._build_progress_page()
        self.pages.addWidget(self.confirmPage)
        self.pages.addWidget(self.progressPage)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.resize(640, 520)

        self.runner: BulkRunner | None = None
        if self.plan is not None and self.plan.items:
            self.runner = BulkRunner(open_service, close_service=close_service)
            self.runner.ready.connect(self._on_ready)
            self.runner.openFailed.connect(self._on_open_failed)
            self.runner.itemStarted.connect(self._on_item_started)
            self.runner.itemFinished.connect(self._on_item_finished)
            self.runner.paused.connect(self._on_paused)
            self.runner.finished.connect(self._on_finished)
            self.runner.tokenInfo.connect(self._on_token_info)
            self.runner.usageChanged.connect(self._on_usage_changed)
            _register(self)
            self.runner.start()
        self._refresh_confirm()

    # ---------------------------------------------------------------- confirm page
    def _build_confirm_page(self) -> QWidget:
        page = QWidget(self)
        self.titleLabel = QLabel(page)
        self.titleLabel.setObjectName("bulkTitleLabel")
        self.titleLabel.setWordWrap(True)
        font = self.titleLabel.font()
        font.setBold(True)
        self.titleLabel.setFont(font)

        self.campaignList = QListWidget(page)
        self.campaignList.setObjectName("bulkCampaignList")
        self.campaignList.setAccessibleName(self.tr("Campaigns in this run, in order"))
        self.campaignList.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.campaignList.setMinimumHeight(90)

        self.includeInStateCheck = QCheckBox(page)
        self.includeInStateCheck.setObjectName("bulkIncludeInState")
        self.includeInStateCheck.toggled.connect(self._refresh_confirm)

        self.budgetLabel = QLabel(page)
        self.budgetLabel.setObjectName("bulkBudgetLabel")
        self.budgetLabel.setWordWrap(True)
        self.budgetLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.checkTokensButton = QPushButton(self.tr("Check with Wolkvox (uses 1 token)"), page)
        self.checkTokensButton.setObjectName("bulkCheckTokensButton")
        self.checkTokensButton.setToolTip(
            self.tr(
                "Ask Wolkvox how many token uses it counts for today. This question itself "
                "costs one token."
            )
        )
        self.checkTokensButton.setAutoDefault(False)
        self.checkTokensButton.setEnabled(False)
        self.checkTokensButton.clicked.connect(self._check_tokens)
        self.tokenInfoLabel = QLabel(page)
        self.tokenInfoLabel.setObjectName("bulkTokenInfoLabel")
        self.tokenInfoLabel.setWordWrap(True)
        self.tokenInfoLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.startButton = QPushButton(page)
        self.startButton.setObjectName("bulkStartButton")
        self.startButton.setEnabled(False)
        self.startButton.setDefault(True)
        self.startButton.clicked.connect(self.confirm_and_start)
        self.dismissButton = QPushButton(self.tr("Cancel"), page)
        self.dismissButton.setObjectName("bulkDismissButton")
        self.dismissButton.setAutoDefault(False)
        self.dismissButton.clicked.connect(self.reject)

        tokens = QHBoxLayout()
        tokens.addWidget(self.checkTokensButton)
        tokens.addWidget(self.tokenInfoLabel, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.dismissButton)
        buttons.addWidget(self.startButton)

        layout = QVBoxLayout(page)
        layout.addWidget(self.titleLabel)
        layout.addWidget(self.campaignList, 1)
        layout.addWidget(self.includeInStateCheck)
        layout.addWidget(self.budgetLabel)
        layout.addLayout(tokens)
        layout.addLayout(buttons)
        return page

    def _in_state_words(self) -> str:
        if self.action is Action.START:
            return self.tr("already started: skipped")
        return self.tr("already stopped: skipped")

    def _item_text(self, item: BulkItem) -> str:
        parts = [item.campaign_id]
        if item.name:
            parts.append(item.name)
        parts.append(messages.campaign_type_label(item.campaign_type.value))
        return " · ".join(parts)

    @Slot()
    def _refresh_confirm(self) -> None:
        plan = self.current_plan()
        if plan is None:
            self.titleLabel.setText(self.plan_error or self.tr("Nothing to do."))
            self.includeInStateCheck.setVisible(False)
            self.budgetLabel.setText("")
            self.startButton.setText(self.tr("Start"))
            self.startButton.setEnabled(False)
            self.checkTokensButton.setVisible(False)
            return
        count = plan.cost
        where = (
            self.tr(" on operation {server}").format(server=self.server_label)
            if self.server_label else ""
        )
        if self.action is Action.START:
            self.titleLabel.setText(
                self.tr("Start {count} campaign(s){where}, one after the other?").format(
                    count=count, where=where)
            )
            self.startButton.setText(self.tr("Start {count} campaign(s)").format(count=count))
        else:
            self.titleLabel.setText(
                self.tr("Stop {count} campaign(s){where}, one after the other?").format(
                    count=count, where=where)
            )
            self.startButton.setText(self.tr("Stop {count} campaign(s)").format(count=count))

        self.campaignList.clear()
        for item in plan.items:
            text = self._item_text(item)
            in_state = item.in_state(self.action)
            if in_state:
                suffix = self._in_state_words() if not plan.include_in_state else (
                    self.tr("already started: included anyway")
                    if self.action is Action.START
                    else self.tr("already stopped: included anyway")
                )
                text = f"{text} — {suffix}"
            row = QListWidgetItem(text)
            if in_state:
                row.setIcon(status_icon(item.known_status.value))
                if not plan.include_in_state:
                    row.setForeground(outcome_colour("skipped"))
            self.campaignList.addItem(row)

        in_state_count = len(plan.in_state)
        self.includeInStateCheck.setVisible(in_state_count > 0)
        if self.action is Action.START:
            self.includeInStateCheck.setText(
                self.tr("Include the {count} campaign(s) already started anyway").format(
                    count=in_state_count)
            )
        else:
            self.includeInStateCheck.setText(
                self.tr("Include the {count} campaign(s) already stopped anyway").format(
                    count=in_state_count)
            )
        self._refresh_budget(plan)

    def _refresh_budget(self, plan: BulkPlan) -> None:
        usage = self._usage
        ready = usage is not None and not self._running and not self._finished
        self.startButton.setEnabled(ready and plan.cost > 0)
        self.checkTokensButton.setEnabled(ready)
        if plan.cost == 0:
            self.budgetLabel.setText(
                self.tr("Every campaign is already in that state: nothing will be sent.")
            )
            return
        if usage is None:
            self.budgetLabel.setText(self.tr("Counting today's token use…"))
            return
        state = budget_state(usage, plan.cost)
        remaining = max(0, usage.budget - usage.used)
        text = self.tr(
            "Cost: {cost} token(s), one per campaign. Today {used} of {budget} are used; "
            "{remaining} left."
        ).format(cost=plan.cost, used=usage.used, budget=usage.budget, remaining=remaining)
        if state == "over":
            text += " " + self.tr(
                "⚠ This run would pass today's budget: you will be asked to confirm."
            )
            colour = outcome_colour("refused").name()
        elif state == "warn":
            after = usage.used + plan.cost
            percent = int(round(100 * after / max(1, usage.budget)))
            text += " " + self.tr(
                "⚠ After this run {percent} % of today's budget will be used."
            ).format(percent=percent)
            colour = outcome_colour("undelivered").name()
        else:
            colour = ""
        self.budgetLabel.setText(text)
        self.budgetLabel.setStyleSheet(f"color: {colour};" if colour else "")

    def current_plan(self) -> BulkPlan | None:
        if self.plan is None or not self.plan.items:
            return None
        return replace(self.plan, include_in_state=self.includeInStateCheck.isChecked())

    @Slot(object)
    def _on_ready(self, usage: UsageLike) -> None:
        self._usage = usage
        self._refresh_confirm()

    @Slot(object)
    def _on_open_failed(self, result: CallResult) -> None:
        sentence = messages.describe(result)
        self.budgetLabel.setText(sentence)
        self.budgetLabel.setStyleSheet(
            f"color: {outcome_colour(result.outcome.value).name()};"
        )
        self.startButton.setEnabled(False)
        self.checkTokensButton.setEnabled(False)
        self.openFailed.emit(result)

    @Slot(object)
    def _on_usage_changed(self, usage: UsageLike) -> None:
        self._usage = usage
        self.usageChanged.emit(usage)
        if not self._running and not self._finished:
            self._refresh_confirm()

    @Slot()
    def _check_tokens(self) -> None:
        if self.runner is None:
            return
        self.checkTokensButton.setEnabled(False)
        self.tokenInfoLabel.setText(self.tr("Asking Wolkvox…"))
        self.runner.checkTokens()

    @Slot(object)
    def _on_token_info(self, result: CallResult) -> None:
        self.tokenInfoLabel.setText(messages.token_info_sentence(result))
        self.checkTokensButton.setEnabled(not self._running and not self._finished)
        self.tokenInfoShown.emit(result)

    @Slot()
    def confirm_and_start(self) -> bool:
        """The Start button: ask once more if the run would pass today's budget, then go."""
        plan = self.current_plan()
        if plan is None or self.runner is None or self._usage is None or self._running:
            return False
        if plan.cost == 0:
            return False
        over = budget_state(self._usage, plan.cost) == "over"
        if over and not confirm_over_budget(self, self._usage, plan.cost):
            return False
        self._start_run(plan, allow_over_budget=over)
        return True

    # ---------------------------------------------------------------- progress page
    def _build_progress_page(self) -> QWidget:
        page = QWidget(self)
        self.progressLabel = QLabel(page)
        self.progressLabel.setObjectName("bulkProgressLabel")
        self.progressBar = QProgressBar(page)
        self.progressBar.setObjectName("bulkProgressBar")
        self.progressBar.setAccessibleName(self.tr("Campaigns done"))
        self.currentLabel = QLabel(page)
        self.currentLabel.setObjectName("bulkCurrentLabel")
        self.currentLabel.setWordWrap(True)

        self.resultsTable = QTableWidget(0, 4, page)
        self.resultsTable.setObjectName("bulkResultsTable")
        self.resultsTable.setAccessibleName(self.tr("Outcome of each campaign"))
        self.resultsTable.setHorizontalHeaderLabels(
            [self.tr("Campaign"), self.tr("Name"), self.tr("Outcome"), self.tr("What it means")]
        )
        self.resultsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.resultsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.resultsTable.verticalHeader().setVisible(False)
        self.resultsTable.horizontalHeader().setStretchLastSection(True)
        self.resultsTable.setWordWrap(False)
        self.resultsTable.setTextElideMode(Qt.TextElideMode.ElideRight)

        self.pauseBox = QGroupBox(self.tr("The run is paused"), page)
        self.pauseBox.setObjectName("bulkPauseBox")
        self.pauseLabel = QLabel(self.pauseBox)
        self.pauseLabel.setObjectName("bulkPauseLabel")
        self.pauseLabel.setWordWrap(True)
        self.pauseLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.unknownConfirmCheck = QCheckBox(
            self.tr("I checked this campaign in Wolkvox: retry it anyway"), self.pauseBox
        )
        self.unknownConfirmCheck.setObjectName("bulkUnknownConfirmCheck")
        self.unknownConfirmCheck.toggled.connect(self._refresh_pause_buttons)
        self.skipButton = QPushButton(self.tr("Skip it"), self.pauseBox)
        self.skipButton.setObjectName("bulkSkipButton")
        self.skipButton.clicked.connect(self.skip)
        self.retryButton = QPushButton(self.tr("Retry this one"), self.pauseBox)
        self.retryButton.setObjectName("bulkRetryButton")
        self.retryButton.clicked.connect(self.retry)
        self.abortButton = QPushButton(self.tr("Abort the run"), self.pauseBox)
        self.abortButton.setObjectName("bulkAbortButton")
        self.abortButton.clicked.connect(self.abort)
        for button in (self.skipButton, self.retryButton, self.abortButton):
            button.setAutoDefault(False)
        pause_buttons = QHBoxLayout()
        pause_buttons.addWidget(self.skipButton)
        pause_buttons.addWidget(self.retryButton)
        pause_buttons.addStretch(1)
        pause_buttons.addWidget(self.abortButton)
        pause_layout = QVBoxLayout(self.pauseBox)
        pause_layout.addWidget(self.pauseLabel)
        pause_layout.addWidget(self.unknownConfirmCheck)
        pause_layout.addLayout(pause_buttons)
        self.pauseBox.setVisible(False)

        self.summaryLabel = QLabel(page)
        self.summaryLabel.setObjectName("bulkSummaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summaryLabel.setVisible(False)

        self.cancelButton = QPushButton(self.tr("Cancel the rest"), page)
        self.cancelButton.setObjectName("bulkCancelButton")
        self.cancelButton.setToolTip(
            self.tr("Stop before the next campaign; a call already sent finishes first.")
        )
        self.cancelButton.setAutoDefault(False)
        self.cancelButton.clicked.connect(self.cancel)
        self.closeButton = QPushButton(self.tr("Close"), page)
        self.closeButton.setObjectName("bulkCloseButton")
        self.closeButton.setVisible(False)
        self.closeButton.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancelButton)
        buttons.addWidget(self.closeButton)

        layout = QVBoxLayout(page)
        layout.addWidget(self.progressLabel)
        layout.addWidget(self.progressBar)
        layout.addWidget(self.currentLabel)
        layout.addWidget(self.resultsTable, 1)
        layout.addWidget(self.pauseBox)
        layout.addWidget(self.summaryLabel)
        layout.addLayout(buttons)
        return page

    def _start_run(self, plan: BulkPlan, *, allow_over_budget: bool) -> None:
        assert self.runner is not None
        self._running = True
        self.plan = plan
        self._states = [
            "waiting" if plan.will_call(item) else "in_state" for item in plan.items
        ]
        self.resultsTable.setRowCount(len(plan.items))
        for row, item in enumerate(plan.items):
            self._set_cell(row, self.COL_ID, item.campaign_id)
            self._set_cell(row, self.COL_NAME, item.name)
            self._show_state(row)
        self.resultsTable.resizeColumnsToContents()
        self.progressBar.setRange(0, len(plan.items))
        self._refresh_progress()
        self.currentLabel.setText(self.tr("Starting…"))
        self.pages.setCurrentWidget(self.progressPage)
        self.runner.begin(plan, allow_over_budget)

    def _set_cell(self, row: int, column: int, text: str) -> QTableWidgetItem:
        cell = self.resultsTable.item(row, column)
        if cell is None:
            cell = QTableWidgetItem()
            self.resultsTable.setItem(row, column, cell)
        cell.setText(text)
        return cell

    def _show_state(self, row: int, result: CallResult | None = None) -> None:
        state = self._states[row]
        if state == "waiting":
            self._set_cell(row, self.COL_OUTCOME, self.tr("Waiting"))
            self._set_cell(row, self.COL_DETAIL, "")
            return
        look = outcome_look(state)
        cell = self._set_cell(row, self.COL_OUTCOME, look.text)  # + the icon, + the colour
        cell.setForeground(look.color)
        cell.setIcon(outcome_icon(state))
        detail = ""
        if result is not None and not result.ok:
            detail = messages.describe(result, self.action.value, self._states_id(row))
            raw = " · ".join(str(p) for p in (result.code, result.error, result.msg) if p)
            if raw:
                detail = f"{detail} ({raw})"
            cell.setToolTip(detail)
        elif result is not None:
            detail = messages.describe(result, self.action.value, self._states_id(row))
        elif state == "in_state":
            detail = self._in_state_words()
        elif state == "not_run":
            detail = self.tr("Not sent: the run was cancelled first.")
        elif state == "skipped":
            detail = self.tr("Skipped at your request.")
        if result is None and state == "skipped":
            old = self.resultsTable.item(row, self.COL_DETAIL)
            if old is not None and old.text():
                detail = old.text() + " " + detail
        detail_cell = self._set_cell(row, self.COL_DETAIL, detail)
        detail_cell.setToolTip(detail)

    def _states_id(self, row: int) -> str:
        assert self.plan is not None
        return self.plan.items[row].campaign_id

    def _refresh_progress(self) -> None:
        total = len(self._states)
        done = sum(
            1 for i, s in enumerate(self._states)
            if s not in ("waiting", "running") and i != self._paused_index
        )
        self.progressBar.setValue(done)
        self.progressLabel.setText(
            self.tr("{done} of {total} done").format(done=done, total=total)
        )

    @Slot(int, str)
    def _on_item_started(self, index: int, campaign_id: str) -> None:
        if not 0 <= index < len(self._states):
            return
        self._states[index] = "running"
        self._show_state(index)
        first = self.resultsTable.item(index, self.COL_ID)
        if first is not None:
            self.resultsTable.scrollToItem(first)
        assert self.plan is not None
        name = self.plan.items[index].name
        label = f"{campaign_id} · {name}" if name else campaign_id
        if self.action is Action.START:
            text = self.tr("Starting {campaign}…").format(campaign=label)
        else:
            text = self.tr("Stopping {campaign}…").format(campaign=label)
        if self._cancel_requested:
            text += " " + self.tr("(the rest is cancelled)")
        self.currentLabel.setText(text)
        self._refresh_progress()
        self.itemStarted.emit(index, campaign_id)

    @Slot(int, object)
    def _on_item_finished(self, index: int, result: CallResult) -> None:
        if not 0 <= index < len(self._states):
            return
        self._states[index] = result.outcome.value
        if result.reason is Reason.CANCELLED:
            self._states[index] = "not_run"
            self._show_state(index)
        else:
            self._show_state(index, result)
        self._refresh_progress()
        self.itemFinished.emit(index, result)

    @Slot(int, object)
    def _on_paused(self, index: int, result: CallResult) -> None:
        self._paused_index = index
        self._paused_result = result
        look = outcome_look(result.outcome.value)
        campaign = self._states_id(index)
        sentence = messages.describe(result, self.action.value, campaign)
        self.pauseBox.setTitle(
            self.tr("Paused on campaign {campaign}: {outcome}").format(
                campaign=campaign, outcome=f"{look.glyph} {look.text}")
        )
        self.pauseLabel.setText(sentence)
        self.pauseLabel.setStyleSheet(f"color: {look.color.name()};")
        is_unknown = result.outcome is Outcome.UNKNOWN
        self.unknownConfirmCheck.setChecked(False)
        self.unknownConfirmCheck.setVisible(is_unknown)
        self.pauseBox.setVisible(True)
        self.cancelButton.setEnabled(False)
        self.currentLabel.setText(self.tr("Waiting for your decision."))
        self._refresh_pause_buttons()
        self._refresh_progress()
        self.skipButton.setFocus()
        self.runPaused.emit(index, result)

    @Slot()
    def _refresh_pause_buttons(self) -> None:
        result = self._paused_result
        needs_check = result is not None and result.outcome is Outcome.UNKNOWN
        self.retryButton.setEnabled(
            self._paused_index is not None
            and (not needs_check or self.unknownConfirmCheck.isChecked())
        )
        if needs_check:
            self.retryButton.setToolTip(
                self.tr(
                    "It may have happened already: tick the box once you have checked the "
                    "campaign in Wolkvox."
                )
            )
        else:
            self.retryButton.setToolTip("")

    def _leave_pause(self) -> int | None:
        index = self._paused_index
        self._paused_index = None
        self._paused_result = None
        self.pauseBox.setVisible(False)
        self.cancelButton.setEnabled(not self._cancel_requested)
        return index

    @Slot()
    def skip(self) -> None:
        if self._paused_index is None or self.runner is None:
            return
        index = self._leave_pause()
        if index is not None:
            self._states[index] = "skipped"
            self._show_state(index)
            self._refresh_progress()
        self.runner.skip()

    @Slot()
    def retry(self) -> None:
        result = self._paused_result
        if self._paused_index is None or self.runner is None or result is None:
            return
        confirmed = self.unknownConfirmCheck.isChecked()
        if result.outcome is Outcome.UNKNOWN and not confirmed:
            return  # the button is disabled; never retry an unknown without confirmation
        self._leave_pause()
        self.runner.retry(confirmed)

    @Slot()
    def abort(self) -> None:
        if self.runner is None:
            return
        self._leave_pause()
        self._cancel_requested = True
        self.cancelButton.setEnabled(False)
        self.currentLabel.setText(self.tr("Aborting…"))
        self.runner.abort()

    @Slot()
    def cancel(self) -> None:
        """Stop before the next campaign (a call already sent finishes and is shown)."""
        if self.runner is None or not self._running or self._finished:
            return
        self._cancel_requested = True
        self.cancelButton.setEnabled(False)
        self.cancelButton.setText(self.tr("Cancelling after the current call…"))
        self.runner.cancel()

    @Slot(object)
    def _on_finished(self, summary: BulkSummary) -> None:
        self._summary = summary
        self._running = False
        self._finished = True
        for row, record in enumerate(summary.records):
            if row >= len(self._states):
                break
            state = record.state
            if state is ItemState.NOT_RUN and self._states[row] != "not_run":
                self._states[row] = "not_run"
                self._show_state(row)
            elif state is ItemState.IN_STATE and self._states[row] != "in_state":
                self._states[row] = "in_state"
                self._show_state(row)
        self._refresh_progress()
        self.pauseBox.setVisible(False)
        self.cancelButton.setVisible(False)
        self.closeButton.setVisible(True)
        self.closeButton.setDefault(True)
        self.closeButton.setFocus()
        self.currentLabel.setText(
            self.tr("Cancelled.") if summary.progress.cancelled else self.tr("Finished.")
        )
        self.summaryLabel.setText(self.summary_text(summary))
        self.summaryLabel.setVisible(True)
        self.runFinished.emit(summary)

    def summary_counts(self, summary: BulkSummary) -> dict[str, int]:
        """ok / refused / undelivered / unknown / invalid (not sent) / skipped / in_state /
        not_run, each campaign counted once by where it ended."""
        counts = dict.fromkeys(
            ("ok", "refused", "undelivered", "unknown", "invalid", "skipped", "in_state",
             "not_run"), 0
        )
        for record in summary.records:
            last = record.last_result
            if record.state is ItemState.OK:
                counts["ok"] += 1
            elif record.state is ItemState.IN_STATE:
                counts["in_state"] += 1
            elif record.state is ItemState.NOT_RUN:
                counts["not_run"] += 1
            elif record.state is ItemState.SKIPPED:
                counts["skipped"] += 1
            elif last is not None and not last.ok:
                counts[last.outcome.value] += 1
            else:
                counts["not_run"] += 1
        return counts

    def summary_text(self, summary: BulkSummary) -> str:
        c = self.summary_counts(summary)
        dash = outcome_look("skipped").glyph
        ok_words = self.tr("started") if self.action is Action.START else self.tr("stopped")
        parts = [
            f"{outcome_look('ok').glyph} {c['ok']} {ok_words}",
            f"{outcome_look('refused').glyph} {c['refused']} " + self.tr("refused"),
            f"{outcome_look('undelivered').glyph} {c['undelivered']} " + self.tr("not delivered"),
            f"{outcome_look('unknown').glyph} {c['unknown']} " + self.tr("unknown"),
            f"{dash} {c['skipped']} " + self.tr("skipped"),
        ]
        if c["invalid"]:
            parts.append(f"{outcome_look('invalid').glyph} {c['invalid']} " + self.tr("not sent"))
        if c["in_state"]:
            parts.append(
                f"{dash} {c['in_state']} " + self.tr("already in that state")
            )
        if c["not_run"]:
            parts.append(f"{dash} {c['not_run']} " + self.tr("not run (cancelled)"))
        text = " · ".join(parts)
        text += "\n" + self.tr("{calls} call(s) made; each is in the history.").format(
            calls=summary.calls
        )
        skipped_with_failure = sum(
            1 for r in summary.records
            if r.state is ItemState.SKIPPED and r.last_result is not None
            and r.last_result.outcome is Outcome.UNKNOWN
        )
        if c["unknown"] or skipped_with_failure:
            text += "\n" + self.tr(
                "Some outcomes are unknown: refresh the campaign list and check those "
                "campaigns before trying again."
            )
        return text

    # ---------------------------------------------------------------- closing
    def is_running(self) -> bool:
        return self._running and not self._finished

    def reject(self) -> None:
        """Esc / Cancel / the window's close button: during a run this cancels between
        calls and keeps the dialog open until the run ends; otherwise it closes."""
        if self.is_running():
            self.cancel()
            return
        self.shutdown()
        super().reject()

    def accept(self) -> None:
        self.shutdown()
        super().accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_running():
            self.cancel()
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self, wait_ms: int = 5000) -> bool:
        """Stop the runner for good: cancel, abort a call in flight, end its thread (bounded).
        Safe to call more than once; the main window calls it when the app closes."""
        runner = self.runner
        if runner is None:
            return True
        stopped = runner.shutdown(wait_ms)
        _unregister(self)
        return stopped

    def close_now(self, wait_ms: int = 5000) -> bool:
        """The app is closing: stop the run (see :meth:`shutdown`) and close the dialog
        even mid-run; news still queued from the runner is ignored from here on."""
        stopped = self.shutdown(wait_ms)
        runner = self.runner
        if runner is not None:
            for signal in (runner.ready, runner.openFailed, runner.itemStarted,
                           runner.itemFinished, runner.paused, runner.finished,
                           runner.tokenInfo, runner.usageChanged):
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # "failed to disconnect": nothing left
                    try:
                        signal.disconnect()
                    except (RuntimeError, TypeError):
                        pass
        self._running = False
        self._finished = True
        self.done(QDialog.DialogCode.Rejected)
        return stopped


_open_dialogs: list[BulkDialog] = []
_quit_hooked = False


def _register(dialog: BulkDialog) -> None:
    global _quit_hooked
    _open_dialogs.append(dialog)
    app = QCoreApplication.instance()
    if app is not None and not _quit_hooked:
        app.aboutToQuit.connect(shutdown_all)
        _quit_hooked = True


def _unregister(dialog: BulkDialog) -> None:
    if dialog in _open_dialogs:
        _open_dialogs.remove(dialog)


def shutdown_all(wait_ms: int = 5000) -> None:
    """Stop every bulk run still going (the app is quitting)."""
    for dialog in list(_open_dialogs):
        try:
            dialog.shutdown(wait_ms)
        except RuntimeError:  # the C++ dialog is already gone
            _unregister(dialog)


# ---------------------------------------------------------------- wiring into the window


def _layout_holding(root: QLayout | None, widget: QWidget) -> QLayout | None:
    """The (possibly nested) layout that directly holds ``widget``."""
    if root is None:
        return None
    if root.indexOf(widget) >= 0:
        return root
    for i in range(root.count()):
        child = root.itemAt(i)
        inner = child.layout() if child is not None else None
        if inner is not None:
            found = _layout_holding(inner, widget)
            if found is not None:
                return found
    return None


def _insert_after(anchor: object, widgets: Sequence[QWidget], *, before: bool = False) -> bool:
    """Put ``widgets`` next to ``anchor`` in its box layout; False if there is none."""
    if not isinstance(anchor, QWidget):
        return False
    parent = anchor.parentWidget()
    layout = _layout_holding(parent.layout() if parent is not None else None, anchor)
    if not isinstance(layout, QBoxLayout):
        return False
    index = layout.indexOf(anchor) + (0 if before else 1)
    for offset, widget in enumerate(widgets):
        layout.insertWidget(index + offset, widget)
        widget.show()
    return True


def _place(window: QWidget, anchor: object, widgets: Sequence[QWidget], *,
           before: bool = False) -> None:
    """Next to ``anchor``, or else on the window's status bar: always reachable."""
    if _insert_after(anchor, widgets, before=before):
        return
    if isinstance(window, QMainWindow):
        for widget in widgets:
            window.statusBar().addPermanentWidget(widget)
            widget.show()


class BulkControls(QObject):
    """The window's *Start selected* / *Stop selected* / *History* buttons and the dialogs
    they open. Created by :func:`install_bulk_and_history`; a child of the window.

    Expects the main window's public parts: ``campaignTable`` (rows carry the
    ``SavedCampaign`` under ``CampaignRole``), ``startButton``/``stopButton``,
    ``settingsButton``, ``operationCombo``, ``current_server()``, ``handle`` (the
    ``WorkerHandle``: its worker opens services, its config names the store file).
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("bulkControls")
        self.window_ = window
        self.bulk_dialog: BulkDialog | None = None
        self.history_window: QDialog | None = None
        table = window.campaignTable  # type: ignore[attr-defined]
        self.table = table
        if table.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection:
            table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

        self.startSelectedButton = QPushButton(window)
        self.startSelectedButton.setObjectName("startSelectedButton")
        self.startSelectedButton.setAccessibleName(self.tr("Start the selected campaigns"))
        self.startSelectedButton.setToolTip(
            self.tr("Start every selected campaign, one after the other (asks first)")
        )
        self.stopSelectedButton = QPushButton(window)
        self.stopSelectedButton.setObjectName("stopSelectedButton")
        self.stopSelectedButton.setAccessibleName(self.tr("Stop the selected campaigns"))
        self.stopSelectedButton.setToolTip(
            self.tr("Stop every selected campaign, one after the other (asks first)")
        )
        self.historyButton = QPushButton(self.tr("&History…"), window)
        self.historyButton.setObjectName("historyButton")
        self.historyButton.setAccessibleName(self.tr("Activity history"))
        self.historyButton.setToolTip(
            self.tr("Every call made from this computer: filter, copy, export (Ctrl+H)")
        )
        for button in (self.startSelectedButton, self.stopSelectedButton, self.historyButton):
            button.setAutoDefault(False)
        _place(window, getattr(window, "stopButton", None),
               [self.startSelectedButton, self.stopSelectedButton])
        _place(window, getattr(window, "settingsButton", None), [self.historyButton],
               before=True)

        self.startSelectedButton.clicked.connect(self.start_selected)
        self.stopSelectedButton.clicked.connect(self.stop_selected)
        self.historyButton.clicked.connect(self.open_history)
        history_shortcut = QShortcut(QKeySequence("Ctrl+H"), window)
        history_shortcut.activated.connect(self.open_history)
        table.selectionModel().selectionChanged.connect(self._update)
        model = table.model()
        model.modelReset.connect(self._update)
        model.layoutChanged.connect(self._update)
        window.operationCombo.currentIndexChanged.connect(self._update)  # type: ignore[attr-defined]
        window.installEventFilter(self)
        self._update()

    # ---- state ----
    def selected_campaigns(self) -> list[object]:
        """The selected campaigns (``SavedCampaign``), in the order they were selected."""
        from wolkvox_desktop.gui.campaign_model import CampaignRole

        out: list[object] = []
        for index in self.table.selectionModel().selectedRows():
            saved = index.data(CampaignRole)
            if saved is not None:
                out.append(saved)
        return out

    def _server(self) -> str | None:
        server = self.window_.current_server()  # type: ignore[attr-defined]
        return server if isinstance(server, str) and server else None

    @Slot()
    def _update(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        running = self.bulk_dialog is not None and self.bulk_dialog.is_running()
        enabled = count > 0 and self._server() is not None and not running
        self.startSelectedButton.setEnabled(enabled)
        self.stopSelectedButton.setEnabled(enabled)
        self.startSelectedButton.setText(
            self.tr("▶ Start selected ({count})").format(count=count)
            if count else self.tr("▶ Start selected")
        )
        self.stopSelectedButton.setText(
            self.tr("■ Stop selected ({count})").format(count=count)
            if count else self.tr("■ Stop selected")
        )

    # ---- actions ----
    @Slot()
    def start_selected(self) -> BulkDialog | None:
        return self._open_bulk(Action.START)

    @Slot()
    def stop_selected(self) -> BulkDialog | None:
        return self._open_bulk(Action.STOP)

    def _open_bulk(self, action: Action) -> BulkDialog | None:
        server = self._server()
        items = self.selected_campaigns()
        if server is None or not items:
            return None
        current = self.bulk_dialog
        if current is not None and current.is_running():
            current.raise_()
            current.activateWindow()
            return current
        if current is not None:
            current.close()
        worker = self.window_.handle.worker  # type: ignore[attr-defined]
        dialog = BulkDialog(
            action,
            items,
            worker_service_opener(worker, server),
            self.window_,
            server_label=self.window_.operationCombo.currentText() or server,  # type: ignore[attr-defined]
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.runFinished.connect(self._on_run_finished)
        dialog.itemStarted.connect(self._update)
        dialog.finished.connect(self._on_bulk_closed)
        self.bulk_dialog = dialog
        dialog.show()
        self._update()
        return dialog

    @Slot(object)
    def _on_run_finished(self, _summary: object) -> None:
        server = self._server()
        if server is not None:
            # the statuses Wolkvox confirmed, the last actions, the token count
            self.window_.handle.select_operation(server)  # type: ignore[attr-defined]
        self._update()

    @Slot(int)
    def _on_bulk_closed(self, _result: int) -> None:
        self.bulk_dialog = None
        self._update()

    @Slot()
    def open_history(self) -> QDialog:
        from wolkvox_desktop.core.store import Store
        from wolkvox_desktop.gui.history_view import HistoryWindow

        if self.history_window is not None:
            self.history_window.raise_()
            self.history_window.activateWindow()
            return self.history_window
        handle = self.window_.handle  # type: ignore[attr-defined]
        path = handle.config.store_path
        server = self._server()
        window = HistoryWindow(
            lambda: Store(path),
            self.window_,
            server=server,
            open_service=(
                worker_service_opener(handle.worker, server) if server is not None else None
            ),
        )
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        window.finished.connect(self._on_history_closed)
        self.history_window = window
        window.show()
        return window

    @Slot(int)
    def _on_history_closed(self, _result: int) -> None:
        self.history_window = None

    # ---- closing ----
    def shutdown(self) -> None:
        """Stop a bulk run and the history's background work (the window is closing)."""
        if self.bulk_dialog is not None:
            self.bulk_dialog.close_now()
        if self.history_window is not None:
            self.history_window.close()  # stops its background work first

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        # Before the window's own closeEvent stops its worker (and closes the store the
        # run writes to), end the run: cancel, abort the call in flight, join its thread.
        # getattr: during teardown the Python side may already be half gone
        if watched is getattr(self, "window_", None) and event.type() == QEvent.Type.Close:
            self.shutdown()
        return False


def install_bulk_and_history(window: QWidget) -> BulkControls:
    """Add *Start selected*, *Stop selected* (``startSelectedButton``,
    ``stopSelectedButton``) and *History…* (``historyButton``) to the main window. Idempotent:
    a second call returns the controls already installed."""
    existing = window.findChild(BulkControls, "bulkControls")
    if isinstance(existing, BulkControls):
        return existing
    return BulkControls(window)
