"""One row per campaign of a run: its id, its name, its outcome and what that means.

Names and sentences elide; the Outcome column always fits its words, at any window width
(the full sentence is the cell's tooltip, and the pause box says it in full).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from wolkvox_desktop.core.bulk import BulkPlan
from wolkvox_desktop.core.bulk_run import BulkSummary, ItemState
from wolkvox_desktop.core.campaigns import Action
from wolkvox_desktop.core.errors import CallResult
from wolkvox_desktop.gui import messages
from wolkvox_desktop.gui.answer_text import shown_answer
from wolkvox_desktop.gui.outcome_look import look, outcome_icon, outcome_words

WAITING = "waiting"


class ResultsTable(QTableWidget):
    """The run's rows. A row's state is ``waiting``, ``running``, an outcome (``ok``,
    ``refused``, …), ``skipped`` (after a failure: shown with that failure's outcome),
    ``in_state`` or ``not_run``."""

    COL_ID, COL_NAME, COL_OUTCOME, COL_DETAIL = range(4)

    def __init__(self, action: Action, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.action = action
        self.plan: BulkPlan | None = None
        self._states: list[str] = []
        self._failures: list[CallResult | None] = []
        self.setObjectName("bulkResultsTable")
        self.setAccessibleName(self.tr("Outcome of each campaign"))
        self.setHorizontalHeaderLabels(
            [self.tr("Campaign"), self.tr("Name"),
             self.tr("Outcome"), self.tr("What it means")]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(self.COL_ID, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.COL_OUTCOME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_DETAIL, QHeaderView.ResizeMode.Stretch)

    # ---------------------------------------------------------------- reading
    def row_state(self, row: int) -> str:
        return self._states[row]

    def outcome_text(self, row: int) -> str:
        cell = self.item(row, self.COL_OUTCOME)
        return cell.text() if cell is not None else ""

    # ---------------------------------------------------------------- changes
    def set_plan(self, plan: BulkPlan) -> None:
        self.plan = plan
        self._states = [WAITING if plan.will_call(i) else "in_state" for i in plan.items]
        self._failures = [None] * len(plan.items)
        self.setRowCount(len(plan.items))
        for row, item in enumerate(plan.items):
            self._cell(row, self.COL_ID, item.campaign_id)
            self._cell(row, self.COL_NAME, item.name).setToolTip(item.name)
            self._show(row, None)

    def set_running(self, row: int) -> None:
        self._states[row] = "running"
        self._show(row, None)
        first = self.item(row, self.COL_ID)
        if first is not None:
            self.scrollToItem(first)

    def set_result(self, row: int, result: CallResult) -> None:
        self._states[row] = result.outcome.value
        self._failures[row] = None if result.ok else result
        self._show(row, result)

    def set_skipped(self, row: int) -> None:
        self._states[row] = "skipped"
        self._show(row, None)

    def apply_summary(self, summary: BulkSummary) -> None:
        """The run's own word on each row: campaigns never sent, and those in state."""
        for row, record in enumerate(summary.records[: len(self._states)]):
            if record.state is ItemState.NOT_RUN and self._states[row] != "not_run":
                self._states[row] = "not_run"
                self._show(row, None)

    # ---------------------------------------------------------------- drawing
    def _cell(self, row: int, column: int, text: str) -> QTableWidgetItem:
        cell = self.item(row, column)
        if cell is None:
            cell = QTableWidgetItem()
            self.setItem(row, column, cell)
        cell.setText(text)
        return cell

    def _show(self, row: int, result: CallResult | None) -> None:
        state = self._states[row]
        failure = self._failures[row]
        shown = failure.outcome.value if state == "skipped" and failure is not None else state
        if state == WAITING:
            text, detail = self.tr("Waiting"), ""
        else:
            text = outcome_words(shown, in_progress=state == "running")
            detail = self._detail(row, state, result or failure)
            if state == "skipped" and failure is not None:
                text = f"{text} · {outcome_words('skipped')}"
        cell = self._cell(row, self.COL_OUTCOME, text)
        if state != WAITING:
            shape = look(shown, in_progress=state == "running")
            cell.setForeground(shape.color)
            cell.setIcon(outcome_icon(shown, in_progress=state == "running"))
        cell.setToolTip(detail or text)
        self._cell(row, self.COL_DETAIL, detail).setToolTip(detail)

    def _detail(self, row: int, state: str, result: CallResult | None) -> str:
        assert self.plan is not None
        campaign = self.plan.items[row].campaign_id
        if state == "not_run":
            return self.tr("Not sent: the run was cancelled first.")
        if result is None:
            return ""
        detail = messages.describe(result, self.action.value, campaign)
        answer = shown_answer(result.error, result.msg, result.http_status)  # a page: summed up
        raw = " · ".join(str(p) for p in (result.code, answer) if p)
        if raw and not result.ok:
            detail = f"{detail} ({raw})"
        if state == "skipped":
            detail += " " + self.tr("Skipped at your request.")
        return detail
