"""What the supervisor asks History to show: the filter value and the bar that edits it.

:class:`HistoryFilter` is a plain value (a date range, an operation, part of a campaign ID,
an action, an outcome) that knows its store query. :class:`HistoryFilterBar` holds the
fields; signal ``changed()`` fires at every edit (the window waits for a pause in typing).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from wolkvox_desktop.core.store import (
    HISTORY_ACTIONS,
    HISTORY_OUTCOMES,
    PENDING,
    HistoryRow,
    Operation,
    Store,
)
from wolkvox_desktop.gui import messages
from wolkvox_desktop.gui.local_format import date_pattern
from wolkvox_desktop.gui.outcome_look import look, outcome_icon

DEFAULT_DAYS = 7
ACTIONS = HISTORY_ACTIONS
OUTCOMES = tuple(o for o in HISTORY_OUTCOMES if o != PENDING)  # the window lists ended calls


@dataclass(frozen=True)
class HistoryFilter:
    """``campaign`` matches any campaign ID that contains it; ``outcome="unknown"``
    includes calls interrupted by a crash."""

    since: datetime | None = None
    until: datetime | None = None
    server: str | None = None
    campaign: str | None = None
    action: str | None = None
    outcome: str | None = None

    def query(self, store: Store, limit: int | None) -> list[HistoryRow]:
        return store.history(
            since=self.since,
            until=self.until,
            server=self.server,
            campaign_like=self.campaign,
            action=self.action,
            outcome=self.outcome,
            limit=limit,
        )


def day_range(first: date, last: date) -> tuple[datetime, datetime]:
    """Local midnight of ``first`` to local midnight after ``last`` (timezone-aware)."""
    if last < first:
        first, last = last, first
    since = datetime.combine(first, time.min).astimezone()
    until = datetime.combine(last + timedelta(days=1), time.min).astimezone()
    return since, until


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class HistoryFilterBar(QWidget):
    """Dates, operation, campaign, action and outcome. Signals: ``changed()``."""

    changed = Signal()

    def __init__(self, server: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _translate = QCoreApplication.translate  # one context for the whole window
        today = QDate.currentDate()
        self.sinceEdit = QDateEdit(today.addDays(-(DEFAULT_DAYS - 1)), self)
        self.sinceEdit.setObjectName("historySince")
        self.sinceEdit.setAccessibleName(_translate("HistoryWindow", "From date"))
        self.untilEdit = QDateEdit(today, self)
        self.untilEdit.setObjectName("historyUntil")
        self.untilEdit.setAccessibleName(_translate("HistoryWindow", "To date"))
        for edit in (self.sinceEdit, self.untilEdit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_pattern())  # as every date the window writes
            edit.dateChanged.connect(self.changed)

        self.operationCombo = self._choices(
            "historyOperation", _translate("HistoryWindow", "Operation"),
            _translate("HistoryWindow", "All operations"),
            [(QIcon(), server, server)] if server else [],
        )
        self.operationCombo.setCurrentIndex(self.operationCombo.count() - 1)

        self.campaignEdit = QLineEdit(self)
        self.campaignEdit.setObjectName("historyCampaign")
        self.campaignEdit.setPlaceholderText(
            _translate("HistoryWindow", "Campaign ID or part of it")
        )
        self.campaignEdit.setAccessibleName(_translate("HistoryWindow", "Campaign ID"))
        self.campaignEdit.setClearButtonEnabled(True)
        self.campaignEdit.textChanged.connect(self.changed)

        self.actionCombo = self._choices(
            "historyAction", _translate("HistoryWindow", "Action"),
            _translate("HistoryWindow", "All actions"),
            [(QIcon(), messages.action_label(key), key) for key in ACTIONS],
        )
        self.outcomeCombo = self._choices(
            "historyOutcome", _translate("HistoryWindow", "Outcome"),
            _translate("HistoryWindow", "All outcomes"),
            [(outcome_icon(key), f"{look(key).glyph} {look(key).text}", key)
             for key in OUTCOMES],
        )

        for combo in (self.operationCombo, self.actionCombo, self.outcomeCombo):
            # their whole text stays in view ("Cobranza Bogotá · 0032", not "Cobranza Bog")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.campaignEdit.setMinimumWidth(120)

        dates = QHBoxLayout()
        dates.addWidget(self.sinceEdit)
        dates.addWidget(QLabel(_translate("HistoryWindow", "to"), self))
        dates.addWidget(self.untilEdit)
        dates.addStretch(1)
        what = QHBoxLayout()
        what.addWidget(self.operationCombo)
        what.addWidget(self.campaignEdit, 1)
        what.addWidget(self.actionCombo)
        what.addWidget(self.outcomeCombo)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        dates_label = QLabel(_translate("HistoryWindow", "&Dates:"), self)
        dates_label.setBuddy(self.sinceEdit)
        show_label = QLabel(_translate("HistoryWindow", "&Show:"), self)
        show_label.setBuddy(self.operationCombo)
        form.addRow(dates_label, dates)
        form.addRow(show_label, what)

    def _choices(self, name: str, accessible: str, everything: str,
                 items: list[tuple[QIcon, str, str]]) -> QComboBox:
        """A combo box offering ``everything`` (no filter), then ``items``."""
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.addItem(everything, None)
        for icon, text, key in items:
            combo.addItem(icon, text, key)
        combo.currentIndexChanged.connect(self.changed)
        return combo

    def focus_chain(self) -> list[QWidget]:
        """The fields in the order they are read."""
        return [self.sinceEdit, self.untilEdit, self.operationCombo, self.campaignEdit,
                self.actionCombo, self.outcomeCombo]

    def current(self) -> HistoryFilter:
        since, until = day_range(_day(self.sinceEdit.date()), _day(self.untilEdit.date()))
        return HistoryFilter(
            since=since,
            until=until,
            server=self.operationCombo.currentData(),
            campaign=self.campaignEdit.text().strip() or None,
            action=self.actionCombo.currentData(),
            outcome=self.outcomeCombo.currentData(),
        )

    def server(self) -> str | None:
        """The operation chosen, or ``None`` for all of them."""
        data = self.operationCombo.currentData()
        return str(data) if data else None

    def set_operations(self, operations: list[Operation]) -> None:
        """List the saved operations (with their names); the choice is kept, silently."""
        combo = self.operationCombo
        current = combo.currentData()
        combo.blockSignals(True)
        try:
            while combo.count() > 1:
                combo.removeItem(1)
            if current and current not in {op.server for op in operations}:
                combo.addItem(current, current)
            for op in operations:
                combo.addItem(f"{op.label} · {op.server}" if op.label else op.server, op.server)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
        finally:
            combo.blockSignals(False)
